/**
 * Finds where our OpenAPI document promises something authentik's does not: an operation,
 * parameter or property authentik lacks, a type or format that contradicts authentik's, or an enum
 * value authentik would not accept or send. Missing things on our side are fine: ak-web uses only
 * part of authentik's API.
 */
import { dereference, type MediaTypes, type OpenApiDocument, type Operation, type Schema } from "./openapi-docs.ts";

/** One way our document differs from authentik's. `at` reads like `User › groups_obj[] › name`. */
export interface Deviation {
  at: string;
  differs: string;
}

interface Docs {
  ours: OpenApiDocument;
  theirs: OpenApiDocument;
}

/** Every deviation of `ours` from `theirs`, in document order. */
export function compareDocuments(ours: OpenApiDocument, theirs: OpenApiDocument): Deviation[] {
  const docs = { ours, theirs };
  const found: Deviation[] = [];
  for (const [path, item] of Object.entries(ours.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      found.push(...compareOperation(docs, `${method.toUpperCase()} ${path}`, operation, theirs.paths[path]?.[method]));
    }
  }
  // Components both documents name alike are compared here, once; wherever else a walk meets the
  // same name on both sides, it stops.
  for (const [name, schema] of Object.entries(ours.components.schemas)) {
    const theirSchema = theirs.components.schemas[name];
    if (theirSchema) found.push(...compareSchemas(docs, name, schema, theirSchema, new Set()));
  }
  return found;
}

function compareOperation(docs: Docs, at: string, ours: Operation, theirs: Operation | undefined): Deviation[] {
  if (!theirs) return [{ at, differs: "authentik has no such operation" }];
  const found: Deviation[] = [];
  if (ours.operationId !== theirs.operationId) {
    found.push({ at, differs: `operationId "${ours.operationId}", authentik's is "${theirs.operationId}"` });
  }
  for (const parameter of ours.parameters ?? []) {
    const where = `${at} › ${parameter.in} parameter ${parameter.name}`;
    const match = theirs.parameters?.find((p) => p.name === parameter.name && p.in === parameter.in);
    if (!match) found.push({ at: where, differs: "authentik's operation has no such parameter" });
    else if (parameter.schema && match.schema) found.push(...compareSchemas(docs, where, parameter.schema, match.schema, new Set()));
  }
  found.push(...compareContent(docs, `${at} › request body`, ours.requestBody?.content, theirs.requestBody?.content));
  for (const [status, response] of Object.entries(ours.responses ?? {})) {
    if (!status.startsWith("2")) continue;
    const where = `${at} › ${status} response`;
    const theirResponse = theirs.responses?.[status];
    if (!theirResponse) found.push({ at: where, differs: "authentik's operation has no such response" });
    else found.push(...compareContent(docs, where, response.content, theirResponse.content));
  }
  return found;
}

function compareContent(docs: Docs, at: string, ours: MediaTypes | undefined, theirs: MediaTypes | undefined): Deviation[] {
  const found: Deviation[] = [];
  for (const [mediaType, { schema }] of Object.entries(ours ?? {})) {
    const theirSchema = theirs?.[mediaType]?.schema;
    if (!theirSchema) found.push({ at, differs: `authentik declares no ${mediaType} content here` });
    else if (schema) found.push(...compareSchemas(docs, at, schema, theirSchema, new Set()));
  }
  return found;
}

interface Unwrapped {
  schema: Schema;
  name?: string;
  nullable: boolean;
}

/**
 * Follows `$ref`s and unwraps a single-entry `allOf`, authentik's way of adding `nullable` to a ref.
 * A schema without a type (`{}`) admits null just as `nullable: true` does.
 */
function unwrap(doc: OpenApiDocument, schema: Schema): Unwrapped {
  let nullable = Boolean(schema.nullable);
  let found = dereference(doc, schema);
  while (found.schema.allOf?.length === 1) {
    nullable ||= Boolean(found.schema.nullable);
    const inner = dereference(doc, found.schema.allOf[0]);
    found = { schema: inner.schema, name: inner.name ?? found.name };
  }
  const untyped = !typeOf(found.schema) && !variantsOf(found.schema);
  return { ...found, nullable: nullable || Boolean(found.schema.nullable) || untyped };
}

const variantsOf = (schema: Schema): Schema[] | undefined => schema.oneOf ?? schema.anyOf;

/** A schema's type, inferred from its keywords when not stated; undefined means any value. */
function typeOf(schema: Schema): string | undefined {
  if (schema.type) return schema.type;
  if (schema.properties || schema.additionalProperties) return "object";
  if (schema.items) return "array";
  return undefined;
}

const numeric = new Set(["integer", "number"]);
const compatibleTypes = (a: string, b: string) => a === b || (numeric.has(a) && numeric.has(b));
const isSchema = (value: unknown): value is Schema => typeof value === "object" && value !== null;

/**
 * Walks both schemas together. `visiting` holds the pairs of named components on the current path,
 * so that recursive schemas end.
 */
function compareSchemas(docs: Docs, at: string, ourSchema: Schema, theirSchema: Schema, visiting: Set<string>): Deviation[] {
  const ours = unwrap(docs.ours, ourSchema);
  const theirs = unwrap(docs.theirs, theirSchema);
  // Either way round, a null would surprise someone: the UI reading authentik, or authentik reading the UI.
  const found: Deviation[] =
    ours.nullable === theirs.nullable ? [] : [{ at, differs: ours.nullable ? "nullable, authentik's is not" : "not nullable, authentik's is" }];
  if (ours.name && ours.name === theirs.name) return found;
  const pair = `${ours.name}|${theirs.name}`;
  if (ours.name && theirs.name && visiting.has(pair)) return found;
  const inner = ours.name && theirs.name ? new Set([...visiting, pair]) : visiting;

  const ourVariants = variantsOf(ours.schema);
  if (ourVariants) {
    // With a discriminator, each value it maps is a promise of ours; without one, each variant is.
    const mapping: Record<string, string> | undefined = ours.schema.discriminator?.mapping;
    const entries = mapping
      ? Object.entries(mapping).map(([key, $ref]) => ({ key, variant: { $ref }, label: key }))
      : ourVariants.map((variant) => ({ key: undefined, variant, label: unwrap(docs.ours, variant).name ?? "variant" }));
    for (const { key, variant, label } of entries) {
      const where = `${at} › ${label}`;
      const counterpart = variantsOf(theirs.schema) ? pickVariant(docs, variant, key, theirs.schema) : theirs.schema;
      if ("differs" in counterpart) found.push({ at: where, differs: counterpart.differs });
      else found.push(...compareSchemas(docs, where, variant, counterpart, inner));
    }
    return found;
  }
  if (variantsOf(theirs.schema)) {
    // authentik's union states its nullability in its variants, so only the chosen one is compared.
    const counterpart = pickVariant(docs, ourSchema, undefined, theirs.schema);
    return "differs" in counterpart ? [{ at, differs: counterpart.differs }] : compareSchemas(docs, at, ourSchema, counterpart, inner);
  }
  return [...found, ...compareShapes(docs, at, ours.schema, theirs.schema, inner)];
}

/** Type, format, enum values, array items and object properties of two schemas that are not unions. */
function compareShapes(docs: Docs, at: string, ours: Schema, theirs: Schema, visiting: Set<string>): Deviation[] {
  const ourType = typeOf(ours);
  const theirType = typeOf(theirs);
  if (ourType && theirType && !compatibleTypes(ourType, theirType)) {
    return [{ at, differs: `type ${ourType}, authentik's is ${theirType}` }];
  }
  const found: Deviation[] = [];
  if (ours.format && theirs.format && ours.format !== theirs.format) {
    found.push({ at, differs: `format ${ours.format}, authentik's is ${theirs.format}` });
  }
  if (ours.enum && theirs.enum) {
    const extra = ours.enum.filter((value: unknown) => !theirs.enum.includes(value));
    if (extra.length) found.push({ at, differs: `enum values ${JSON.stringify(extra)} are not in authentik's ${JSON.stringify(theirs.enum)}` });
  }
  if (isSchema(ours.items) && isSchema(theirs.items)) {
    found.push(...compareSchemas(docs, `${at}[]`, ours.items, theirs.items, visiting));
  }
  for (const [property, schema] of Object.entries<Schema>(ours.properties ?? {})) {
    const where = `${at} › ${property}`;
    const theirProperty = theirs.properties?.[property] ?? (isSchema(theirs.additionalProperties) ? theirs.additionalProperties : undefined);
    if (!theirProperty) found.push({ at: where, differs: "authentik's schema has no such property" });
    else found.push(...compareSchemas(docs, where, schema, theirProperty, visiting));
  }
  if (isSchema(ours.additionalProperties) && isSchema(theirs.additionalProperties)) {
    found.push(...compareSchemas(docs, `${at}{}`, ours.additionalProperties, theirs.additionalProperties, visiting));
  }
  return found;
}

/**
 * authentik's variant of a union that corresponds to ours: the one its discriminator maps the same
 * value to, else the one of the same name, else the one ours deviates from least.
 */
function pickVariant(docs: Docs, ours: Schema, key: string | undefined, theirUnion: Schema): Schema | { differs: string } {
  const mapping: Record<string, string> | undefined = theirUnion.discriminator?.mapping;
  if (key !== undefined && mapping) {
    const ref = mapping[key];
    return ref ? { $ref: ref } : { differs: `authentik's ${theirUnion.discriminator.propertyName} has no value "${key}"` };
  }
  const theirVariants = variantsOf(theirUnion)!;
  const name = unwrap(docs.ours, ours).name;
  const sameName = theirVariants.find((variant) => name && unwrap(docs.theirs, variant).name === name);
  if (sameName) return sameName;
  const ranked = theirVariants
    .map((variant) => ({ variant, count: compareSchemas(docs, "", ours, variant, new Set()).length }))
    .sort((a, b) => a.count - b.count);
  return ranked[0].variant;
}
