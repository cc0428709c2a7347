import { inArray } from "drizzle-orm";
import type { Session } from "../auth/session.ts";
import type { Db } from "../db/client.ts";
import { flowStageBindings, stages, users } from "../db/schema.ts";
import { serializeBinding, type FlowStageBindingBody } from "../api/flows/binding-models.ts";
import type { FlowRow } from "../api/flows/flow-models.ts";
import { cleansed } from "./cleanse.ts";
import { getHistory, getPlan, inlineStageRow, snapshot, type PlanContext, type PlanSnapshot, type PlannedStage } from "./plan.ts";

export interface InspectedPlan {
  current_stage: FlowStageBindingBody;
  next_planned_stage?: FlowStageBindingBody;
  plan_context: Record<string, unknown>;
  session_id: string;
}

export interface Inspection {
  plans: InspectedPlan[];
  current_plan?: InspectedPlan;
  is_completed: boolean;
}

/**
 * The flow's plans in this session, for the flow inspector: one per stage passed so far, and the
 * current one (or, once the flow is done, the last one).
 */
export async function inspectFlow(db: Db, session: Session, flow: FlowRow): Promise<Inspection | undefined> {
  const history = getHistory(session, flow.slug);
  const plan = getPlan(session, flow.slug);
  const current = plan && snapshot(plan);
  const shown = current ?? history.at(-1);
  if (!shown) return undefined;
  const describe = await describer(db, flow, [...history, shown], session.publicId ?? "");
  const plans = history.flatMap((s) => describe(s) ?? []);
  return { plans, current_plan: describe(shown), is_completed: !current };
}

/** Loads what the snapshots refer to at once, and returns a function that describes one of them. */
async function describer(db: Db, flow: FlowRow, snapshots: PlanSnapshot[], sessionId: string) {
  const planned = snapshots.flatMap((s) => (s.next ? [s.current, s.next] : [s.current]));
  const bindingPks = [...new Set(planned.flatMap((p) => (p.binding ? [p.binding] : [])))];
  const stagePks = [...new Set(planned.map((p) => p.stage))];
  const userPks = [...new Set(snapshots.flatMap((s) => (s.context.pending_user === undefined ? [] : [s.context.pending_user])))];
  const [bindingRows, stageRows, userRows] = await Promise.all([
    bindingPks.length ? db.select().from(flowStageBindings).where(inArray(flowStageBindings.pk, bindingPks)) : [],
    stagePks.length ? db.select().from(stages).where(inArray(stages.pk, stagePks)) : [],
    userPks.length ? db.select({ pk: users.pk, username: users.username }).from(users).where(inArray(users.pk, userPks)) : [],
  ]);
  const bindings = new Map(bindingRows.map((row) => [row.pk, row]));
  const stageByPk = new Map(stageRows.map((row) => [row.pk, row]));
  const usernames = new Map(userRows.map((row) => [row.pk, row.username]));

  const bindingOf = (p: PlannedStage): FlowStageBindingBody | undefined => {
    const stage = stageByPk.get(p.stage) ?? inlineStageRow(p);
    if (!stage) return undefined;
    // A stage added while the flow ran has no binding of its own; it is shown as bound at order 0.
    const row = (p.binding && bindings.get(p.binding)) || {
      pk: stage.pk,
      target: flow.pk,
      stage: stage.pk,
      order: 0,
      evaluateOnPlan: false,
      reEvaluatePolicies: false,
      policyEngineMode: "any",
      invalidResponseAction: "retry",
    };
    return serializeBinding(row, stage);
  };
  const contextOf = (context: PlanContext) => {
    const { pending_user, ...rest } = context;
    const user =
      pending_user === undefined
        ? {}
        : { pending_user: { pk: pending_user, app: "authentik_core", model_name: "user", name: usernames.get(pending_user) ?? "" } };
    return cleansed({ ...user, ...rest }) as Record<string, unknown>;
  };
  /** Undefined when the snapshot's stage has since been deleted. */
  return (s: PlanSnapshot): InspectedPlan | undefined => {
    const current = bindingOf(s.current);
    if (!current) return undefined;
    const next = s.next && bindingOf(s.next);
    return {
      current_stage: current,
      ...(next && { next_planned_stage: next }),
      plan_context: contextOf(s.context),
      session_id: sessionId,
    };
  };
}
