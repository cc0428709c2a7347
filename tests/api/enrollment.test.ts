import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { emailOutbox, flowTokens, users } from "../../server/db/schema.ts";
import { TestClient } from "../support/client.ts";
import type { FlowTraffic } from "../support/flow-traffic.ts";
import { flowLinkIn, lastMailTo } from "../support/flows.ts";
import { recordedVisitor } from "../support/fresh.ts";

const slug = "default-enrollment-flow";
const password = "Enrolled-passw0rd";

let database: Database;
let traffic: FlowTraffic;
let client: TestClient;

beforeEach(async () => {
  ({ database, traffic, client } = await recordedVisitor());
  await client.request("/");
  return () => database.close();
});

const details = (overrides: Record<string, string> = {}) => ({
  component: "ak-stage-prompt",
  username: "ada",
  name: "Ada Lovelace",
  email: "ada@example.com",
  password,
  password_repeat: password,
  ...overrides,
});

/** Fills in the enrollment form and returns the challenge that follows (the email stage). */
async function enroll(who = client, overrides: Record<string, string> = {}) {
  await who.flow(slug);
  return who.flow(slug, details(overrides));
}

async function user(username: string) {
  const [row] = await database.db.select().from(users).where(eq(users.username, username));
  return row;
}

describe("default-enrollment-flow", () => {
  it("asks for username, name, email and a new password twice", async () => {
    const challenge = await client.flow(slug);
    expect(challenge.component).toBe("ak-stage-prompt");
    expect(challenge.fields.map((f: { field_key: string; type: string }) => `${f.field_key}:${f.type}`)).toEqual([
      "username:username",
      "name:text",
      "email:email",
      "password:password",
      "password_repeat:password",
    ]);
    traffic.expectAuthentikShaped();
  });

  it("creates an inactive user and mails a confirmation link that activates and signs them in, in another browser", async () => {
    const waiting = await enroll();
    expect(waiting.component).toBe("ak-stage-email");
    expect(await user("ada")).toMatchObject({ isActive: false, name: "Ada Lovelace", email: "ada@example.com", type: "external" });
    // Not signed in yet, and the password alone does not sign in an unconfirmed account.
    expect((await client.request("/api/v3/core/users/me/")).status).toBe(403);
    expect((await new TestClient(database).signIn("ada", password)).response_errors.password[0].code).toBe("inactive");

    const mail = await lastMailTo(database.db, "ada@example.com");
    expect(mail).toMatchObject({ subject: "authentik: confirm your account", from: "authentik@localhost" });
    expect(mail.text).toContain("Hello Ada Lovelace,");
    expect(mail.html).toContain("Confirm account");
    const link = flowLinkIn(mail.text);
    expect(link.url.origin).toBe("http://127.0.0.1:9000");
    expect(link.slug).toBe(slug);
    expect(link.url.searchParams.get("flow_token")).toMatch(/^[\w-]{40,}$/);

    const otherBrowser = new TestClient(database, traffic);
    await otherBrowser.request("/");
    const done = await otherBrowser.flow(link.slug, undefined, link.query);
    expect(done).toMatchObject({ component: "xak-flow-redirect", to: "/" });
    expect((await user("ada")).isActive).toBe(true);
    expect((await otherBrowser.json("/api/v3/core/users/me/")).user).toMatchObject({ username: "ada" });

    // The new account signs in with its password anywhere.
    expect(await new TestClient(database).signIn("ada", password)).toMatchObject({ component: "xak-flow-redirect" });
    traffic.expectAuthentikShaped();
  });

  it("accepts each link once; a reused link explains itself", async () => {
    await enroll();
    const link = flowLinkIn((await lastMailTo(database.db, "ada@example.com")).text);
    const first = new TestClient(database, traffic);
    await first.request("/");
    expect(await first.flow(slug, undefined, link.query)).toMatchObject({ component: "xak-flow-redirect" });
    const second = new TestClient(database, traffic);
    await second.request("/");
    const reused = await second.flow(slug, undefined, link.query);
    expect(reused).toMatchObject({ component: "ak-stage-access-denied" });
    expect(reused.error_message).toBe("This link has expired or has already been used. Start again to get a new one.");
    traffic.expectAuthentikShaped();
  });

  it("refuses an expired link", async () => {
    await enroll();
    await database.db.update(flowTokens).set({ expires: new Date(Date.now() - 1000) });
    const link = flowLinkIn((await lastMailTo(database.db, "ada@example.com")).text);
    const other = new TestClient(database);
    await other.request("/");
    expect((await other.flow(slug, undefined, link.query)).error_message).toMatch(/expired/);
    expect((await user("ada")).isActive).toBe(false);
  });

  it("stores only a hash of the link's token", async () => {
    await enroll();
    const key = flowLinkIn((await lastMailTo(database.db, "ada@example.com")).text).url.searchParams.get("flow_token")!;
    const rows = await database.db.select().from(flowTokens);
    expect(rows).toHaveLength(1);
    expect(rows[0].keyHash).not.toContain(key);
    expect(JSON.stringify(rows[0].plan)).not.toContain(password);
  });

  it("resends the mail on request, not more often than every 30 seconds", async () => {
    await enroll();
    const tooSoon = await client.flow(slug, { component: "ak-stage-email" });
    expect(tooSoon.response_errors.non_field_errors[0]).toMatchObject({ code: "throttled" });
    expect(tooSoon.response_errors.non_field_errors[0].string).toMatch(/^Wait \d+ seconds? before asking for another email\.$/);
    expect(await database.db.select().from(emailOutbox)).toHaveLength(1);
    traffic.expectAuthentikShaped();
  });

  it("keeps what was typed in the plan only until the user is written", async () => {
    await enroll();
    const sessions = JSON.stringify(await database.db.execute("select data from ak_session"));
    expect(sessions).not.toContain(password);
  });

  it("refuses a username that is taken at the field, before anything is created", async () => {
    const again = await enroll(client, { username: "akadmin" });
    expect(again.response_errors.username[0].string).toBe("Username is already taken.");
    expect(await database.db.select().from(emailOutbox)).toHaveLength(0);
  });

  it("is not for signed-in users", async () => {
    const signedIn = new TestClient(database);
    await signedIn.signIn("akadmin", (await import("../support/constants.ts")).adminPassword);
    const denied = await signedIn.flow(slug);
    expect(denied).toMatchObject({ component: "ak-stage-access-denied" });
  });
});

describe("the default sign-in page", () => {
  it("links to enrollment and recovery", async () => {
    const challenge = await client.flow("default-authentication-flow");
    expect(challenge.enroll_url).toBe("/if/flow/default-enrollment-flow/");
    expect(challenge.recovery_url).toBe("/if/flow/default-recovery-flow/");
  });
});
