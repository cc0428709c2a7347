import { eq } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { Session } from "../auth/session.ts";
import type { Db } from "../db/client.ts";
import { flowStageBindings, flows, stages } from "../db/schema.ts";
import { evaluatePolicies, type PolicyEngineMode } from "../policies/engine.ts";
import type { FlowRow } from "../api/flows/flow-models.ts";
import type { FlowInfo, ResponseErrors } from "./challenge.ts";
import { flowInfo } from "./flow-info.ts";
import { clearPlan, getPlan, inlineStageRow, recordPassedStage, resetHistory, savePlan, type FlowPlan, type PlannedStage } from "./plan.ts";
import { FlowNonApplicable, planFlow, policySubject } from "./planner.ts";
import { accessDenied, flowDone, nonApplicable } from "./endings.ts";
import { resumeFromFlowToken } from "./flow-token.ts";
import { stageKinds } from "./stages/index.ts";
import type { Challenge, Outcome, StageContext, StageRow } from "./stage.ts";

export interface FlowRequest {
  db: Db;
  session: Session;
  slug: string;
  /** The flow page's own query string. */
  query: string;
  /** The origin the browser sees this server at (WebAuthn binds credentials to it). */
  origin: string;
}

export type ChallengeBody = Challenge & { flow_info: FlowInfo; response_errors?: ResponseErrors };

export class FlowNotFound extends Error {}

const isOutcome = (value: Challenge | Outcome): value is Outcome => "type" in value && !("component" in value);

/** Returns the challenge of the flow's current stage, planning the flow first if it has not started. */
export async function currentChallenge(request: FlowRequest): Promise<ChallengeBody> {
  const flow = await loadFlow(request);
  const unusableLink = await resumeFromFlowToken(request.db, request.session, flow, request.query);
  if (unusableLink) return withFlowInfo(request, flow, await accessDenied(request.db, request.session, {}, unusableLink));
  const existing = getPlan(request.session, flow.slug);
  if (existing) return advance(request, flow, existing);
  resetHistory(request.session, flow.slug);
  return startFlow(request, flow);
}

/** Hands a response to the current stage and returns what comes next. */
export async function solveChallenge(request: FlowRequest, body: unknown): Promise<ChallengeBody> {
  const flow = await loadFlow(request);
  const plan = getPlan(request.session, flow.slug);
  if (!plan || plan.index >= plan.stages.length) return currentChallenge(request);
  const planned = plan.stages[plan.index];
  const stage = await loadStage(request.db, planned);
  const interaction = stageKinds.get(stage.kind)?.interaction;
  if (!interaction) return advance(request, flow, plan);
  const ctx = stageContext(request, flow, stage, plan);
  const parsed = interaction.responseSchema.safeParse(body);
  const outcome = parsed.success ? await interaction.submit(ctx, parsed.data) : ({ type: "invalid", errors: fieldErrors(parsed.error) } as const);
  savePlan(request.session, flow.slug, plan);
  switch (outcome.type) {
    case "next":
      return passStage(request, flow, plan);
    case "invalid":
      return withFlowInfo(request, flow, { ...(await showChallenge(ctx)), response_errors: outcome.errors });
    case "deny":
      return stageInvalid(request, flow, plan, planned, outcome.message);
  }
}

async function loadFlow({ db, slug }: FlowRequest): Promise<FlowRow> {
  const [flow] = await db.select().from(flows).where(eq(flows.slug, slug));
  if (!flow) throw new FlowNotFound(`No flow with slug "${slug}".`);
  return flow;
}

async function loadStage(db: Db, planned: PlannedStage): Promise<StageRow> {
  const inline = inlineStageRow(planned);
  if (inline) return inline;
  const [stage] = await db.select().from(stages).where(eq(stages.pk, planned.stage));
  if (!stage) throw new Error(`Stage ${planned.stage} of the plan no longer exists.`);
  return stage;
}

/** Plans the flow (keeping `context` when restarting with it) and shows its first stage. */
async function startFlow(request: FlowRequest, flow: FlowRow, context?: FlowPlan["context"]): Promise<ChallengeBody> {
  try {
    return await advance(request, flow, await planFlow(request, flow, context));
  } catch (error) {
    if (!(error instanceof FlowNonApplicable)) throw error;
    return withFlowInfo(request, flow, await nonApplicable(request, flow, error));
  }
}

/** Runs stages from the plan's current position until one needs input, denies, or the flow ends. */
async function advance(request: FlowRequest, flow: FlowRow, plan: FlowPlan): Promise<ChallengeBody> {
  while (plan.index < plan.stages.length) {
    const planned = plan.stages[plan.index];
    if (!(await stillApplies(request, plan, planned))) {
      plan.stages.splice(plan.index, 1);
      continue;
    }
    const stage = await loadStage(request.db, planned);
    const ctx = stageContext(request, flow, stage, plan);
    const shown = await showStage(ctx);
    if (!isOutcome(shown)) {
      savePlan(request.session, flow.slug, plan);
      return withFlowInfo(request, flow, shown);
    }
    if (shown.type === "deny") return stageInvalid(request, flow, plan, planned, shown.message);
    recordPassedStage(request.session, flow.slug, plan);
    plan.index += 1;
  }
  clearPlan(request.session, flow.slug);
  return withFlowInfo(request, flow, flowDone(request, plan));
}

function passStage(request: FlowRequest, flow: FlowRow, plan: FlowPlan): Promise<ChallengeBody> {
  recordPassedStage(request.session, flow.slug, plan);
  plan.index += 1;
  return advance(request, flow, plan);
}

/** Evaluates the binding's policies again when it asks for that (`re_evaluate_policies`). */
async function stillApplies({ db, session }: FlowRequest, plan: FlowPlan, planned: PlannedStage): Promise<boolean> {
  if (!planned.reevaluate || !planned.binding) return true;
  const [binding] = await db.select().from(flowStageBindings).where(eq(flowStageBindings.pk, planned.binding));
  if (!binding) return true;
  const mode = binding.policyEngineMode as PolicyEngineMode;
  return (await evaluatePolicies(db, binding.pk, mode, policySubject(session, plan.context))).passing;
}

/**
 * The stage refused to go on. As the stage's binding says (`invalid_response_action`), the flow
 * starts over (with or without what it learnt so far) showing why, or ends at an access-denied stage.
 */
async function stageInvalid(request: FlowRequest, flow: FlowRow, plan: FlowPlan, planned: PlannedStage, message: string) {
  clearPlan(request.session, flow.slug);
  const [binding] = planned.binding
    ? await request.db.select().from(flowStageBindings).where(eq(flowStageBindings.pk, planned.binding))
    : [];
  const action = binding?.invalidResponseAction ?? "retry";
  if (action === "restart" || action === "restart_with_context") {
    const restarted = await startFlow(request, flow, action === "restart_with_context" ? plan.context : undefined);
    if (restarted.component === "xak-flow-redirect") return restarted;
    return { ...restarted, response_errors: { ...restarted.response_errors, non_field_errors: [{ string: message, code: "invalid" }] } };
  }
  return withFlowInfo(request, flow, await accessDenied(request.db, request.session, plan.context, message));
}

function showStage(ctx: StageContext): Promise<Challenge | Outcome> {
  const kind = stageKinds.get(ctx.stage.kind);
  if (!kind) throw new Error(`Stage "${ctx.stage.name}" is of kind "${ctx.stage.kind}", which this server cannot run.`);
  return kind.show(ctx);
}

/** The stage's challenge, for showing it again with errors. */
async function showChallenge(ctx: StageContext): Promise<Challenge> {
  const shown = await showStage(ctx);
  if (isOutcome(shown)) throw new Error(`Stage "${ctx.stage.name}" has no challenge to show again.`);
  return shown;
}

function stageContext(request: FlowRequest, flow: FlowRow, stage: StageRow, plan: FlowPlan): StageContext {
  return {
    db: request.db,
    session: request.session,
    flow,
    stage,
    plan,
    query: new URLSearchParams(request.query),
    origin: request.origin,
  };
}

function withFlowInfo(request: FlowRequest, flow: FlowRow, challenge: Challenge): ChallengeBody {
  return { ...challenge, flow_info: flowInfo(flow, request.query) };
}

/** Maps a response that does not match the stage's schema to authentik-style per-field errors. */
function fieldErrors(error: z.ZodError): ResponseErrors {
  const errors: ResponseErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "non_field_errors";
    const missing = issue.code === "invalid_type" && issue.input === undefined;
    const blank = issue.code === "too_small" && issue.origin === "string";
    const detail = missing
      ? { string: "This field is required.", code: "required" }
      : blank
        ? { string: "This field may not be blank.", code: "blank" }
        : { string: issue.message, code: "invalid" };
    (errors[field] ??= []).push(detail);
  }
  return errors;
}
