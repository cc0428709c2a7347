import { beforeEach, describe, expect, it } from "vitest";
import { like } from "drizzle-orm";
import { bootstrap } from "../../server/db/bootstrap.ts";
import type { Database } from "../../server/db/client.ts";
import { flows, stages } from "../../server/db/schema.ts";
import { TestClient } from "../support/client.ts";
import { signedInAdmin } from "../support/fresh.ts";

let database: Database;
let admin: TestClient;

beforeEach(async () => {
  ({ database, admin } = await signedInAdmin());
  return () => database.close();
});

describe("authenticator stages in the admin API", () => {
  it("lists the bootstrapped stages, each setup stage pointing at its setup flow", async () => {
    const totp = await admin.json("/api/v3/stages/authenticator/totp/");
    const [flow] = (await admin.json("/api/v3/flows/instances/?slug=default-authenticator-totp-setup")).results;
    expect(totp.results).toEqual([
      {
        pk: expect.any(String),
        name: "default-authenticator-totp-setup",
        component: "ak-stage-authenticator-totp-form",
        verbose_name: "TOTP Authenticator Setup Stage",
        verbose_name_plural: "TOTP Authenticator Setup Stages",
        meta_model_name: "authentik_stages_authenticator_totp.authenticatortotpstage",
        configure_flow: flow.pk,
        friendly_name: null,
        digits: "6",
      },
    ]);
    const [validation] = (await admin.json("/api/v3/stages/authenticator/validate/")).results;
    expect(validation).toMatchObject({
      name: "default-authentication-mfa-validation",
      not_configured_action: "skip",
      device_classes: ["static", "totp", "webauthn"],
      last_auth_threshold: "seconds=0",
      webauthn_allowed_device_types_obj: [],
    });
    expect((await admin.json("/api/v3/stages/authenticator/webauthn/")).results[0]).toMatchObject({
      user_verification: "preferred",
      resident_key_requirement: "preferred",
      authenticator_attachment: null,
      device_type_restrictions_obj: [],
    });
  });

  it("creates, updates and deletes a stage, with authentik's validation messages", async () => {
    const missing = await admin.request("/api/v3/stages/authenticator/totp/", { json: { name: "phone-app" } });
    expect(await missing.json()).toEqual({ digits: ["This field is required."] });

    const created = await admin.request("/api/v3/stages/authenticator/static/", { json: { name: "more-codes", token_count: 10 } });
    expect(created.status).toBe(201);
    const stage = await created.json();
    expect(stage).toMatchObject({ name: "more-codes", token_count: 10, token_length: 12, configure_flow: null });

    const clash = await admin.request("/api/v3/stages/authenticator/static/", { json: { name: "more-codes" } });
    expect(await clash.json()).toEqual({ name: ["stage with this name already exists."] });

    const patched = await admin.json(`/api/v3/stages/authenticator/static/${stage.pk}/`, { method: "PATCH", json: { token_length: 16 } });
    expect(patched).toMatchObject({ token_count: 10, token_length: 16 });
    expect((await admin.request(`/api/v3/stages/authenticator/static/${stage.pk}/`, { method: "DELETE" })).status).toBe(204);
    expect((await admin.request(`/api/v3/stages/authenticator/static/${stage.pk}/`)).status).toBe(404);
  });

  it("checks references and durations of a validation stage", async () => {
    const response = await admin.request("/api/v3/stages/authenticator/validate/", {
      json: { name: "strict", configuration_stages: ["6f1ad4bb-0ea8-4ce5-9e84-8f2cdb6c43e5"], last_auth_threshold: "fortnight" },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      configuration_stages: ['Invalid pk "6f1ad4bb-0ea8-4ce5-9e84-8f2cdb6c43e5" - object does not exist.'],
      last_auth_threshold: ["Enter a duration such as seconds=0 or hours=1;minutes=30."],
    });
  });

  it("are bootstrapped once: a restart adds nothing and keeps an admin's change", async () => {
    const [totp] = (await admin.json("/api/v3/stages/authenticator/totp/")).results;
    await admin.request(`/api/v3/stages/authenticator/totp/${totp.pk}/`, { method: "PATCH", json: { configure_flow: null, digits: "8" } });
    await bootstrap(database.db);
    expect(await database.db.select().from(stages).where(like(stages.kind, "authenticator_%"))).toHaveLength(4);
    expect(await database.db.select().from(flows).where(like(flows.slug, "default-authenticator-%"))).toHaveLength(3);
    expect(await admin.json(`/api/v3/stages/authenticator/totp/${totp.pk}/`)).toMatchObject({ digits: "8", configure_flow: null });
  });

  it("is for superusers only", async () => {
    const visitor = new TestClient(database);
    expect((await visitor.request("/api/v3/stages/authenticator/validate/")).status).toBe(403);
  });
});
