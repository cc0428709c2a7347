import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq, ilike } from "drizzle-orm";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { stages } from "../../db/schema.ts";
import type { StageRow } from "../../flows/stage.ts";
import { orderingFrom, pageQuery, requireSuperuser } from "../common.ts";
import type { FieldErrors } from "../validation.ts";
import { registerViewSet } from "../viewset.ts";
import { uuidLookup } from "../viewset-routes.ts";
import { serializeStage } from "./stage-models.ts";

type Shape = Record<string, z.ZodType>;
type StageInput = { name: string } & Record<string, unknown>;

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

export function registerStageApi(api: OpenAPIHono<AppEnv>, spec: StageApi) {
  const description = `${spec.model} Serializer`;
  const requestShape = { name: z.string().trim().min(1), ...spec.requestFields };
  const required = Object.fromEntries(["name", ...(spec.required ?? [])].map((key) => [key, true as const]));
  const { verbose_name, meta_model_name } = serializeStage({ pk: "", name: "", kind: spec.kind, config: {} });
  const [app, model_name] = meta_model_name.split(".");
  /** The stored settings after a write: defaults, then what the stage had, then what the request gives. */
  const configOf = ({ name: _name, ...settings }: Partial<StageInput>, existing?: StageRow) => ({ ...spec.defaults, ...existing?.config, ...settings });

  registerViewSet(api, {
    tag: "stages",
    description: `${spec.model} Viewset`,
    middleware: requireSuperuser,
    path: spec.path,
    params: uuidLookup("stage_uuid", verbose_name),
    Model: z.object({ ...base, ...spec.fields }).openapi(spec.model, { description }),
    Request: z.object(requestShape).partial().required(required as never).openapi(`${spec.model}Request`, { description }) as z.ZodType<StageInput>,
    PatchedRequest: z.object(requestShape).partial().openapi(`Patched${spec.model}Request`, { description }),
    query: z.object({ name: z.string().optional(), ...pageQuery }),
    listName: `Paginated${spec.model}List`,
    table: stages,
    modelName: "Stage",
    audit: { app, model_name, describe: (stage) => ({ pk: stage.pk, name: stage.name }) },
    scope: eq(stages.kind, spec.kind),
    filter: (_db, query) =>
      and(query.name === undefined ? undefined : eq(stages.name, query.name), query.search ? ilike(stages.name, `%${query.search}%`) : undefined),
    orderBy: (ordering) => orderingFrom(ordering, { name: stages.name }, stages.name),
    serialize: async (_db, rows) =>
      rows.map((stage) => {
        const config = Object.fromEntries(Object.entries(stage.config).filter(([key]) => !spec.writeOnly?.includes(key)));
        return { ...serializeStage(stage), ...spec.defaults, ...config, ...spec.computed };
      }),
    // A name another stage has, or settings the spec's check refuses.
    check: async (db, body, existing) => {
      const name = body.name ?? existing!.name;
      const errors: FieldErrors = { ...(await spec.check?.(db, configOf(body, existing))) };
      const [clash] = await db.select({ pk: stages.pk }).from(stages).where(eq(stages.name, name));
      if (clash && clash.pk !== existing?.pk) errors.name = ["stage with this name already exists."];
      return errors;
    },
    insert: (body) => ({ name: body.name, kind: spec.kind, config: configOf(body) }),
    update: (body, existing) => ({ name: body.name ?? existing.name, config: configOf(body, existing) }),
  });
}
