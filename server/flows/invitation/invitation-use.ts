import { and, eq, gt, isNull, or } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { invitations } from "../../db/schema.ts";
import type { FlowPlan } from "../plan.ts";

export type InvitationRow = typeof invitations.$inferSelect;

declare module "../plan.ts" {
  interface PlanContext {
    /** The invitation this flow runs with; a single-use one is used up when the user is written. */
    invitation?: { pk: string; single_use: boolean };
  }
}

/** The invitation `pk` if it exists, has not expired and may be used with this flow. */
export async function usableInvitation(db: Db, pk: string, flowPk: string): Promise<InvitationRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(pk)) return undefined;
  const [invitation] = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.pk, pk),
        or(isNull(invitations.expires), gt(invitations.expires, new Date())),
        or(isNull(invitations.flow), eq(invitations.flow, flowPk)),
      ),
    );
  return invitation;
}

/**
 * Uses up the plan's single-use invitation. False when it is gone already (someone else enrolled
 * with it meanwhile), so it cannot enroll two users.
 */
export async function consumeInvitation(db: Db, plan: FlowPlan): Promise<boolean> {
  const invitation = plan.context.invitation;
  if (!invitation?.single_use) return true;
  const deleted = await db.delete(invitations).where(eq(invitations.pk, invitation.pk)).returning({ pk: invitations.pk });
  return deleted.length > 0;
}
