import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { TestClient } from "../support/client.ts";
import { adminPassword } from "../support/constants.ts";
import { authenticatorApp, codeAt, enrolTotp, signInUntilMfa, validate } from "../support/authenticators.ts";
import { signedInAdmin } from "../support/fresh.ts";

let database: Database;
let client: TestClient;

beforeEach(async () => {
  ({ database, admin: client } = await signedInAdmin());
  return () => database.close();
});

describe("authenticator app (TOTP) setup", () => {
  it("offers an otpauth:// URL naming the site and the user, with a fresh 160-bit secret", async () => {
    const setup = await client.flow("default-authenticator-totp-setup");
    expect(setup).toMatchObject({ component: "ak-stage-authenticator-totp", pending_user: "akadmin" });
    const app = authenticatorApp(setup.config_url);
    expect(app).toMatchObject({ issuer: "authentik", label: "akadmin", digits: 6, period: 30, algorithm: "SHA1" });
    expect(app.secret.bytes.length).toBe(20);
    // Shown again (e.g. after a reload), the same secret: the app the user already scanned stays right.
    expect((await client.flow("default-authenticator-totp-setup")).config_url).toBe(setup.config_url);
  });

  it("refuses a wrong code at the code field and saves nothing", async () => {
    const setup = await client.flow("default-authenticator-totp-setup");
    const wrong = (Number(codeAt(authenticatorApp(setup.config_url))) + 1) % 1_000_000;
    const again = await client.flow("default-authenticator-totp-setup", { component: "ak-stage-authenticator-totp", code: wrong });
    expect(again.component).toBe("ak-stage-authenticator-totp");
    expect(again.response_errors.code[0].string).toMatch(/does not match/);
    expect(again.config_url).toBe(setup.config_url);
    expect(await client.json("/api/v3/authenticators/totp/")).toMatchObject({ pagination: { count: 0 } });
  });

  it("reports a missing code as required", async () => {
    await client.flow("default-authenticator-totp-setup");
    const again = await client.flow("default-authenticator-totp-setup", { component: "ak-stage-authenticator-totp" });
    expect(again.response_errors.code).toEqual([{ string: "This field is required.", code: "required" }]);
  });

  it("saves the device once a code from the app matches, each setup with a new secret", async () => {
    const first = await enrolTotp(client);
    const second = await enrolTotp(client);
    expect(second.secret.base32).not.toBe(first.secret.base32);
    const devices = await client.json("/api/v3/authenticators/totp/");
    expect(devices.pagination.count).toBe(2);
    expect(devices.results[0]).toMatchObject({ name: "Authenticator app", user: { username: "akadmin" } });
  });

  it("is not shown to a visitor who is not signed in", async () => {
    const stranger = new TestClient(database);
    await stranger.request("/");
    const answer = await stranger.flow("default-authenticator-totp-setup");
    expect(answer.component).not.toBe("ak-stage-authenticator-totp");
    expect(answer).not.toHaveProperty("config_url");
  });
});

describe("signing in with an authenticator app", () => {
  beforeEach(() => enrolTotp(client).then((app) => (enrolled = app)));
  let enrolled: ReturnType<typeof authenticatorApp>;

  it("asks for a code after the password, and signs in with the app's next code", async () => {
    const fresh = new TestClient(database);
    const challenge = await signInUntilMfa(fresh, "akadmin", adminPassword);
    expect(challenge).toMatchObject({
      component: "ak-stage-authenticator-validate",
      pending_user: "akadmin",
      configuration_stages: [],
      device_challenges: [{ device_class: "totp", challenge: {}, last_used: null }],
    });
    // The setup used this step's code, and a code is accepted once: the app's next code works.
    const done = await validate(fresh, { code: codeAt(enrolled, 1), selected_challenge: challenge.device_challenges[0] });
    expect(done).toMatchObject({ component: "xak-flow-redirect", to: "/" });
    expect((await fresh.request("/api/v3/core/users/me/")).status).toBe(200);
  });

  it("refuses a wrong code at the code field, and a code already used", async () => {
    const fresh = new TestClient(database);
    await signInUntilMfa(fresh, "akadmin", adminPassword);
    const wrong = await validate(fresh, { code: "000000" === codeAt(enrolled, 1) ? "111111" : "000000" });
    expect(wrong.component).toBe("ak-stage-authenticator-validate");
    expect(wrong.response_errors.code[0].string).toBe("This code is not valid. Check it and try again.");
    const replayed = await validate(fresh, { code: codeAt(enrolled, 0) });
    expect(replayed.response_errors.code).toBeDefined();
    expect((await fresh.request("/api/v3/core/users/me/")).status).toBe(403);
  });

  it("stops accepting codes after five wrong ones", async () => {
    const fresh = new TestClient(database);
    await signInUntilMfa(fresh, "akadmin", adminPassword);
    for (const code of ["000001", "000002", "000003", "000004", "000005"]) await validate(fresh, { code });
    const locked = await validate(fresh, { code: codeAt(enrolled, 1) });
    expect(locked.response_errors.code[0]).toMatchObject({ code: "throttled" });
    expect(locked.response_errors.code[0].string).toMatch(/Too many wrong codes\. Try again in \d+ minutes?\./);
  });
});
