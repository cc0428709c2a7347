import type { FlowPlan } from "../plan.ts";

/** What prompt stages (and invitations' fixed data) collected, by field key: authentik's `prompt_data`. */
export type PromptData = Record<string, unknown>;

declare module "../plan.ts" {
  interface PlanContext {
    prompt_data?: PromptData;
  }
}

export const promptData = (plan: FlowPlan): PromptData => plan.context.prompt_data ?? {};

export function mergePromptData(plan: FlowPlan, values: PromptData): void {
  plan.context.prompt_data = { ...promptData(plan), ...values };
}
