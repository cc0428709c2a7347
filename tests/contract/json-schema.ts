/**
 * Turns OpenAPI 3.0 component schemas into one JSON Schema document that ajv can compile.
 * OpenAPI's `nullable` becomes a union with null, and `#/components/schemas/X` refs point into
 * the document's `definitions`. Keywords JSON Schema lacks (`discriminator`, `readOnly`,
 * `example`) are left in: ajv ignores them when not strict.
 *
 * Objects that list their properties are closed (authentik's schema leaves them open), so a field
 * authentik does not declare is reported instead of silently passing: the UI must not come to
 * depend on something only the reference server sends, nor send something authentik ignores.
 */
import type { Schema } from "./openapi-docs.ts";

export function toJsonSchema(id: string, schemas: Record<string, Schema>) {
  return { $id: id, definitions: mapValues(schemas, convert) };
}

const mapValues = (record: Record<string, Schema>, f: (schema: Schema) => Schema) =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]));

function convert(schema: Schema): Schema {
  const { nullable, ...out } = schema;
  if (typeof out.$ref === "string") out.$ref = out.$ref.replace("#/components/schemas/", "#/definitions/");
  if (out.properties) out.properties = mapValues(out.properties, convert);
  if (typeof out.additionalProperties === "object") out.additionalProperties = convert(out.additionalProperties);
  else if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if (out.items) out.items = convert(out.items);
  for (const keyword of ["allOf", "oneOf", "anyOf"]) if (out[keyword]) out[keyword] = out[keyword].map(convert);
  if (!nullable) return out;
  if (typeof out.type === "string" && !out.enum) return { ...out, type: [out.type, "null"] };
  return { anyOf: [out, { type: "null" }] };
}
