import { eq } from "drizzle-orm";
import { flows } from "../../db/schema.ts";
import { flowUrl } from "../flow-info.ts";
import { markRedirected, savePlan } from "../plan.ts";
import { FlowNonApplicable, planFlow } from "../planner.ts";
import { deny, type StageContext, type StageKind } from "../stage.ts";

export interface RedirectConfig {
  mode: "static" | "flow";
  target_static?: string;
  target_flow?: string | null;
  /** Carry this flow's context (its user, prompt data, …) into the target flow. */
  keep_context?: boolean;
}

/**
 * Sends the visitor to the target flow, marked as redirected there (for `require_redirect`). With
 * `keep_context` the target is planned now with this flow's context; a target that does not apply
 * to the visitor says why itself when its page opens.
 */
async function toFlow(ctx: StageContext, config: RedirectConfig): Promise<string | undefined> {
  if (!config.target_flow) return undefined;
  const [target] = await ctx.db.select().from(flows).where(eq(flows.pk, config.target_flow));
  if (!target) return undefined;
  markRedirected(ctx.session, target.slug);
  if (config.keep_context) {
    try {
      savePlan(ctx.session, target.slug, await planFlow(ctx, target, structuredClone(ctx.plan.context)));
    } catch (error) {
      if (!(error instanceof FlowNonApplicable)) throw error;
    }
  }
  return flowUrl(target.slug, ctx.query.toString());
}

/** Ends this flow by redirecting: to a fixed URL, or into another flow. */
export const redirect: StageKind = {
  kind: "redirect",

  async show(ctx) {
    const config = ctx.stage.config as unknown as RedirectConfig;
    const to = config.mode === "flow" ? await toFlow(ctx, config) : config.target_static;
    if (!to) return deny("This redirect has no target. Contact your administrator.");
    return { component: "xak-flow-redirect", to };
  },
};
