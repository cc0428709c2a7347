import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { applications, flowStageBindings, flows, stages, userConsents } from "../../server/db/schema.ts";
import type { TestClient } from "../support/client.ts";
import { adminPassword } from "../support/constants.ts";
import type { FlowTraffic } from "../support/flow-traffic.ts";
import { recordedVisitor } from "../support/fresh.ts";

const login = "default-authentication-flow";
const launchUrl = "https://wiki.example.com/";

let database: Database;
let traffic: FlowTraffic;
let client: TestClient;

beforeEach(async () => {
  ({ database, traffic, client } = await recordedVisitor());
  await database.db.insert(applications).values({ name: "Wiki", slug: "wiki", metaLaunchUrl: launchUrl });
  return () => database.close();
});

/** Puts a consent stage into the default sign-in flow, just before the user is signed in. */
async function consentOnSignIn(config: Record<string, unknown>) {
  const [flow] = await database.db.select().from(flows).where(eq(flows.slug, login));
  const [stage] = await database.db.insert(stages).values({ name: "wiki-consent", kind: "consent", config }).returning();
  await database.db.insert(flowStageBindings).values({ target: flow.pk, stage: stage.pk, order: 35 });
  return stage;
}

/** Opens the application signed out, as the library does, and signs in; returns the challenge after the password. */
async function launchAndSignIn(who: TestClient) {
  const launch = await who.request("/application/launch/wiki/");
  expect(launch.status).toBe(302);
  expect(launch.headers.get("location")).toBe(`/if/flow/${login}/`);
  await who.flow(login);
  await who.flow(login, { component: "ak-stage-identification", uid_field: "akadmin" });
  return who.flow(login, { component: "ak-stage-password", password: adminPassword });
}

const agree = (who: TestClient, token: string) => who.flow(login, { component: "ak-stage-consent", token });

async function signOut(who: TestClient) {
  await who.flow("default-invalidation-flow");
}

describe("consent stage", () => {
  it("asks once for a permanent consent to the application, then remembers it", async () => {
    await consentOnSignIn({ mode: "permanent" });
    const asked = await launchAndSignIn(client);
    expect(asked).toMatchObject({
      component: "ak-stage-consent",
      header_text: "You're about to sign into Wiki.",
      permissions: [],
      additional_permissions: [],
      pending_user: "akadmin",
    });
    expect(asked.token).toMatch(/^[\w-]{16,}$/);
    expect(await agree(client, asked.token)).toMatchObject({ component: "xak-flow-redirect", to: launchUrl });
    expect(await database.db.select().from(userConsents)).toMatchObject([{ expiring: false, expires: null, permissions: "" }]);

    await signOut(client);
    expect(await launchAndSignIn(client)).toMatchObject({ component: "xak-flow-redirect", to: launchUrl });
    traffic.expectAuthentikShaped();
  });

  it("asks every time when set to always require consent, and stores nothing", async () => {
    await consentOnSignIn({ mode: "always_require" });
    await agree(client, (await launchAndSignIn(client)).token);
    await signOut(client);
    expect((await launchAndSignIn(client)).component).toBe("ak-stage-consent");
    expect(await database.db.select().from(userConsents)).toHaveLength(0);
  });

  it("asks again once an expiring consent has expired", async () => {
    await consentOnSignIn({ mode: "expiring", consent_expire_in: "hours=1" });
    await agree(client, (await launchAndSignIn(client)).token);
    const [stored] = await database.db.select().from(userConsents);
    expect(stored.expiring).toBe(true);
    expect(stored.expires!.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    await signOut(client);
    expect((await launchAndSignIn(client)).component).toBe("xak-flow-redirect");
    await database.db.update(userConsents).set({ expires: new Date(Date.now() - 1000) });
    await signOut(client);
    expect((await launchAndSignIn(client)).component).toBe("ak-stage-consent");
  });

  it("refuses a response without the challenge's token", async () => {
    await consentOnSignIn({ mode: "permanent" });
    await launchAndSignIn(client);
    const again = await agree(client, "forged");
    expect(again.component).toBe("ak-stage-consent");
    expect(again.response_errors.non_field_errors[0].code).toBe("invalid_token");
    expect(await database.db.select().from(userConsents)).toHaveLength(0);
    traffic.expectAuthentikShaped();
  });

  it("asks only for the permissions not consented to before", async () => {
    await consentOnSignIn({ mode: "permanent" });
    const [wiki] = await database.db.select().from(applications);
    await database.db.insert(userConsents).values({ user: 1, application: wiki.pk, permissions: "openid" });
    await client.request("/application/launch/wiki/");
    // Providers list what they ask for in the plan; here the test does.
    const permissions = [{ id: "openid", name: "Your identity" }, { id: "email", name: "Your email address" }];
    await database.db.execute(
      sql`update ak_session set data = jsonb_set(data, '{flow_plan:default-authentication-flow,context,consent_permissions}', ${JSON.stringify(permissions)}::jsonb)`,
    );
    await client.flow(login);
    await client.flow(login, { component: "ak-stage-identification", uid_field: "akadmin" });
    const asked = await client.flow(login, { component: "ak-stage-password", password: adminPassword });
    expect(asked.permissions).toEqual([{ id: "openid", name: "Your identity" }]);
    expect(asked.additional_permissions).toEqual([{ id: "email", name: "Your email address" }]);
    await agree(client, asked.token);
    expect((await database.db.select().from(userConsents))[0].permissions).toBe("openid email");
    traffic.expectAuthentikShaped();
  });

  it("without an application in the flow, asks each time and remembers nothing (default-provider-authorization-explicit-consent)", async () => {
    await client.signIn("akadmin", adminPassword);
    const slug = "default-provider-authorization-explicit-consent";
    for (let run = 0; run < 2; run++) {
      const asked = await client.flow(slug);
      expect(asked.component).toBe("ak-stage-consent");
      expect(await client.flow(slug, { component: "ak-stage-consent", token: asked.token })).toMatchObject({ component: "xak-flow-redirect" });
    }
    expect(await database.db.select().from(userConsents)).toHaveLength(0);
    traffic.expectAuthentikShaped();
  });
});

describe("/application/launch/<slug>/", () => {
  it("sends a signed-in user straight to the application", async () => {
    await client.signIn("akadmin", adminPassword);
    const launch = await client.request("/application/launch/wiki/");
    expect(launch.headers.get("location")).toBe(launchUrl);
  });

  it("ends the sign-in at the application when there is no consent stage", async () => {
    await client.request("/application/launch/wiki/");
    await client.flow(login);
    await client.flow(login, { component: "ak-stage-identification", uid_field: "akadmin" });
    expect(await client.flow(login, { component: "ak-stage-password", password: adminPassword })).toMatchObject({ to: launchUrl });
  });

  it("is not found for an application without a launch URL", async () => {
    await database.db.insert(applications).values({ name: "Quiet", slug: "quiet" });
    expect((await client.request("/application/launch/quiet/")).status).toBe(404);
    expect((await client.request("/application/launch/no-such-app/")).status).toBe(404);
  });
});
