import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { onAdminChange, type AdminChange } from "../../server/audit/changes.ts";
import type { Database } from "../../server/db/client.ts";
import { brands } from "../../server/db/schema.ts";
import { TestClient } from "../support/client.ts";
import { createGroup, createUser } from "../support/directory.ts";
import { signedInAdmin } from "../support/fresh.ts";

let database: Database;
let admin: TestClient;

beforeEach(async () => {
  ({ database, admin } = await signedInAdmin());
  return () => database.close();
});

const usersUrl = "/api/v3/core/users/";
const alice = { username: "alice", name: "Alice Liddell", email: "alice@example.org" };

async function signedIn(username: string, password: string) {
  const client = new TestClient(database);
  const done = await client.signIn(username, password);
  expect(done.component).toBe("xak-flow-redirect");
  return client;
}

describe("creating and listing users", () => {
  it("creates an internal user that the list, a search and retrieve then show", async () => {
    const created = await createUser(admin, alice);
    expect(created).toMatchObject({ ...alice, type: "internal", is_active: true, path: "users", is_superuser: false, groups: [] });

    const found = await admin.json(`${usersUrl}?search=liddell`);
    expect(found.pagination.count).toBe(1);
    expect(found.results[0].username).toBe("alice");
    expect(await admin.json(`${usersUrl}${created.pk}/`)).toMatchObject(alice);
  });

  it("creates a service account in a group", async () => {
    const group = await createGroup(admin, { name: "Robots" });
    const bot = await createUser(admin, { username: "backup-bot", name: "Backup", type: "service_account", groups: [group.pk] });
    expect(bot).toMatchObject({ type: "service_account", groups: [group.pk] });
    expect(bot.groups_obj[0]).toMatchObject({ name: "Robots" });
  });

  it("reports a taken username, a missing name and a bad email at their fields", async () => {
    await createUser(admin, alice);
    const taken = await admin.request(usersUrl, { json: { ...alice, username: " alice " } });
    expect(taken.status).toBe(400);
    expect(await taken.json()).toEqual({ username: ["User with this username already exists."] });

    const invalid = await admin.request(usersUrl, { json: { username: "bob", email: "not-an-email" } });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ name: ["This field is required."], email: ["Enter a valid email address."] });
  });

  it("refuses to create an internal service account or a path with empty segments", async () => {
    const refused = await admin.request(usersUrl, { json: { username: "outpost", name: "", type: "internal_service_account", path: "a//b" } });
    expect(refused.status).toBe(400);
    expect(Object.keys(await refused.json()).sort()).toEqual(["path", "type"]);
  });

  it("filters by active, type, group and path, sorts, and leaves group objects out on request", async () => {
    const staff = await createGroup(admin, { name: "Staff" });
    await createUser(admin, { username: "carol", name: "Carol", groups: [staff.pk], path: "users/staff" });
    await createUser(admin, { username: "dave", name: "Dave", is_active: false });
    await createUser(admin, { username: "svc", name: "Service", type: "service_account" });

    const names = async (query: string) => (await admin.json(`${usersUrl}?${query}`)).results.map((u: { username: string }) => u.username);
    expect(await names("is_active=false")).toEqual(["dave"]);
    expect(await names("type=service_account")).toEqual(["svc"]);
    expect(await names("type=service_account&type=internal&ordering=-username")).toEqual(["svc", "dave", "carol", "akadmin"]);
    expect(await names("groups_by_name=Staff")).toEqual(["carol"]);
    expect(await names(`groups_by_pk=${staff.pk}`)).toEqual(["carol"]);
    expect(await names("path_startswith=users/")).toEqual(["carol"]);
    expect(await names("is_superuser=true")).toEqual(["akadmin"]);
    expect(await names("search=100%25")).toEqual([]);

    const lean = await admin.json(`${usersUrl}?username=carol&include_groups=false`);
    expect(lean.results[0]).toMatchObject({ groups: [staff.pk], groups_obj: null });
    expect((await admin.json("/api/v3/core/users/paths/")).paths).toEqual(["users", "users/staff"]);
  });
});

describe("changing users", () => {
  it("updates fields and replaces groups with PATCH, and with PUT", async () => {
    const created = await createUser(admin, alice);
    const group = await createGroup(admin, { name: "Readers" });
    const patched = await admin.json(`${usersUrl}${created.pk}/`, {
      method: "PATCH",
      json: { name: "Alice L.", groups: [group.pk], attributes: { team: "wonderland" } },
    });
    expect(patched).toMatchObject({ username: "alice", name: "Alice L.", groups: [group.pk], attributes: { team: "wonderland" } });

    const put = await admin.json(`${usersUrl}${created.pk}/`, { method: "PUT", json: { username: "alice2", name: "Alice", groups: [] } });
    expect(put).toMatchObject({ username: "alice2", name: "Alice", groups: [], email: alice.email });
  });

  it("answers 404 for a user that does not exist", async () => {
    const missing = await admin.request(`${usersUrl}99999/`, { method: "PATCH", json: { name: "x" } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ detail: "No User matches the given query." });
  });

  it("deletes a user", async () => {
    const created = await createUser(admin, alice);
    expect((await admin.request(`${usersUrl}${created.pk}/`, { method: "DELETE" })).status).toBe(204);
    expect((await admin.request(`${usersUrl}${created.pk}/`)).status).toBe(404);
  });

  it("keeps admins from locking themselves out", async () => {
    const me = (await admin.json(`${usersUrl}?username=akadmin`)).results[0];
    const deactivate = await admin.request(`${usersUrl}${me.pk}/`, { method: "PATCH", json: { is_active: false } });
    expect(deactivate.status).toBe(400);
    expect(await deactivate.json()).toEqual({ is_active: ["You cannot deactivate your own account."] });

    const leave = await admin.request(`${usersUrl}${me.pk}/`, { method: "PATCH", json: { groups: [] } });
    expect(leave.status).toBe(400);
    expect(await leave.json()).toEqual({ non_field_errors: ["This change would take away your own superuser rights."] });

    expect((await admin.request(`${usersUrl}${me.pk}/`, { method: "DELETE" })).status).toBe(400);
    expect((await admin.json(`${usersUrl}${me.pk}/`)).is_superuser).toBe(true);
  });
});

describe("passwords and sign-in", () => {
  it("sets a password that the user then signs in with", async () => {
    const created = await createUser(admin, alice);
    const set = await admin.request(`${usersUrl}${created.pk}/set_password/`, { json: { password: "Wonderland-1865" } });
    expect(set.status).toBe(204);
    const user = await signedIn("alice", "Wonderland-1865");
    expect((await user.json("/api/v3/core/users/me/")).user.username).toBe("alice");
    expect(new Date((await admin.json(`${usersUrl}${created.pk}/`)).password_change_date).getTime()).toBeGreaterThan(Date.parse(created.password_change_date));
  });

  it("refuses a blank password", async () => {
    const created = await createUser(admin, alice);
    const blank = await admin.request(`${usersUrl}${created.pk}/set_password/`, { json: { password: "" } });
    expect(blank.status).toBe(400);
  });

  it("signs a deactivated user out everywhere and refuses their next sign-in with a clear message", async () => {
    const created = await createUser(admin, alice, "Wonderland-1865");
    const user = await signedIn("alice", "Wonderland-1865");

    const patched = await admin.json(`${usersUrl}${created.pk}/`, { method: "PATCH", json: { is_active: false } });
    expect(patched.is_active).toBe(false);
    expect((await user.request("/api/v3/core/users/me/")).status).toBe(403);

    const refused = await new TestClient(database).signIn("alice", "Wonderland-1865");
    expect(refused.response_errors.password).toEqual([{ string: "This account is disabled. Contact your administrator.", code: "inactive" }]);
    // A wrong password still gets the generic answer, so the message does not reveal the account.
    const wrong = await new TestClient(database).signIn("alice", "guess");
    expect(wrong.response_errors.password[0].code).toBe("invalid_credentials");
  });

  it("creates a recovery link that lets the user choose a new password and signs them in", async () => {
    const created = await createUser(admin, alice, "Forgotten-1865");
    const response = await admin.request(`${usersUrl}${created.pk}/recovery/`, { method: "POST" });
    expect(response.status).toBe(200);
    const link = new URL((await response.json()).link);
    expect(link.pathname).toBe("/if/flow/default-recovery-flow/");

    const visitor = new TestClient(database);
    const prompt = await visitor.flow("default-recovery-flow", undefined, link.search.slice(1));
    expect(prompt.component).toBe("ak-stage-prompt");
    const done = await visitor.flow(
      "default-recovery-flow",
      { component: "ak-stage-prompt", password: "Looking-Glass-1871", password_repeat: "Looking-Glass-1871" },
      link.search.slice(1),
    );
    expect(done.component).toBe("xak-flow-redirect");
    expect((await visitor.json("/api/v3/core/users/me/")).user.username).toBe("alice");
    await signedIn("alice", "Looking-Glass-1871");
  });

  it("refuses a recovery link for a deactivated user, and says when the brand has no recovery flow", async () => {
    const created = await createUser(admin, { ...alice, is_active: false });
    const inactive = await admin.request(`${usersUrl}${created.pk}/recovery/`, { method: "POST" });
    expect(inactive.status).toBe(400);
    expect(Object.keys(await inactive.json())).toEqual(["non_field_errors"]);

    await database.db.update(brands).set({ flowRecovery: null });
    const none = await admin.request(`${usersUrl}${created.pk}/recovery/`, { method: "POST" });
    expect(none.status).toBe(400);
    expect(await none.json()).toEqual({ non_field_errors: ["No recovery flow set."] });
  });
});

describe("sessions", () => {
  it("lists a user's sessions for an admin, who can revoke one", async () => {
    await createUser(admin, alice, "Wonderland-1865");
    const user = await signedIn("alice", "Wonderland-1865");
    const list = await admin.json("/api/v3/core/authenticated_sessions/?user__username=alice");
    expect(list.pagination.count).toBe(1);
    expect(list.results[0]).toMatchObject({ current: false, geo_ip: null, asn: null, user_agent: { user_agent: { family: "Other" } } });

    const revoked = await admin.request(`/api/v3/core/authenticated_sessions/${list.results[0].uuid}/`, { method: "DELETE" });
    expect(revoked.status).toBe(204);
    expect((await user.request("/api/v3/core/users/me/")).status).toBe(403);
  });

  it("shows a user only their own sessions, marking the current one", async () => {
    await createUser(admin, alice, "Wonderland-1865");
    const user = await signedIn("alice", "Wonderland-1865");
    const own = await user.json("/api/v3/core/authenticated_sessions/");
    expect(own.results.map((s: { current: boolean }) => s.current)).toEqual([true]);
    const adminSession = (await admin.json("/api/v3/core/authenticated_sessions/?user__username=akadmin")).results[0];
    expect((await user.request(`/api/v3/core/authenticated_sessions/${adminSession.uuid}/`, { method: "DELETE" })).status).toBe(404);
  });
});

describe("guards", () => {
  it("is for superusers only", async () => {
    await createUser(admin, alice, "Wonderland-1865");
    const user = await signedIn("alice", "Wonderland-1865");
    expect((await user.request(usersUrl)).status).toBe(403);
    expect((await user.request(usersUrl, { json: { username: "mallory", name: "" } })).status).toBe(403);
    expect((await user.request("/api/v3/core/users/1/set_password/", { json: { password: "x" } })).status).toBe(403);
  });

  it("requires the CSRF token on changes", async () => {
    const response = await admin.request(usersUrl, { json: alice, csrf: false });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "csrf_failed" });
    expect((await admin.json(`${usersUrl}?username=alice`)).pagination.count).toBe(0);
  });
});

describe("the admin change hook", () => {
  let changes: AdminChange[];
  let stop: () => void;
  beforeEach(() => {
    changes = [];
    stop = onAdminChange((change) => void changes.push(change));
  });
  afterEach(() => stop());

  it("reports who created, changed and deleted which user", async () => {
    const created = await createUser(admin, alice, "Wonderland-1865");
    await admin.request(`${usersUrl}${created.pk}/`, { method: "DELETE" });
    const actor = { pk: expect.any(Number), username: "akadmin" };
    const model = { app: "authentik_core", model_name: "user", pk: created.pk, name: "alice" };
    expect(changes).toEqual([
      { action: "model_created", model, actor },
      { action: "password_set", model, actor },
      { action: "model_deleted", model, actor },
    ]);
  });

  it("reports nothing for a refused change", async () => {
    await admin.request(usersUrl, { json: { username: "akadmin", name: "" } });
    expect(changes).toEqual([]);
  });
});
