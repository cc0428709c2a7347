import { describe, expect, it } from "vitest";
import type { CurrentBrand } from "../../src/common/brand.ts";
import { documentTitle } from "../../src/common/document-title.ts";
import { signInUrl } from "../../src/common/session.ts";

describe("signInUrl", () => {
  it("sends to the default authentication flow with the page to come back to", () => {
    expect(signInUrl("/if/admin/core/users?page=2")).toBe("/flows/-/default/authentication/?next=%2Fif%2Fadmin%2Fcore%2Fusers%3Fpage%3D2");
  });
});

describe("documentTitle", () => {
  const brand = { branding_title: "Example ID" } as CurrentBrand;

  it("is '<page> - <brand title>'", () => {
    expect(documentTitle("Users", brand)).toBe("Users - Example ID");
  });

  it("falls back to authentik when the brand is unknown or untitled", () => {
    expect(documentTitle("Users", undefined)).toBe("Users - authentik");
    expect(documentTitle("Users", { branding_title: "  " } as CurrentBrand)).toBe("Users - authentik");
  });
});
