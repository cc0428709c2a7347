import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { emailOutbox, sessions, users } from "../../server/db/schema.ts";
import { hashPassword } from "../../server/auth/passwords.ts";
import { TestClient } from "../support/client.ts";
import type { FlowTraffic } from "../support/flow-traffic.ts";
import { flowLinkIn, lastMailTo } from "../support/flows.ts";
import { recordedVisitor } from "../support/fresh.ts";

const slug = "default-recovery-flow";
const oldPassword = "Old-passw0rd-1";
const newPassword = "New-passw0rd-2";

let database: Database;
let traffic: FlowTraffic;
let client: TestClient;

beforeEach(async () => {
  ({ database, traffic, client } = await recordedVisitor());
  await database.db.insert(users).values({ username: "alan", name: "Alan Turing", email: "alan@example.com", password: await hashPassword(oldPassword) });
  await client.request("/");
  return () => database.close();
});

/** Asks for a recovery email for `identifier`; returns the challenge shown after. */
async function forgot(identifier: string, who = client) {
  expect(await who.flow(slug)).toMatchObject({ component: "ak-stage-identification", user_fields: ["email", "username"], password_fields: false });
  return who.flow(slug, { component: "ak-stage-identification", uid_field: identifier });
}

/** Opens the newest recovery link in a fresh client; returns the client and the challenge it got. */
async function openLink() {
  const link = flowLinkIn((await lastMailTo(database.db, "alan@example.com")).text);
  const browser = new TestClient(database, traffic);
  await browser.request("/");
  return { browser, challenge: await browser.flow(link.slug, undefined, link.query) };
}

const setPassword = (who: TestClient, password: string, repeat = password) =>
  who.flow(slug, { component: "ak-stage-prompt", password, password_repeat: repeat });

describe("default-recovery-flow", () => {
  it("mails a reset link for an email address; the link asks for a new password, signs in, and the old password stops working", async () => {
    const waiting = await forgot("alan@example.com");
    expect(waiting.component).toBe("ak-stage-email");
    const mail = await lastMailTo(database.db, "alan@example.com");
    expect(mail.subject).toBe("authentik: reset your password");
    expect(mail.text).toMatch(/expires in 30 minutes/);

    const { browser, challenge } = await openLink();
    expect(challenge.component).toBe("ak-stage-prompt");
    expect(challenge.fields.map((f: { field_key: string }) => f.field_key)).toEqual(["password", "password_repeat"]);

    const mismatch = await setPassword(browser, newPassword, "something else");
    expect(mismatch.response_errors).toEqual({ password_repeat: [{ string: "Passwords don't match.", code: "invalid" }] });

    expect(await setPassword(browser, newPassword)).toMatchObject({ component: "xak-flow-redirect", to: "/" });
    expect((await browser.json("/api/v3/core/users/me/")).user.username).toBe("alan");

    const withOld = await new TestClient(database).signIn("alan", oldPassword);
    expect(withOld.response_errors.password[0].code).toBe("invalid_credentials");
    expect(await new TestClient(database).signIn("alan", newPassword)).toMatchObject({ component: "xak-flow-redirect" });
    traffic.expectAuthentikShaped();
  });

  it("works with the username too", async () => {
    expect((await forgot("alan")).component).toBe("ak-stage-email");
    expect(await lastMailTo(database.db, "alan@example.com")).toBeDefined();
  });

  it("looks the same for an unknown address and sends nothing", async () => {
    const waiting = await forgot("nobody@example.com");
    expect(waiting.component).toBe("ak-stage-email");
    expect(await database.db.select().from(emailOutbox)).toHaveLength(0);
    traffic.expectAuthentikShaped();
  });

  it("signs the user out of every other session once the password is reset", async () => {
    const elsewhere = new TestClient(database);
    await elsewhere.signIn("alan", oldPassword);
    expect((await elsewhere.request("/api/v3/core/users/me/")).status).toBe(200);
    await forgot("alan@example.com");
    const { browser } = await openLink();
    await setPassword(browser, newPassword);
    expect((await elsewhere.request("/api/v3/core/users/me/")).status).toBe(403);
    const [alan] = await database.db.select().from(users).where(eq(users.username, "alan"));
    expect(await database.db.select().from(sessions).where(eq(sessions.user, alan.pk))).toHaveLength(1);
  });

  it("spends every earlier link of the flow once one is used", async () => {
    await forgot("alan@example.com");
    const firstLink = flowLinkIn((await lastMailTo(database.db, "alan@example.com")).text);
    // A second request in another browser mails a second link.
    await forgot("alan@example.com", new TestClient(database));
    const { browser } = await openLink();
    await setPassword(browser, newPassword);
    const late = new TestClient(database);
    await late.request("/");
    expect(await late.flow(slug, undefined, firstLink.query)).toMatchObject({ component: "ak-stage-access-denied" });
  });

  it("keeps the page's query (next) in the link", async () => {
    await client.flow(slug, undefined, "next=%2Fif%2Fuser%2F");
    await client.flow(slug, { component: "ak-stage-identification", uid_field: "alan" }, "next=%2Fif%2Fuser%2F");
    const link = flowLinkIn((await lastMailTo(database.db, "alan@example.com")).text);
    expect(link.url.searchParams.get("next")).toBe("/if/user/");
    const browser = new TestClient(database);
    await browser.request("/");
    await browser.flow(slug, undefined, link.query);
    expect(await browser.flow(slug, { component: "ak-stage-prompt", password: newPassword, password_repeat: newPassword }, link.query)).toMatchObject({
      component: "xak-flow-redirect",
      to: "/if/user/",
    });
  });
});
