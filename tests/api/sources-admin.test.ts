import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { sources, stages } from "../../server/db/schema.ts";
import { TestClient } from "../support/client.ts";
import { createUser } from "../support/directory.ts";
import { signedInAdmin } from "../support/fresh.ts";
import { startOidcProvider, type TestProvider } from "../support/oidc-provider.ts";

let provider: TestProvider;
let database: Database;
let admin: TestClient;

beforeAll(async () => {
  provider = await startOidcProvider({ sub: "1", username: "u", password: "p", email: "u@example.com", name: "U" }, ["http://127.0.0.1:9000/cb"]);
});
afterAll(() => provider.stop());

beforeEach(async () => {
  ({ database, admin } = await signedInAdmin());
  return () => database.close();
});

const oauth = "/api/v3/sources/oauth/";
const explicitUrls = {
  authorization_url: "https://idp.example.com/authorize",
  access_token_url: "https://idp.example.com/token",
  profile_url: "https://idp.example.com/userinfo",
};
const minimal = { name: "Example IdP", slug: "example", provider_type: "openidconnect", consumer_key: "client", consumer_secret: "s3cret-value" };

async function create(body: Record<string, unknown>) {
  const response = await admin.request(oauth, { json: body });
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
}

async function refused(path: string, init: Parameters<TestClient["request"]>[1]) {
  const response = await admin.request(path, init);
  expect(response.status, await response.clone().text()).toBe(400);
  return response.json();
}

describe("OAuth sources", () => {
  it("fills the endpoints from the discovery document, and never shows the secret", async () => {
    const source = await create({ ...minimal, oidc_well_known_url: provider.wellKnownUrl });
    expect(source).toMatchObject({
      name: "Example IdP",
      slug: "example",
      enabled: true,
      provider_type: "openidconnect",
      consumer_key: "client",
      authorization_url: `${provider.issuer}/auth`,
      access_token_url: `${provider.issuer}/token`,
      profile_url: `${provider.issuer}/me`,
      oidc_jwks_url: `${provider.issuer}/jwks`,
      callback_url: "http://127.0.0.1:9000/source/oauth/callback/example/",
      user_matching_mode: "identifier",
      user_path_template: "goauthentik.io/sources/%(slug)s",
      component: "ak-source-oauth-form",
      meta_model_name: "authentik_sources_oauth.oauthsource",
      icon: null,
      type: { name: "openidconnect", verbose_name: "OpenID Connect", urls_customizable: true },
    });
    for (const path of [`${oauth}example/`, oauth, "/api/v3/sources/all/", "/api/v3/sources/all/example/"]) {
      const text = await (await admin.request(path)).text();
      expect(text, path).toContain("example");
      expect(text, path).not.toContain("s3cret-value");
      expect(text, path).not.toContain("consumer_secret");
    }
    expect((await admin.json("/api/v3/sources/all/")).results).toMatchObject([{ slug: "example", verbose_name: "OAuth Source", user_property_mappings: [] }]);
  });

  it("keeps URLs the admin gives over discovered ones, and keeps the secret across partial updates", async () => {
    await create({ ...minimal, oidc_well_known_url: provider.wellKnownUrl, profile_url: "https://idp.example.com/me" });
    const patched = await admin.json(`${oauth}example/`, { method: "PATCH", json: { name: "Renamed", user_matching_mode: "email_link" } });
    expect(patched).toMatchObject({ name: "Renamed", profile_url: "https://idp.example.com/me", user_matching_mode: "email_link" });
    const [row] = await database.db.select().from(sources);
    expect(row.config.consumer_secret).toBe("s3cret-value");
    // A full update names the secret again, as authentik's OAuthSourceRequest requires.
    const { consumer_secret: _secret, ...withoutSecret } = { ...minimal, ...explicitUrls };
    expect((await refused(`${oauth}example/`, { method: "PUT", json: withoutSecret })).consumer_secret).toEqual(["This field is required."]);
    expect((await admin.request(`${oauth}example/`, { method: "PUT", json: { ...minimal, ...explicitUrls } })).status).toBe(200);
  });

  it("refuses what it cannot sign in with", async () => {
    expect(await refused(oauth, { json: minimal })).toEqual({
      non_field_errors: [
        "authorization_url is required for provider OpenID Connect",
        "access_token_url is required for provider OpenID Connect",
        "profile_url is required for provider OpenID Connect",
      ],
    });
    const unreachable = await refused(oauth, { json: { ...minimal, oidc_well_known_url: "http://127.0.0.1:9/.well-known/openid-configuration" } });
    expect(unreachable.oidc_well_known_url[0]).toMatch(/could not be reached/);
    const notDiscovery = await refused(oauth, { json: { ...minimal, oidc_well_known_url: `${provider.issuer}/jwks` } });
    expect(notDiscovery.oidc_well_known_url).toEqual(["Invalid well-known configuration"]);
    expect((await refused(oauth, { json: { ...minimal, ...explicitUrls, authorization_url: "javascript:alert(1)" } })).authorization_url).toEqual([
      "Enter a valid URL.",
    ]);
    expect((await refused(oauth, { json: { ...minimal, ...explicitUrls, provider_type: "github" } })).provider_type).toBeDefined();
    expect((await refused(oauth, { json: { ...minimal, ...explicitUrls, slug: "no spaces" } })).slug).toBeDefined();
    const missingFlow = await refused(oauth, { json: { ...minimal, ...explicitUrls, enrollment_flow: "00000000-0000-4000-8000-000000000000" } });
    expect(missingFlow.enrollment_flow).toEqual(['Invalid pk "00000000-0000-4000-8000-000000000000" - object does not exist.']);

    await create({ ...minimal, ...explicitUrls });
    expect((await refused(oauth, { json: { ...minimal, ...explicitUrls } })).slug).toEqual(["Source with this slug already exists."]);
    expect((await admin.request(`${oauth}nobody/`)).status).toBe(404);
  });

  it("lists, filters and deletes by slug, and only for superusers", async () => {
    await create({ ...minimal, ...explicitUrls });
    await create({ ...minimal, ...explicitUrls, name: "Other", slug: "other", enabled: false });
    expect((await admin.json(`${oauth}?enabled=false`)).results.map((s: { slug: string }) => s.slug)).toEqual(["other"]);
    expect((await admin.json(`${oauth}?search=exam`)).results.map((s: { slug: string }) => s.slug)).toEqual(["example"]);
    expect((await admin.json(`${oauth}?ordering=-name`)).results.map((s: { slug: string }) => s.slug)).toEqual(["other", "example"]);

    await createUser(admin, { username: "plain" }, "plain-pass-123");
    const plain = new TestClient(database);
    await plain.signIn("plain", "plain-pass-123");
    for (const path of [oauth, "/api/v3/sources/all/", "/api/v3/sources/user_connections/oauth/"]) {
      expect((await plain.request(path)).status, path).toBe(403);
    }
    expect((await admin.request(`${oauth}other/`, { method: "DELETE" })).status).toBe(204);
    expect((await admin.json("/api/v3/sources/all/")).pagination.count).toBe(1);
  });

  it("takes a source's icon as a URL", async () => {
    await create({ ...minimal, ...explicitUrls });
    const set = (url: string) => admin.request("/api/v3/sources/all/example/set_icon_url/", { json: { url } });
    expect((await set("https://cdn.example.com/idp.svg")).status).toBe(200);
    expect((await admin.json(`${oauth}example/`)).icon).toBe("https://cdn.example.com/idp.svg");
    expect(await (await set("javascript:alert(1)")).json()).toEqual({ url: ["Enter an https:// URL or a path on this server."] });
    expect((await admin.request("/api/v3/sources/all/nobody/set_icon_url/", { json: { url: "/x.svg" } })).status).toBe(404);
  });
});

describe("identification stages and sources", () => {
  it("list existing sources only, and forget a source when it is deleted", async () => {
    const source = await create({ ...minimal, ...explicitUrls });
    const [stage] = await database.db.select().from(stages).where(eq(stages.name, "default-authentication-identification"));
    const path = `/api/v3/stages/identification/${stage.pk}/`;
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await refused(path, { method: "PATCH", json: { sources: [missing] } })).sources).toEqual([`Invalid pk "${missing}" - object does not exist.`]);
    expect((await admin.json(path, { method: "PATCH", json: { sources: [source.pk] } })).sources).toEqual([source.pk]);

    expect((await admin.request(`${oauth}example/`, { method: "DELETE" })).status).toBe(204);
    expect((await admin.json(path)).sources).toEqual([]);
  });
});

describe("user connections to OAuth sources", () => {
  it("are listed, filtered, created once per account and user, and deleted", async () => {
    const source = await create({ ...minimal, ...explicitUrls });
    const user = await createUser(admin, { username: "connected" });
    const other = await createUser(admin, { username: "other" });
    const connections = "/api/v3/sources/user_connections/oauth/";
    const created = await admin.request(connections, { json: { user: user.pk, source: source.pk, identifier: "sub-1" } });
    expect(created.status).toBe(201);
    const connection = await created.json();
    expect(connection).toMatchObject({ user: user.pk, source: source.pk, identifier: "sub-1", source_obj: { slug: "example", name: "Example IdP" } });

    expect((await refused(connections, { json: { user: other.pk, source: source.pk, identifier: "sub-1" } })).identifier).toBeDefined();
    expect((await refused(connections, { json: { user: user.pk, source: source.pk, identifier: "sub-2" } })).non_field_errors).toBeDefined();
    expect((await refused(connections, { json: { user: 999999, source: source.pk, identifier: "sub-3" } })).user).toBeDefined();

    expect((await admin.json(`${connections}?user=${user.pk}`)).results).toHaveLength(1);
    expect((await admin.json(`${connections}?user=${other.pk}`)).results).toHaveLength(0);
    expect((await admin.json(`${connections}?source__slug=example`)).results).toHaveLength(1);
    expect((await admin.json(`${connections}${connection.pk}/`)).identifier).toBe("sub-1");
    expect((await admin.request(`${connections}${connection.pk}/`, { method: "DELETE" })).status).toBe(204);
    expect((await admin.json(connections)).pagination.count).toBe(0);
  });
});
