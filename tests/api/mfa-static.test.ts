import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { staticTokens } from "../../server/db/schema.ts";
import { TestClient } from "../support/client.ts";
import { adminPassword } from "../support/constants.ts";
import { enrolRecoveryCodes, signInUntilMfa, validate } from "../support/authenticators.ts";
import { signedInAdmin } from "../support/fresh.ts";

let database: Database;
let client: TestClient;

beforeEach(async () => {
  ({ database, admin: client } = await signedInAdmin());
  return () => database.close();
});

describe("recovery codes (static) setup", () => {
  it("shows six 12-character codes, the same ones until confirmed, and keeps only their hashes", async () => {
    const setup = await client.flow("default-authenticator-static-setup");
    expect(setup).toMatchObject({ component: "ak-stage-authenticator-static", pending_user: "akadmin" });
    expect(setup.codes).toHaveLength(6);
    for (const code of setup.codes) expect(code).toMatch(/^[a-z2-9]{12}$/);
    expect(new Set(setup.codes).size).toBe(6);
    expect((await client.flow("default-authenticator-static-setup")).codes).toEqual(setup.codes);
    expect(await database.db.select().from(staticTokens)).toEqual([]);

    await client.flow("default-authenticator-static-setup", { component: "ak-stage-authenticator-static" });
    const stored = await database.db.select().from(staticTokens);
    expect(stored).toHaveLength(6);
    for (const { tokenHash } of stored) expect(setup.codes).not.toContain(tokenHash);
  });

  it("replaces an earlier set: the old codes stop working", async () => {
    const old = await enrolRecoveryCodes(client);
    const current = await enrolRecoveryCodes(client);
    expect(current).not.toEqual(old);
    const devices = await client.json("/api/v3/authenticators/static/");
    expect(devices.pagination.count).toBe(1);
    expect(devices.results[0]).toMatchObject({ name: "Recovery codes", token_set: [] });

    const fresh = new TestClient(database);
    await signInUntilMfa(fresh, "akadmin", adminPassword);
    expect((await validate(fresh, { code: old[0] })).response_errors.code).toBeDefined();
    expect(await validate(fresh, { code: current[0] })).toMatchObject({ component: "xak-flow-redirect" });
  });
});

describe("signing in with a recovery code", () => {
  let codes: string[];
  beforeEach(async () => {
    codes = await enrolRecoveryCodes(client);
  });

  it("offers the static device and accepts a code once", async () => {
    const first = new TestClient(database);
    const challenge = await signInUntilMfa(first, "akadmin", adminPassword);
    expect(challenge.device_challenges).toEqual([{ device_class: "static", device_uid: expect.any(String), challenge: {}, last_used: null }]);
    const selected = challenge.device_challenges[0];
    expect(await validate(first, { code: codes[2], selected_challenge: selected })).toMatchObject({ component: "xak-flow-redirect" });

    const second = new TestClient(database);
    await signInUntilMfa(second, "akadmin", adminPassword);
    const reused = await validate(second, { code: codes[2], selected_challenge: selected });
    expect(reused.component).toBe("ak-stage-authenticator-validate");
    expect(reused.response_errors.code[0].string).toBe("This recovery code is not valid, or has been used already. Check it and try again.");
    // Typed with spaces or in capitals, a code still works.
    expect(await validate(second, { code: ` ${codes[3].toUpperCase().replace(/(.{4})/g, "$1 ")}` })).toMatchObject({
      component: "xak-flow-redirect",
    });
    const [device] = await client.json("/api/v3/authenticators/all/");
    expect(device).toMatchObject({ type: "authentik_stages_authenticator_static.StaticDevice", extra_description: "4 remaining" });
  });

  it("skips the step once every code is used", async () => {
    await database.db.delete(staticTokens);
    const after = new TestClient(database);
    expect(await signInUntilMfa(after, "akadmin", adminPassword)).toMatchObject({ component: "xak-flow-redirect" });
  });
});
