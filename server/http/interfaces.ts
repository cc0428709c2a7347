import { Hono, type Context } from "hono";
import { getCookie } from "hono/cookie";
import type { AppEnv } from "../context.ts";
import { loadFlowPageRenderer, renderFlowPage } from "./flow-page.ts";

type PageName = "flow" | "user" | "admin";

const signInUrl = (next: string) => `/flows/-/default/authentication/?next=${encodeURIComponent(next)}`;

/**
 * The three interfaces under authentik's URLs. The user and admin interfaces send signed-out
 * visitors to sign in and back; the admin interface itself tells non-superusers they may not enter.
 */
export function interfaceRoutes(readPage: (name: PageName) => Promise<string>) {
  const routes = new Hono<AppEnv>();
  void loadFlowPageRenderer();
  // No cache may keep a page: the flow page carries the session's challenge, and none has a validator to revalidate by.
  const send = (c: Context<AppEnv>, html: string) => c.html(withTheme(html, getCookie(c, "ak_theme")), 200, { "Cache-Control": "no-store" });
  const signedIn = (name: PageName) => async (c: Context<AppEnv>) => {
    if (!c.get("session").user) return c.redirect(signInUrl(c.req.path + new URL(c.req.url).search), 302);
    return send(c, await readPage(name));
  };

  routes.get("/", (c) => c.redirect(c.get("session").user ? "/if/user/" : signInUrl("/if/user/"), 302));
  routes.get("/if/flow/:slug/", async (c) => {
    const page = await renderFlowPage(c, await readPage("flow"), c.req.param("slug"), new URL(c.req.url).search.slice(1));
    return send(c, page);
  });
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
