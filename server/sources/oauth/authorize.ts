import { createHash, randomBytes } from "node:crypto";
import type { Session } from "../../auth/session.ts";
import type { SourceRow } from "../../api/sources/source-models.ts";
import { SourceFailure } from "../source-failure.ts";
import { pendingLoginLifetimeMs, rememberLogin } from "./pending-login.ts";
import { callbackPath, oauthSettings, scopesOf } from "./settings.ts";

const random = () => randomBytes(32).toString("base64url");

/**
 * The provider's authorization URL for a new sign-in through `source`, with a fresh `state`, `nonce`
 * and PKCE (S256) challenge, whose secrets stay in the session for the callback.
 */
export function authorizationUrl(session: Session, source: SourceRow, origin: string, next: string): string {
  const settings = oauthSettings(source);
  if (!settings.authorization_url) throw new SourceFailure(`${source.name} has no authorization URL configured.`);
  const login = {
    state: random(),
    verifier: random(),
    nonce: random(),
    redirectUri: `${origin}${callbackPath(source.slug)}`,
    next,
    expires: Date.now() + pendingLoginLifetimeMs,
  };
  rememberLogin(session, source.slug, login);
  const url = new URL(settings.authorization_url);
  for (const [name, value] of Object.entries({
    client_id: settings.consumer_key,
    redirect_uri: login.redirectUri,
    response_type: "code",
    scope: scopesOf(settings),
    state: login.state,
    nonce: login.nonce,
    code_challenge: createHash("sha256").update(login.verifier).digest("base64url"),
    code_challenge_method: "S256",
  })) {
    url.searchParams.set(name, value);
  }
  return url.href;
}
