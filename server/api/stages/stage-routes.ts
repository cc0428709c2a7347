import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, count, eq, ilike } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { stages } from "../../db/schema.ts";
import { applyChange, type AdminModel } from "../../audit/changes.ts";
import type { StageRow } from "../../flows/stage.ts";
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
  requireSuperuser,
  responses,
} from "../common.ts";
import type { FieldErrors } from "../validation.ts";
import { serializeStage } from "./stage-models.ts";

type Shape = Record<string, z.ZodType>;

/**
 * One kind of stage in the admin API, as authentik's `/stages/<kind>/` viewsets serve it. The stage's
 * settings are kept in its `config` under the API's own field names, so they pass through as they are.
 */
export interface StageApi {
  /** The `kind` stored on the stage, e.g. `authenticator_totp`. */
  kind: string;
  /** e.g. `/stages/authenticator/totp/`. */
  path: string;
  /** e.g. `AuthenticatorTOTPStage`: names the model, its request, patched request and paginated list. */
  model: string;
  /** The settings as the API shows them. */
  fields: Shape;
  /** The settings as the API accepts them; `required` lists those a create or full update must give. */
  requestFields: Shape;
  required?: string[];
  /** Settings a stage has when they were not given. */
  defaults: Record<string, unknown>;
  /** Read-only fields shown with every stage of the kind, not stored. */
  computed?: Record<string, unknown>;
  /** Settings that are stored but never shown, e.g. an SMTP password. */
  writeOnly?: string[];
  /** Checks that need the database (e.g. that referenced objects exist); returns errors by field. */
  check?: (db: Db, config: Record<string, unknown>) => Promise<FieldErrors>;
}

const base = {
  pk: z.uuid().openapi({ readOnly: true, title: "Stage uuid" }),
  name: z.string(),
  component: z.string().openapi({ readOnly: true, description: "Get object type so that we know how to edit the object" }),
  verbose_name: z.string().openapi({ readOnly: true, description: "Return object's verbose_name" }),
  verbose_name_plural: z.string().openapi({ readOnly: true, description: "Return object's plural verbose_name" }),
  meta_model_name: z.string().openapi({ readOnly: true, description: "Return internal model name" }),
};

const stageModel = (kind: string): AdminModel<StageRow> => {
  const [app, model_name] = serializeStage({ pk: "", name: "", kind, config: {} }).meta_model_name.split(".");
  return { app, model_name, describe: (stage) => ({ pk: stage.pk, name: stage.name }) };
};

export function registerStageApi(api: OpenAPIHono<AppEnv>, spec: StageApi) {
  const description = `${spec.model} Serializer`;
  const Model = z.object({ ...base, ...spec.fields }).openapi(spec.model, { description });
  const requestShape = { name: z.string().trim().min(1), ...spec.requestFields };
  const required = Object.fromEntries(["name", ...(spec.required ?? [])].map((key) => [key, true as const]));
  const Request = z.object(requestShape).partial().required(required as never).openapi(`${spec.model}Request`, { description });
  const Patched = z.object(requestShape).partial().openapi(`Patched${spec.model}Request`, { description });
  const operation = (action: string) => `${spec.path.replace(/^\/|\/$/g, "").replaceAll("/", "_")}_${action}`;
  const common = { tags: ["stages"], description: `${spec.model} Viewset`, middleware: requireSuperuser };
  const params = z.object({ stage_uuid: z.uuid().openapi({ description: `A UUID string identifying this ${serializeStage({ pk: "", name: "", kind: spec.kind, config: {} }).verbose_name}.` }) });
  const itemPath = `${spec.path}{stage_uuid}/`;
  const model = stageModel(spec.kind);

  const serialize = (stage: StageRow) => {
    const { pk, name, component, verbose_name, verbose_name_plural, meta_model_name } = serializeStage(stage);
    const config = Object.fromEntries(Object.entries(stage.config).filter(([key]) => !spec.writeOnly?.includes(key)));
    return { pk, name, component, verbose_name, verbose_name_plural, meta_model_name, ...spec.defaults, ...config, ...spec.computed };
  };
  const find = async (c: Context<AppEnv>, pk: string) => {
    const [row] = await c.get("deps").db.select().from(stages).where(and(eq(stages.pk, pk), eq(stages.kind, spec.kind)));
    return row;
  };
  /** Errors for a name another stage has, or for settings the spec's check refuses. */
  const problems = async (db: Db, name: string, config: Record<string, unknown>, self?: string) => {
    const errors: FieldErrors = { ...(await spec.check?.(db, config)) };
    const [clash] = await db.select({ pk: stages.pk }).from(stages).where(eq(stages.name, name));
    if (clash && clash.pk !== self) errors.name = ["stage with this name already exists."];
    return errors;
  };

  api.openapi(
    createRoute({
      ...common,
      method: "get",
      path: spec.path,
      operationId: operation("list"),
      request: { query: z.object({ name: z.string().optional(), ...pageQuery }) },
      responses: responses(paginated(Model, `Paginated${spec.model}List`)),
    }),
    async (c) => {
      const { db } = c.get("deps");
      const query = c.req.valid("query");
      const where = and(
        eq(stages.kind, spec.kind),
        query.name === undefined ? undefined : eq(stages.name, query.name),
        query.search ? ilike(stages.name, `%${query.search}%`) : undefined,
      );
      const window = pageWindow(query);
      const [{ total }] = await db.select({ total: count() }).from(stages).where(where);
      const rows = await db
        .select()
        .from(stages)
        .where(where)
        .orderBy(...orderingFrom(query.ordering, { name: stages.name }, stages.name))
        .limit(window.pageSize)
        .offset(window.offset);
      return c.json({ pagination: pagination(total, window), results: rows.map(serialize) } as never, 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: "post",
      path: spec.path,
      operationId: operation("create"),
      request: { body: { content: { "application/json": { schema: Request } }, required: true } },
      responses: createdResponses(Model),
    }),
    async (c) => {
      const { name, ...settings } = c.req.valid("json") as { name: string } & Record<string, unknown>;
      const config = { ...spec.defaults, ...settings };
      const errors = await problems(c.get("deps").db, name, config);
      if (Object.keys(errors).length) return c.json(errors as never, 400);
      const stage = await applyChange(c, "model_created", model, async (tx) => {
        const [row] = await tx.insert(stages).values({ name, kind: spec.kind, config }).returning();
        return row;
      });
      return c.json(serialize(stage) as never, 201);
    },
  );

  api.openapi(
    createRoute({ ...common, method: "get", path: itemPath, operationId: operation("retrieve"), request: { params }, responses: objectResponses(Model) }),
    async (c) => {
      const stage = await find(c, c.req.valid("param").stage_uuid);
      return stage ? c.json(serialize(stage) as never, 200) : notFound(c, "Stage");
    },
  );

  for (const [method, schema, action] of [
    ["put", Request, "update"],
    ["patch", Patched, "partial_update"],
  ] as const) {
    api.openapi(
      createRoute({
        ...common,
        method,
        path: itemPath,
        operationId: operation(action),
        request: { params, body: { content: { "application/json": { schema } }, required: method === "put" } },
        responses: objectResponses(Model),
      }),
      async (c) => {
        const stage = await find(c, c.req.valid("param").stage_uuid);
        if (!stage) return notFound(c, "Stage");
        const { name = stage.name, ...settings } = c.req.valid("json") as { name?: string } & Record<string, unknown>;
        const config = { ...spec.defaults, ...stage.config, ...settings };
        const errors = await problems(c.get("deps").db, name, config, stage.pk);
        if (Object.keys(errors).length) return c.json(errors as never, 400);
        const updated = await applyChange(c, "model_updated", model, async (tx) => {
          const [row] = await tx.update(stages).set({ name, config }).where(eq(stages.pk, stage.pk)).returning();
          return row;
        });
        return c.json(serialize(updated) as never, 200);
      },
    );
  }

  api.openapi(
    createRoute({ ...common, method: "delete", path: itemPath, operationId: operation("destroy"), request: { params }, responses: noContentResponses() }),
    async (c) => {
      const stage = await find(c, c.req.valid("param").stage_uuid);
      if (!stage) return notFound(c, "Stage");
      await applyChange(c, "model_deleted", model, async (tx) => {
        await tx.delete(stages).where(eq(stages.pk, stage.pk));
        return stage;
      });
      return c.body(null, 204);
    },
  );
}
