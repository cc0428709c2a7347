import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import type { AppEnv } from "../../context.ts";
import { flowStageBindings, flows, stages } from "../../db/schema.ts";
import { createdResponses, requireSuperuser } from "../common.ts";
import { PolicyEngineMode } from "../core/applications.ts";
import { Stage, serializeStage } from "../stages/stage-models.ts";

const InvalidResponseActionEnum = z.enum(["retry", "restart", "restart_with_context"]).openapi("InvalidResponseActionEnum");
const order = z.number().int().min(-2147483648).max(2147483647);

const FlowStageBinding = z
  .object({
    pk: z.uuid().openapi({ readOnly: true }),
    policybindingmodel_ptr_id: z.uuid().openapi({ readOnly: true }),
    target: z.uuid(),
    stage: z.uuid(),
    stage_obj: Stage.openapi({ readOnly: true }),
    evaluate_on_plan: z.boolean().optional(),
    re_evaluate_policies: z.boolean().optional(),
    order,
    policy_engine_mode: PolicyEngineMode.optional(),
    invalid_response_action: InvalidResponseActionEnum.optional(),
  })
  .openapi("FlowStageBinding", { description: "FlowStageBinding Serializer" });

const FlowStageBindingRequest = z
  .object({
    target: z.uuid(),
    stage: z.uuid(),
    evaluate_on_plan: z.boolean().optional(),
    re_evaluate_policies: z.boolean().optional(),
    order,
  })
  .openapi("FlowStageBindingRequest", { description: "FlowStageBinding Serializer" });

const createBindingRoute = createRoute({
  method: "post",
  path: "/flows/bindings/",
  operationId: "flows_bindings_create",
  tags: ["flows"],
  description: "FlowStageBinding Viewset",
  middleware: [requireSuperuser] as const,
  request: { body: { content: { "application/json": { schema: FlowStageBindingRequest } }, required: true } },
  responses: createdResponses(FlowStageBinding),
});

export function registerFlowBindings(api: OpenAPIHono<AppEnv>) {
  api.openapi(createBindingRoute, async (c) => {
    const { db } = c.get("deps");
    const body = c.req.valid("json");
    const [flow] = await db.select({ pk: flows.pk }).from(flows).where(eq(flows.pk, body.target));
    const [stage] = await db.select().from(stages).where(eq(stages.pk, body.stage));
    const errors: Record<string, string[]> = {};
    if (!flow) errors.target = [`Invalid pk "${body.target}" - object does not exist.`];
    if (!stage) errors.stage = [`Invalid pk "${body.stage}" - object does not exist.`];
    if (flow && stage) {
      const [clash] = await db
        .select({ pk: flowStageBindings.pk })
        .from(flowStageBindings)
        .where(and(eq(flowStageBindings.target, body.target), eq(flowStageBindings.order, body.order)));
      if (clash) errors.order = ["Another stage is already bound to this flow at this order."];
    }
    if (Object.keys(errors).length) return c.json(errors, 400);
    const [binding] = await db
      .insert(flowStageBindings)
      .values({
        target: body.target,
        stage: body.stage,
        order: body.order,
        evaluateOnPlan: body.evaluate_on_plan,
        reEvaluatePolicies: body.re_evaluate_policies,
      })
      .returning();
    return c.json(
      {
        pk: binding.pk,
        policybindingmodel_ptr_id: binding.pk,
        target: binding.target,
        stage: binding.stage,
        stage_obj: serializeStage(stage!),
        evaluate_on_plan: binding.evaluateOnPlan,
        re_evaluate_policies: binding.reEvaluatePolicies,
        order: binding.order,
        policy_engine_mode: "any" as const,
        invalid_response_action: "retry" as const,
      },
      201,
    );
  });
}
