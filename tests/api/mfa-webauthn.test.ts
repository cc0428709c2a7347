import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { TestClient } from "../support/client.ts";
import { adminPassword } from "../support/constants.ts";
import { signInUntilMfa, validate } from "../support/authenticators.ts";
import { signedInAdmin } from "../support/fresh.ts";
import { SoftAuthenticator } from "../support/soft-authenticator.ts";

let database: Database;
let client: TestClient;

beforeEach(async () => {
  ({ database, admin: client } = await signedInAdmin());
  return () => database.close();
});

const setupFlow = "default-authenticator-webauthn-setup";
const answerSetup = (response: unknown) => client.flow(setupFlow, { component: "ak-stage-authenticator-webauthn", response });

async function registerPasskey(authenticator = new SoftAuthenticator()) {
  const setup = await client.flow(setupFlow);
  expect(await answerSetup(authenticator.register(setup.registration))).toMatchObject({ component: "xak-flow-redirect" });
  return authenticator;
}

describe("passkey (WebAuthn) registration", () => {
  it("sends registration options for this host, naming the user and the site", async () => {
    const setup = await client.flow(setupFlow);
    expect(setup).toMatchObject({
      component: "ak-stage-authenticator-webauthn",
      pending_user: "akadmin",
      registration: {
        rp: { id: "127.0.0.1", name: "authentik" },
        user: { name: "akadmin", displayName: "authentik Default Admin" },
        attestation: "none",
        authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
        excludeCredentials: [],
      },
    });
    expect(setup.registration.challenge).toMatch(/^[\w-]{32,}$/);
  });

  it("saves a verified credential and excludes it from the next registration", async () => {
    const passkey = await registerPasskey();
    const [device] = (await client.json("/api/v3/authenticators/webauthn/")).results;
    expect(device).toMatchObject({ name: "Passkey", aaguid: "00000000-0000-0000-0000-000000000000", user: { username: "akadmin" } });
    const next = await client.flow(setupFlow);
    expect(next.registration.excludeCredentials).toEqual([
      { id: Buffer.from(passkey.credentialId).toString("base64url"), type: "public-key", transports: ["internal"] },
    ]);
  });

  it("refuses a response to another challenge, or from another origin, at the response field", async () => {
    const setup = await client.flow(setupFlow);
    const stale = new SoftAuthenticator().register({ ...setup.registration, challenge: "c3RhbGUtY2hhbGxlbmdl" });
    const refused = await answerSetup(stale);
    expect(refused.component).toBe("ak-stage-authenticator-webauthn");
    expect(refused.response_errors.response[0].string).toMatch(/^The security key could not be registered: .*challenge/);

    const foreign = new SoftAuthenticator("https://evil.example").register(refused.registration);
    expect((await answerSetup(foreign)).response_errors.response[0].string).toMatch(/origin/);
    expect((await client.json("/api/v3/authenticators/webauthn/")).pagination.count).toBe(0);
  });
});

describe("signing in with a passkey", () => {
  it("asks for an assertion after the password, limited to the user's credentials, and accepts it", async () => {
    const passkey = await registerPasskey();
    const fresh = new TestClient(database);
    const challenge = await signInUntilMfa(fresh, "akadmin", adminPassword);
    const [webauthn] = challenge.device_challenges;
    expect(webauthn).toMatchObject({
      device_class: "webauthn",
      challenge: { rpId: "127.0.0.1", userVerification: "preferred", allowCredentials: [{ id: Buffer.from(passkey.credentialId).toString("base64url") }] },
    });
    const done = await validate(fresh, { webauthn: passkey.authenticate(webauthn.challenge) });
    expect(done).toMatchObject({ component: "xak-flow-redirect" });
    const [device] = await client.json("/api/v3/authenticators/all/");
    expect(device).toMatchObject({ type: "authentik_stages_authenticator_webauthn.WebAuthnDevice", last_used: expect.any(String) });
  });

  it("refuses another user's key and a replayed assertion at the webauthn field", async () => {
    const passkey = await registerPasskey();
    const fresh = new TestClient(database);
    const challenge = await signInUntilMfa(fresh, "akadmin", adminPassword);
    const stranger = new SoftAuthenticator();
    stranger.register({ user: { id: "x" }, challenge: "eA", rp: { id: "127.0.0.1" } });
    const unknown = await validate(fresh, { webauthn: stranger.authenticate(challenge.device_challenges[0].challenge) });
    expect(unknown.response_errors.webauthn[0].string).toBe(
      "The security key was not accepted: This security key is not registered for this account.",
    );
    const assertion = passkey.authenticate(unknown.device_challenges[0].challenge);
    expect(await validate(fresh, { webauthn: assertion })).toMatchObject({ component: "xak-flow-redirect" });

    const other = new TestClient(database);
    await signInUntilMfa(other, "akadmin", adminPassword);
    expect((await validate(other, { webauthn: assertion })).response_errors.webauthn).toBeDefined();
  });
});
