import { beforeEach, describe, expect, it } from "vitest";
import type { FlowObserver } from "../../server/context.ts";
import type { Database } from "../../server/db/client.ts";
import { TestClient } from "../support/client.ts";
import { adminPassword } from "../support/constants.ts";
import { testDatabase } from "../support/database.ts";
import { authenticatorApp, codeAt, signInUntilMfa, validate } from "../support/authenticators.ts";
import { SoftAuthenticator } from "../support/soft-authenticator.ts";
import { FlowTrafficValidator } from "./challenge-validator.ts";
import { loadAuthentik } from "./openapi-docs.ts";

const validator = new FlowTrafficValidator(loadAuthentik());

/** Checks every challenge and response of the MFA stages as they pass, against authentik's schema. */
class Checked implements FlowObserver {
  readonly problems: string[] = [];
  readonly components = new Set<string>();
  challenge(body: unknown) {
    this.#note("challenge", body, validator.challenge(body));
  }
  response(body: unknown) {
    this.#note("response", body, validator.response(body));
  }
  #note(kind: string, body: unknown, found: string[]) {
    const component = String((body as { component?: unknown }).component);
    this.components.add(`${kind} ${component}`);
    this.problems.push(...found.map((problem) => `${kind} ${component}: ${problem}`));
  }
}

let database: Database;
let checked: Checked;
let client: TestClient;

beforeEach(async () => {
  database = await testDatabase();
  checked = new Checked();
  client = new TestClient(database, checked);
  await client.signIn("akadmin", adminPassword);
  return () => database.close();
});

describe("MFA flow traffic against authentik's ChallengeTypes and FlowChallengeResponseRequest", () => {
  it("setting up an app, recovery codes and a passkey, then signing in with each, wrong answers included", async () => {
    const totp = await client.flow("default-authenticator-totp-setup");
    await client.flow("default-authenticator-totp-setup", { component: "ak-stage-authenticator-totp", code: 1 });
    const app = authenticatorApp(totp.config_url);
    await client.flow("default-authenticator-totp-setup", { component: "ak-stage-authenticator-totp", code: Number(codeAt(app)) });
    const { codes } = await client.flow("default-authenticator-static-setup");
    await client.flow("default-authenticator-static-setup", { component: "ak-stage-authenticator-static" });
    const passkey = new SoftAuthenticator();
    await client.flow("default-authenticator-webauthn-setup");
    const refused = await client.flow("default-authenticator-webauthn-setup", { component: "ak-stage-authenticator-webauthn", response: { id: "broken" } });
    await client.flow("default-authenticator-webauthn-setup", { component: "ak-stage-authenticator-webauthn", response: passkey.register(refused.registration) });

    const user = new TestClient(database, checked);
    const challenge = await signInUntilMfa(user, "akadmin", adminPassword);
    await validate(user, { code: "000000", selected_challenge: challenge.device_challenges[1] });
    await validate(user, { selected_challenge: challenge.device_challenges[2] });
    await validate(user, { code: codes[0], selected_challenge: challenge.device_challenges[2] });
    const again = new TestClient(database, checked);
    const second = await signInUntilMfa(again, "akadmin", adminPassword);
    await validate(again, { webauthn: passkey.authenticate(second.device_challenges[0].challenge) });

    expect(checked.components).toEqual(
      new Set([
        "challenge ak-stage-identification",
        "response ak-stage-identification",
        "challenge ak-stage-password",
        "response ak-stage-password",
        "challenge xak-flow-redirect",
        "challenge ak-stage-authenticator-totp",
        "response ak-stage-authenticator-totp",
        "challenge ak-stage-authenticator-static",
        "response ak-stage-authenticator-static",
        "challenge ak-stage-authenticator-webauthn",
        "response ak-stage-authenticator-webauthn",
        "challenge ak-stage-authenticator-validate",
        "response ak-stage-authenticator-validate",
      ]),
    );
    expect(checked.problems).toEqual([]);
  });

  it("choosing a device to set up while signing in", async () => {
    const setupStages = (await client.json("/api/v3/stages/authenticator/totp/")).results.concat(
      (await client.json("/api/v3/stages/authenticator/static/")).results,
    );
    const [validation] = (await client.json("/api/v3/stages/authenticator/validate/")).results;
    await client.request(`/api/v3/stages/authenticator/validate/${validation.pk}/`, {
      method: "PATCH",
      json: { not_configured_action: "configure", configuration_stages: setupStages.map((s: { pk: string }) => s.pk) },
    });
    const user = new TestClient(database, checked);
    const choice = await signInUntilMfa(user, "akadmin", adminPassword);
    expect(choice.configuration_stages).toHaveLength(2);
    await validate(user, { selected_stage: choice.configuration_stages[0].pk });
    expect(checked.components).toContain("challenge ak-stage-authenticator-static");
    expect(checked.problems).toEqual([]);
  });
});
