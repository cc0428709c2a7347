import { randomUUID } from "node:crypto";
import type { Session } from "../auth/session.ts";
import { cleansed } from "./cleanse.ts";

/** What stages learn about the flow's user as it runs. Stored in the session as JSON. */
export interface PlanContext {
  /** The user the flow is about, once identified. */
  pending_user?: number;
  /**
   * What the visitor typed to identify themselves. Shown instead of the matched user's username when
   * the identification stage does not show matched users, or when no such user exists.
   */
  pending_user_identifier?: string;
  /** Set when the flow was started by a redirect stage of another flow (`require_redirect`). */
  is_redirected?: boolean;
  /** Wrong passwords given in this run of the flow, for the password stage's attempt limit. */
  password_failures?: number;
  [key: string]: unknown;
}

/**
 * One stage of a plan. `binding` is the flow stage binding it came from; stages inserted while the
 * flow runs (e.g. by a stage that needs another one first) have none and run unconditionally.
 */
export interface PlannedStage {
  stage: string;
  binding?: string;
  /** Evaluate the binding's policies again just before the stage runs, and skip it if they fail. */
  reevaluate?: boolean;
  /**
   * Set for a stage that exists only in this plan, not in the database (authentik's in-memory
   * stages), e.g. the one a source adds to save the user's connection once its flow has run.
   */
  inline?: InlineStage;
}

export interface InlineStage {
  kind: string;
  name: string;
  config: Record<string, unknown>;
}

/** The stages a flow will run for this visitor, decided when the flow starts. */
export interface FlowPlan {
  flowPk: string;
  stages: PlannedStage[];
  /** The position of the current stage in `stages`. */
  index: number;
  context: PlanContext;
}

/** What the flow inspector shows of a plan: its current stage, the next one, and its context. */
export interface PlanSnapshot {
  current: PlannedStage;
  next?: PlannedStage;
  context: PlanContext;
}

const planKey = (slug: string) => `flow_plan:${slug}`;
const historyKey = (slug: string) => `flow_history:${slug}`;
const redirectedKey = (slug: string) => `flow_redirected:${slug}`;

/** The flow's plan in this session; a plan saved by an older version of the server is dropped, and the flow starts over. */
export function getPlan(session: Session, slug: string): FlowPlan | undefined {
  const plan = session.get<FlowPlan>(planKey(slug));
  return plan && Array.isArray(plan.stages) && plan.stages.every((s) => typeof s?.stage === "string") ? plan : undefined;
}

export const savePlan = (session: Session, slug: string, plan: FlowPlan) => session.set(planKey(slug), plan);
export const clearPlan = (session: Session, slug: string) => session.set(planKey(slug), undefined);

/** Forgets every flow in progress (cancel). The history stays, so the inspector can still show it. */
export function clearAllPlans(session: Session): void {
  for (const key of Object.keys(session.data)) if (key.startsWith("flow_plan:")) session.set(key, undefined);
}

/** Puts a stage right after the current one, e.g. a setup stage the current stage needs first. */
export function insertStage(plan: FlowPlan, stage: string): void {
  plan.stages.splice(plan.index + 1, 0, { stage });
}

/** Adds a stage that exists only in this plan at its end. */
export function appendInlineStage(plan: FlowPlan, inline: InlineStage): void {
  plan.stages.push({ stage: randomUUID(), inline });
}

/** An inline stage as a stage row, for code that runs or shows stages; undefined for a stage in the database. */
export const inlineStageRow = (planned: PlannedStage) => planned.inline && { pk: planned.stage, ...planned.inline };

export function snapshot(plan: FlowPlan): PlanSnapshot | undefined {
  const current = plan.stages[plan.index];
  if (!current) return undefined;
  // Kept in the session for the inspector: passwords typed into prompts are not kept with it.
  const context = structuredClone(plan.context);
  if (context.prompt_data) context.prompt_data = cleansed(context.prompt_data);
  return { current, next: plan.stages[plan.index + 1], context };
}

/** The plans of the flow's current run as each stage was passed, oldest first. */
export const getHistory = (session: Session, slug: string) => session.get<PlanSnapshot[]>(historyKey(slug)) ?? [];
export const resetHistory = (session: Session, slug: string) => session.set(historyKey(slug), []);

/** Records the plan as it is when its current stage is passed. */
export function recordPassedStage(session: Session, slug: string, plan: FlowPlan): void {
  const taken = snapshot(plan);
  if (taken) session.set(historyKey(slug), [...getHistory(session, slug), taken]);
}

/** Lets the flow `slug` start once as "redirected" (`require_redirect`); called by a stage that sends the visitor there. */
export const markRedirected = (session: Session, slug: string) => session.set(redirectedKey(slug), true);

/** Whether the flow was marked as redirected to; the mark is used up. */
export function takeRedirected(session: Session, slug: string): boolean {
  const marked = session.get<boolean>(redirectedKey(slug)) === true;
  if (marked) session.set(redirectedKey(slug), undefined);
  return marked;
}
