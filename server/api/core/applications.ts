import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
import type { AppEnv } from "../../context.ts";
import { applications } from "../../db/schema.ts";
import { orderingFrom, pageQuery, pageWindow, paginated, pagination, requireUser, responses } from "../common.ts";

export const PolicyEngineMode = z.enum(["all", "any"]).openapi("PolicyEngineMode");

export const Application = z
  .object({
    pk: z.uuid().openapi({ readOnly: true }),
    name: z.string(),
    slug: z.string().max(50).regex(/^[-a-zA-Z0-9_]+$/),
    provider: z.number().int().nullable().optional(),
    backchannel_providers: z.array(z.number().int()).optional(),
    launch_url: z.string().nullable().openapi({ readOnly: true }),
    open_in_new_tab: z.boolean().optional(),
    meta_launch_url: z.string().optional().openapi({ format: "uri" }),
    meta_icon: z.string().nullable().openapi({ readOnly: true }),
    meta_description: z.string().optional(),
    meta_publisher: z.string().optional(),
    policy_engine_mode: PolicyEngineMode.optional(),
    group: z.string().optional(),
  })
  .openapi("Application", { description: "Application Serializer" });

const orderable = { name: applications.name, slug: applications.slug, group: applications.group };

const listRoute = createRoute({
  method: "get",
  path: "/core/applications/",
  operationId: "core_applications_list",
  tags: ["core"],
  description: "Application Viewset",
  // Any signed-in user may list applications; with no policy bindings yet, every user may use every application.
  middleware: [requireUser] as const,
  request: { query: z.object({ ...pageQuery, slug: z.string().optional(), name: z.string().optional() }) },
  responses: responses(paginated(Application, "PaginatedApplicationList")),
});

export function registerApplications(api: OpenAPIHono<AppEnv>) {
  api.openapi(listRoute, async (c) => {
    const { db } = c.get("deps");
    const query = c.req.valid("query");
    const filters: (SQL | undefined)[] = [];
    if (query.search) {
      const term = `%${query.search}%`;
      filters.push(or(ilike(applications.name, term), ilike(applications.slug, term)));
    }
    if (query.slug) filters.push(eq(applications.slug, query.slug));
    if (query.name) filters.push(eq(applications.name, query.name));
    const where = and(...filters);
    const window = pageWindow(query);
    const [{ total }] = await db.select({ total: count() }).from(applications).where(where);
    const rows = await db
      .select()
      .from(applications)
      .where(where)
      .orderBy(...orderingFrom(query.ordering, orderable, applications.name), asc(applications.pk))
      .limit(window.pageSize)
      .offset(window.offset);
    const results = rows.map((app): z.infer<typeof Application> => ({
      pk: app.pk,
      name: app.name,
      slug: app.slug,
      provider: null,
      backchannel_providers: [],
      launch_url: app.metaLaunchUrl || null,
      open_in_new_tab: app.openInNewTab,
      meta_launch_url: app.metaLaunchUrl,
      meta_icon: null,
      meta_description: app.metaDescription,
      meta_publisher: app.metaPublisher,
      policy_engine_mode: app.policyEngineMode as z.infer<typeof PolicyEngineMode>,
      group: app.group,
    }));
    return c.json({ pagination: pagination(total, window), results }, 200);
  });
}
