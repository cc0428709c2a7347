import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { TestClient } from "../support/client.ts";
import { createGroup, createUser } from "../support/directory.ts";
import { signedInAdmin } from "../support/fresh.ts";

let database: Database;
let admin: TestClient;

beforeEach(async () => {
  ({ database, admin } = await signedInAdmin());
  return () => database.close();
});

const rolesUrl = "/api/v3/rbac/roles/";
const permissionsUrl = "/api/v3/rbac/permissions/";

async function createRole(name: string) {
  const response = await admin.request(rolesUrl, { json: { name } });
  expect(response.status).toBe(201);
  return response.json();
}

describe("roles", () => {
  it("creates, lists, renames and deletes a role", async () => {
    const role = await createRole("Helpdesk");
    expect(role).toEqual({ pk: expect.any(String), name: "Helpdesk" });
    expect((await admin.json(`${rolesUrl}?search=help`)).results).toEqual([role]);

    const renamed = await admin.json(`${rolesUrl}${role.pk}/`, { method: "PATCH", json: { name: "Service desk" } });
    expect(renamed.name).toBe("Service desk");
    expect((await admin.json(`${rolesUrl}${role.pk}/`, { method: "PUT", json: { name: "Desk" } })).name).toBe("Desk");

    expect((await admin.request(`${rolesUrl}${role.pk}/`, { method: "DELETE" })).status).toBe(204);
    expect((await admin.request(`${rolesUrl}${role.pk}/`)).status).toBe(404);
  });

  it("reports a taken name and a blank one at the name field", async () => {
    await createRole("Helpdesk");
    const taken = await admin.request(rolesUrl, { json: { name: "Helpdesk" } });
    expect(taken.status).toBe(400);
    expect(await taken.json()).toEqual({ name: ["Role with this name already exists."] });
    const blank = await admin.request(rolesUrl, { json: { name: " " } });
    expect(await blank.json()).toEqual({ name: ["This field may not be blank."] });
  });

  it("is given to groups, and lists by group name", async () => {
    const role = await createRole("Auditors");
    await createRole("Other");
    const group = await createGroup(admin, { name: "Audit", roles: [role.pk] });
    expect(group.roles_obj).toEqual([role]);
    expect((await admin.json(`${rolesUrl}?group__name=Audit`)).results).toEqual([role]);

    await admin.request(`${rolesUrl}${role.pk}/`, { method: "DELETE" });
    expect((await admin.json(`/api/v3/core/groups/${group.pk}/`)).roles).toEqual([]);
  });

  it("is for superusers only", async () => {
    await createUser(admin, { username: "alice", name: "Alice" }, "Wonderland-1865");
    const alice = new TestClient(database);
    await alice.signIn("alice", "Wonderland-1865");
    expect((await alice.request(rolesUrl, { json: { name: "Mine" } })).status).toBe(403);
    expect((await alice.request(permissionsUrl)).status).toBe(403);
  });
});

describe("permissions", () => {
  it("lists the catalogue, filtered by app and model, searched and ordered", async () => {
    const all = await admin.json(`${permissionsUrl}?page_size=1000`);
    expect(all.pagination.count).toBe(all.results.length);
    expect(all.results[0]).toEqual({
      id: 1,
      name: "Can add User",
      codename: "add_user",
      model: "user",
      app_label: "authentik_core",
      app_label_verbose: "authentik Core",
      model_verbose: "User",
    });
    const groupPermissions = await admin.json(`${permissionsUrl}?content_type__app_label=authentik_core&content_type__model=group&ordering=-codename`);
    expect(groupPermissions.results.map((p: { codename: string }) => p.codename)).toEqual(["view_group", "delete_group", "change_group", "add_group"]);
    expect((await admin.json(`${permissionsUrl}?search=flow%20stage`)).pagination.count).toBe(4);
    expect((await admin.json(`${permissionsUrl}1/`)).codename).toBe("add_user");
    expect((await admin.request(`${permissionsUrl}99999/`)).status).toBe(404);
  });

  it("assigns permissions to a role, lists them, and unassigns them", async () => {
    const role = await createRole("Helpdesk");
    const assigned = await admin.request(`${permissionsUrl}assigned_by_roles/${role.pk}/assign/`, {
      json: { permissions: ["authentik_core.view_user", "authentik_core.change_user"] },
    });
    expect(assigned.status).toBe(200);
    expect(await assigned.json()).toEqual([{ id: expect.any(String) }, { id: expect.any(String) }]);
    const codenames = async () => (await admin.json(`${permissionsUrl}?role=${role.pk}`)).results.map((p: { codename: string }) => p.codename);
    expect(await codenames()).toEqual(["change_user", "view_user"]);

    const unassigned = await admin.request(`${permissionsUrl}assigned_by_roles/${role.pk}/unassign/`, {
      method: "PATCH",
      json: { permissions: ["authentik_core.change_user"] },
    });
    expect(unassigned.status).toBe(204);
    expect(await codenames()).toEqual(["view_user"]);
  });

  it("refuses a permission that does not exist, and a role that does not", async () => {
    const role = await createRole("Helpdesk");
    const unknown = await admin.request(`${permissionsUrl}assigned_by_roles/${role.pk}/assign/`, { json: { permissions: ["authentik_core.fly"] } });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ permissions: ['Permission "authentik_core.fly" does not exist.'] });
    const missing = await admin.request(`${permissionsUrl}assigned_by_roles/00000000-0000-4000-8000-000000000000/assign/`, {
      json: { permissions: ["authentik_core.view_user"] },
    });
    expect(missing.status).toBe(404);
    expect((await admin.json(`${permissionsUrl}?role=not-a-uuid`)).results).toEqual([]);
  });
});
