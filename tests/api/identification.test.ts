import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { brands, flows, stages } from "../../server/db/schema.ts";
import { TestClient } from "../support/client.ts";
import { createUser } from "../support/directory.ts";
import { FlowTraffic } from "../support/flow-traffic.ts";
import { signedInAdmin } from "../support/fresh.ts";

let database: Database;
let admin: TestClient;
let traffic: FlowTraffic;

beforeEach(async () => {
  ({ database, admin } = await signedInAdmin());
  await createUser(admin, { username: "Frank", email: "Frank@Example.com", attributes: { upn: "frank@corp.example" } }, "frank-pass");
  traffic = new FlowTraffic();
  return () => database.close();
});

const visitor = () => new TestClient(database, traffic);
const identify = (uid_field: string, password?: string) => ({ component: "ak-stage-identification", uid_field, ...(password === undefined ? {} : { password }) });
const passwordResponse = (password: string) => ({ component: "ak-stage-password", password });

async function createStage(path: string, body: Record<string, unknown>) {
  const response = await admin.request(`/api/v3/stages/${path}/`, { json: body });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return response.json();
}

/** A flow of the given stages (by pk), bound in order through the API. */
async function flowOf(slug: string, stagePks: string[], designation = "authentication") {
  const flow = await (await admin.request("/api/v3/flows/instances/", { json: { name: slug, slug, title: slug, designation } })).json();
  for (const [index, stage] of stagePks.entries()) {
    await admin.request("/api/v3/flows/bindings/", { json: { target: flow.pk, stage, order: (index + 1) * 10 } });
  }
  return flow;
}

describe("identification stage", () => {
  it("matches the fields it is set to, with or without regard to case", async () => {
    const stage = await createStage("identification", { name: "id-email", user_fields: ["email"], pretend_user_exists: false });
    await flowOf("by-email", [stage.pk]);
    const client = visitor();
    expect(await client.flow("by-email")).toMatchObject({ user_fields: ["email"], primary_action: "Log in", sources: [], show_source_labels: false });
    expect((await client.flow("by-email", identify("Frank"))).response_errors).toEqual({
      uid_field: [{ string: "No account matches this email.", code: "invalid" }],
    });
    expect(await client.flow("by-email", identify("frank@example.com"))).toMatchObject({ component: "xak-flow-redirect" });

    await admin.request(`/api/v3/stages/identification/${stage.pk}/`, { method: "PATCH", json: { case_insensitive_matching: false, user_fields: ["username", "upn"] } });
    const strict = visitor();
    await strict.flow("by-email");
    expect((await strict.flow("by-email", identify("frank"))).response_errors.uid_field[0].string).toBe("No account matches this username or UPN.");
    expect(await strict.flow("by-email", identify("frank@corp.example"))).toMatchObject({ component: "xak-flow-redirect" });
    traffic.expectAuthentikShaped({ responses: false });
  });

  it("shows later stages the matched user, or only what was typed when it does not show matched users", async () => {
    const password = await createStage("password", { name: "pw", backends: ["authentik.core.auth.InbuiltBackend"] });
    const stage = await createStage("identification", { name: "id", user_fields: ["email", "username"] });
    await flowOf("shown", [stage.pk, password.pk]);
    const client = visitor();
    await client.flow("shown");
    expect(await client.flow("shown", identify("FRANK@example.com"))).toMatchObject({ component: "ak-stage-password", pending_user: "Frank" });

    await admin.request(`/api/v3/stages/identification/${stage.pk}/`, { method: "PATCH", json: { show_matched_user: false } });
    const other = visitor();
    await other.flow("shown");
    expect(await other.flow("shown", identify("FRANK@example.com"))).toMatchObject({ pending_user: "FRANK@example.com" });
    // The typed text still finds the account: the right password signs the flow through.
    expect(await other.flow("shown", passwordResponse("frank-pass"))).toMatchObject({ component: "xak-flow-redirect" });
  });

  it("asks for the password on the same form when it names a password stage", async () => {
    const password = await createStage("password", { name: "pw", backends: ["authentik.core.auth.InbuiltBackend"], allow_show_password: true });
    const stage = await createStage("identification", { name: "id", user_fields: ["username"], password_stage: password.pk });
    const login = await createStage("user_login", { name: "login" });
    await flowOf("one-form", [stage.pk, login.pk]);
    const client = visitor();
    expect(await client.flow("one-form")).toMatchObject({ password_fields: true, allow_show_password: true });
    expect((await client.flow("one-form", identify("Frank", "wrong"))).response_errors.password[0].code).toBe("invalid_credentials");
    expect(await client.flow("one-form", identify("Frank", "frank-pass"))).toMatchObject({ component: "xak-flow-redirect" });
    expect((await client.json("/api/v3/core/users/me/")).user.username).toBe("Frank");
    traffic.expectAuthentikShaped();
  });

  it("links the enrollment, recovery and passwordless flows it names, by pk or slug, keeping the query", async () => {
    const enroll = await flowOf("sign-up", [], "enrollment");
    await flowOf("forgot", [], "recovery");
    const stage = await createStage("identification", { name: "id", enrollment_flow: enroll.pk, recovery_flow: (await admin.json("/api/v3/flows/instances/forgot/")).pk });
    await flowOf("linked", [stage.pk]);
    const challenge = await visitor().flow("linked", undefined, "next=%2Fif%2Fuser%2F");
    expect(challenge).toMatchObject({ enroll_url: "/if/flow/sign-up/?next=%2Fif%2Fuser%2F", recovery_url: "/if/flow/forgot/?next=%2Fif%2Fuser%2F" });
    expect(challenge.passwordless_url).toBeUndefined();

    // Bootstrapped stages may name the flows by slug.
    const bySlug = await createStage("identification", { name: "id-slug" });
    const [row] = await database.db.select().from(flows).where(eq(flows.slug, "linked"));
    await database.db.update(stages).set({ config: { passwordless_flow: "sign-up" } }).where(eq(stages.pk, bySlug.pk));
    await admin.request("/api/v3/flows/bindings/", { json: { target: row.pk, stage: bySlug.pk, order: 1 } });
    expect((await visitor().flow("linked")).passwordless_url).toBe("/if/flow/sign-up/");

    const missing = await admin.request("/api/v3/stages/identification/", { json: { name: "bad", recovery_flow: "00000000-0000-4000-8000-000000000000" } });
    expect(Object.keys(await missing.json())).toEqual(["recovery_flow"]);
  });
});

describe("password stage", () => {
  it("cancels the flow after more wrong passwords than it allows, saying why", async () => {
    const password = await createStage("password", { name: "pw", backends: ["authentik.core.auth.InbuiltBackend"], failed_attempts_before_cancel: 2 });
    const stage = await createStage("identification", { name: "id", user_fields: ["username"] });
    await flowOf("strict", [stage.pk, password.pk]);
    const client = visitor();
    await client.flow("strict");
    await client.flow("strict", identify("Frank"));
    for (const attempt of ["one", "two"]) {
      expect((await client.flow("strict", passwordResponse(attempt))).response_errors.password[0].code).toBe("invalid_credentials");
    }
    expect(await client.flow("strict", passwordResponse("three"))).toMatchObject({
      component: "ak-stage-access-denied",
      error_message: "Too many failed password attempts.",
    });
    // The plan is gone: the flow starts over.
    expect(await client.flow("strict")).toMatchObject({ component: "ak-stage-identification" });
    traffic.expectAuthentikShaped();
  });

  it("starts the flow over at once, with the message, when its binding says to restart", async () => {
    const password = await createStage("password", { name: "pw", backends: ["authentik.core.auth.InbuiltBackend"], failed_attempts_before_cancel: 1 });
    const stage = await createStage("identification", { name: "id", user_fields: ["username"] });
    const flow = await flowOf("restarting", [stage.pk, password.pk]);
    const [, binding] = (await admin.json(`/api/v3/flows/bindings/?target=${flow.pk}`)).results;
    await admin.request(`/api/v3/flows/bindings/${binding.pk}/`, { method: "PATCH", json: { invalid_response_action: "restart" } });
    const client = visitor();
    await client.flow("restarting");
    await client.flow("restarting", identify("Frank"));
    await client.flow("restarting", passwordResponse("one"));
    expect(await client.flow("restarting", passwordResponse("two"))).toMatchObject({
      component: "ak-stage-identification",
      response_errors: { non_field_errors: [{ string: "Too many failed password attempts.", code: "invalid" }] },
    });
    traffic.expectAuthentikShaped();
  });

  it("offers the brand's recovery flow", async () => {
    const recovery = await flowOf("forgot", [], "recovery");
    await database.db.update(brands).set({ flowRecovery: recovery.pk });
    const client = visitor();
    await client.flow("default-authentication-flow");
    expect(await client.flow("default-authentication-flow", identify("Frank"))).toMatchObject({ recovery_url: "/if/flow/forgot/" });
  });
});

describe("user login stage", () => {
  async function loginFlow(settings: Record<string, unknown>, slug = "login") {
    const id = await createStage("identification", { name: `${slug}-id`, user_fields: ["username"] });
    const password = await createStage("password", { name: `${slug}-pw`, backends: ["authentik.core.auth.InbuiltBackend"] });
    const login = await createStage("user_login", { name: `${slug}-login`, ...settings });
    await flowOf(slug, [id.pk, password.pk, login.pk]);
  }
  const sessionCookie = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith("authentik_session="))!;
  async function throughPassword(client: TestClient, slug = "login") {
    await client.flow(slug);
    await client.flow(slug, identify("Frank"));
    return client.request(`/api/v3/flows/executor/${slug}/?query=`, { json: passwordResponse("frank-pass") });
  }

  it("signs in for the browser session by default, or for the session duration it sets", async () => {
    await loginFlow({});
    const browserOnly = await throughPassword(visitor());
    expect(sessionCookie(browserOnly)).not.toMatch(/Expires=/i);

    await loginFlow({ session_duration: "hours=2" }, "timed");
    const timed = await throughPassword(visitor(), "timed");
    const expires = new Date(/Expires=([^;]+)/i.exec(sessionCookie(timed))![1]).getTime();
    expect(expires - Date.now()).toBeGreaterThan(115 * 60_000);
    expect(expires - Date.now()).toBeLessThan(121 * 60_000);
  });

  it("asks whether to stay signed in when it has a remember-me offset, and extends the session when asked to", async () => {
    await loginFlow({ remember_me_offset: "days=30" });
    const client = visitor();
    const asked = await (await throughPassword(client)).json();
    expect(asked).toMatchObject({ component: "ak-stage-user-login", pending_user: "Frank" });
    const remembered = await client.request("/api/v3/flows/executor/login/?query=", { json: { component: "ak-stage-user-login", remember_me: true } });
    expect(await remembered.clone().json()).toMatchObject({ component: "xak-flow-redirect" });
    const expires = new Date(/Expires=([^;]+)/i.exec(sessionCookie(remembered))![1]).getTime();
    expect(expires - Date.now()).toBeGreaterThan(29 * 24 * 3600_000);

    const forgetful = visitor();
    await throughPassword(forgetful);
    const notRemembered = await forgetful.request("/api/v3/flows/executor/login/?query=", { json: { component: "ak-stage-user-login", remember_me: false } });
    expect(sessionCookie(notRemembered)).not.toMatch(/Expires=/i);
    traffic.expectAuthentikShaped();
  });

  it("signs the user out everywhere else when it terminates other sessions", async () => {
    await loginFlow({ terminate_other_sessions: true });
    const first = visitor();
    await throughPassword(first);
    expect((await first.request("/api/v3/core/users/me/")).status).toBe(200);
    await throughPassword(visitor());
    expect((await first.request("/api/v3/core/users/me/")).status).toBe(403);
  });
});

describe("stage admin API", () => {
  it("creates, lists, changes and deletes identification, password, user login and logout stages with authentik's defaults", async () => {
    const identification = await createStage("identification", { name: "i" });
    expect(identification).toMatchObject({
      component: "ak-stage-identification-form",
      user_fields: ["email", "username"],
      case_insensitive_matching: true,
      show_matched_user: true,
      pretend_user_exists: true,
      password_stage: null,
      sources: [],
    });
    expect(await createStage("password", { name: "p", backends: ["authentik.core.auth.InbuiltBackend"] })).toMatchObject({
      failed_attempts_before_cancel: 5,
      allow_show_password: false,
      configure_flow: null,
    });
    expect(await createStage("user_login", { name: "l" })).toMatchObject({
      session_duration: "seconds=0",
      remember_me_offset: "seconds=0",
      terminate_other_sessions: false,
      network_binding: "no_binding",
      geoip_binding: "no_binding",
    });
    expect(await createStage("user_logout", { name: "o" })).toMatchObject({ name: "o", verbose_name: "User Logout Stage" });

    const names = (await admin.json("/api/v3/stages/identification/")).results.map((s: { name: string }) => s.name);
    expect(names).toContain("default-authentication-identification");
    expect(names).toContain("i");

    const badDuration = await admin.request("/api/v3/stages/user_login/", { json: { name: "x", session_duration: "forever" } });
    expect(Object.keys(await badDuration.json())).toEqual(["session_duration"]);
    const noBackends = await admin.request("/api/v3/stages/password/", { json: { name: "x" } });
    expect(Object.keys(await noBackends.json())).toEqual(["backends"]);
    const notAPasswordStage = await admin.request(`/api/v3/stages/identification/${identification.pk}/`, {
      method: "PATCH",
      json: { password_stage: identification.pk },
    });
    expect(Object.keys(await notAPasswordStage.json())).toEqual(["password_stage"]);

    const renamed = await admin.json(`/api/v3/stages/identification/${identification.pk}/`, { method: "PUT", json: { name: "i2", user_fields: ["username"] } });
    expect(renamed).toMatchObject({ name: "i2", user_fields: ["username"] });
    expect((await admin.request(`/api/v3/stages/identification/${identification.pk}/`, { method: "DELETE" })).status).toBe(204);
    expect((await admin.request(`/api/v3/stages/identification/${identification.pk}/`)).status).toBe(404);
  });
});
