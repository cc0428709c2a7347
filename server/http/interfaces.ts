import { Hono, type Context } from "hono";
import { getCookie } from "hono/cookie";
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
    c.html(withTheme(await readPage(name), getCookie(c, "ak_theme")), 200, { "Cache-Control": "no-cache" });
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

/** Renders the page in the theme the user chose (the `ak_theme` cookie), so it never flashes the other one. */
function withTheme(html: string, theme: string | undefined): string {
  if (theme !== "light" && theme !== "dark") return html;
  return html.replace("<html ", `<html data-theme="${theme}" `);
}
