import { describe, expect, it } from "vitest";
import { attributesRequest, attributesToYaml, yamlToAttributes } from "../../../src/admin/directory/attributes.ts";
import { ValidationError } from "../../../src/api/errors.ts";
import { memoLast } from "../../../src/common/memo.ts";

describe("attributes as YAML", () => {
  it("round-trips a mapping, and shows none as an empty editor", () => {
    const attributes = { department: "Engineering", tags: ["a", "b"], nested: { level: 2 } };
    expect(yamlToAttributes(attributesToYaml(attributes))).toEqual({ ok: true, value: attributes });
    expect(attributesToYaml({})).toBe("");
    expect(attributesToYaml(undefined)).toBe("");
  });

  it("reads nothing (or only a comment) as no attributes, and JSON as YAML", () => {
    expect(yamlToAttributes("  \n")).toEqual({ ok: true, value: {} });
    expect(yamlToAttributes("# nothing yet")).toEqual({ ok: true, value: {} });
    expect(yamlToAttributes('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it("refuses what is not a mapping, with a message", () => {
    expect(yamlToAttributes("- a\n- b")).toMatchObject({ ok: false });
    expect(yamlToAttributes("just text")).toMatchObject({ ok: false });
    const broken = yamlToAttributes("a: [1, 2");
    expect(broken.ok).toBe(false);
    expect(broken.ok ? "" : broken.error).toMatch(/line|flow|end/i);
  });
});

describe("attributesRequest", () => {
  it("sends a mapping, and puts what is not one on the attributes field", () => {
    expect(attributesRequest("team: blue")).toEqual({ team: "blue" });
    expect(attributesRequest("")).toEqual({});
    let refused: unknown;
    try {
      attributesRequest("- a");
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fields.attributes).toHaveLength(1);
  });
});

describe("memoLast", () => {
  it("returns the same result for the same argument, and a new one for another", () => {
    const derive = memoLast((list: number[]) => list.map((n) => n * 2));
    const a = [1, 2];
    expect(derive(a)).toBe(derive(a));
    expect(derive([1, 2])).not.toBe(derive(a));
  });
});
