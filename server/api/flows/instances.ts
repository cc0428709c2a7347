import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, asc, count, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import type { AppEnv } from "../../context.ts";
import { flowStageBindings, flows } from "../../db/schema.ts";
import { orderingFrom, pageQuery, pageWindow, paginated, pagination, requireSuperuser, responses } from "../common.ts";
import { DeniedActionEnum, Flow, FlowDesignationEnum, serializeFlow } from "./flow-models.ts";

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
    const where = and(...filters);
    const window = pageWindow(query);
    const [{ total }] = await db.select({ total: count() }).from(flows).where(where);
    const rows = await db
      .select()
      .from(flows)
      .where(where)
      .orderBy(...orderingFrom(query.ordering, orderable, flows.slug), asc(flows.pk))
      .limit(window.pageSize)
      .offset(window.offset);
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
    return c.json({ pagination: pagination(total, window), results }, 200);
  });
}
