import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { brandFlowSlug, currentBrand } from "../../brands.ts";
import { applications } from "../../db/schema.ts";
import { pendingUserFields } from "../pending-user.ts";
import { challengeShape } from "../challenge.ts";
import type { StageKind } from "../stage.ts";
import { stageUser } from "./authenticator-user.ts";

const displaySchema = z
  .object({
    ...challengeShape("ak-stage-session-end"),
    pending_user: z.string(),
    pending_user_avatar: z.string(),
    application_name: z.string().optional(),
    application_launch_url: z.string().optional(),
    invalidation_flow_url: z.string().optional(),
    brand_name: z.string(),
  })
  .openapi("SessionEndChallenge", { description: "Challenge for ending a session" });

/**
 * The last page of a provider's sign-out flow: the user has left the application and may sign out
 * of this site too. authentik adds it to such flows itself; it has no admin API.
 */
export const sessionEnd: StageKind = {
  kind: "session_end",
  displaySchema,

  async show(ctx) {
    const [user, brand] = await Promise.all([stageUser(ctx), currentBrand(ctx.db, new URL(ctx.origin).host)]);
    const applicationPk = ctx.plan.context.application;
    const [application] = applicationPk ? await ctx.db.select().from(applications).where(eq(applications.pk, applicationPk)) : [];
    const invalidation = brand && (await brandFlowSlug(ctx.db, brand.flowInvalidation));
    return {
      component: "ak-stage-session-end",
      ...pendingUserFields(user, ctx.plan.context),
      brand_name: brand?.brandingTitle || "authentik",
      ...(application ? { application_name: application.name } : {}),
      ...(application?.metaLaunchUrl ? { application_launch_url: application.metaLaunchUrl } : {}),
      ...(invalidation ? { invalidation_flow_url: `/if/flow/${encodeURIComponent(invalidation)}/` } : {}),
    };
  },
};
