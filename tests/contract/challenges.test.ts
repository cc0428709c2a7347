import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { FlowObserver } from "../../server/context.ts";
import type { Database } from "../../server/db/client.ts";
import { flows } from "../../server/db/schema.ts";
import { TestClient } from "../support/client.ts";
import { adminPassword } from "../support/constants.ts";
import { testDatabase } from "../support/database.ts";
import { FlowTrafficValidator } from "./challenge-validator.ts";
import { loadAuthentik } from "./openapi-docs.ts";

type Exchange = { kind: "challenge" | "response"; body: unknown };

let validator: FlowTrafficValidator | undefined;
const authentik = () => (validator ??= new FlowTrafficValidator(loadAuthentik()));

/** What is wrong with each exchange, labelled so a failure says which one. */
function problems(exchanges: Exchange[], label: (index: number) => string): string[] {
  return exchanges.flatMap(({ kind, body }, index) => {
    const found = kind === "challenge" ? authentik().challenge(body) : kind === "response" ? authentik().response(body) : [`unknown kind "${kind}"`];
    const component = (body as { component?: unknown } | null)?.component;
    return found.map((problem) => `${label(index)} ${kind} (${String(component)}): ${problem}`);
  });
}

/** Everything the executor sent and received while a scenario ran, in order. */
class Recording implements FlowObserver {
  readonly exchanges: Exchange[] = [];
  challenge(body: unknown) {
    this.exchanges.push({ kind: "challenge", body });
  }
  response(body: unknown) {
    this.exchanges.push({ kind: "response", body });
  }
  problems(): string[] {
    return problems(this.exchanges, (index) => `#${index + 1}`);
  }
}

function expectAuthentikShaped(recording: Recording) {
  expect(recording.exchanges.length, "the executor reported no traffic to the observer").toBeGreaterThan(0);
  const found = recording.problems();
  if (found.length) expect.fail(`Flow traffic that authentik's schema rejects:\n  ${found.join("\n  ")}`);
}

const slug = "default-authentication-flow";
const identify = (uid_field: string) => ({ component: "ak-stage-identification", uid_field });
const password = (value: string) => ({ component: "ak-stage-password", password: value });

/** Signs in as the UI does, every response naming its component; returns the last challenge. */
async function signIn(client: TestClient, username: string, secret: string, query = "") {
  await client.request("/");
  await client.flow(slug, undefined, query);
  await client.flow(slug, identify(username), query);
  return client.flow(slug, password(secret), query);
}

describe("flow traffic of the reference server, against authentik's ChallengeTypes and FlowChallengeResponseRequest", () => {
  let database: Database;
  let recording: Recording;
  let client: TestClient;

  beforeEach(async () => {
    database = await testDatabase();
    recording = new Recording();
    client = new TestClient(database, recording);
    return () => database.close();
  });

  it("signing in", async () => {
    expect(await signIn(client, "akadmin", adminPassword)).toMatchObject({ component: "xak-flow-redirect", to: "/" });
    expectAuthentikShaped(recording);
  });

  it("signing in with next=", async () => {
    const done = await signIn(client, "akadmin", adminPassword, "next=%2Fif%2Fadmin%2F");
    expect(done).toMatchObject({ component: "xak-flow-redirect", to: "/if/admin/" });
    expectAuthentikShaped(recording);
  });

  it("a wrong password", async () => {
    const again = await signIn(client, "akadmin", "not-the-password");
    expect(again).toMatchObject({ component: "ak-stage-password", response_errors: { password: [{ code: "invalid_credentials" }] } });
    expectAuthentikShaped(recording);
  });

  it("an unknown user", async () => {
    const again = await signIn(client, "nobody-here", "whatever");
    expect(again).toMatchObject({ component: "ak-stage-password", pending_user: "nobody-here" });
    expectAuthentikShaped(recording);
  });

  it("a blank password: the challenge is valid, and the validator rejects the blank response", async () => {
    const again = await signIn(client, "akadmin", "");
    expect(again).toMatchObject({ component: "ak-stage-password", response_errors: { password: [{ code: "blank" }] } });
    // The UI's form does not post a blank password; authentik's schema says why.
    expect(recording.problems()).toEqual([
      "#4 response (ak-stage-password): PasswordChallengeResponseRequest: /password must NOT have fewer than 1 characters",
    ]);
  });

  it("throttled after five failures", async () => {
    for (let i = 0; i < 5; i++) await signIn(new TestClient(database, recording), "akadmin", `wrong-${i}`);
    const locked = await signIn(client, "akadmin", adminPassword);
    expect(locked).toMatchObject({ component: "ak-stage-password", response_errors: { password: [{ code: "throttled" }] } });
    expectAuthentikShaped(recording);
  });

  it("signing out through default-invalidation-flow", async () => {
    await signIn(client, "akadmin", adminPassword);
    expect(await client.flow("default-invalidation-flow")).toMatchObject({ component: "xak-flow-redirect" });
    expectAuthentikShaped(recording);
  });

  it("a flow for signed-out visitors only, visited signed in, denies access", async () => {
    await database.db.update(flows).set({ authentication: "require_unauthenticated" }).where(eq(flows.slug, "default-invalidation-flow"));
    await signIn(client, "akadmin", adminPassword);
    expect(await client.flow("default-invalidation-flow")).toMatchObject({ component: "ak-stage-access-denied" });
    expectAuthentikShaped(recording);
  });

  it("a flow that requires a signed-in user, visited signed out, sends the visitor to sign in", async () => {
    await database.db.update(flows).set({ authentication: "require_authenticated" }).where(eq(flows.slug, "default-invalidation-flow"));
    await client.request("/");
    expect(await client.flow("default-invalidation-flow")).toMatchObject({
      component: "xak-flow-redirect",
      to: `/flows/-/default/authentication/?next=${encodeURIComponent("/if/flow/default-invalidation-flow/")}`,
    });
    expectAuthentikShaped(recording);
  });

  it("an unknown flow slug is a 404, not a challenge", async () => {
    await client.request("/");
    const response = await client.request("/api/v3/flows/executor/no-such-flow/?query=");
    expect(response.status).toBe(404);
    expect(recording.exchanges).toEqual([]);
  });
});

describe("the traffic validator", () => {
  it("names what authentik's schema rejects: an undeclared field, an enum value, an unknown or missing component", () => {
    const redirect = { component: "xak-flow-redirect", to: "/", flow_info: { cancel_url: "/", layout: "diagonal" }, colour: "red" };
    expect(authentik().challenge(redirect)).toEqual([
      `RedirectChallenge: / must NOT have additional properties: "colour"`,
      `RedirectChallenge: /flow_info/layout must be equal to one of the allowed values: ["stacked","content_left","content_right","sidebar_left","sidebar_right"]`,
    ]);
    expect(authentik().challenge({ component: "ak-stage-nope" })).toEqual([`component "ak-stage-nope" is none of authentik's ChallengeTypes`]);
    expect(authentik().response({ uid_field: "akadmin" })).toEqual([`has no "component" to choose one of authentik's FlowChallengeResponseRequest`]);
  });
});

/** Set by `npm test` once the e2e run has written its log; then a missing log is a failure. */
const e2eLog = process.env.AK_E2E_CHALLENGE_LOG;

describe("flow traffic of the e2e run", () => {
  it.skipIf(!e2eLog)(
    e2eLog
      ? `every challenge and response the browser saw (${e2eLog}) validates against authentik's schema`
      : "skipped: runs after the e2e suite (npm run test:challenges), with AK_E2E_CHALLENGE_LOG naming its log",
    () => {
      const lines = readFileSync(e2eLog!, "utf8").split("\n");
      const unreadable: string[] = [];
      const exchanges: (Exchange & { line: number })[] = [];
      lines.forEach((text, index) => {
        if (!text.trim()) return;
        try {
          exchanges.push({ ...(JSON.parse(text) as Exchange), line: index + 1 });
        } catch {
          unreadable.push(`line ${index + 1}: not JSON`);
        }
      });
      expect(exchanges.length, "the file holds no exchanges").toBeGreaterThan(0);
      const found = [...unreadable, ...problems(exchanges, (index) => `line ${exchanges[index].line}`)];
      if (found.length) expect.fail(`Flow traffic from the e2e run that authentik's schema rejects:\n  ${found.join("\n  ")}`);
    },
  );
});
