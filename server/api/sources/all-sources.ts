import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq, ilike, or } from "drizzle-orm";
import { applyChange } from "../../audit/changes.ts";
import type { AppEnv } from "../../context.ts";
import { sources } from "../../db/schema.ts";
import { FilePathRequest, assetUrlError, isAssetUrl } from "../asset-url.ts";
import { GenericError, ValidationError, escapeLike, notFound, orderingFrom, pageQuery, requireSuperuser } from "../common.ts";
import { finder, registerReadOnlyViewSet, type ReadOnlyViewSet } from "../viewset.ts";
import { viewSetRoutes } from "../viewset-routes.ts";
import { Source, serializeSource, slugHelp, type SourceRow } from "./source-models.ts";

const query = z.object({
  ...pageQuery,
  name: z.string().optional(),
  slug: z.string().optional(),
  pbm_uuid: z.uuid().optional(),
});

const allSources: ReadOnlyViewSet<typeof sources, z.infer<typeof query>> = {
  tag: "sources",
  description: "Source Viewset",
  middleware: requireSuperuser,
  path: "/sources/all/",
  params: z.object({ slug: z.string().openapi({ description: slugHelp }) }),
  lookup: sources.slug,
  Model: Source,
  table: sources,
  modelName: "Source",
  query,
  listName: "PaginatedSourceList",
  filter: (_db, q) =>
    and(
      q.name === undefined ? undefined : eq(sources.name, q.name),
      q.slug === undefined ? undefined : eq(sources.slug, q.slug),
      q.pbm_uuid === undefined ? undefined : eq(sources.pk, q.pbm_uuid),
      q.search ? or(ilike(sources.name, `%${escapeLike(q.search)}%`), ilike(sources.slug, `%${escapeLike(q.search)}%`)) : undefined,
    ),
  orderBy: (ordering) => orderingFrom(ordering, { name: sources.name, slug: sources.slug }, sources.name, sources.pk),
  serialize: async (_db, rows) => rows.map(serializeSource),
};

const sourceModel = (row: SourceRow) => ({ app: `authentik_sources_${row.kind}`, model_name: `${row.kind}source` });

/** Every source, whatever its kind, as authentik's `/sources/all/` lists them; and setting a source's icon. */
export function registerAllSources(api: OpenAPIHono<AppEnv>) {
  registerReadOnlyViewSet(api, allSources);

  const find = finder(allSources);
  const setIconRoute = viewSetRoutes(allSources).action(
    "set_icon_url",
    "Set source icon (as URL)",
    { body: { content: { "application/json": { schema: FilePathRequest } }, required: true } },
    {
      200: { description: "Success" },
      400: { content: { "application/json": { schema: ValidationError } }, description: "Bad request" },
      403: { content: { "application/json": { schema: GenericError } }, description: "" },
      404: { content: { "application/json": { schema: GenericError } }, description: "Not found" },
    },
  );
  api.openapi(setIconRoute, async (c) => {
    const source = await find(c, c.req.valid("param"));
    if (!source) return notFound(c, "Source");
    const { url } = c.req.valid("json");
    if (!isAssetUrl(url)) return c.json({ url: [assetUrlError] }, 400);
    const describe = (row: SourceRow) => ({ pk: row.pk, name: row.name });
    await applyChange(c, "model_updated", { ...sourceModel(source), describe }, async (tx) => {
      const [changed] = await tx.update(sources).set({ icon: url }).where(eq(sources.pk, source.pk)).returning();
      return changed;
    });
    // authentik answers an empty object.
    return c.json({}, 200);
  });
}
