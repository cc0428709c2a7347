import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { brands, stages, userSourceConnections, users } from "../../server/db/schema.ts";
import { TestClient } from "../support/client.ts";
import { createUser } from "../support/directory.ts";
import { FlowTraffic } from "../support/flow-traffic.ts";
import { signedInAdmin } from "../support/fresh.ts";
import { startOidcProvider, type ProviderAccount, type TestProvider } from "../support/oidc-provider.ts";
import { signInAtProvider, type ProviderAnswer } from "../support/provider-browser.ts";
import { createSourceFlows } from "../support/source-flows.ts";

const slug = "corp-oidc";
const account: ProviderAccount = { sub: "corp-0001", username: "olivia", password: "olivia-at-the-provider", email: "olivia@corp.example", name: "Olivia Oidc" };
const rightAnswer = { username: account.username, password: account.password };

let provider: TestProvider;
let database: Database;
let admin: TestClient;
let traffic: FlowTraffic;

beforeAll(async () => {
  provider = await startOidcProvider(account, [`http://127.0.0.1:9000/source/oauth/callback/${slug}/`]);
});
afterAll(() => provider.stop());

beforeEach(async () => {
  ({ database, admin } = await signedInAdmin());
  traffic = new FlowTraffic();
  return () => database.close();
});

const visitor = () => new TestClient(database, traffic);

/** Creates the source through the admin API, with authentik's default source flows, and lists it on the sign-in page. */
async function createSource(settings: Record<string, unknown> = {}) {
  const { authentication, enrollment } = await createSourceFlows(database.db);
  const response = await admin.request("/api/v3/sources/oauth/", {
    json: {
      name: "Corp SSO",
      slug,
      provider_type: "openidconnect",
      consumer_key: provider.clientId,
      consumer_secret: provider.clientSecret,
      oidc_well_known_url: provider.wellKnownUrl,
      authentication_flow: authentication,
      enrollment_flow: enrollment,
      ...settings,
    },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const source = await response.json();
  const [identification] = await database.db.select().from(stages).where(eq(stages.name, "default-authentication-identification"));
  const bound = await admin.request(`/api/v3/stages/identification/${identification.pk}/`, { method: "PATCH", json: { sources: [source.pk] } });
  expect(bound.status).toBe(200);
  return source;
}

/** Where our server sends the browser after its callback, once the visitor answered the provider's form. */
async function throughProvider(client: TestClient, answer: ProviderAnswer = rightAnswer): Promise<string> {
  const login = await client.request(`/source/oauth/login/${slug}/`);
  expect(login.status).toBe(302);
  const callback = await signInAtProvider(login.headers.get("location")!, answer);
  expect(callback.pathname).toBe(`/source/oauth/callback/${slug}/`);
  return landing(await client.request(callback.pathname + callback.search));
}

function landing(response: Response): string {
  expect(response.status).toBe(302);
  return response.headers.get("location")!;
}

const flowSlugOf = (location: string) => /^\/if\/flow\/([^/]+)\/$/.exec(location)?.[1];

/** The message of the access-denied stage the visitor is shown at `location`. */
async function deniedAt(client: TestClient, location: string): Promise<string> {
  expect(location).toBe("/if/flow/default-authentication-flow/");
  const challenge = await client.flow("default-authentication-flow");
  expect(challenge.component).toBe("ak-stage-access-denied");
  return challenge.error_message;
}

describe("the login redirect", () => {
  it("sends the visitor to the provider with a fresh state, nonce and PKCE S256 challenge, and no secret", async () => {
    await createSource();
    const client = visitor();
    const first = new URL(landing(await client.request(`/source/oauth/login/${slug}/?next=/if/admin/`)));
    expect(first.origin + first.pathname).toBe(`${provider.issuer}/auth`);
    const params = Object.fromEntries(first.searchParams);
    expect(params).toMatchObject({
      client_id: provider.clientId,
      redirect_uri: `http://127.0.0.1:9000/source/oauth/callback/${slug}/`,
      response_type: "code",
      scope: "openid email profile",
      code_challenge_method: "S256",
    });
    expect(params.state).toMatch(/^[\w-]{43}$/);
    expect(params.nonce).toMatch(/^[\w-]{43}$/);
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
    expect(first.href).not.toContain(provider.clientSecret);

    const second = new URL(landing(await client.request(`/source/oauth/login/${slug}/`)));
    expect(second.searchParams.get("state")).not.toBe(params.state);
    expect(second.searchParams.get("code_challenge")).not.toBe(params.code_challenge);
  });

  it("asks for the source's additional scopes, or only those when they start with *", async () => {
    await createSource({ additional_scopes: "groups offline_access" });
    const scope = async () => new URL(landing(await visitor().request(`/source/oauth/login/${slug}/`))).searchParams.get("scope");
    expect(await scope()).toBe("openid email profile groups offline_access");
    await admin.request(`/api/v3/sources/oauth/${slug}/`, { method: "PATCH", json: { additional_scopes: "*openid email" } });
    expect(await scope()).toBe("openid email");
  });

  it("knows no disabled or unknown source", async () => {
    await createSource({ enabled: false });
    expect((await visitor().request(`/source/oauth/login/${slug}/`)).status).toBe(404);
    expect((await visitor().request("/source/oauth/login/nobody/")).status).toBe(404);
    expect((await visitor().request(`/source/oauth/callback/${slug}/?code=x&state=y`)).status).toBe(404);
  });
});

describe("the sign-in page", () => {
  it("lists the identification stage's enabled sources as redirects to their login, carrying next along", async () => {
    const source = await createSource();
    const client = visitor();
    const challenge = await client.flow("default-authentication-flow", undefined, "next=%2Fif%2Fadmin%2F");
    expect(challenge.sources).toEqual([
      { name: "Corp SSO", icon_url: null, challenge: { component: "xak-flow-redirect", to: `/source/oauth/login/${slug}/?next=%2Fif%2Fadmin%2F` } },
    ]);
    await admin.request(`/api/v3/sources/oauth/${source.slug}/`, { method: "PATCH", json: { enabled: false } });
    expect((await visitor().flow("default-authentication-flow")).sources).toEqual([]);
    traffic.expectAuthentikShaped();
  });
});

describe("signing in through the source", () => {
  it("enrolls a new user with what the provider says, then signs the same user in through the connection", async () => {
    await createSource();
    const client = visitor();
    const enrollment = await throughProvider(client);
    expect(flowSlugOf(enrollment)).toBe("default-source-enrollment");
    const prompt = await client.flow("default-source-enrollment");
    expect(prompt.component).toBe("ak-stage-prompt");
    expect(prompt.fields[0]).toMatchObject({ field_key: "username", initial_value: "olivia" });
    expect(await client.flow("default-source-enrollment", { component: "ak-stage-prompt", username: "olivia" })).toMatchObject({
      component: "xak-flow-redirect",
      to: "/if/user/",
    });
    const me = await client.json("/api/v3/core/users/me/");
    expect(me.user).toMatchObject({ username: "olivia", email: account.email, name: account.name });
    const [user] = await database.db.select().from(users).where(eq(users.username, "olivia"));
    expect(user).toMatchObject({ path: `goauthentik.io/sources/${slug}`, password: null });
    expect(await database.db.select().from(userSourceConnections)).toMatchObject([{ user: user.pk, identifier: account.sub }]);

    // Another browser, the same account at the provider: the connection signs the same user in.
    const again = visitor();
    const authentication = await throughProvider(again);
    expect(flowSlugOf(authentication)).toBe("default-source-authentication");
    expect(await again.flow("default-source-authentication")).toMatchObject({ component: "xak-flow-redirect", to: "/if/user/" });
    expect((await again.json("/api/v3/core/users/me/")).user.pk).toBe(user.pk);
    expect(await database.db.select().from(userSourceConnections)).toHaveLength(1);
    traffic.expectAuthentikShaped({ responses: false });
  });

  it("goes on to the next the sign-in page was opened with", async () => {
    await createSource();
    const client = visitor();
    const login = await client.request(`/source/oauth/login/${slug}/?next=%2Fif%2Fadmin%2F`);
    const callback = await signInAtProvider(login.headers.get("location")!, rightAnswer);
    await client.request(callback.pathname + callback.search);
    expect(await client.flow("default-source-enrollment", { component: "ak-stage-prompt", username: "olivia" })).toMatchObject({ to: "/if/admin/" });
  });

  it("links an existing user by email with email_link, and refuses them with email_deny", async () => {
    const existing = await createUser(admin, { username: "olivia.b", email: account.email });
    await createSource({ user_matching_mode: "email_link" });
    const client = visitor();
    expect(flowSlugOf(await throughProvider(client))).toBe("default-source-authentication");
    await client.flow("default-source-authentication");
    expect((await client.json("/api/v3/core/users/me/")).user.pk).toBe(existing.pk);
    expect(await database.db.select().from(userSourceConnections)).toMatchObject([{ user: existing.pk, identifier: account.sub }]);

    await database.db.delete(userSourceConnections);
    await admin.request(`/api/v3/sources/oauth/${slug}/`, { method: "PATCH", json: { user_matching_mode: "email_deny" } });
    const refused = visitor();
    expect(await deniedAt(refused, await throughProvider(refused))).toBe(
      "Request to authenticate with Corp SSO has been denied. Please authenticate with the source you've previously signed up with.",
    );
  });

  it("refuses an existing username with username_deny, and enrolls when nobody has it", async () => {
    const existing = await createUser(admin, { username: "olivia" });
    await createSource({ user_matching_mode: "username_deny" });
    const refused = visitor();
    expect(await deniedAt(refused, await throughProvider(refused))).toContain("has been denied");
    await database.db.update(users).set({ username: "someone-else" }).where(eq(users.pk, existing.pk));
    expect(flowSlugOf(await throughProvider(visitor()))).toBe("default-source-enrollment");
  });

  it("connects the account to a signed-in user instead of signing anyone in", async () => {
    await createSource();
    expect(await throughProvider(admin)).toBe("/if/user/");
    const [me] = await database.db.select().from(users).where(eq(users.username, "akadmin"));
    expect(await database.db.select().from(userSourceConnections)).toMatchObject([{ user: me.pk, identifier: account.sub }]);
  });
});

describe("a sign-in through the source that cannot go on ends on an access-denied stage", () => {
  it("when the callback does not answer this browser's login, or answers it twice", async () => {
    await createSource();
    const client = visitor();
    const noLogin = landing(await client.request(`/source/oauth/callback/${slug}/?code=abc&state=forged`));
    expect(await deniedAt(client, noLogin)).toMatch(/^Authentication failed: this sign-in was not started in this browser/);

    const login = await client.request(`/source/oauth/login/${slug}/`);
    const callback = await signInAtProvider(login.headers.get("location")!, rightAnswer);
    const forged = new URL(callback);
    forged.searchParams.set("state", "forged");
    expect(await deniedAt(client, landing(await client.request(forged.pathname + forged.search)))).toMatch(/not started in this browser/);
    // The real state was used up by the forged attempt.
    expect(await deniedAt(client, landing(await client.request(callback.pathname + callback.search)))).toMatch(/not started in this browser/);
    traffic.expectAuthentikShaped({ responses: false });
  });

  it("when the visitor cancels at the provider", async () => {
    await createSource();
    const client = visitor();
    expect(await deniedAt(client, await throughProvider(client, "cancel"))).toBe("Authentication failed: End-User aborted interaction");
    // Starting over shows the sign-in page again.
    await client.request("/flows/-/cancel/?next=/if/flow/default-authentication-flow/");
    expect((await client.flow("default-authentication-flow")).component).toBe("ak-stage-identification");
  });

  it("when the provider refuses the code, or cannot be reached for tokens", async () => {
    await createSource();
    const client = visitor();
    const login = await client.request(`/source/oauth/login/${slug}/`);
    const callback = await signInAtProvider(login.headers.get("location")!, rightAnswer);
    callback.searchParams.set("code", "not-the-code");
    expect(await deniedAt(client, landing(await client.request(callback.pathname + callback.search)))).toBe("Authentication failed: invalid_grant");

    await admin.request(`/api/v3/sources/oauth/${slug}/`, { method: "PATCH", json: { access_token_url: "http://127.0.0.1:9/token" } });
    expect(await deniedAt(client, await throughProvider(client))).toBe("Authentication failed: Could not retrieve token.");
  });

  it("when the source has no flow for what the sign-in needs", async () => {
    await createSource({ enrollment_flow: null });
    const client = visitor();
    expect(await deniedAt(client, await throughProvider(client))).toBe("Source is not configured for enrollment.");
  });

  it("when the brand has no authentication flow to show it in: as plain text", async () => {
    await createSource();
    await database.db.update(brands).set({ flowAuthentication: null });
    const client = visitor();
    const response = await client.request(`/source/oauth/callback/${slug}/?error=access_denied&state=x`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/^Authentication failed: /);
  });
});
