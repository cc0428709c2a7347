import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Session } from "../auth/session.ts";
import type { Db } from "../db/client.ts";
import { flowTokens } from "../db/schema.ts";
import type { FlowRow } from "../api/flows/flow-models.ts";
import { getPlan, savePlan, type FlowPlan } from "./plan.ts";

/** The query parameter of an email link that resumes a flow, as authentik names it. */
export const flowTokenParam = "flow_token";

declare module "./plan.ts" {
  interface PlanContext {
    /** The user whose emailed link resumed this plan (authentik's `is_restored`). */
    is_restored?: { user: number | null };
  }
}

const hash = (key: string) => createHash("sha256").update(key).digest("hex");

/** Saves the plan as it is now, resumable once with the returned key until it expires; the token row holds only the key's hash. */
export async function createFlowToken(
  db: Db,
  flow: FlowRow,
  plan: FlowPlan,
  user: number | null,
  lifetimeMs: number,
): Promise<{ key: string; token: typeof flowTokens.$inferSelect }> {
  const key = randomBytes(32).toString("base64url");
  await db.delete(flowTokens).where(lt(flowTokens.expires, new Date()));
  const [token] = await db
    .insert(flowTokens)
    .values({
      keyHash: hash(key),
      flow: flow.pk,
      user,
      plan: structuredClone(plan) as unknown as Record<string, unknown>,
      expires: new Date(Date.now() + lifetimeMs),
    })
    .returning();
  return { key, token };
}

/**
 * Resumes the plan saved under the page's `flow_token`, in this session, using the token up. Returns
 * why the flow cannot go on when the link is not (or no longer) usable and the session has no plan of
 * this flow to continue instead (e.g. the page was reloaded after the link was used).
 */
export async function resumeFromFlowToken(db: Db, session: Session, flow: FlowRow, query: string): Promise<string | undefined> {
  const key = new URLSearchParams(query).get(flowTokenParam);
  if (!key) return undefined;
  const [token] = await db
    .delete(flowTokens)
    .where(and(eq(flowTokens.keyHash, hash(key)), eq(flowTokens.flow, flow.pk), gt(flowTokens.expires, new Date())))
    .returning();
  if (token) {
    // Links from earlier or later mails of the same flow for the same user are spent with this one.
    if (token.user !== null) await db.delete(flowTokens).where(and(eq(flowTokens.flow, flow.pk), eq(flowTokens.user, token.user)));
    const plan = token.plan as unknown as FlowPlan;
    plan.context.is_restored = { user: token.user };
    savePlan(session, flow.slug, plan);
    return undefined;
  }
  if (getPlan(session, flow.slug)) return undefined;
  return "This link has expired or has already been used. Start again to get a new one.";
}
