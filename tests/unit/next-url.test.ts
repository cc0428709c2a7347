import { describe, expect, it } from "vitest";
import { safeNext } from "../../server/flows/next-url.ts";

describe("safeNext", () => {
  it("keeps same-origin paths", () => {
    expect(safeNext("/if/admin/#/users?x=1")).toBe("/if/admin/#/users?x=1");
  });

  it.each(["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/\nfoo", ""])(
    "refuses %j",
    (value) => {
      expect(safeNext(value)).toBe("/");
    },
  );
});
