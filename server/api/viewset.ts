import type { OpenAPIHono, z } from "@hono/zod-openapi";
import { and, eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Context } from "hono";
import type { AppEnv } from "../context.ts";
import type { Db } from "../db/client.ts";
import { applyChange, type AdminModel } from "../audit/changes.ts";
import { notFound, selectPage, type PageRequest } from "./common.ts";
import { hasErrors, type FieldErrors } from "./validation.ts";
import { viewSetRoutes, type ViewSetRouteBase } from "./viewset-routes.ts";

type ModelTable = PgTable & { pk: AnyPgColumn };
type Row<T extends ModelTable> = T["$inferSelect"];

/** One admin model, served as authentik's model viewsets serve theirs. */
export interface ViewSet<T extends ModelTable, Body, Query> extends ViewSetRouteBase<z.ZodObject, z.ZodType> {
  table: T;
  /** The column the path parameter is matched against, e.g. a slug; the pk unless given. */
  lookup?: AnyPgColumn;
  /** Names the model in a 404: "No <modelName> matches the given query." */
  modelName: string;
  /** How its changes are reported. */
  audit: AdminModel<Row<T>>;
  Request: z.ZodType<Body>;
  PatchedRequest: z.ZodType<Partial<Body>>;
  /** The list's query parameters (`pageQuery` and the model's filters) and its schema's name. */
  query: z.ZodObject & z.ZodType<Query>;
  listName: string;
  /** The rows every route is limited to, e.g. one kind of stage in the table of all stages. */
  scope?: SQL;
  filter(db: Db, query: Query): SQL | undefined | Promise<SQL | undefined>;
  /** The list's ORDER BY for authentik's `ordering` parameter. */
  orderBy(ordering: string | undefined): SQL[];
  /** Rows as the API shows them; `c` is the request, for fields such as absolute URLs. */
  serialize(db: Db, rows: Row<T>[], c: Context<AppEnv>): Promise<unknown[]>;
  /**
   * Completes a write's body before it is checked, e.g. with what a URL it names serves (outside the
   * write's transaction); throws ChangeRefused when it cannot.
   */
  prepare?<B extends Partial<Body>>(body: B, existing?: Row<T>): Promise<B>;
  /** What the schema cannot check (references, unique names), by field; `existing` is given on updates. */
  check?(db: Db, body: Partial<Body>, existing?: Row<T>): Promise<FieldErrors>;
  /** Values a full update (PUT) gives the fields its body leaves out; a partial update keeps them. */
  fullUpdateDefaults?: Partial<Body>;
  insert(body: Body, c: Context<AppEnv>): T["$inferInsert"];
  /** The columns an update sets; those it leaves undefined keep their value. */
  update(body: Partial<Body>, existing: Row<T>): Partial<T["$inferInsert"]>;
  /** Writes that go with a delete, in its transaction: e.g. removing references that have no foreign key. */
  beforeDelete?(tx: Db, row: Row<T>): Promise<void>;
}

/** The one object a `serialize([row])` shows. */
const single = async (shown: Promise<unknown[]>) => (await shown)[0] as never;

/** Serves `spec` with authentik's viewset operations: list, create, retrieve, update, partial_update and destroy. */
export function registerViewSet<T extends ModelTable, Body, Query>(api: OpenAPIHono<AppEnv>, spec: ViewSet<T, Body, Query>) {
  registerListRoutes(api, spec);
  registerObjectRoutes(api, spec);
}

/** What the read-only operations, list and retrieve, need of a viewset. */
export type ReadOnlyViewSet<T extends ModelTable, Query> = Pick<
  ViewSet<T, never, Query>,
  "tag" | "description" | "middleware" | "path" | "params" | "Model" | "table" | "lookup" | "modelName" | "query" | "listName" | "scope" | "filter" | "orderBy" | "serialize"
>;

/** Serves `spec` as authentik's read-only viewsets serve theirs: list and retrieve. */
export function registerReadOnlyViewSet<T extends ModelTable, Query>(api: OpenAPIHono<AppEnv>, spec: ReadOnlyViewSet<T, Query>) {
  registerList(api, spec);
  registerRetrieve(api, spec);
}

/** Finds the object a request's path names, within the viewset's scope. */
export function finder<T extends ModelTable>(spec: Pick<ReadOnlyViewSet<T, unknown>, "table" | "lookup" | "params" | "scope">) {
  const [param] = Object.keys(spec.params.shape);
  return async (c: Context<AppEnv>, params: Record<string, unknown>): Promise<Row<T> | undefined> => {
    const [row] = await c.get("deps").db.select().from(spec.table as PgTable).where(and(eq(spec.lookup ?? spec.table.pk, params[param]), spec.scope));
    return row as Row<T> | undefined;
  };
}

function registerList<T extends ModelTable, Query>(api: OpenAPIHono<AppEnv>, spec: ReadOnlyViewSet<T, Query>) {
  api.openapi(viewSetRoutes(spec).list(spec.query, spec.listName), async (c) => {
    const { db } = c.get("deps");
    const query = c.req.valid("query") as Query & PageRequest & { ordering?: string };
    const where = and(spec.scope, await spec.filter(db, query));
    const page = await selectPage(db, spec.table, where, spec.orderBy(query.ordering), query);
    return c.json({ pagination: page.pagination, results: await spec.serialize(db, page.rows, c) } as never, 200);
  });
}

function registerRetrieve<T extends ModelTable, Query>(api: OpenAPIHono<AppEnv>, spec: ReadOnlyViewSet<T, Query>) {
  const find = finder(spec);
  api.openapi(viewSetRoutes(spec).retrieve(), async (c) => {
    const row = await find(c, c.req.valid("param"));
    return row ? c.json(await single(spec.serialize(c.get("deps").db, [row], c)), 200) : notFound(c, spec.modelName);
  });
}

/**
 * list and create, on the list's path. Routes on fixed paths below it (e.g. `preview/`) are registered
 * between these and `registerObjectRoutes`, so they come before `{pk}/`, as in authentik's schema.
 */
export function registerListRoutes<T extends ModelTable, Body, Query>(api: OpenAPIHono<AppEnv>, spec: ViewSet<T, Body, Query>) {
  const routes = viewSetRoutes(spec);
  registerList(api, spec);

  api.openapi(routes.create(spec.Request), async (c) => {
    const { db } = c.get("deps");
    const given = c.req.valid("json") as Body;
    const body = (await spec.prepare?.(given)) ?? given;
    const errors = (await spec.check?.(db, body)) ?? {};
    if (hasErrors(errors)) return c.json(errors, 400);
    const row = await applyChange(c, "model_created", spec.audit, async (tx) => {
      const [inserted] = await tx.insert(spec.table).values(spec.insert(body, c)).returning();
      return inserted as Row<T>;
    });
    return c.json(await single(spec.serialize(db, [row], c)), 201);
  });
}

/** retrieve, update, partial_update and destroy, on `<path>{<param>}/`. */
export function registerObjectRoutes<T extends ModelTable, Body, Query>(api: OpenAPIHono<AppEnv>, spec: ViewSet<T, Body, Query>) {
  const routes = viewSetRoutes(spec);
  const { table } = spec;
  const find = finder(spec);
  registerRetrieve(api, spec);

  for (const [method, schema] of [
    ["put", spec.Request],
    ["patch", spec.PatchedRequest],
  ] as const) {
    api.openapi(routes.update(method, schema), async (c) => {
      const { db } = c.get("deps");
      const row = await find(c, c.req.valid("param"));
      if (!row) return notFound(c, spec.modelName);
      const given = c.req.valid("json") as Partial<Body>;
      const full = method === "put" ? { ...spec.fullUpdateDefaults, ...given } : given;
      const body = (await spec.prepare?.(full, row)) ?? full;
      const errors = (await spec.check?.(db, body, row)) ?? {};
      if (hasErrors(errors)) return c.json(errors, 400);
      const values = Object.fromEntries(Object.entries(spec.update(body, row)).filter(([, value]) => value !== undefined));
      const updated = await applyChange(c, "model_updated", spec.audit, async (tx) => {
        // A body that names no column is still reported as an update, but there is nothing to SET.
        if (!Object.keys(values).length) return row;
        const [changed] = await tx.update(table as PgTable).set(values).where(eq(table.pk, row.pk)).returning();
        return changed as Row<T>;
      });
      return c.json(await single(spec.serialize(db, [updated], c)), 200);
    });
  }

  api.openapi(routes.destroy(), async (c) => {
    const row = await find(c, c.req.valid("param"));
    if (!row) return notFound(c, spec.modelName);
    await applyChange(c, "model_deleted", spec.audit, async (tx) => {
      await spec.beforeDelete?.(tx, row);
      await tx.delete(table).where(eq(table.pk, row.pk));
      return row;
    });
    return c.body(null, 204);
  });
}
