import type { Session } from "../auth/session.ts";

/** What stages learn about the flow's user as it runs. Stored in the session as JSON. */
export interface PlanContext {
  /** The user the flow is about, once identified. */
  pending_user?: number;
  /** What the visitor typed to identify themselves, kept even when no such user exists. */
  pending_user_identifier?: string;
}

/** The stages a flow will run for this visitor, decided when the flow starts. */
export interface FlowPlan {
  flowPk: string;
  stages: string[];
  index: number;
  context: PlanContext;
}

const sessionKey = (slug: string) => `flow_plan:${slug}`;

export const getPlan = (session: Session, slug: string) => session.get<FlowPlan>(sessionKey(slug));
export const savePlan = (session: Session, slug: string, plan: FlowPlan) => session.set(sessionKey(slug), plan);
export const clearPlan = (session: Session, slug: string) => session.set(sessionKey(slug), undefined);

/** Forgets every flow in progress (cancel). */
export function clearAllPlans(session: Session): void {
  for (const key of Object.keys(session.data)) if (key.startsWith("flow_plan:")) session.set(key, undefined);
}
