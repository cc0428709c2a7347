import { getJson } from "./http.ts";

/** The endpoints an OpenID Connect discovery document names, as authentik's source settings name them. */
export interface DiscoveredEndpoints {
  authorization_url?: string;
  access_token_url?: string;
  profile_url?: string;
  oidc_jwks_url?: string;
}

const fieldOf = {
  authorization_url: "authorization_endpoint",
  access_token_url: "token_endpoint",
  profile_url: "userinfo_endpoint",
  oidc_jwks_url: "jwks_uri",
} as const;

/** Reads the provider's `.well-known/openid-configuration`; throws with a message for the admin when it cannot. */
export async function discoverEndpoints(wellKnownUrl: string): Promise<DiscoveredEndpoints> {
  const document = await getJson(wellKnownUrl);
  if (!document || typeof document.issuer !== "string") throw new Error("Invalid well-known configuration");
  const found: DiscoveredEndpoints = {};
  for (const [field, key] of Object.entries(fieldOf) as [keyof DiscoveredEndpoints, string][]) {
    if (typeof document[key] === "string") found[field] = document[key];
  }
  return found;
}
