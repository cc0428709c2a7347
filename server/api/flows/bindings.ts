import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, count, eq, ne, type SQL } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { flowStageBindings, flows, policyBindings, stages } from "../../db/schema.ts";
import { applyChange, type AdminModel } from "../../audit/changes.ts";
import {
  createdResponses,
  noContentResponses,
  notFound,
  objectResponses,
  orderingFrom,
  pageQuery,
  pageWindow,
  paginated,
  pagination,
  queryBoolean,
  requireSuperuser,
  responses,
} from "../common.ts";
import { PolicyEngineMode } from "../core/applications.ts";
import type { FieldErrors } from "../validation.ts";
import { FlowStageBinding, InvalidResponseActionEnum, serializeBindings, type BindingRow } from "./binding-models.ts";

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

const common = { tags: ["flows"], description: "FlowStageBinding Viewset", middleware: requireSuperuser };
const params = z.object({ fsb_uuid: z.uuid().openapi({ description: "A UUID string identifying this Flow Stage Binding." }) });
const itemPath = "/flows/bindings/{fsb_uuid}/";

const bindingModel: AdminModel<BindingRow> = {
  app: "authentik_flows",
  model_name: "flowstagebinding",
  describe: (binding) => ({ pk: binding.pk, name: `Flow-stage binding #${binding.order}` }),
};

const orderable = { order: flowStageBindings.order, target: flowStageBindings.target, stage: flowStageBindings.stage };

const listRoute = createRoute({
  ...common,
  method: "get",
  path: "/flows/bindings/",
  operationId: "flows_bindings_list",
  request: {
    query: z.object({
      ...pageQuery,
      target: z.uuid().optional(),
      stage: z.uuid().optional(),
      order: z.coerce.number().int().optional().openapi({ type: "integer" }),
      evaluate_on_plan: queryBoolean(),
      re_evaluate_policies: queryBoolean(),
      policy_engine_mode: PolicyEngineMode.optional(),
      invalid_response_action: InvalidResponseActionEnum.optional(),
    }),
  },
  responses: responses(paginated(FlowStageBinding, "PaginatedFlowStageBindingList")),
});

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

async function serializeOne(c: Context<AppEnv>, row: BindingRow) {
  const [serialized] = await serializeBindings(c.get("deps").db, [row]);
  return serialized;
}

async function findBinding(c: Context<AppEnv>, pk: string) {
  const [row] = await c.get("deps").db.select().from(flowStageBindings).where(eq(flowStageBindings.pk, pk));
  return row;
}

export function registerFlowBindings(api: OpenAPIHono<AppEnv>) {
  api.openapi(listRoute, async (c) => {
    const { db } = c.get("deps");
    const query = c.req.valid("query");
    const filters: (SQL | undefined)[] = [
      query.target ? eq(flowStageBindings.target, query.target) : undefined,
      query.stage ? eq(flowStageBindings.stage, query.stage) : undefined,
      query.order === undefined ? undefined : eq(flowStageBindings.order, query.order),
      query.evaluate_on_plan ? eq(flowStageBindings.evaluateOnPlan, query.evaluate_on_plan === "true") : undefined,
      query.re_evaluate_policies ? eq(flowStageBindings.reEvaluatePolicies, query.re_evaluate_policies === "true") : undefined,
      query.policy_engine_mode ? eq(flowStageBindings.policyEngineMode, query.policy_engine_mode) : undefined,
      query.invalid_response_action ? eq(flowStageBindings.invalidResponseAction, query.invalid_response_action) : undefined,
    ];
    const where = and(...filters);
    const window = pageWindow(query);
    const [{ total }] = await db.select({ total: count() }).from(flowStageBindings).where(where);
    const rows = await db
      .select()
      .from(flowStageBindings)
      .where(where)
      .orderBy(...orderingFrom(query.ordering ?? "order", orderable, flowStageBindings.pk))
      .limit(window.pageSize)
      .offset(window.offset);
    return c.json({ pagination: pagination(total, window), results: await serializeBindings(db, rows) }, 200);
  });

  api.openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/flows/bindings/",
      operationId: "flows_bindings_create",
      request: { body: { content: { "application/json": { schema: FlowStageBindingRequest } }, required: true } },
      responses: createdResponses(FlowStageBinding),
    }),
    async (c) => {
      const body = c.req.valid("json");
      const errors = await problems(c.get("deps").db, body);
      if (Object.keys(errors).length) return c.json(errors, 400);
      const row = await applyChange(c, "model_created", bindingModel, async (tx) => {
        const [inserted] = await tx.insert(flowStageBindings).values({ ...columns(body), target: body.target, stage: body.stage, order: body.order }).returning();
        return inserted;
      });
      return c.json(await serializeOne(c, row), 201);
    },
  );

  api.openapi(
    createRoute({ ...common, method: "get", path: itemPath, operationId: "flows_bindings_retrieve", request: { params }, responses: objectResponses(FlowStageBinding) }),
    async (c) => {
      const row = await findBinding(c, c.req.valid("param").fsb_uuid);
      return row ? c.json(await serializeOne(c, row), 200) : notFound(c, "FlowStageBinding");
    },
  );

  for (const [method, schema, operationId] of [
    ["put", FlowStageBindingRequest, "flows_bindings_update"],
    ["patch", PatchedFlowStageBindingRequest, "flows_bindings_partial_update"],
  ] as const) {
    api.openapi(
      createRoute({
        ...common,
        method,
        path: itemPath,
        operationId,
        request: { params, body: { content: { "application/json": { schema } }, required: method === "put" } },
        responses: objectResponses(FlowStageBinding),
      }),
      async (c) => {
        const row = await findBinding(c, c.req.valid("param").fsb_uuid);
        if (!row) return notFound(c, "FlowStageBinding");
        const body: BindingInput = c.req.valid("json");
        const merged = { target: body.target ?? row.target, stage: body.stage ?? row.stage, order: body.order ?? row.order };
        const errors = await problems(c.get("deps").db, merged, row.pk);
        if (Object.keys(errors).length) return c.json(errors, 400);
        const updated = await applyChange(c, "model_updated", bindingModel, async (tx) => {
          const [changed] = await tx.update(flowStageBindings).set(columns(body)).where(eq(flowStageBindings.pk, row.pk)).returning();
          return changed;
        });
        return c.json(await serializeOne(c, updated), 200);
      },
    );
  }

  api.openapi(
    createRoute({ ...common, method: "delete", path: itemPath, operationId: "flows_bindings_destroy", request: { params }, responses: noContentResponses() }),
    async (c) => {
      const row = await findBinding(c, c.req.valid("param").fsb_uuid);
      if (!row) return notFound(c, "FlowStageBinding");
      await applyChange(c, "model_deleted", bindingModel, async (tx) => {
        // Policy bindings name their target without a foreign key, so they go with it here.
        await tx.delete(policyBindings).where(eq(policyBindings.target, row.pk));
        await tx.delete(flowStageBindings).where(eq(flowStageBindings.pk, row.pk));
        return row;
      });
      return c.body(null, 204);
    },
  );
}
