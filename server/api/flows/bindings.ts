import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq, ne } from "drizzle-orm";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { flowStageBindings, flows, policyBindings, stages } from "../../db/schema.ts";
import { orderingFrom, pageQuery, queryBoolean, requireSuperuser } from "../common.ts";
import { PolicyEngineMode } from "../core/applications.ts";
import type { FieldErrors } from "../validation.ts";
import { registerViewSet } from "../viewset.ts";
import { uuidLookup } from "../viewset-routes.ts";
import { FlowStageBinding, InvalidResponseActionEnum, serializeBindings } from "./binding-models.ts";

const order = z.number().int().min(-2147483648).max(2147483647);
const evaluateOnPlanHelp = "Evaluate policies during the Flow planning process.";
const reEvaluateHelp = "Evaluate policies when the Stage is presented to the user.";

const requestShape = {
  target: z.uuid(),
  stage: z.uuid(),
  evaluate_on_plan: z.boolean().optional().openapi({ description: evaluateOnPlanHelp }),
  re_evaluate_policies: z.boolean().optional().openapi({ description: reEvaluateHelp }),
  order,
  policy_engine_mode: PolicyEngineMode.optional(),
  invalid_response_action: InvalidResponseActionEnum.optional(),
};
const FlowStageBindingRequest = z.object(requestShape).openapi("FlowStageBindingRequest", { description: "FlowStageBinding Serializer" });
const PatchedFlowStageBindingRequest = z
  .object(requestShape)
  .partial()
  .openapi("PatchedFlowStageBindingRequest", { description: "FlowStageBinding Serializer" });
type BindingInput = z.infer<typeof PatchedFlowStageBindingRequest>;

const listQuery = z.object({
  ...pageQuery,
  target: z.uuid().optional(),
  stage: z.uuid().optional(),
  order: z.coerce.number().int().optional().openapi({ type: "integer" }),
  evaluate_on_plan: queryBoolean(),
  re_evaluate_policies: queryBoolean(),
  policy_engine_mode: PolicyEngineMode.optional(),
  invalid_response_action: InvalidResponseActionEnum.optional(),
});

const orderable = { order: flowStageBindings.order, target: flowStageBindings.target, stage: flowStageBindings.stage };

/** Errors for references to a flow or stage that does not exist, and for a second stage at one order. */
async function problems(db: Db, values: Required<Pick<BindingInput, "target" | "stage" | "order">>, self?: string): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const [flow] = await db.select({ pk: flows.pk }).from(flows).where(eq(flows.pk, values.target));
  const [stage] = await db.select({ pk: stages.pk }).from(stages).where(eq(stages.pk, values.stage));
  if (!flow) errors.target = [`Invalid pk "${values.target}" - object does not exist.`];
  if (!stage) errors.stage = [`Invalid pk "${values.stage}" - object does not exist.`];
  if (flow && stage) {
    const [clash] = await db
      .select({ pk: flowStageBindings.pk })
      .from(flowStageBindings)
      .where(
        and(
          eq(flowStageBindings.target, values.target),
          eq(flowStageBindings.order, values.order),
          self ? ne(flowStageBindings.pk, self) : undefined,
        ),
      );
    if (clash) errors.order = ["Another stage is already bound to this flow at this order."];
  }
  return errors;
}

/** The request's fields as columns; absent fields are left out, so a patch changes only what it names. */
const columns = (body: BindingInput) => ({
  target: body.target,
  stage: body.stage,
  order: body.order,
  evaluateOnPlan: body.evaluate_on_plan,
  reEvaluatePolicies: body.re_evaluate_policies,
  policyEngineMode: body.policy_engine_mode,
  invalidResponseAction: body.invalid_response_action,
});

export function registerFlowBindings(api: OpenAPIHono<AppEnv>) {
  registerViewSet(api, {
    tag: "flows",
    description: "FlowStageBinding Viewset",
    middleware: requireSuperuser,
    path: "/flows/bindings/",
    params: uuidLookup("fsb_uuid", "Flow Stage Binding"),
    Model: FlowStageBinding,
    Request: FlowStageBindingRequest,
    PatchedRequest: PatchedFlowStageBindingRequest,
    query: listQuery,
    listName: "PaginatedFlowStageBindingList",
    table: flowStageBindings,
    modelName: "FlowStageBinding",
    audit: {
      app: "authentik_flows",
      model_name: "flowstagebinding",
      describe: (binding) => ({ pk: binding.pk, name: `Flow-stage binding #${binding.order}` }),
    },
    filter: (_db, query) =>
      and(
        query.target ? eq(flowStageBindings.target, query.target) : undefined,
        query.stage ? eq(flowStageBindings.stage, query.stage) : undefined,
        query.order === undefined ? undefined : eq(flowStageBindings.order, query.order),
        query.evaluate_on_plan ? eq(flowStageBindings.evaluateOnPlan, query.evaluate_on_plan === "true") : undefined,
        query.re_evaluate_policies ? eq(flowStageBindings.reEvaluatePolicies, query.re_evaluate_policies === "true") : undefined,
        query.policy_engine_mode ? eq(flowStageBindings.policyEngineMode, query.policy_engine_mode) : undefined,
        query.invalid_response_action ? eq(flowStageBindings.invalidResponseAction, query.invalid_response_action) : undefined,
      ),
    orderBy: (ordering) => orderingFrom(ordering ?? "order", orderable, flowStageBindings.pk),
    serialize: serializeBindings,
    check: (db, body, existing) =>
      problems(
        db,
        { target: body.target ?? existing!.target, stage: body.stage ?? existing!.stage, order: body.order ?? existing!.order },
        existing?.pk,
      ),
    insert: (body) => ({ ...columns(body), target: body.target, stage: body.stage, order: body.order }),
    update: columns,
    // Policy bindings name their target without a foreign key, so they go with it here.
    beforeDelete: async (tx, row) => {
      await tx.delete(policyBindings).where(eq(policyBindings.target, row.pk));
    },
  });
}
