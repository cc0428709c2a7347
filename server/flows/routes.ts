import { Hono, type Context } from "hono";
import type { AppEnv } from "../context.ts";
import { brandFlowSlug, currentBrand } from "../brands.ts";
import { safeNext } from "./next-url.ts";
import { clearAllPlans } from "./plan.ts";

type BrandFlow = "flowAuthentication" | "flowInvalidation" | "flowRecovery";

/** Sends the visitor to the brand's flow of the given kind, keeping the query string (e.g. `next`). */
async function toBrandFlow(c: Context<AppEnv>, which: BrandFlow) {
  const { db } = c.get("deps");
  const brand = await currentBrand(db, c.req.header("host") ?? "");
  const slug = brand && (await brandFlowSlug(db, brand[which]));
  if (!slug) return c.text("This brand has no such flow configured.", 404);
  const search = new URL(c.req.url).search;
  return c.redirect(`/if/flow/${encodeURIComponent(slug)}/${search}`, 302);
}

/** authentik's well-known flow URLs under `/flows/-/`. */
export function flowRedirects() {
  const routes = new Hono<AppEnv>();
  routes.get("/flows/-/default/authentication/", (c) => toBrandFlow(c, "flowAuthentication"));
  routes.get("/flows/-/default/invalidation/", (c) => toBrandFlow(c, "flowInvalidation"));
  routes.get("/flows/-/default/recovery/", (c) => toBrandFlow(c, "flowRecovery"));
  // Forgets the flows in progress and goes back where `next` says (the flow's cancel_url names the
  // flow itself), else to signing in.
  routes.get("/flows/-/cancel/", (c) => {
    clearAllPlans(c.get("session"));
    return c.redirect(safeNext(c.req.query("next"), "/flows/-/default/authentication/"), 302);
  });
  return routes;
}
