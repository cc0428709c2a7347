import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { AppEnv } from "../../context.ts";
import { flows } from "../../db/schema.ts";
import { inspectFlow } from "../../flows/inspection.ts";
import { notFound, objectResponses, requireSuperuser } from "../common.ts";
import { FlowStageBinding } from "./binding-models.ts";

const FlowInspectorPlan = z
  .object({
    current_stage: FlowStageBinding,
    next_planned_stage: FlowStageBinding.optional(),
    plan_context: z.record(z.string(), z.unknown()).openapi({ readOnly: true, description: "Get the plan's context, sanitized" }),
    session_id: z.string().openapi({ readOnly: true, description: "Get a unique session ID" }),
  })
  .openapi("FlowInspectorPlan", { description: "Serializer for an active FlowPlan" });

const FlowInspection = z
  .object({ plans: z.array(FlowInspectorPlan), current_plan: FlowInspectorPlan.optional(), is_completed: z.boolean() })
  .openapi("FlowInspection", { description: "Serializer for inspect endpoint" });

const route = createRoute({
  method: "get",
  path: "/flows/inspector/{flow_slug}/",
  operationId: "flows_inspector_get",
  tags: ["flows"],
  description: "Get current flow state and record it",
  middleware: requireSuperuser,
  request: { params: z.object({ flow_slug: z.string() }) },
  responses: objectResponses(FlowInspection),
});

/** The flow inspector: the plans of the flow as it runs in the caller's session, for superusers. */
export function registerFlowInspector(api: OpenAPIHono<AppEnv>) {
  api.openapi(route, async (c) => {
    const { db } = c.get("deps");
    const [flow] = await db.select().from(flows).where(eq(flows.slug, c.req.valid("param").flow_slug));
    if (!flow) return notFound(c, "Flow");
    const inspection = await inspectFlow(db, c.get("session"), flow);
    if (!inspection) return c.json({ non_field_errors: ["No flow plan in session."], code: "no_plan" }, 400);
    return c.json(inspection, 200);
  });
}
