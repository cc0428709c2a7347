import { describe, expect, it } from "vitest";
import { slugFromPath } from "../../src/flow/flow-api.ts";

describe("slugFromPath", () => {
  it("reads the flow slug from the flow interface's URL", () => {
    expect(slugFromPath("/if/flow/default-authentication-flow/")).toBe("default-authentication-flow");
    expect(slugFromPath("/if/flow/my%20flow/")).toBe("my flow");
    expect(slugFromPath("/if/user/")).toBe("");
  });
});
