import { Hono } from "hono";
import { eq } from "drizzle-orm";
import type { AppEnv } from "../context.ts";
import { brandFlowSlug, currentBrand } from "../brands.ts";
import { applications, flows } from "../db/schema.ts";
import { flowUrl } from "./flow-info.ts";
import { savePlan } from "./plan.ts";
import { FlowNonApplicable, planFlow } from "./planner.ts";

/**
 * authentik's `/application/launch/<slug>/`: a signed-in user goes straight to the application's
 * launch URL; anyone else signs in first, in a run of the brand's authentication flow that knows the
 * application (so a consent stage in it asks for, and remembers, consent to that application) and
 * ends at the launch URL.
 */
export function applicationLaunch() {
  const routes = new Hono<AppEnv>();
  routes.get("/application/launch/:slug/", async (c) => {
    const { db } = c.get("deps");
    const session = c.get("session");
    const [application] = await db.select().from(applications).where(eq(applications.slug, c.req.param("slug")));
    if (!application?.metaLaunchUrl) return c.text("This application has no launch URL.", 404);
    if (session.user) return c.redirect(application.metaLaunchUrl, 302);

    const brand = await currentBrand(db, c.req.header("host") ?? "");
    const slug = brand && (await brandFlowSlug(db, brand.flowAuthentication));
    const [flow] = slug ? await db.select().from(flows).where(eq(flows.slug, slug)) : [];
    if (!flow) return c.text("This brand has no authentication flow.", 404);
    try {
      const plan = await planFlow({ db, session }, flow, {
        application: application.pk,
        consent_header: `You're about to sign into ${application.name}.`,
        consent_permissions: [],
        redirect: application.metaLaunchUrl,
      });
      savePlan(session, flow.slug, plan);
    } catch (error) {
      if (!(error instanceof FlowNonApplicable)) throw error;
    }
    return c.redirect(flowUrl(flow.slug, new URL(c.req.url).search.replace(/^\?/, "")), 302);
  });
  return routes;
}
