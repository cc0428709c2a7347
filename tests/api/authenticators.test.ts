import { beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/passwords.ts";
import type { Database } from "../../server/db/client.ts";
import { users } from "../../server/db/schema.ts";
import { TestClient } from "../support/client.ts";
import { enrolRecoveryCodes, enrolTotp } from "../support/authenticators.ts";
import { signedInAdmin } from "../support/fresh.ts";

let database: Database;
let admin: TestClient;
let alice: TestClient;
let alicePk: number;

beforeEach(async () => {
  ({ database, admin } = await signedInAdmin());
  const [row] = await database.db.insert(users).values({ username: "alice", name: "Alice", password: await hashPassword("alice-pass") }).returning();
  alicePk = row.pk;
  alice = new TestClient(database);
  await alice.signIn("alice", "alice-pass");
  await enrolTotp(alice);
  await enrolRecoveryCodes(alice);
  return () => database.close();
});

describe("a user's own devices", () => {
  it("lists every device of the signed-in user as authentik's Device", async () => {
    const devices = await alice.json("/api/v3/authenticators/all/");
    expect(devices).toEqual([
      expect.objectContaining({
        verbose_name: "TOTP Device",
        verbose_name_plural: "TOTP Devices",
        meta_model_name: "authentik_stages_authenticator_totp.totpdevice",
        type: "authentik_stages_authenticator_totp.TOTPDevice",
        name: "Authenticator app",
        confirmed: true,
        last_used: null,
        extra_description: "",
      }),
      expect.objectContaining({ type: "authentik_stages_authenticator_static.StaticDevice", extra_description: "6 remaining" }),
    ]);
    expect(await admin.json("/api/v3/authenticators/all/")).toEqual([]);
  });

  it("renames and deletes the user's own device, and cannot see anyone else's", async () => {
    const [device] = (await alice.json("/api/v3/authenticators/totp/")).results;
    const renamed = await alice.request(`/api/v3/authenticators/totp/${device.pk}/`, { method: "PATCH", json: { name: "Phone" } });
    expect(await renamed.json()).toMatchObject({ pk: device.pk, name: "Phone", user: { username: "alice" } });
    const blank = await alice.request(`/api/v3/authenticators/totp/${device.pk}/`, { method: "PUT", json: { name: " " } });
    expect(blank.status).toBe(400);
    expect(await blank.json()).toEqual({ name: ["This field may not be blank."] });

    expect((await admin.request(`/api/v3/authenticators/totp/${device.pk}/`)).status).toBe(404);
    expect((await admin.request(`/api/v3/authenticators/totp/${device.pk}/`, { method: "DELETE" })).status).toBe(404);
    expect((await admin.json("/api/v3/authenticators/totp/")).pagination.count).toBe(0);

    expect((await alice.request(`/api/v3/authenticators/totp/${device.pk}/`, { method: "DELETE" })).status).toBe(204);
    expect((await alice.json("/api/v3/authenticators/all/")).map((d: any) => d.type)).toEqual(["authentik_stages_authenticator_static.StaticDevice"]);
  });

  it("needs a signed-in user", async () => {
    const stranger = new TestClient(database);
    expect((await stranger.request("/api/v3/authenticators/all/")).status).toBe(403);
    expect((await stranger.request("/api/v3/authenticators/static/")).status).toBe(403);
  });
});

describe("devices for admins", () => {
  it("lists a given user's devices and everyone's devices of a kind", async () => {
    const devices = await admin.json(`/api/v3/authenticators/admin/all/?user=${alicePk}`);
    expect(devices.map((d: any) => d.verbose_name)).toEqual(["TOTP Device", "Static Device"]);
    const totp = await admin.json("/api/v3/authenticators/admin/totp/?search=authenticator");
    expect(totp.results).toEqual([expect.objectContaining({ name: "Authenticator app", user: expect.objectContaining({ username: "alice" }) })]);
  });

  it("deletes another user's device", async () => {
    const [device] = (await admin.json("/api/v3/authenticators/admin/static/")).results;
    expect((await admin.request(`/api/v3/authenticators/admin/static/${device.pk}/`, { method: "DELETE" })).status).toBe(204);
    expect((await alice.json("/api/v3/authenticators/static/")).pagination.count).toBe(0);
  });

  it("are for superusers only", async () => {
    expect((await alice.request(`/api/v3/authenticators/admin/all/?user=${alicePk}`)).status).toBe(403);
    expect((await alice.request("/api/v3/authenticators/admin/totp/")).status).toBe(403);
  });
});
