import { decodeJwt } from "jose";
import type { SourceRow } from "../../api/sources/source-models.ts";
import { authenticationFailed as failed } from "../source-failure.ts";
import type { SourceProfile } from "../source-profile.ts";
import { getJson, postForm } from "./http.ts";
import type { PendingLogin } from "./pending-login.ts";
import { oauthSettings, type OAuthSettings } from "./settings.ts";

/**
 * Finishes the provider's side of the sign-in `login` started: takes the provider's error, or
 * exchanges the code for tokens (client_secret_post, with the PKCE verifier), reads the
 * user's claims at the userinfo endpoint and checks the ID token's nonce, audience and subject
 * against them. The ID token comes straight from the token endpoint, so its signature is not checked
 * (OpenID Connect Core 3.1.3.7).
 */
export async function providerProfile(source: SourceRow, params: URLSearchParams, login: PendingLogin): Promise<SourceProfile> {
  const error = params.get("error");
  if (error) throw failed((params.get("error_description") || error).slice(0, 200));
  const code = params.get("code");
  if (!code) throw failed("No token received.");

  const settings = oauthSettings(source);
  const tokens = await requestTokens(source, settings, code, login);
  const claims = await requestClaims(source, settings, tokens.access_token);
  const identifier = typeof claims.sub === "string" ? claims.sub : "";
  if (!identifier) throw failed("Could not determine id.");
  checkIdToken(tokens.id_token, login.nonce, settings.consumer_key, identifier);
  return { identifier, properties: userProperties(claims) };
}

async function requestTokens(source: SourceRow, settings: OAuthSettings, code: string, login: PendingLogin) {
  if (!settings.access_token_url) throw failed("Could not retrieve token.");
  const form = new URLSearchParams({
    grant_type: "authorization_code",
    code,
    redirect_uri: login.redirectUri,
    code_verifier: login.verifier,
    client_id: settings.consumer_key,
    client_secret: settings.consumer_secret,
  });
  const answer = await postForm(settings.access_token_url, form).catch((error: Error) => {
    console.warn(`source ${source.slug}: token request failed: ${error.message}`);
    return undefined;
  });
  const accessToken = answer?.body?.access_token;
  if (answer?.status === 200 && typeof accessToken === "string") return { access_token: accessToken, id_token: answer.body?.id_token };
  // The provider's error code (e.g. invalid_client) says what to fix; its answer holds nothing secret.
  const providerError = typeof answer?.body?.error === "string" ? answer.body.error : undefined;
  if (answer) console.warn(`source ${source.slug}: token request answered HTTP ${answer.status} ${providerError ?? ""}`);
  throw failed(providerError ?? "Could not retrieve token.");
}

async function requestClaims(source: SourceRow, settings: OAuthSettings, accessToken: string) {
  if (!settings.profile_url) throw failed("Could not retrieve profile.");
  try {
    return await getJson(settings.profile_url, { authorization: `Bearer ${accessToken}` });
  } catch (error) {
    console.warn(`source ${source.slug}: userinfo request failed: ${(error as Error).message}`);
    throw failed("Could not retrieve profile.");
  }
}

function checkIdToken(idToken: unknown, nonce: string, clientId: string, subject: string): void {
  // A provider that speaks plain OAuth 2 sends none; the userinfo endpoint vouches for the user then.
  if (idToken === undefined) return;
  let claims: ReturnType<typeof decodeJwt>;
  try {
    claims = decodeJwt(String(idToken));
  } catch {
    throw failed("The identity token could not be read.");
  }
  const audiences = [claims.aud].flat();
  if (claims.nonce !== nonce || !audiences.includes(clientId) || claims.sub !== subject) {
    throw failed("The identity token does not belong to this sign-in.");
  }
}

/** The user as OpenID Connect's standard claims describe them, as authentik's OpenID Connect source maps them. */
function userProperties(claims: Record<string, unknown>): SourceProfile["properties"] {
  const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);
  const properties = { username: text(claims.nickname) ?? text(claims.preferred_username), email: text(claims.email), name: text(claims.name) };
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined));
}
