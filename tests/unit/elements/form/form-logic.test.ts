import { describe, expect, it } from "vitest";
import { firstErrorField, sortErrors } from "../../../../src/elements/form/form-errors.ts";
import { sameValue } from "../../../../src/elements/form/same-value.ts";

describe("sortErrors", () => {
  it("puts messages on the fields the form shows and the rest above it, naming their field", () => {
    const errors = sortErrors(
      { username: ["This field must be unique."], path: ["Not a valid path."], email: [] },
      ["Something about the whole request."],
      ["username", "name", "email"],
    );
    expect(errors.fields).toEqual({ username: ["This field must be unique."] });
    expect(errors.form).toEqual(["Something about the whole request.", "path: Not a valid path."]);
  });

  it("finds the first field in error in the form's order", () => {
    const errors = sortErrors({ email: ["bad"], username: ["taken"] }, [], ["username", "name", "email"]);
    expect(firstErrorField(errors, ["username", "name", "email"])).toBe("username");
    expect(firstErrorField(sortErrors({}, ["x"], ["username"]), ["username"])).toBeUndefined();
  });
});

describe("sameValue", () => {
  it("compares models by content", () => {
    expect(sameValue({ a: 1, b: [1, { c: "x" }] }, { b: [1, { c: "x" }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue({ a: undefined }, {})).toBe(true);
    expect(sameValue({ a: null }, {})).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
    expect(sameValue(new Date(0), new Date(0))).toBe(false);
  });
});
