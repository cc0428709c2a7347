import type { SourceRow } from "../../api/sources/source-models.ts";

/** The settings of an OAuth source, kept in its `config` under the API's field names. */
export interface OAuthSettings {
  provider_type: "openidconnect";
  /** Only OAuth 1 needs it; kept for the API, never used. */
  request_token_url: string | null;
  authorization_url: string | null;
  access_token_url: string | null;
  profile_url: string | null;
  consumer_key: string;
  /** Never shown by the API, logged, or put in a URL. */
  consumer_secret: string;
  additional_scopes: string;
  oidc_well_known_url: string;
  oidc_jwks_url: string;
  oidc_jwks: unknown;
}

export const oauthDefaults = {
  request_token_url: null,
  authorization_url: null,
  access_token_url: null,
  profile_url: null,
  additional_scopes: "",
  oidc_well_known_url: "",
  oidc_jwks_url: "",
  oidc_jwks: {},
} satisfies Partial<OAuthSettings>;

export const oauthSettings = (source: SourceRow) => ({ ...oauthDefaults, ...source.config }) as OAuthSettings;

/** What authentik's `SourceType` says about OpenID Connect: every URL is the admin's to set. */
export const openIdConnectType = {
  name: "openidconnect",
  verbose_name: "OpenID Connect",
  urls_customizable: true,
  request_token_url: null,
  authorization_url: null,
  access_token_url: null,
  profile_url: null,
  oidc_well_known_url: null,
  oidc_jwks_url: null,
};

const openIdScopes = ["openid", "email", "profile"];

/** The scopes to ask for: OpenID Connect's own plus the source's additional ones, which replace them instead when they start with `*`. */
export function scopesOf(settings: OAuthSettings): string {
  const additional = settings.additional_scopes.trim();
  const replace = additional.startsWith("*");
  const extra = additional.replace(/^\*/, "").split(/[\s,]+/).filter(Boolean);
  return [...new Set(replace ? extra : [...openIdScopes, ...extra])].join(" ");
}

export const loginPath = (slug: string) => `/source/oauth/login/${encodeURIComponent(slug)}/`;
export const callbackPath = (slug: string) => `/source/oauth/callback/${encodeURIComponent(slug)}/`;
