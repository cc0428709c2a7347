import { and, eq } from "drizzle-orm";
import { Hono, type Context } from "hono";
import type { AppEnv } from "../../context.ts";
import { sources } from "../../db/schema.ts";
import { safeNext } from "../../flows/next-url.ts";
import { SourceFailure, authenticationFailed } from "../source-failure.ts";
import { sourceErrorPage } from "../source-error.ts";
import { startSourceFlow } from "../source-flow.ts";
import { authorizationUrl } from "./authorize.ts";
import { takeLogin } from "./pending-login.ts";
import { providerProfile } from "./provider-profile.ts";
import { loggable } from "../../http/loggable-error.ts";

/** Where a sign-in through a source goes when nothing asked for anywhere else: the user interface, as in authentik. */
const defaultNext = "/if/user/";

async function enabledSource(c: Context<AppEnv>) {
  const [source] = await c
    .get("deps")
    .db.select()
    .from(sources)
    .where(and(eq(sources.slug, c.req.param("slug") ?? ""), eq(sources.kind, "oauth"), eq(sources.enabled, true)));
  return source;
}

/** Shows why the sign-in failed on an access-denied stage, never as an error page with internals. */
async function failure(c: Context<AppEnv>, message: string) {
  const page = await sourceErrorPage(c.get("deps").db, c.get("session"), c.req.header("host") ?? "", message);
  return page ? c.redirect(page, 302) : c.text(message, 400);
}

/**
 * authentik's OAuth source endpoints: the login redirect to the provider, and the callback that
 * finishes the sign-in there and hands the visitor to the source's flows.
 */
export function oauthSourceRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get("/source/oauth/login/:slug/", async (c) => {
    const source = await enabledSource(c);
    if (!source) return c.text("No enabled OAuth source has this slug.", 404);
    const next = safeNext(c.req.query("next"), defaultNext);
    try {
      return c.redirect(authorizationUrl(c.get("session"), source, new URL(c.req.url).origin, next), 302);
    } catch (error) {
      if (error instanceof SourceFailure) return failure(c, error.message);
      throw error;
    }
  });

  routes.get("/source/oauth/callback/:slug/", async (c) => {
    const source = await enabledSource(c);
    if (!source) return c.text("No enabled OAuth source has this slug.", 404);
    const { db } = c.get("deps");
    const session = c.get("session");
    const params = new URL(c.req.url).searchParams;
    try {
      const login = takeLogin(session, source.slug, params.get("state"));
      if (!login) throw authenticationFailed("this sign-in was not started in this browser, or took too long. Start again.");
      const profile = await providerProfile(source, params, login);
      return c.redirect(await startSourceFlow(db, session, { source, profile, next: login.next }), 302);
    } catch (error) {
      if (error instanceof SourceFailure) return failure(c, error.message);
      console.error(`source ${source.slug}: the callback failed:`, loggable(error));
      return failure(c, "Authentication failed: something went wrong on the server. Try again, or contact your administrator.");
    }
  });

  return routes;
}
