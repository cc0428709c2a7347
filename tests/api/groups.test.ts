import { beforeEach, describe, expect, it } from "vitest";
import { onAdminChange, type AdminChange } from "../../server/audit/changes.ts";
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

const groupsUrl = "/api/v3/core/groups/";
const names = (list: { results: { name: string }[] }) => list.results.map((g) => g.name);

describe("groups", () => {
  it("creates a group with a parent, members, roles and attributes, and shows it in the list", async () => {
    const parent = await createGroup(admin, { name: "Engineering" });
    const alice = await createUser(admin, { username: "alice", name: "Alice" });
    const role = await (await admin.request("/api/v3/rbac/roles/", { json: { name: "Deployers" } })).json();
    const group = await createGroup(admin, {
      name: "Platform",
      parent: parent.pk,
      users: [alice.pk],
      roles: [role.pk],
      attributes: { oncall: true },
    });
    expect(group).toMatchObject({
      name: "Platform",
      parent: parent.pk,
      parent_name: "Engineering",
      is_superuser: false,
      users: [alice.pk],
      users_obj: [{ pk: alice.pk, username: "alice", uid: alice.uid }],
      roles: [role.pk],
      roles_obj: [{ pk: role.pk, name: "Deployers" }],
      attributes: { oncall: true },
    });

    const listed = await admin.json(`${groupsUrl}?search=plat&include_users=false`);
    expect(listed.pagination.count).toBe(1);
    expect(listed.results[0]).toMatchObject({ name: "Platform", users: [alice.pk], users_obj: null });
    expect((await admin.json(`${groupsUrl}${group.pk}/`)).users_obj).toHaveLength(1);
  });

  it("reports a taken name and references that do not exist at their fields", async () => {
    const taken = await admin.request(groupsUrl, {
      json: { name: "authentik Admins", parent: "00000000-0000-4000-8000-000000000000", users: [99999] },
    });
    expect(taken.status).toBe(400);
    expect(await taken.json()).toEqual({
      name: ["Group with this name already exists."],
      parent: ['Invalid pk "00000000-0000-4000-8000-000000000000" - object does not exist.'],
      users: ['Invalid pk "99999" - object does not exist.'],
    });
  });

  it("refuses a parent that would make a cycle", async () => {
    const top = await createGroup(admin, { name: "Top" });
    const middle = await createGroup(admin, { name: "Middle", parent: top.pk });
    const bottom = await createGroup(admin, { name: "Bottom", parent: middle.pk });
    for (const parent of [top.pk, bottom.pk]) {
      const cycle = await admin.request(`${groupsUrl}${top.pk}/`, { method: "PATCH", json: { parent } });
      expect(cycle.status).toBe(400);
      expect(Object.keys(await cycle.json())).toEqual(["parent"]);
    }
    const moved = await admin.json(`${groupsUrl}${bottom.pk}/`, { method: "PATCH", json: { parent: top.pk } });
    expect(moved.parent_name).toBe("Top");
  });

  it("adds and removes members one at a time", async () => {
    const group = await createGroup(admin, { name: "Readers" });
    const alice = await createUser(admin, { username: "alice", name: "Alice" });
    const add = await admin.request(`${groupsUrl}${group.pk}/add_user/`, { json: { pk: alice.pk } });
    expect(add.status).toBe(204);
    expect((await admin.request(`${groupsUrl}${group.pk}/add_user/`, { json: { pk: alice.pk } })).status).toBe(204);
    expect(names(await admin.json(`${groupsUrl}?members_by_username=alice`))).toEqual(["Readers"]);
    expect(names(await admin.json(`${groupsUrl}?members_by_pk=${alice.pk}`))).toEqual(["Readers"]);
    expect((await admin.json(`/api/v3/core/users/${alice.pk}/`)).groups).toEqual([group.pk]);

    const remove = await admin.request(`${groupsUrl}${group.pk}/remove_user/`, { json: { pk: alice.pk } });
    expect(remove.status).toBe(204);
    expect((await admin.json(`${groupsUrl}${group.pk}/`)).users).toEqual([]);

    expect((await admin.request(`${groupsUrl}${group.pk}/add_user/`, { json: { pk: 99999 } })).status).toBe(404);
    expect((await admin.request(`${groupsUrl}00000000-0000-4000-8000-000000000000/add_user/`, { json: { pk: alice.pk } })).status).toBe(404);
  });

  it("replaces members with the users field", async () => {
    const alice = await createUser(admin, { username: "alice", name: "Alice" });
    const bob = await createUser(admin, { username: "bob", name: "Bob" });
    const group = await createGroup(admin, { name: "Readers", users: [alice.pk] });
    const put = await admin.json(`${groupsUrl}${group.pk}/`, { method: "PUT", json: { name: "Readers", users: [bob.pk] } });
    expect(put.users).toEqual([bob.pk]);
  });

  it("deletes a group; its children lose their parent", async () => {
    const parent = await createGroup(admin, { name: "Parent" });
    const child = await createGroup(admin, { name: "Child", parent: parent.pk });
    expect((await admin.request(`${groupsUrl}${parent.pk}/`, { method: "DELETE" })).status).toBe(204);
    expect((await admin.request(`${groupsUrl}${parent.pk}/`)).status).toBe(404);
    expect((await admin.json(`${groupsUrl}${child.pk}/`)).parent).toBeNull();
  });

  it("keeps the acting admin a superuser", async () => {
    const admins = (await admin.json(`${groupsUrl}?name=authentik%20Admins`)).results[0];
    const me = admins.users[0];
    for (const [path, init] of [
      [`${admins.pk}/remove_user/`, { json: { pk: me } }],
      [`${admins.pk}/`, { method: "PATCH", json: { is_superuser: false } }],
      [`${admins.pk}/`, { method: "DELETE" }],
    ] as const) {
      const refused = await admin.request(groupsUrl + path, init);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({ non_field_errors: ["This change would take away your own superuser rights."] });
    }
    expect((await admin.json(`${groupsUrl}${admins.pk}/`)).users).toEqual([me]);
  });

  it("is for superusers only, and reports changes with their author", async () => {
    const changes: AdminChange[] = [];
    const stop = onAdminChange((change) => void changes.push(change));
    try {
      const group = await createGroup(admin, { name: "Readers" });
      await createUser(admin, { username: "alice", name: "Alice" }, "Wonderland-1865");
      const alice = new TestClient(database);
      await alice.signIn("alice", "Wonderland-1865");
      expect((await alice.request(groupsUrl)).status).toBe(403);
      expect((await alice.request(`${groupsUrl}${group.pk}/`, { method: "DELETE" })).status).toBe(403);
      const groupChanges = changes.filter((c) => c.model.model_name === "group");
      expect(groupChanges).toEqual([{ action: "model_created", model: { app: "authentik_core", model_name: "group", pk: group.pk, name: "Readers" }, actor: expect.objectContaining({ username: "akadmin" }) }]);
    } finally {
      stop();
    }
  });
});
