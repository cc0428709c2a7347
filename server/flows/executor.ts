import { asc, eq } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { Session } from "../auth/session.ts";
import type { Db } from "../db/client.ts";
import { flowStageBindings, flows, stages } from "../db/schema.ts";
import { isSuperuser } from "../directory/users.ts";
import { flowBackground, type FlowRow } from "../api/flows/flow-models.ts";
import type { FlowInfo, ResponseErrors } from "./challenge.ts";
import { clearPlan, getPlan, savePlan, type FlowPlan } from "./plan.ts";
import { pendingUser, pendingUserFields } from "./pending-user.ts";
import { safeNext } from "./next-url.ts";
import { stageKinds } from "./stages/index.ts";
import type { Challenge, Outcome, StageContext, StageRow } from "./stage.ts";

export interface FlowRequest {
  db: Db;
  session: Session;
  slug: string;
  /** The flow page's own query string. */
  query: string;
}

export type ChallengeBody = Challenge & { flow_info: FlowInfo; response_errors?: ResponseErrors };

export class FlowNotFound extends Error {}

const isOutcome = (value: Challenge | Outcome): value is Outcome => "type" in value && !("component" in value);

/** Returns the challenge of the flow's current stage, planning the flow first if it has not started. */
export async function currentChallenge(request: FlowRequest): Promise<ChallengeBody> {
  const flow = await loadFlow(request);
  const plan = getPlan(request.session, flow.slug) ?? (await startPlan(request, flow));
  if (!plan) return denied(request, flow, undefined, requirementMessage(flow));
  return advance(request, flow, plan);
}

/** Hands a response to the current stage and returns what comes next. */
export async function solveChallenge(request: FlowRequest, body: unknown): Promise<ChallengeBody> {
  const flow = await loadFlow(request);
  const plan = getPlan(request.session, flow.slug);
  if (!plan) return currentChallenge(request);
  const stage = await loadStage(request.db, plan.stages[plan.index]);
  const interaction = stageKinds.get(stage.kind)?.interaction;
  if (!interaction) return advance(request, flow, plan);
  const ctx = stageContext(request, flow, stage, plan);
  const parsed = interaction.responseSchema.safeParse(body);
  const outcome = parsed.success ? await interaction.submit(ctx, parsed.data) : ({ type: "invalid", errors: fieldErrors(parsed.error) } as const);
  savePlan(request.session, flow.slug, plan);
  switch (outcome.type) {
    case "next":
      plan.index += 1;
      return advance(request, flow, plan);
    case "invalid":
      return withFlowInfo(flow, { ...(await showChallenge(ctx)), response_errors: outcome.errors });
    case "deny":
      return denied(request, flow, plan, outcome.message);
  }
}

async function loadFlow({ db, slug }: FlowRequest): Promise<FlowRow> {
  const [flow] = await db.select().from(flows).where(eq(flows.slug, slug));
  if (!flow) throw new FlowNotFound(`No flow with slug "${slug}".`);
  return flow;
}

async function loadStage(db: Db, pk: string): Promise<StageRow> {
  const [stage] = await db.select().from(stages).where(eq(stages.pk, pk));
  if (!stage) throw new Error(`Stage ${pk} of the plan no longer exists.`);
  return stage;
}

async function startPlan({ db, session }: FlowRequest, flow: FlowRow): Promise<FlowPlan | undefined> {
  if (!(await meetsRequirement(db, session, flow))) return undefined;
  const bindings = await db
    .select({ stage: flowStageBindings.stage })
    .from(flowStageBindings)
    .where(eq(flowStageBindings.target, flow.pk))
    .orderBy(asc(flowStageBindings.order));
  return { flowPk: flow.pk, stages: bindings.map((b) => b.stage), index: 0, context: {} };
}

async function meetsRequirement(db: Db, session: Session, flow: FlowRow): Promise<boolean> {
  switch (flow.authentication) {
    case "require_authenticated":
      return session.user !== null;
    case "require_unauthenticated":
      return session.user === null;
    case "require_superuser":
      return session.user !== null && (await isSuperuser(db, session.user.pk));
    default:
      return true;
  }
}

function requirementMessage(flow: FlowRow): string {
  switch (flow.authentication) {
    case "require_authenticated":
      return "Sign in to continue.";
    case "require_unauthenticated":
      return "You are already signed in. Sign out first to use this flow.";
    default:
      return "You do not have permission to use this flow.";
  }
}

/** Runs stages from the plan's current position until one needs input, denies, or the flow ends. */
async function advance(request: FlowRequest, flow: FlowRow, plan: FlowPlan): Promise<ChallengeBody> {
  while (plan.index < plan.stages.length) {
    const stage = await loadStage(request.db, plan.stages[plan.index]);
    const ctx = stageContext(request, flow, stage, plan);
    const shown = await showStage(ctx);
    if (!isOutcome(shown)) {
      savePlan(request.session, flow.slug, plan);
      return withFlowInfo(flow, shown);
    }
    if (shown.type === "deny") return denied(request, flow, plan, shown.message);
    plan.index += 1;
  }
  clearPlan(request.session, flow.slug);
  const next = new URLSearchParams(request.query).get("next");
  return withFlowInfo(flow, { component: "xak-flow-redirect", to: safeNext(next) });
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

async function denied(request: FlowRequest, flow: FlowRow, plan: FlowPlan | undefined, message: string) {
  clearPlan(request.session, flow.slug);
  const context = plan?.context ?? {};
  const user = plan ? await pendingUser(request.db, context) : (request.session.user ?? undefined);
  return withFlowInfo(flow, {
    component: "ak-stage-access-denied",
    ...pendingUserFields(user, context),
    error_message: message,
  });
}

function stageContext(request: FlowRequest, flow: FlowRow, stage: StageRow, plan: FlowPlan): StageContext {
  return { db: request.db, session: request.session, flow, stage, plan, query: new URLSearchParams(request.query) };
}

export function flowInfo(flow: FlowRow): FlowInfo {
  return {
    title: flow.title,
    background: flowBackground(flow),
    cancel_url: "/flows/-/cancel/",
    layout: flow.layout as FlowInfo["layout"],
  };
}

function withFlowInfo(flow: FlowRow, challenge: Challenge): ChallengeBody {
  return { ...challenge, flow_info: flowInfo(flow) };
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
