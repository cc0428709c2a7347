import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { navigation, navItems } from "../../../src/admin/navigation.ts";
import { adminRoutes } from "../../../src/admin/routes.ts";
import { resolveRoute } from "../../../src/common/router/route-match.ts";

describe("admin navigation and routes", () => {
  it("has authentik's sidebar sections in order", () => {
    expect(navigation.map((section) => section.label())).toEqual([
      "Dashboards",
      "Applications",
      "Events",
      "Customization",
      "Flows and Stages",
      "Directory",
      "System",
    ]);
    expect(navItems.map((item) => item.label())).toEqual([
      "Overview",
      "Applications",
      "Providers",
      "Outposts",
      "Logs",
      "Notification Rules",
      "Notification Transports",
      "Policies",
      "Property Mappings",
      "Blueprints",
      "Flows",
      "Stages",
      "Prompts",
      "Users",
      "Groups",
      "Roles",
      "Tokens and App passwords",
      "Invitations",
      "Brands",
      "Certificates",
      "Settings",
    ]);
  });

  it("gives every item its own path, which leads to that item's page", () => {
    expect(new Set(navItems.map((item) => item.path)).size).toBe(navItems.length);
    for (const item of navItems) {
      const resolved = resolveRoute(adminRoutes, item.path);
      expect(resolved.match?.route.value.title(), item.path).toBe(item.label());
    }
  });

  it("sends / to the overview and leaves unknown paths unmatched", () => {
    const root = resolveRoute(adminRoutes, "/");
    expect(root.path).toBe("/overview");
    expect(root.match?.route.value.tag).toBe("ak-admin-overview");
    expect(resolveRoute(adminRoutes, "/no/such/page").match).toBeUndefined();
  });

  it("leads items without a page to the not-available page, naming their API area", () => {
    const providers = resolveRoute(adminRoutes, "/core/providers").match?.route.value;
    expect(providers?.tag).toBe("ak-admin-unavailable");
    expect(providers?.props?.()).toEqual({ feature: "Providers", section: "Applications", api: "/api/v3/providers/all/" });
  });

  it("names only API areas that exist in authentik's schema", () => {
    const schema = parse(readFileSync(new URL("../../../../shared/authentik/schema.yml", import.meta.url), "utf8")) as {
      paths: Record<string, unknown>;
    };
    const paths = Object.keys(schema.paths);
    for (const item of navItems) {
      const area = item.api.replace(/^\/api\/v3/, "");
      expect(
        paths.some((path) => path.startsWith(area)),
        `${item.label()}: ${item.api}`,
      ).toBe(true);
    }
  });
});
