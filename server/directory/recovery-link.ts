import { and, eq, inArray } from "drizzle-orm";
import type { FlowRow } from "../api/flows/flow-models.ts";
import { Session } from "../auth/session.ts";
import type { Db } from "../db/client.ts";
import { stages, type flowTokens } from "../db/schema.ts";
import { createFlowToken, flowTokenParam } from "../flows/flow-token.ts";
import { planFlow } from "../flows/planner.ts";
import type { UserRow } from "./users.ts";

/** How long an admin's recovery link works: as long as the default recovery flow's emailed link. */
const lifetimeMs = 30 * 60 * 1000;

/**
 * The path of a link that runs the recovery flow for `user` (authentik's admin recovery link), and the
 * flow token it resumes. The flow is planned for a visitor who is not signed in and is already known
 * to be `user`, so the stages that ask who they are fall away; the email stage lets the restored plan
 * through. Throws FlowNonApplicable when the flow's policies refuse the user.
 */
export async function recoveryLink(db: Db, flow: FlowRow, user: UserRow): Promise<{ path: string; token: typeof flowTokens.$inferSelect }> {
  const plan = await planFlow({ db, session: new Session(null, null, {}) }, flow, { pending_user: user.pk });
  const identifying = await db
    .select({ pk: stages.pk })
    .from(stages)
    .where(and(inArray(stages.pk, plan.stages.map((s) => s.stage)), eq(stages.kind, "identification")));
  const skipped = new Set(identifying.map((s) => s.pk));
  plan.stages = plan.stages.filter((s) => !skipped.has(s.stage));
  const { key, token } = await createFlowToken(db, flow, plan, user.pk, lifetimeMs);
  return { path: `/if/flow/${flow.slug}/?${flowTokenParam}=${encodeURIComponent(key)}`, token };
}
