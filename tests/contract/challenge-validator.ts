/**
 * Checks flow executor traffic against authentik's schema: challenges against `ChallengeTypes`,
 * responses against `FlowChallengeResponseRequest`. Both are unions with a discriminator on
 * `component`; the body is validated against the one variant its `component` selects, as
 * authentik's clients do, so an error names one schema instead of every variant.
 */
import Ajv, { type ErrorObject } from "ajv";
import addFormats from "ajv-formats";
import { toJsonSchema } from "./json-schema.ts";
import { refName, type OpenApiDocument } from "./openapi-docs.ts";

export class FlowTrafficValidator {
  readonly #ajv = new Ajv({ strict: false, allErrors: true });
  readonly #doc: OpenApiDocument;

  constructor(doc: OpenApiDocument) {
    this.#doc = doc;
    addFormats(this.#ajv);
    this.#ajv.addSchema(toJsonSchema("authentik", doc.components.schemas));
  }

  /** What is wrong with a challenge the executor sent; empty when it is valid. */
  challenge(body: unknown): string[] {
    return this.#check("ChallengeTypes", body);
  }

  /** What is wrong with a response posted to the executor; empty when it is valid. */
  response(body: unknown): string[] {
    return this.#check("FlowChallengeResponseRequest", body);
  }

  #check(union: string, body: unknown): string[] {
    const { propertyName, mapping } = this.#doc.components.schemas[union].discriminator;
    const value = typeof body === "object" && body !== null ? (body as Record<string, unknown>)[propertyName] : undefined;
    if (typeof value !== "string") return [`has no "${propertyName}" to choose one of authentik's ${union}`];
    const ref: string | undefined = mapping[value];
    if (!ref) return [`${propertyName} "${value}" is none of authentik's ${union}`];
    const validate = this.#ajv.getSchema(`authentik${ref.replace("#/components/schemas/", "#/definitions/")}`)!;
    if (validate(body)) return [];
    return validate.errors!.map((error) => `${refName(ref)}: ${error.instancePath || "/"} ${error.message}${detail(error)}`);
  }
}

function detail(error: ErrorObject): string {
  if (error.keyword === "additionalProperties") return `: "${error.params.additionalProperty}"`;
  if (error.keyword === "enum") return `: ${JSON.stringify(error.params.allowedValues)}`;
  return "";
}
