import type { Session } from "../auth/session.ts";
import type { FlowRow } from "../api/flows/flow-models.ts";
import { flowUrl } from "../flows/flow-info.ts";
import { clearAllPlans, resetHistory, savePlan, type FlowPlan } from "../flows/plan.ts";

/**
 * Makes `plan` the session's one flow in progress and returns the flow's page: a sign-in through a
 * source replaces the flow it was started from, as authentik keeps one plan per session.
 */
export function handOver(session: Session, flow: FlowRow, plan: FlowPlan): string {
  clearAllPlans(session);
  resetHistory(session, flow.slug);
  savePlan(session, flow.slug, plan);
  return flowUrl(flow.slug, "");
}
