import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { applications } from "../../server/db/schema.ts";
import { TestClient } from "../support/client.ts";
import { adminPassword } from "../support/constants.ts";
import type { FlowTraffic } from "../support/flow-traffic.ts";
import { createFlow, createPrompts } from "../support/flows.ts";
import { recordedVisitor } from "../support/fresh.ts";

let database: Database;
let traffic: FlowTraffic;
let client: TestClient;

beforeEach(async () => {
  ({ database, traffic, client } = await recordedVisitor());
  await client.request("/");
  return () => database.close();
});

describe("deny stage", () => {
  it("ends the flow at the access-denied stage with its message", async () => {
    await createFlow(database.db, "closed", [{ kind: "dummy" }, { kind: "deny", config: { deny_message: "Registrations are closed." } }]);
    await client.flow("closed");
    const denied = await client.flow("closed", { component: "ak-stage-dummy" });
    expect(denied).toMatchObject({ component: "ak-stage-access-denied", error_message: "Registrations are closed." });
    traffic.expectAuthentikShaped();
  });
});

describe("dummy stage", () => {
  it("shows its name and goes on when answered", async () => {
    await createFlow(database.db, "dummies", [{ kind: "dummy", name: "First step" }, { kind: "dummy", name: "Second step" }]);
    expect(await client.flow("dummies")).toMatchObject({ component: "ak-stage-dummy", name: "First step" });
    expect(await client.flow("dummies", { component: "ak-stage-dummy" })).toMatchObject({ name: "Second step" });
    expect(await client.flow("dummies", { component: "ak-stage-dummy" })).toMatchObject({ component: "xak-flow-redirect" });
    traffic.expectAuthentikShaped();
  });

  it("fails like a broken stage when told to", async () => {
    await createFlow(database.db, "broken", [{ kind: "dummy", config: { throw_error: true } }]);
    const failed = await client.flow("broken");
    expect(failed.component).toBe("ak-stage-flow-error");
    expect(failed.request_id).toMatch(/^[0-9a-f-]{36}$/);
    traffic.expectAuthentikShaped();
  });
});

describe("redirect stage", () => {
  it("redirects to a static URL", async () => {
    await createFlow(database.db, "away", [{ kind: "redirect", config: { mode: "static", target_static: "https://example.com/welcome" } }]);
    expect(await client.flow("away")).toMatchObject({ component: "xak-flow-redirect", to: "https://example.com/welcome" });
    traffic.expectAuthentikShaped();
  });

  it("redirects into another flow that requires a redirect, carrying the context along", async () => {
    const fields = await createPrompts(database.db, [{ fieldKey: "nickname", label: "Nickname", type: "text", required: true }]);
    const shown = await createPrompts(database.db, [{ fieldKey: "nickname", label: "Nickname", type: "text_read_only" }]);
    const target = await createFlow(database.db, "target", [{ kind: "prompt", config: { fields: shown } }], { authentication: "require_redirect" });
    await createFlow(database.db, "origin", [
      { kind: "prompt", config: { fields } },
      { kind: "redirect", config: { mode: "flow", target_flow: target, keep_context: true } },
    ]);
    await client.flow("origin", undefined, "next=%2Fif%2Fuser%2F");
    const redirect = await client.flow("origin", { component: "ak-stage-prompt", nickname: "ada" }, "next=%2Fif%2Fuser%2F");
    expect(redirect).toMatchObject({ component: "xak-flow-redirect", to: "/if/flow/target/?next=%2Fif%2Fuser%2F" });
    const carried = await client.flow("target", undefined, "next=%2Fif%2Fuser%2F");
    expect(carried.fields[0]).toMatchObject({ field_key: "nickname", initial_value: "ada" });

    // Opened directly, the target refuses: it is reachable only by redirect.
    const direct = new TestClient(database, traffic);
    await direct.request("/");
    expect((await direct.flow("target")).component).toBe("ak-stage-access-denied");
    traffic.expectAuthentikShaped();
  });
});

describe("autosubmit and session end", () => {
  it("autosubmit carries the form's URL, fields and title", async () => {
    await createFlow(database.db, "post-binding", [
      { kind: "autosubmit", config: { url: "https://sp.example.com/acs", attrs: { SAMLResponse: "PHNhbWw+", RelayState: "/home" }, title: "Example SP" } },
    ]);
    expect(await client.flow("post-binding")).toMatchObject({
      component: "ak-stage-autosubmit",
      url: "https://sp.example.com/acs",
      attrs: { SAMLResponse: "PHNhbWw+", RelayState: "/home" },
      title: "Example SP",
    });
    traffic.expectAuthentikShaped();
  });

  it("session end names the application, the brand and how to sign out", async () => {
    const [wiki] = await database.db.insert(applications).values({ name: "Wiki", slug: "wiki", metaLaunchUrl: "https://wiki.example.com/" }).returning();
    await createFlow(database.db, "left-wiki", [{ kind: "session_end" }]);
    await client.signIn("akadmin", adminPassword);
    await client.flow("left-wiki");
    // A provider's sign-out flow knows the application; here the plan is given it directly.
    await database.db.execute(`update ak_session set data = jsonb_set(data, '{flow_plan:left-wiki,context,application}', '"${wiki.pk}"') where data ? 'flow_plan:left-wiki'`);
    expect(await client.flow("left-wiki")).toMatchObject({
      component: "ak-stage-session-end",
      pending_user: "akadmin",
      brand_name: "authentik",
      application_name: "Wiki",
      application_launch_url: "https://wiki.example.com/",
      invalidation_flow_url: "/if/flow/default-invalidation-flow/",
    });
    traffic.expectAuthentikShaped();
  });
});

describe("stage admin API", () => {
  beforeEach(() => client.signIn("akadmin", adminPassword));

  const create = async (path: string, body: Record<string, unknown>) => {
    const response = await client.request(`/api/v3/stages/${path}`, { json: body });
    return { status: response.status, body: await response.json() };
  };

  it("creates each kind with authentik's defaults", async () => {
    expect((await create("user_write/", { name: "w" })).body).toMatchObject({
      user_creation_mode: "create_when_required",
      create_users_as_inactive: false,
      create_users_group: null,
      user_type: "external",
      user_path_template: "",
      component: "ak-stage-user-write-form",
      meta_model_name: "authentik_stages_user_write.userwritestage",
    });
    expect((await create("email/", { name: "e" })).body).toMatchObject({ token_expiry: "minutes=30", template: "email/password_reset.html", activate_user_on_success: false });
    expect((await create("invitation/stages/", { name: "i" })).body).toMatchObject({ continue_flow_without_invitation: false, verbose_name: "Invitation Stage" });
    expect((await create("consent/", { name: "c" })).body).toMatchObject({ mode: "always_require", consent_expire_in: "weeks=4" });
    expect((await create("deny/", { name: "d" })).body).toMatchObject({ deny_message: "" });
    expect((await create("dummy/", { name: "du" })).body).toMatchObject({ throw_error: false });
    expect((await create("redirect/", { name: "r", mode: "static", target_static: "https://example.com" })).body).toMatchObject({ keep_context: true, target_flow: null });
  });

  it("never shows an email stage's SMTP password", async () => {
    const { body } = await create("email/", { name: "smtp", use_global_settings: false, host: "mail.example.com", password: "hunter2" });
    expect(body).not.toHaveProperty("password");
    const listed = await client.json("/api/v3/stages/email/");
    expect(JSON.stringify(listed)).not.toContain("hunter2");
  });

  it("refuses settings it cannot run", async () => {
    expect((await create("email/", { name: "e", token_expiry: "soon" })).body).toEqual({ token_expiry: ["Enter a duration such as minutes=30 or hours=1;minutes=30."] });
    expect((await create("email/", { name: "e", template: "email/nope.html" })).body).toEqual({ template: ['"email/nope.html" is not a valid choice.'] });
    expect((await create("consent/", { name: "c", consent_expire_in: "later" })).body).toHaveProperty("consent_expire_in");
    expect((await create("redirect/", { name: "r", mode: "flow" })).body).toEqual({ target_flow: ["Target flow must be set when using flow mode."] });
    expect((await create("user_write/", { name: "w", user_creation_mode: "sometimes" })).status).toBe(400);
  });

  it("lists the email templates", async () => {
    expect(await client.json("/api/v3/stages/email/templates/")).toEqual([
      { name: "email/password_reset.html", description: "Password Reset", component: "", model_name: "" },
      { name: "email/account_confirmation.html", description: "Account Confirmation", component: "", model_name: "" },
    ]);
  });
});

describe("outbox", () => {
  it("is readable by superusers only", async () => {
    expect((await client.request("/api/v3/admin/outbox/")).status).toBe(403);
    await client.signIn("akadmin", adminPassword);
    expect(await client.json("/api/v3/admin/outbox/")).toMatchObject({ pagination: { count: 0 }, results: [] });
  });
});
