import { msg } from "@lit/localize";
import { parse, stringify } from "yaml";
import { ValidationError } from "../../api/errors.ts";

/** An object's `attributes`, as authentik's admin edits them: YAML. "" for none. */
export function attributesToYaml(attributes: Readonly<Record<string, unknown>> | undefined): string {
  if (!attributes || Object.keys(attributes).length === 0) return "";
  return stringify(attributes);
}

export type ParsedAttributes = { readonly ok: true; readonly value: Record<string, unknown> } | { readonly ok: false; readonly error: string };

/**
 * The attributes written as YAML (or JSON, which is YAML too): a mapping, or nothing at all.
 * The error is the parser's own message, so it points at the line.
 */
export function yamlToAttributes(text: string): ParsedAttributes {
  if (!text.trim()) return { ok: true, value: {} };
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (value === null || value === undefined) return { ok: true, value: {} };
  if (typeof value !== "object" || Array.isArray(value)) return { ok: false, error: msg("Attributes must be a mapping of keys to values.") };
  return { ok: true, value: value as Record<string, unknown> };
}

/** The attributes to send for `text`; a ValidationError on the `attributes` field when it is not a mapping. */
export function attributesRequest(text: string): Record<string, unknown> {
  const parsed = yamlToAttributes(text);
  if (!parsed.ok) throw new ValidationError({ attributes: [parsed.error] }, []);
  return parsed.value;
}
