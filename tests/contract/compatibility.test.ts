import { describe, expect, it } from "vitest";
import { compareDocuments } from "./compatibility.ts";
import type { OpenApiDocument, Schema } from "./openapi-docs.ts";

// Tiny documents that show the walker finds each kind of deviation, so the real comparison
// passing means something.

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema) => ({ content: { "application/json": { schema } } });

function authentik(): OpenApiDocument {
  return {
    paths: {
      "/things/": {
        get: {
          operationId: "things_list",
          parameters: [{ name: "kind", in: "query", schema: { type: "string", enum: ["a", "b"] } }],
          responses: { "200": json({ type: "array", items: ref("Thing") }) },
        },
      },
      "/things/{id}/": {
        get: { operationId: "things_retrieve", responses: { "200": json(ref("Thing")) } },
      },
      "/answer/": {
        post: { operationId: "answer", requestBody: json(ref("Answer")), responses: { "200": json(ref("Answer")) } },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: "object",
          properties: {
            id: { type: "number" },
            name: { type: "string" },
            kind: { type: "string", enum: ["a", "b"] },
            owner: { allOf: [ref("Owner")], nullable: true },
            labels: { type: "object", additionalProperties: { type: "string" } },
          },
        },
        Owner: { type: "object", properties: { pk: { type: "string", format: "uuid" } } },
        Answer: {
          oneOf: [ref("YesAnswer"), ref("NoAnswer")],
          discriminator: { propertyName: "component", mapping: { yes: "#/components/schemas/YesAnswer", no: "#/components/schemas/NoAnswer" } },
        },
        YesAnswer: { type: "object", properties: { component: { type: "string" }, sure: { type: "boolean" } } },
        NoAnswer: { type: "object", properties: { component: { type: "string" } } },
      },
    },
  };
}

/** Ours starts as a faithful subset of authentik's, with a differently named copy of `Owner`. */
function ours(): OpenApiDocument {
  const doc = structuredClone(authentik());
  doc.components.schemas.Thing.properties.id = { type: "integer" };
  doc.components.schemas.Thing.properties.owner = { allOf: [ref("ThingOwner")], nullable: true };
  doc.components.schemas.ThingOwner = doc.components.schemas.Owner;
  delete doc.components.schemas.Owner;
  return doc;
}

const deviations = (doc: OpenApiDocument) => compareDocuments(doc, authentik());

describe("compareDocuments", () => {
  it("accepts a faithful subset, integer for number, and the same schema under another name", () => {
    expect(deviations(ours())).toEqual([]);
  });

  it("reports a wrong type", () => {
    const doc = ours();
    doc.components.schemas.Thing.properties.name = { type: "integer" };
    expect(deviations(doc)).toEqual([{ at: "Thing › name", differs: "type integer, authentik's is string" }]);
  });

  it("reports a property authentik lacks", () => {
    const doc = ours();
    doc.components.schemas.Thing.properties.colour = { type: "string" };
    expect(deviations(doc)).toEqual([{ at: "Thing › colour", differs: "authentik's schema has no such property" }]);
  });

  it("reports an enum value authentik lacks, in a schema or a parameter", () => {
    const doc = ours();
    doc.components.schemas.Thing.properties.kind.enum.push("c");
    doc.paths["/things/"].get.parameters![0].schema!.enum.push("c");
    expect(deviations(doc)).toEqual([
      { at: "GET /things/ › query parameter kind", differs: `enum values ["c"] are not in authentik's ["a","b"]` },
      { at: "Thing › kind", differs: `enum values ["c"] are not in authentik's ["a","b"]` },
    ]);
  });

  it("follows refs of different names, and reports a contradicting format and nullability there", () => {
    const doc = ours();
    doc.components.schemas.ThingOwner.properties.pk.format = "uri";
    doc.components.schemas.Thing.properties.owner = ref("ThingOwner");
    expect(deviations(doc)).toEqual([
      { at: "Thing › owner", differs: "not nullable, authentik's is" },
      { at: "Thing › owner › pk", differs: "format uri, authentik's is uuid" },
    ]);
  });

  it("walks inline schemas of operations: array items and map values", () => {
    const doc = ours();
    const list = doc.paths["/things/"].get.responses!["200"].content!["application/json"];
    list.schema = { type: "array", items: { type: "object", properties: { labels: { additionalProperties: { type: "boolean" } } } } };
    expect(deviations(doc)).toEqual([{ at: "GET /things/ › 200 response[] › labels{}", differs: "type boolean, authentik's is string" }]);
  });

  it("reports unknown operations, parameters, a different operationId and a missing response", () => {
    const doc = ours();
    doc.paths["/things/"].post = { operationId: "things_create" };
    doc.paths["/things/"].get.parameters!.push({ name: "colour", in: "query", schema: { type: "string" } });
    doc.paths["/things/{id}/"].get.operationId = "thing_get";
    doc.paths["/things/{id}/"].get.responses!["201"] = json(ref("Thing"));
    expect(deviations(doc)).toEqual([
      { at: "GET /things/ › query parameter colour", differs: "authentik's operation has no such parameter" },
      { at: "POST /things/", differs: "authentik has no such operation" },
      { at: "GET /things/{id}/", differs: `operationId "thing_get", authentik's is "things_retrieve"` },
      { at: "GET /things/{id}/ › 201 response", differs: "authentik's operation has no such response" },
    ]);
  });

  it("matches union variants by discriminator value and reports a value authentik lacks", () => {
    const doc = ours();
    doc.components.schemas.MaybeAnswer = { type: "object", properties: { component: { type: "string" }, sure: { type: "string" } } };
    doc.components.schemas.Answer.oneOf.push(ref("MaybeAnswer"));
    doc.components.schemas.Answer.discriminator.mapping.maybe = "#/components/schemas/MaybeAnswer";
    doc.components.schemas.Answer.discriminator.mapping.yes = "#/components/schemas/MaybeAnswer";
    expect(deviations(doc)).toEqual([
      { at: "Answer › yes › sure", differs: "type string, authentik's is boolean" },
      { at: "Answer › maybe", differs: `authentik's component has no value "maybe"` },
    ]);
  });
});
