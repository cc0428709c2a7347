import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq, ilike, or, type SQL } from "drizzle-orm";
import { applicationModel } from "../../audit/admin-models.ts";
import { applyChange } from "../../audit/changes.ts";
import type { AppEnv } from "../../context.ts";
import { applications } from "../../db/schema.ts";
import { createdResponses, orderingFrom, pageQuery, paginated, requireSuperuser, requireUser, responses, selectPage } from "../common.ts";

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

/** A launch URL is an absolute http(s) URL (or none): anything else would be a script or a dead link. */
const launchUrl = z
  .string()
  .refine((value) => value === "" || /^https?:\/\/[^\s/]/i.test(value), { message: "Enter a valid URL." })
  .openapi({ format: "uri" });

const ApplicationRequest = z
  .object({
    name: z.string().trim().min(1),
    slug: z.string().min(1).max(50).regex(/^[-a-zA-Z0-9_]+$/, { message: "Use only letters, numbers, hyphens and underscores." }),
    open_in_new_tab: z.boolean().optional(),
    meta_launch_url: launchUrl.optional(),
    meta_description: z.string().optional(),
    meta_publisher: z.string().optional(),
    policy_engine_mode: PolicyEngineMode.optional(),
    group: z.string().optional(),
  })
  .openapi("ApplicationRequest", { description: "Application Serializer" });

type ApplicationRow = typeof applications.$inferSelect;

function serializeApplication(app: ApplicationRow): z.infer<typeof Application> {
  return {
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
  };
}

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

const createApplicationRoute = createRoute({
  method: "post",
  path: "/core/applications/",
  operationId: "core_applications_create",
  tags: ["core"],
  description: "Application Viewset",
  middleware: [requireSuperuser] as const,
  request: { body: { content: { "application/json": { schema: ApplicationRequest } }, required: true } },
  responses: createdResponses(Application),
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
    const ordering = orderingFrom(query.ordering, orderable, applications.name, applications.pk);
    const page = await selectPage(db, applications, and(...filters), ordering, query);
    return c.json({ pagination: page.pagination, results: page.rows.map(serializeApplication) }, 200);
  });

  api.openapi(createApplicationRoute, async (c) => {
    const { db } = c.get("deps");
    const body = c.req.valid("json");
    const [clash] = await db.select({ pk: applications.pk }).from(applications).where(eq(applications.slug, body.slug));
    if (clash) return c.json({ slug: ["Application with this slug already exists."] }, 400);
    const app = await applyChange(c, "model_created", applicationModel, async (tx) => {
      const [inserted] = await tx
        .insert(applications)
        .values({
          name: body.name,
          slug: body.slug,
          group: body.group,
          metaLaunchUrl: body.meta_launch_url,
          metaDescription: body.meta_description,
          metaPublisher: body.meta_publisher,
          openInNewTab: body.open_in_new_tab,
          policyEngineMode: body.policy_engine_mode,
        })
        .returning();
      return inserted;
    });
    return c.json(serializeApplication(app), 201);
  });
}
