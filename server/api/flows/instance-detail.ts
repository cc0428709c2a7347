import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { asc, eq } from "drizzle-orm";
import type { Context } from "hono";
import { flowModel } from "../../audit/admin-models.ts";
import { applyChange } from "../../audit/changes.ts";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { flowStageBindings, flows } from "../../db/schema.ts";
import { FilePathRequest, assetUrlError, isAssetUrl } from "../asset-url.ts";
import { GenericError, ValidationError, requireSuperuser, responses } from "../common.ts";
import { Flow, serializeFlow, type FlowRow } from "./flow-models.ts";
import { PatchedFlowRequest, flowColumns } from "./flow-requests.ts";

const slugParam = z.object({ slug: z.string().openapi({ description: "Visible in the URL." }) });
const notFound = { content: { "application/json": { schema: GenericError } }, description: "" };

const retrieveRoute = createRoute({
  method: "get",
  path: "/flows/instances/{slug}/",
  operationId: "flows_instances_retrieve",
  tags: ["flows"],
  description: "Flow Viewset",
  middleware: [requireSuperuser] as const,
  request: { params: slugParam },
  responses: { ...responses(Flow), 404: notFound },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/flows/instances/{slug}/",
  operationId: "flows_instances_partial_update",
  tags: ["flows"],
  description: "Flow Viewset",
  middleware: [requireSuperuser] as const,
  request: { params: slugParam, body: { content: { "application/json": { schema: PatchedFlowRequest } } } },
  responses: { ...responses(Flow), 404: notFound },
});

const backgroundRoute = createRoute({
  method: "post",
  path: "/flows/instances/{slug}/set_background_url/",
  operationId: "flows_instances_set_background_url_create",
  tags: ["flows"],
  description: "Set Flow background (as URL)",
  middleware: [requireSuperuser] as const,
  request: {
    params: slugParam,
    body: { content: { "application/json": { schema: FilePathRequest } }, required: true },
  },
  responses: {
    200: { description: "Success" },
    400: { content: { "application/json": { schema: ValidationError } }, description: "Bad request" },
    403: { content: { "application/json": { schema: GenericError } }, description: "" },
    404: notFound,
  },
});

async function findFlow(db: Db, slug: string): Promise<FlowRow | undefined> {
  const [flow] = await db.select().from(flows).where(eq(flows.slug, slug));
  return flow;
}

async function respondWithFlow(c: Context<AppEnv>, flow: FlowRow) {
  const bindings = await c
    .get("deps")
    .db.select({ stage: flowStageBindings.stage })
    .from(flowStageBindings)
    .where(eq(flowStageBindings.target, flow.pk))
    .orderBy(asc(flowStageBindings.order));
  return c.json(
    serializeFlow(
      flow,
      bindings.map((b) => b.stage),
    ),
    200,
  );
}

const flowNotFound = (c: Context) => c.json({ detail: "No flow matches the given slug.", code: "not_found" }, 404);

export function registerFlowInstanceDetail(api: OpenAPIHono<AppEnv>) {
  api.openapi(retrieveRoute, async (c) => {
    const flow = await findFlow(c.get("deps").db, c.req.valid("param").slug);
    return flow ? respondWithFlow(c, flow) : flowNotFound(c);
  });

  api.openapi(patchRoute, async (c) => {
    const { db } = c.get("deps");
    const flow = await findFlow(db, c.req.valid("param").slug);
    if (!flow) return flowNotFound(c);
    const body = c.req.valid("json");
    if (body.slug && body.slug !== flow.slug && (await findFlow(db, body.slug))) {
      return c.json({ slug: ["Flow with this slug already exists."] }, 400);
    }
    const values = Object.fromEntries(Object.entries(flowColumns(body)).filter(([, value]) => value !== undefined));
    const updated = await applyChange(c, "model_updated", flowModel, async (tx) => {
      // An empty patch is still reported as an update, but there is nothing to SET.
      if (!Object.keys(values).length) return flow;
      const [changed] = await tx.update(flows).set(values).where(eq(flows.pk, flow.pk)).returning();
      return changed;
    });
    return respondWithFlow(c, updated);
  });

  api.openapi(backgroundRoute, async (c) => {
    const { db } = c.get("deps");
    const flow = await findFlow(db, c.req.valid("param").slug);
    if (!flow) return flowNotFound(c);
    const { url } = c.req.valid("json");
    if (!isAssetUrl(url)) return c.json({ url: [assetUrlError] }, 400);
    await applyChange(c, "model_updated", flowModel, async (tx) => {
      const [changed] = await tx.update(flows).set({ background: url }).where(eq(flows.pk, flow.pk)).returning();
      return changed;
    });
    return c.body(null, 200);
  });
}
