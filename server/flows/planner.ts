import { asc, eq } from "drizzle-orm";
import type { Session } from "../auth/session.ts";
import type { Db } from "../db/client.ts";
import { flowStageBindings } from "../db/schema.ts";
import { isSuperuser } from "../directory/users.ts";
import { evaluatePolicies, type PolicyEngineMode, type PolicySubject } from "../policies/engine.ts";
import type { FlowRow } from "../api/flows/flow-models.ts";
import { takeRedirected, type FlowPlan, type PlanContext } from "./plan.ts";

/**
 * The flow does not apply to this visitor: its authentication requirement or its policies say no.
 * `signInFirst` is set when signing in could change that.
 */
export class FlowNonApplicable extends Error {
  constructor(
    readonly messages: string[],
    readonly signInFirst = false,
  ) {
    super(messages.join("\n") || "Flow does not apply to current user (denied by policy).");
  }
}

interface PlanRequest {
  db: Db;
  session: Session;
}

/** Who policies decide about while the flow runs: the user it is about once known, else the visitor. */
export const policySubject = (session: Session, context: PlanContext): PolicySubject =>
  context.pending_user !== undefined ? { pk: context.pending_user } : session.user;

/**
 * Decides which stages the flow runs for this visitor: checks the flow's authentication requirement
 * and its own policies, then takes each bound stage in order, leaving out those whose policies are
 * evaluated now (`evaluate_on_plan`) and fail. Throws FlowNonApplicable when the flow is not for them.
 */
export async function planFlow({ db, session }: PlanRequest, flow: FlowRow, context: PlanContext = {}): Promise<FlowPlan> {
  await checkAuthentication(db, session, flow, context);
  const allowed = await evaluatePolicies(db, flow.pk, flow.policyEngineMode as PolicyEngineMode, session.user);
  if (!allowed.passing) throw new FlowNonApplicable(allowed.messages);

  const plan: FlowPlan = { flowPk: flow.pk, stages: [], index: 0, context };
  const bindings = await db
    .select()
    .from(flowStageBindings)
    .where(eq(flowStageBindings.target, flow.pk))
    .orderBy(asc(flowStageBindings.order));
  for (const binding of bindings) {
    if (binding.evaluateOnPlan) {
      const result = await evaluatePolicies(db, binding.pk, binding.policyEngineMode as PolicyEngineMode, policySubject(session, context));
      if (!result.passing) continue;
    }
    plan.stages.push({ stage: binding.stage, binding: binding.pk, reevaluate: binding.reEvaluatePolicies });
  }
  return plan;
}

async function checkAuthentication(db: Db, session: Session, flow: FlowRow, context: PlanContext): Promise<void> {
  const user = session.user;
  switch (flow.authentication) {
    case "require_authenticated":
      if (!user) throw new FlowNonApplicable(["Sign in to continue."], true);
      return;
    case "require_superuser":
      if (!user) throw new FlowNonApplicable(["Sign in as an administrator to continue."], true);
      if (!(await isSuperuser(db, user.pk))) throw new FlowNonApplicable(["This flow is for administrators only."]);
      return;
    case "require_unauthenticated":
      if (user) throw new FlowNonApplicable(["You are already signed in. Sign out first to use this flow."]);
      return;
    case "require_redirect":
      if (!context.is_redirected && !takeRedirected(session, flow.slug)) {
        throw new FlowNonApplicable(["This flow can only be reached from another flow."]);
      }
      context.is_redirected = true;
      return;
    case "require_outpost":
      // The reference server has no outposts, so no request comes from one.
      throw new FlowNonApplicable(["This flow can only be used through an outpost."]);
  }
}
