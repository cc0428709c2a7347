import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { flowStageBindings, flows, stages } from "../../server/db/schema.ts";
import { TestClient } from "../support/client.ts";
import { adminPassword } from "../support/constants.ts";
import { authenticatorApp, codeAt, enrolRecoveryCodes, enrolTotp, signInUntilMfa, validate } from "../support/authenticators.ts";
import { signedInAdmin } from "../support/fresh.ts";
import { SoftAuthenticator } from "../support/soft-authenticator.ts";

let database: Database;
let admin: TestClient;

beforeEach(async () => {
  ({ database, admin } = await signedInAdmin());
  return () => database.close();
});

/** Changes the default flow's validation stage through the admin API. */
async function configureValidation(settings: Record<string, unknown>) {
  const [stage] = (await admin.json("/api/v3/stages/authenticator/validate/?name=default-authentication-mfa-validation")).results;
  const response = await admin.request(`/api/v3/stages/authenticator/validate/${stage.pk}/`, { method: "PATCH", json: settings });
  expect(response.status).toBe(200);
}

const stagePk = async (name: string) => (await database.db.select().from(stages).where(eq(stages.name, name)))[0].pk;

describe("a user without a device", () => {
  it("signs in with the password alone when the action is skip (the default)", async () => {
    expect(await signInUntilMfa(new TestClient(database), "akadmin", adminPassword)).toMatchObject({ component: "xak-flow-redirect" });
  });

  it("is refused when the action is deny", async () => {
    await configureValidation({ not_configured_action: "deny" });
    const refused = await signInUntilMfa(new TestClient(database), "akadmin", adminPassword);
    expect(refused).toMatchObject({ component: "ak-stage-access-denied", error_message: expect.stringMatching(/No two-factor authentication device/) });
  });

  it("sets one up inside the sign-in when the action is configure with one stage", async () => {
    await configureValidation({ not_configured_action: "configure", configuration_stages: [await stagePk("default-authenticator-totp-setup")] });
    const user = new TestClient(database);
    const setup = await signInUntilMfa(user, "akadmin", adminPassword);
    expect(setup).toMatchObject({ component: "ak-stage-authenticator-totp", pending_user: "akadmin" });
    const code = Number(codeAt(authenticatorApp(setup.config_url)));
    expect(await user.flow("default-authentication-flow", { component: "ak-stage-authenticator-totp", code })).toMatchObject({
      component: "xak-flow-redirect",
    });
    expect((await user.json("/api/v3/authenticators/all/")).map((d: any) => d.type)).toEqual(["authentik_stages_authenticator_totp.TOTPDevice"]);
  });

  it("chooses among several configuration stages, refusing one not offered", async () => {
    const offered = [await stagePk("default-authenticator-totp-setup"), await stagePk("default-authenticator-static-setup")];
    await configureValidation({ not_configured_action: "configure", configuration_stages: offered });
    const user = new TestClient(database);
    const choice = await signInUntilMfa(user, "akadmin", adminPassword);
    expect(choice).toMatchObject({ component: "ak-stage-authenticator-validate", device_challenges: [] });
    expect(choice.configuration_stages.map((s: any) => [s.name, s.verbose_name, s.meta_model_name])).toEqual([
      ["default-authenticator-static-setup", "Static Authenticator Setup Stage", "authentik_stages_authenticator_static.authenticatorstaticstage"],
      ["default-authenticator-totp-setup", "TOTP Authenticator Setup Stage", "authentik_stages_authenticator_totp.authenticatortotpstage"],
    ]);
    const wrong = await validate(user, { selected_stage: await stagePk("default-authentication-password") });
    expect(wrong.response_errors.selected_stage[0].string).toBe("Choose one of the offered ways to set up a device.");
    const codes = await validate(user, { selected_stage: offered[1] });
    expect(codes).toMatchObject({ component: "ak-stage-authenticator-static", pending_user: "akadmin" });
    expect(await user.flow("default-authentication-flow", { component: "ak-stage-authenticator-static" })).toMatchObject({
      component: "xak-flow-redirect",
    });
  });
});

describe("a user with devices", () => {
  it("is offered one challenge per device class, strongest first", async () => {
    await enrolRecoveryCodes(admin);
    await enrolTotp(admin);
    const setup = await admin.flow("default-authenticator-webauthn-setup");
    await admin.flow("default-authenticator-webauthn-setup", { component: "ak-stage-authenticator-webauthn", response: new SoftAuthenticator().register(setup.registration) });
    const challenge = await signInUntilMfa(new TestClient(database), "akadmin", adminPassword);
    expect(challenge.device_challenges.map((c: any) => c.device_class)).toEqual(["webauthn", "totp", "static"]);
  });

  it("only for the device classes the stage accepts", async () => {
    await enrolTotp(admin);
    await configureValidation({ device_classes: ["webauthn", "static"] });
    expect(await signInUntilMfa(new TestClient(database), "akadmin", adminPassword)).toMatchObject({ component: "xak-flow-redirect" });
  });

  it("is not asked again within last_auth_threshold of using a device", async () => {
    const app = await enrolTotp(admin);
    await configureValidation({ last_auth_threshold: "hours=1" });
    const first = new TestClient(database);
    await signInUntilMfa(first, "akadmin", adminPassword);
    expect(await validate(first, { code: codeAt(app, 1) })).toMatchObject({ component: "xak-flow-redirect" });
    expect(await signInUntilMfa(new TestClient(database), "akadmin", adminPassword)).toMatchObject({ component: "xak-flow-redirect" });
  });

  it("is asked to enter something when the response holds no answer", async () => {
    await enrolTotp(admin);
    const user = new TestClient(database);
    await signInUntilMfa(user, "akadmin", adminPassword);
    expect((await validate(user, {})).response_errors).toEqual({
      non_field_errors: [{ string: "Enter a code, or use your security key.", code: "invalid" }],
    });
  });
});

describe("passwordless sign-in with a passkey", () => {
  it("identifies the user from the credential when no user was identified before", async () => {
    const setup = await admin.flow("default-authenticator-webauthn-setup");
    const passkey = new SoftAuthenticator();
    await admin.flow("default-authenticator-webauthn-setup", { component: "ak-stage-authenticator-webauthn", response: passkey.register(setup.registration) });
    const [flow] = await database.db
      .insert(flows)
      .values({ slug: "passkey-sign-in", name: "Passkey", title: "Passkey", designation: "authentication" })
      .returning();
    await database.db.insert(flowStageBindings).values([
      { target: flow.pk, stage: await stagePk("default-authentication-mfa-validation"), order: 10 },
      { target: flow.pk, stage: await stagePk("default-authentication-login"), order: 20 },
    ]);

    const visitor = new TestClient(database);
    await visitor.request("/");
    const challenge = await visitor.flow("passkey-sign-in");
    expect(challenge.device_challenges).toEqual([
      { device_class: "webauthn", device_uid: "-1", last_used: null, challenge: expect.objectContaining({ allowCredentials: [], userVerification: "required" }) },
    ]);
    const done = await visitor.flow("passkey-sign-in", { component: "ak-stage-authenticator-validate", webauthn: passkey.authenticate(challenge.device_challenges[0].challenge) });
    expect(done).toMatchObject({ component: "xak-flow-redirect" });
    expect((await visitor.json("/api/v3/core/users/me/")).user.username).toBe("akadmin");
  });
});
