import { createContext } from "@lit/context";
import { api, unwrap } from "../api/client.ts";
import { ForbiddenError } from "../api/errors.ts";
import type { components } from "../api/schema.d.ts";

export type SessionUser = components["schemas"]["SessionUser"];
export type UserSelf = components["schemas"]["UserSelf"];

/** The signed-in user (and the original one while impersonating), for elements below an interface. */
export const sessionContext = createContext<SessionUser | undefined>(Symbol("ak-session"));

/** authentik's default sign-in and sign-out URLs: the server sends them to the brand's flows. */
export const signInPath = "/flows/-/default/authentication/";
export const signOutPath = "/flows/-/default/invalidation/";

/** The sign-in URL that brings the visitor back to `next` (a path on this origin) afterwards. */
export function signInUrl(next: string): string {
  return `${signInPath}?next=${encodeURIComponent(next)}`;
}

/** The signed-in user, or null when nobody is signed in (the API answers 403). Other failures throw. */
export async function loadSession(signal?: AbortSignal): Promise<SessionUser | null> {
  try {
    return await unwrap(api.GET("/core/users/me/", { signal }));
  } catch (err) {
    if (err instanceof ForbiddenError) return null;
    throw err;
  }
}

/** Sends a signed-out visitor to sign in and back to the page they asked for. */
export function sendToSignIn(): void {
  window.location.replace(signInUrl(window.location.pathname + window.location.search));
}
