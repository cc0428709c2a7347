/**
 * The two OpenAPI 3.0 documents the contract tests compare: ours, generated from the reference
 * server's routes, and authentik's published schema, which stays outside the project as reference
 * data (it is read in place, never copied).
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** An OpenAPI 3.0 schema object; loosely typed because both documents are plain parsed YAML. */
export type Schema = Record<string, any>;

export interface MediaTypes {
  [mediaType: string]: { schema?: Schema };
}

export interface Parameter {
  name: string;
  in: string;
  schema?: Schema;
}

export interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: MediaTypes };
  responses?: Record<string, { content?: MediaTypes }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export const oursUrl = new URL("../../openapi/schema.yml", import.meta.url);
export const authentikUrl = new URL("../../../shared/authentik/schema.yml", import.meta.url);

export function loadOurs(): OpenApiDocument {
  return parse(readFileSync(oursUrl, "utf8"));
}

let authentik: OpenApiDocument | undefined;

/** authentik's schema (parsed once per test file: it is 59,000 lines). */
export function loadAuthentik(): OpenApiDocument {
  const path = fileURLToPath(authentikUrl);
  if (!existsSync(path)) {
    throw new Error(
      `authentik's OpenAPI schema is expected at ${path} (../shared/authentik/schema.yml from the project root). ` +
        "The contract tests compare openapi/schema.yml against it; put the published authentik schema.yml there.",
    );
  }
  authentik ??= parse(readFileSync(path, "utf8"));
  return authentik!;
}

const refPrefix = "#/components/schemas/";

/** The component name a `$ref` points at. */
export const refName = (ref: string) => ref.slice(refPrefix.length);

/** Follows `$ref`s to the schema they name; `name` is the last component passed through. */
export function dereference(doc: OpenApiDocument, schema: Schema): { schema: Schema; name?: string } {
  let name: string | undefined;
  const seen = new Set<string>();
  while (typeof schema.$ref === "string") {
    if (!schema.$ref.startsWith(refPrefix) || seen.has(schema.$ref)) throw new Error(`Cannot resolve ${schema.$ref}`);
    seen.add(schema.$ref);
    name = refName(schema.$ref);
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`Cannot resolve ${schema.$ref}`);
    schema = target;
  }
  return { schema, name };
}
