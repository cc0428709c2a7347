import { describe, expect, it } from "vitest";
import {
  absolutePath,
  closestWithin,
  isWithin,
  matchPattern,
  normalizeBase,
  normalizePath,
  relativePath,
  resolveRoute,
  type Route,
} from "../../../src/common/router/route-match.ts";

describe("normalizePath and normalizeBase", () => {
  it("drops empty segments and trailing slashes", () => {
    expect(normalizePath("")).toBe("/");
    expect(normalizePath("/")).toBe("/");
    expect(normalizePath("core//users/")).toBe("/core/users");
  });

  it("gives a base exactly one leading and one trailing slash", () => {
    expect(normalizeBase("if/admin")).toBe("/if/admin/");
    expect(normalizeBase("/if/admin/")).toBe("/if/admin/");
    expect(normalizeBase("/")).toBe("/");
  });
});

describe("relativePath and absolutePath", () => {
  const base = "/if/admin/";

  it("finds the path below the base", () => {
    expect(relativePath("/if/admin/", base)).toBe("/");
    expect(relativePath("/if/admin", base)).toBe("/");
    expect(relativePath("/if/admin/core/users/", base)).toBe("/core/users");
  });

  it("says undefined for paths outside the base, including look-alike prefixes", () => {
    expect(relativePath("/if/user/", base)).toBeUndefined();
    expect(relativePath("/if/administrator/x", base)).toBeUndefined();
  });

  it("builds absolute paths and round-trips", () => {
    expect(absolutePath("/", base)).toBe("/if/admin/");
    expect(absolutePath("/core/users", base)).toBe("/if/admin/core/users");
    expect(absolutePath("core/users/", base)).toBe("/if/admin/core/users");
    expect(relativePath(absolutePath("/flow/stages/prompts", base), base)).toBe("/flow/stages/prompts");
  });
});

describe("matchPattern", () => {
  it("matches literal paths exactly, ignoring a trailing slash", () => {
    expect(matchPattern("/core/users", "/core/users/")).toEqual({});
    expect(matchPattern("/core/users", "/core/users/5")).toBeUndefined();
    expect(matchPattern("/core/users/5", "/core/users")).toBeUndefined();
    expect(matchPattern("/", "/")).toEqual({});
  });

  it("captures and decodes :name segments", () => {
    expect(matchPattern("/core/users/:id", "/core/users/42")).toEqual({ id: "42" });
    expect(matchPattern("/flows/:slug/edit", "/flows/my%20flow/edit")).toEqual({ slug: "my flow" });
  });

  it("captures the rest with a final *", () => {
    expect(matchPattern("/files/*", "/files/a/b%2Fc")).toEqual({ "*": "a/b/c" });
    expect(matchPattern("/files/*", "/files")).toEqual({ "*": "" });
  });

  it("does not match malformed percent-encoding instead of throwing", () => {
    expect(matchPattern("/core/users/:id", "/core/users/%E0%A4%A")).toBeUndefined();
  });
});

describe("resolveRoute", () => {
  const routes: Route<string>[] = [
    { pattern: "/", redirect: "/overview" },
    { pattern: "/old", redirect: "/" },
    { pattern: "/overview", value: "overview" },
    { pattern: "/core/users/:id", value: "user" },
    { pattern: "/loop-a", redirect: "/loop-b" },
    { pattern: "/loop-b", redirect: "/loop-a" },
  ];

  it("returns the first matching route with its params", () => {
    const resolved = resolveRoute(routes, "/core/users/7/");
    expect(resolved).toMatchObject({ path: "/core/users/7", redirected: false, match: { params: { id: "7" } } });
    expect(resolved.match?.route.value).toBe("user");
  });

  it("follows redirects, even chained ones", () => {
    expect(resolveRoute(routes, "/")).toMatchObject({ path: "/overview", redirected: true });
    expect(resolveRoute(routes, "/old").match?.route.value).toBe("overview");
  });

  it("leaves unknown paths without a match (the not-found page)", () => {
    expect(resolveRoute(routes, "/nope")).toEqual({ path: "/nope", redirected: false });
  });

  it("ends a redirect loop as not found instead of hanging", () => {
    expect(resolveRoute(routes, "/loop-a").match).toBeUndefined();
  });
});

describe("isWithin and closestWithin", () => {
  it("treats a path as within itself and its ancestors only at segment boundaries", () => {
    expect(isWithin("/core/users", "/core/users")).toBe(true);
    expect(isWithin("/core/users/5", "/core/users")).toBe(true);
    expect(isWithin("/core/usersx", "/core/users")).toBe(false);
    expect(isWithin("/overview", "/")).toBe(false);
  });

  it("prefers the longest candidate, so Prompts wins over Stages", () => {
    const items = ["/flow/stages", "/flow/stages/prompts", "/core/users"];
    expect(closestWithin("/flow/stages/prompts", items)).toBe("/flow/stages/prompts");
    expect(closestWithin("/flow/stages/abc", items)).toBe("/flow/stages");
    expect(closestWithin("/elsewhere", items)).toBeUndefined();
  });
});
