import { z } from "@hono/zod-openapi";
import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { flowStageBindings, stages } from "../../db/schema.ts";
import { PolicyEngineMode } from "../core/applications.ts";
import { Stage, serializeStage } from "../stages/stage-models.ts";

export type BindingRow = typeof flowStageBindings.$inferSelect;

export const InvalidResponseActionEnum = z.enum(["retry", "restart", "restart_with_context"]).openapi("InvalidResponseActionEnum");

export const FlowStageBinding = z
  .object({
    pk: z.uuid().openapi({ readOnly: true, title: "Fsb uuid" }),
    policybindingmodel_ptr_id: z.uuid().openapi({ readOnly: true }),
    target: z.uuid(),
    stage: z.uuid(),
    stage_obj: Stage.openapi({ readOnly: true }),
    evaluate_on_plan: z.boolean().optional(),
    re_evaluate_policies: z.boolean().optional(),
    order: z.number().int().min(-2147483648).max(2147483647),
    policy_engine_mode: PolicyEngineMode.optional(),
    invalid_response_action: InvalidResponseActionEnum.optional(),
  })
  .openapi("FlowStageBinding", { description: "FlowStageBinding Serializer" });

export type FlowStageBindingBody = z.infer<typeof FlowStageBinding>;

/** The bindings as the API shows them, each with its stage. */
export async function serializeBindings(db: Db, rows: BindingRow[]): Promise<FlowStageBindingBody[]> {
  const stagePks = [...new Set(rows.map((row) => row.stage))];
  const stageRows = stagePks.length ? await db.select().from(stages).where(inArray(stages.pk, stagePks)) : [];
  const byPk = new Map(stageRows.map((stage) => [stage.pk, stage]));
  return rows.flatMap((row) => {
    const stage = byPk.get(row.stage);
    return stage ? [serializeBinding(row, stage)] : [];
  });
}

export function serializeBinding(row: BindingRow, stage: typeof stages.$inferSelect): FlowStageBindingBody {
  return {
    pk: row.pk,
    policybindingmodel_ptr_id: row.pk,
    target: row.target,
    stage: row.stage,
    stage_obj: serializeStage(stage),
    evaluate_on_plan: row.evaluateOnPlan,
    re_evaluate_policies: row.reEvaluatePolicies,
    order: row.order,
    policy_engine_mode: row.policyEngineMode as FlowStageBindingBody["policy_engine_mode"],
    invalid_response_action: row.invalidResponseAction as FlowStageBindingBody["invalid_response_action"],
  };
}
