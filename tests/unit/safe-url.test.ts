import { describe, expect, it } from "vitest";
import { safeLinkUrl } from "../../src/common/safe-url.ts";

const base = "https://id.example.com";

describe("safeLinkUrl", () => {
  it("keeps http(s) URLs and resolves paths against the origin", () => {
    expect(safeLinkUrl("https://wiki.example.org/start", base)).toBe("https://wiki.example.org/start");
    expect(safeLinkUrl("http://intranet/", base)).toBe("http://intranet/");
    expect(safeLinkUrl("/application/o/grafana/", base)).toBe("https://id.example.com/application/o/grafana/");
  });

  it("drops scripts, data, other schemes and empty values", () => {
    for (const value of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,hi", "ftp://files/", "", "  ", null, undefined]) {
      expect(safeLinkUrl(value, base), String(value)).toBeUndefined();
    }
  });
});
