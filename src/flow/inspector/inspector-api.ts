import { api, unwrap } from "../../api/client.ts";
import type { components } from "../../api/schema.d.ts";
import { ForbiddenError, ValidationError } from "../../api/errors.ts";

export type Inspection = components["schemas"]["FlowInspection"];
export type InspectedPlan = components["schemas"]["FlowInspectorPlan"];
export type InspectedBinding = components["schemas"]["FlowStageBinding"];

/** What the inspector can show: the flow's plans, nothing yet (no plan in this session), or nothing at all (not an administrator). */
export type InspectionResult = { kind: "plans"; inspection: Inspection } | { kind: "not-started" } | { kind: "forbidden" };

export async function fetchInspection(slug: string): Promise<InspectionResult> {
  try {
    const inspection = await unwrap(api.GET("/flows/inspector/{flow_slug}/", { params: { path: { flow_slug: slug } } }));
    return { kind: "plans", inspection };
  } catch (error) {
    if (error instanceof ValidationError) return { kind: "not-started" };
    if (error instanceof ForbiddenError) return { kind: "forbidden" };
    throw error;
  }
}

export type StepState = "done" | "current" | "next";

/** The plan's stages in order: those passed, the current one, and the one planned next. */
export function planSteps({ plans, current_plan, is_completed }: Inspection): { binding: InspectedBinding; state: StepState }[] {
  const done = plans.map((plan) => ({ binding: plan.current_stage, state: "done" as const }));
  if (is_completed || !current_plan) return done;
  const next = current_plan.next_planned_stage;
  return [...done, { binding: current_plan.current_stage, state: "current" }, ...(next ? [{ binding: next, state: "next" as const }] : [])];
}

/** A context value as readable text: strings as they are, anything else as indented JSON. */
export const contextText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value, null, 2));
