import { beforeEach, describe, expect, it } from "vitest";
import { TestClient } from "../support/client.ts";
import { testDatabase } from "../support/database.ts";
import { adminPassword } from "../support/constants.ts";
import type { Database } from "../../server/db/client.ts";

let database: Database;
let client: TestClient;

beforeEach(async () => {
  database = await testDatabase();
  client = new TestClient(database);
  return () => database.close();
});

describe("default authentication flow", () => {
  it("signs akadmin in with username then password and redirects to next", async () => {
    await client.request("/");
    const first = await client.flow("default-authentication-flow", undefined, "next=%2Fif%2Fadmin%2F");
    expect(first.component).toBe("ak-stage-identification");
    expect(first.user_fields).toEqual(["username", "email"]);
    expect(first.flow_info).toMatchObject({
      title: "Welcome to authentik!",
      layout: "stacked",
      // Cancelling comes back to this flow, with its next.
      cancel_url: `/flows/-/cancel/?next=${encodeURIComponent("/if/flow/default-authentication-flow/?next=%2Fif%2Fadmin%2F")}`,
    });

    const password = await client.flow("default-authentication-flow", { uid_field: "akadmin" }, "next=%2Fif%2Fadmin%2F");
    expect(password).toMatchObject({ component: "ak-stage-password", pending_user: "akadmin" });

    const done = await client.flow("default-authentication-flow", { password: adminPassword }, "next=%2Fif%2Fadmin%2F");
    expect(done).toMatchObject({ component: "xak-flow-redirect", to: "/if/admin/" });

    const me = await client.json("/api/v3/core/users/me/");
    expect(me.user).toMatchObject({ username: "akadmin", is_superuser: true });
  });

  it("only follows next to same-origin paths", async () => {
    for (const next of ["https://evil.example/", "//evil.example/", "/\\evil.example"]) {
      const fresh = new TestClient(database);
      await fresh.request("/");
      const query = `next=${encodeURIComponent(next)}`;
      await fresh.flow("default-authentication-flow", undefined, query);
      await fresh.flow("default-authentication-flow", { uid_field: "akadmin" }, query);
      const done = await fresh.flow("default-authentication-flow", { password: adminPassword }, query);
      expect(done).toMatchObject({ component: "xak-flow-redirect", to: "/" });
    }
  });

  it("answers a wrong password and an unknown user alike, at the password field", async () => {
    const wrong = await client.signIn("akadmin", "not-the-password");
    const stranger = new TestClient(database);
    const unknown = await stranger.signIn("nobody-here", "whatever");
    for (const challenge of [wrong, unknown]) {
      expect(challenge.component).toBe("ak-stage-password");
      expect(challenge.response_errors).toEqual({
        password: [{ string: "Invalid username or password.", code: "invalid_credentials" }],
      });
    }
    expect(unknown.pending_user).toBe("nobody-here");
    expect((await client.request("/api/v3/core/users/me/")).status).toBe(403);
  });

  it("reports a blank password at the field", async () => {
    await client.request("/");
    await client.flow("default-authentication-flow");
    await client.flow("default-authentication-flow", { uid_field: "akadmin" });
    const blank = await client.flow("default-authentication-flow", { password: "" });
    expect(blank.response_errors.password[0].code).toBe("blank");
  });

  it("refuses further attempts after five failures, even with the right password", async () => {
    for (let i = 0; i < 5; i++) await client.signIn("akadmin", `wrong-${i}`);
    const locked = await client.signIn("akadmin", adminPassword);
    expect(locked.response_errors.password[0]).toMatchObject({ code: "throttled" });
    expect(locked.response_errors.password[0].string).toMatch(/Too many failed attempts\. Try again in \d+ minutes?\./);
  });

  it("keeps the session in the database behind an HttpOnly, SameSite=Lax cookie that changes at sign-in", async () => {
    await client.request("/");
    await client.flow("default-authentication-flow");
    await client.flow("default-authentication-flow", { uid_field: "akadmin" });
    const before = client.cookies.get("authentik_session");
    const response = await client.request(
      `/api/v3/flows/executor/default-authentication-flow/?query=`,
      { json: { password: adminPassword } },
    );
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("authentik_session="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(client.cookies.get("authentik_session")).not.toBe(before);

    // A new client with only the cookie is signed in: the session lives server-side.
    const other = new TestClient(database);
    other.cookies.set("authentik_session", client.cookies.get("authentik_session")!);
    expect((await other.request("/api/v3/core/users/me/")).status).toBe(200);
  });
});

describe("CSRF and Origin checks", () => {
  it("refuses an unsafe request without the CSRF header", async () => {
    await client.request("/");
    const response = await client.request("/api/v3/flows/executor/default-authentication-flow/?query=", {
      json: { uid_field: "akadmin" },
      csrf: false,
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "csrf_failed" });
  });

  it("refuses an unsafe request from a foreign Origin even with the token", async () => {
    await client.request("/");
    const response = await client.request("/api/v3/flows/executor/default-authentication-flow/?query=", {
      json: { uid_field: "akadmin" },
      headers: { origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "csrf_origin" });
  });

  it("accepts a same-origin request with the token", async () => {
    await client.request("/");
    const response = await client.request("/api/v3/flows/executor/default-authentication-flow/?query=", {
      json: { uid_field: "akadmin" },
      headers: { origin: "http://127.0.0.1:9000" },
    });
    expect(response.status).toBe(200);
  });
});

describe("sign-out", () => {
  it("ends the session through the invalidation flow", async () => {
    await client.signIn("akadmin", adminPassword);
    const redirect = await client.request("/flows/-/default/invalidation/");
    expect(redirect.headers.get("location")).toBe("/if/flow/default-invalidation-flow/");
    const done = await client.flow("default-invalidation-flow");
    expect(done).toMatchObject({ component: "xak-flow-redirect", to: "/" });
    expect((await client.request("/api/v3/core/users/me/")).status).toBe(403);
  });
});
