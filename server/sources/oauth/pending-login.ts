import type { Session } from "../../auth/session.ts";

/** What the login redirect to a provider leaves in the session for its callback to check. */
export interface PendingLogin {
  /** The `state` sent to the provider, which must come back unchanged. */
  state: string;
  /** PKCE's code verifier; the provider was sent its SHA-256. */
  verifier: string;
  /** The `nonce` the ID token must carry. */
  nonce: string;
  /** The redirect URI the provider was sent; the token request must name it again. */
  redirectUri: string;
  /** Where to go once signed in, a path on this site. */
  next: string;
  /** When the attempt is too old to finish, in milliseconds since the epoch. */
  expires: number;
}

/** How long a visitor has to sign in at the provider and come back. */
export const pendingLoginLifetimeMs = 10 * 60_000;

const key = (slug: string) => `source_oauth_login:${slug}`;

export const rememberLogin = (session: Session, slug: string, login: PendingLogin) => session.set(key(slug), login);

/**
 * The login the callback of `slug` finishes: the one this browser started, when the provider sent
 * its `state` back and it is not too old. It is used up either way: a state is checked once.
 */
export function takeLogin(session: Session, slug: string, state: string | null): PendingLogin | undefined {
  const login = session.get<PendingLogin>(key(slug));
  if (login) session.set(key(slug), undefined);
  return login && login.state === state && login.expires > Date.now() ? login : undefined;
}
