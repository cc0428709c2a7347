import { describe, expect, it } from "vitest";
import { interceptedUrl, type AnchorLike, type ClickLike } from "../../../src/common/router/link-interception.ts";

const click = (overrides: Partial<ClickLike> = {}): ClickLike => ({
  button: 0,
  metaKey: false,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  defaultPrevented: false,
  ...overrides,
});

const anchor = (href: string, attributes: Record<string, string> = {}): AnchorLike => ({
  href: new URL(href, "https://id.example.com/if/admin/overview").href,
  target: attributes.target ?? "",
  hasAttribute: (name) => name in attributes,
});

const current = new URL("https://id.example.com/if/admin/overview");
const base = "/if/admin/";

describe("interceptedUrl", () => {
  it("takes over a plain click on a link inside the base", () => {
    expect(interceptedUrl(click(), anchor("/if/admin/core/users"), current, base)?.pathname).toBe("/if/admin/core/users");
    expect(interceptedUrl(click(), anchor("/if/admin/"), current, base)?.pathname).toBe("/if/admin/");
  });

  it("keeps the query string", () => {
    expect(interceptedUrl(click(), anchor("/if/admin/core/users?page=2"), current, base)?.search).toBe("?page=2");
  });

  it("lets the browser handle modified and non-primary clicks (new tab, new window, download)", () => {
    for (const modifier of ["metaKey", "ctrlKey", "shiftKey", "altKey"] as const) {
      expect(interceptedUrl(click({ [modifier]: true }), anchor("/if/admin/core/users"), current, base)).toBeUndefined();
    }
    expect(interceptedUrl(click({ button: 1 }), anchor("/if/admin/core/users"), current, base)).toBeUndefined();
  });

  it("leaves clicks another handler already took", () => {
    expect(interceptedUrl(click({ defaultPrevented: true }), anchor("/if/admin/core/users"), current, base)).toBeUndefined();
  });

  it("leaves links with a target or download", () => {
    expect(interceptedUrl(click(), anchor("/if/admin/core/users", { target: "_blank" }), current, base)).toBeUndefined();
    expect(interceptedUrl(click(), anchor("/if/admin/core/users", { download: "" }), current, base)).toBeUndefined();
    expect(interceptedUrl(click(), anchor("/if/admin/core/users", { target: "_self" }), current, base)).toBeDefined();
  });

  it("leaves links outside the base or to another origin (user interface, sign-out, other sites)", () => {
    expect(interceptedUrl(click(), anchor("/if/user/"), current, base)).toBeUndefined();
    expect(interceptedUrl(click(), anchor("/flows/-/default/invalidation/"), current, base)).toBeUndefined();
    expect(interceptedUrl(click(), anchor("https://goauthentik.io/if/admin/"), current, base)).toBeUndefined();
    expect(interceptedUrl(click(), anchor("/if/administrator"), current, base)).toBeUndefined();
  });

  it("leaves jumps within the current page", () => {
    expect(interceptedUrl(click(), anchor("#main"), current, base)).toBeUndefined();
  });
});
