import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import { flowModel } from "../../audit/admin-models.ts";
import { applyChange } from "../../audit/changes.ts";
import type { AppEnv } from "../../context.ts";
import { flowStageBindings, flows } from "../../db/schema.ts";
import { createdResponses, orderingFrom, pageQuery, paginated, requireSuperuser, responses, selectPage } from "../common.ts";
import { DeniedActionEnum, Flow, FlowDesignationEnum, serializeFlow } from "./flow-models.ts";
import { FlowRequest, flowColumns } from "./flow-requests.ts";

const orderable = { slug: flows.slug, name: flows.name, title: flows.title, designation: flows.designation };

const listRoute = createRoute({
  method: "get",
  path: "/flows/instances/",
  operationId: "flows_instances_list",
  tags: ["flows"],
  description: "Flow Viewset",
  middleware: [requireSuperuser] as const,
  request: {
    query: z.object({
      ...pageQuery,
      designation: FlowDesignationEnum.optional(),
      denied_action: DeniedActionEnum.optional(),
      slug: z.string().optional(),
      name: z.string().optional(),
    }),
  },
  responses: responses(paginated(Flow, "PaginatedFlowList")),
});

const createFlowRoute = createRoute({
  method: "post",
  path: "/flows/instances/",
  operationId: "flows_instances_create",
  tags: ["flows"],
  description: "Flow Viewset",
  middleware: [requireSuperuser] as const,
  request: { body: { content: { "application/json": { schema: FlowRequest } }, required: true } },
  responses: createdResponses(Flow),
});

export function registerFlowInstances(api: OpenAPIHono<AppEnv>) {
  api.openapi(listRoute, async (c) => {
    const { db } = c.get("deps");
    const query = c.req.valid("query");
    const filters: (SQL | undefined)[] = [];
    if (query.search) {
      const term = `%${query.search}%`;
      filters.push(or(ilike(flows.name, term), ilike(flows.slug, term), ilike(flows.title, term)));
    }
    if (query.designation) filters.push(eq(flows.designation, query.designation));
    if (query.denied_action) filters.push(eq(flows.deniedAction, query.denied_action));
    if (query.slug) filters.push(eq(flows.slug, query.slug));
    if (query.name) filters.push(eq(flows.name, query.name));
    const { rows, pagination } = await selectPage(db, flows, and(...filters), orderingFrom(query.ordering, orderable, flows.slug, flows.pk), query);
    const bindings = rows.length
      ? await db
          .select({ target: flowStageBindings.target, stage: flowStageBindings.stage })
          .from(flowStageBindings)
          .where(
            inArray(
              flowStageBindings.target,
              rows.map((f) => f.pk),
            ),
          )
          .orderBy(flowStageBindings.order)
      : [];
    const results = rows.map((flow) =>
      serializeFlow(
        flow,
        bindings.filter((b) => b.target === flow.pk).map((b) => b.stage),
      ),
    );
    return c.json({ pagination, results }, 200);
  });

  api.openapi(createFlowRoute, async (c) => {
    const { db } = c.get("deps");
    const body = c.req.valid("json");
    const [clash] = await db.select({ pk: flows.pk }).from(flows).where(eq(flows.slug, body.slug));
    if (clash) return c.json({ slug: ["Flow with this slug already exists."] }, 400);
    const flow = await applyChange(c, "model_created", flowModel, async (tx) => {
      const [inserted] = await tx
        .insert(flows)
        .values({ ...flowColumns(body), name: body.name, slug: body.slug, title: body.title, designation: body.designation })
        .returning();
      return inserted;
    });
    return c.json(serializeFlow(flow, []), 201);
  });
}
