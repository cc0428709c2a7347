import { describe, expect, it } from "vitest";
import { adminRoutes } from "../../../src/admin/routes.ts";
import { resolveRoute } from "../../../src/common/router/route-match.ts";

const page = (path: string) => {
  const match = resolveRoute(adminRoutes, path).match;
  return match && { tag: match.route.value.tag, props: match.route.value.props?.(match.params) ?? {} };
};

describe("directory routes", () => {
  it("leads the sidebar's Users, Groups and Roles to their lists", () => {
    expect(page("/core/users")?.tag).toBe("ak-user-list");
    expect(page("/core/groups/")?.tag).toBe("ak-group-list");
    expect(page("/identity/roles")?.tag).toBe("ak-role-list");
  });

  it("has a page per object and a form to create or edit one, `new` before the object", () => {
    expect(page("/core/users/new")).toEqual({ tag: "ak-user-form", props: {} });
    expect(page("/core/users/42")).toEqual({ tag: "ak-user-page", props: { userId: 42 } });
    expect(page("/core/users/42/edit")).toEqual({ tag: "ak-user-form", props: { userId: 42 } });
    const uuid = "0d6a3a4e-2b43-4c1e-9d35-55b3a0b1f0aa";
    expect(page(`/core/groups/${uuid}`)).toEqual({ tag: "ak-group-page", props: { groupId: uuid } });
    expect(page(`/core/groups/${uuid}/edit`)).toEqual({ tag: "ak-group-form", props: { groupId: uuid } });
    expect(page("/identity/roles/new")).toEqual({ tag: "ak-role-form", props: {} });
    expect(page(`/identity/roles/${uuid}`)).toEqual({ tag: "ak-role-page", props: { roleId: uuid } });
    expect(page("/core/users/42/nothing")).toBeUndefined();
  });
});
