import { describe, expect, it } from "vitest";
import { contextText, planSteps, type InspectedBinding, type Inspection } from "../../src/flow/inspector/inspector-api.ts";

const binding = (name: string) => ({ pk: name, stage_obj: { name } }) as unknown as InspectedBinding;
const plan = (current: string, next?: string) => ({
  current_stage: binding(current),
  ...(next && { next_planned_stage: binding(next) }),
  plan_context: {},
  session_id: "s",
});
const steps = (inspection: Inspection) => planSteps(inspection).map(({ binding, state }) => `${binding.stage_obj.name}:${state}`);

describe("the flow inspector's plan", () => {
  it("lists the stages passed, the current one and the next, in order", () => {
    expect(steps({ plans: [plan("identify", "password")], current_plan: plan("password", "login"), is_completed: false })).toEqual([
      "identify:done",
      "password:current",
      "login:next",
    ]);
  });

  it("lists only the stages passed once the flow is complete", () => {
    expect(steps({ plans: [plan("identify", "password"), plan("password")], current_plan: plan("password"), is_completed: true })).toEqual([
      "identify:done",
      "password:done",
    ]);
  });

  it("shows context values as text: strings as they are, the rest as JSON", () => {
    expect(contextText("akadmin")).toBe("akadmin");
    expect(contextText({ pk: 1 })).toBe('{\n  "pk": 1\n}');
    expect(contextText(3)).toBe("3");
  });
});
