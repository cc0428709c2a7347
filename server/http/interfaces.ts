import { Hono, type Context } from "hono";
import type { AppEnv } from "../context.ts";

type PageName = "flow" | "user" | "admin";

const signInUrl = (next: string) => `/flows/-/default/authentication/?next=${encodeURIComponent(next)}`;

/**
 * The three interfaces under authentik's URLs. The user and admin interfaces send signed-out
 * visitors to sign in and back; the admin interface itself tells non-superusers they may not enter.
 */
export function interfaceRoutes(readPage: (name: PageName) => Promise<string>) {
  const routes = new Hono<AppEnv>();
  const page = async (c: Context<AppEnv>, name: PageName) =>
    c.html(await readPage(name), 200, { "Cache-Control": "no-cache" });
  const signedIn = (name: PageName) => async (c: Context<AppEnv>) => {
    if (!c.get("session").user) return c.redirect(signInUrl(c.req.path + new URL(c.req.url).search), 302);
    return page(c, name);
  };

  routes.get("/", (c) => c.redirect(c.get("session").user ? "/if/user/" : signInUrl("/if/user/"), 302));
  routes.get("/if/flow/:slug/", (c) => page(c, "flow"));
  routes.get("/if/user/*", signedIn("user"));
  routes.get("/if/admin/*", signedIn("admin"));
  for (const name of ["flow", "user", "admin"]) {
    routes.get(`/if/${name}`, (c) => c.redirect(`/if/${name}/`, 301));
  }
  routes.get("/if/flow/:slug", (c) => c.redirect(`${c.req.path}/${new URL(c.req.url).search}`, 301));
  return routes;
}
