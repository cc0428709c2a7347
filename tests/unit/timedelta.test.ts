import { describe, expect, it } from "vitest";
import { parseTimedelta } from "../../server/flows/timedelta.ts";

describe("parseTimedelta (authentik's duration settings)", () => {
  it("reads one or several units, in milliseconds", () => {
    expect(parseTimedelta("seconds=0")).toBe(0);
    expect(parseTimedelta("hours=1;minutes=30")).toBe(90 * 60_000);
    expect(parseTimedelta("weeks=1; days=2")).toBe(9 * 24 * 3600_000);
    expect(parseTimedelta("seconds=1.5")).toBe(1500);
  });

  it("refuses anything else", () => {
    for (const value of ["", "fortnight", "hours=", "years=1", "hours=-1", "hours=1;;oops"]) expect(parseTimedelta(value)).toBeUndefined();
  });
});
