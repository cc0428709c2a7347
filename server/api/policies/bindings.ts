import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, count, eq, ilike, inArray, isNull, isNotNull, type SQL } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { applications, flowStageBindings, flows, groups, policies, policyBindings, users } from "../../db/schema.ts";
import { applyChange, type AdminModel } from "../../audit/changes.ts";
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
  queryBoolean,
  queryList,
  requireSuperuser,
  responses,
} from "../common.ts";
import type { FieldErrors } from "../validation.ts";
import {
  PatchedPolicyBindingRequest,
  PolicyBinding,
  PolicyBindingRequest,
  serializePolicyBindings,
  type PolicyBindingInput,
  type PolicyBindingRow,
} from "./binding-models.ts";

const common = { tags: ["policies"], description: "PolicyBinding Viewset", middleware: requireSuperuser };
const params = z.object({ policy_binding_uuid: z.uuid().openapi({ description: "A UUID string identifying this Policy Binding." }) });
const itemPath = "/policies/bindings/{policy_binding_uuid}/";

const bindingModel: AdminModel<PolicyBindingRow> = {
  app: "authentik_policies",
  model_name: "policybinding",
  describe: (binding) => ({ pk: binding.pk, name: `Policy binding #${binding.order}` }),
};

const orderable = { order: policyBindings.order, target: policyBindings.target, timeout: policyBindings.timeout };

const listRoute = createRoute({
  ...common,
  method: "get",
  path: "/policies/bindings/",
  operationId: "policies_bindings_list",
  request: {
    query: z.object({
      ...pageQuery,
      policy: z.uuid().optional(),
      policy__isnull: queryBoolean(),
      target: z.uuid().optional(),
      target_in: queryList(z.uuid(), { type: "string", format: "uuid" }),
      enabled: queryBoolean(),
      order: z.coerce.number().int().optional().openapi({ type: "integer" }),
      timeout: z.coerce.number().int().optional().openapi({ type: "integer" }),
    }),
  },
  responses: responses(paginated(PolicyBinding, "PaginatedPolicyBindingList")),
});

/** Whether `pk` names something policies can be bound to: a flow, a flow stage binding or an application. */
async function targetExists(db: Db, pk: string): Promise<boolean> {
  for (const column of [flows.pk, flowStageBindings.pk, applications.pk]) {
    const [row] = await db.select({ pk: column }).from(column.table).where(eq(column, pk));
    if (row) return true;
  }
  return false;
}

/** authentik's checks: the target and the bound object exist, and exactly one of policy, group and user is set. */
async function problems(db: Db, values: PolicyBindingInput): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const missing = (pk: unknown) => [`Invalid pk "${String(pk)}" - object does not exist.`];
  if (values.target && !(await targetExists(db, values.target))) errors.target = missing(values.target);
  if (values.policy && !(await db.select({ pk: policies.pk }).from(policies).where(eq(policies.pk, values.policy))).length) {
    errors.policy = missing(values.policy);
  }
  if (values.group && !(await db.select({ pk: groups.pk }).from(groups).where(eq(groups.pk, values.group))).length) {
    errors.group = missing(values.group);
  }
  if (values.user != null && !(await db.select({ pk: users.pk }).from(users).where(eq(users.pk, values.user))).length) {
    errors.user = missing(values.user);
  }
  const set = [values.policy, values.group, values.user].filter((value) => value !== null && value !== undefined).length;
  if (set > 1) errors.non_field_errors = ["Only one of 'policy', 'group', 'user' can be set."];
  if (set < 1) errors.non_field_errors = ["One of 'policy', 'group', 'user' must be set."];
  return errors;
}

/** The request's fields as columns; absent fields are left out, so a patch changes only what it names. */
const columns = (body: PolicyBindingInput) => ({
  target: body.target,
  policy: body.policy,
  group: body.group,
  user: body.user,
  negate: body.negate,
  enabled: body.enabled,
  order: body.order,
  timeout: body.timeout,
  failureResult: body.failure_result,
});

async function serializeOne(c: Context<AppEnv>, row: PolicyBindingRow) {
  const [serialized] = await serializePolicyBindings(c.get("deps").db, [row]);
  return serialized;
}

async function findBinding(c: Context<AppEnv>, pk: string) {
  const [row] = await c.get("deps").db.select().from(policyBindings).where(eq(policyBindings.pk, pk));
  return row;
}

export function registerPolicyBindings(api: OpenAPIHono<AppEnv>) {
  api.openapi(listRoute, async (c) => {
    const { db } = c.get("deps");
    const query = c.req.valid("query");
    const targets = query.target_in === undefined ? undefined : [query.target_in].flat();
    const filters: (SQL | undefined)[] = [
      query.policy ? eq(policyBindings.policy, query.policy) : undefined,
      query.policy__isnull ? (query.policy__isnull === "true" ? isNull(policyBindings.policy) : isNotNull(policyBindings.policy)) : undefined,
      query.target ? eq(policyBindings.target, query.target) : undefined,
      targets ? inArray(policyBindings.target, targets) : undefined,
      query.enabled ? eq(policyBindings.enabled, query.enabled === "true") : undefined,
      query.order === undefined ? undefined : eq(policyBindings.order, query.order),
      query.timeout === undefined ? undefined : eq(policyBindings.timeout, query.timeout),
      query.search
        ? inArray(policyBindings.policy, db.select({ pk: policies.pk }).from(policies).where(ilike(policies.name, `%${query.search}%`)))
        : undefined,
    ];
    const where = and(...filters);
    const window = pageWindow(query);
    const [{ total }] = await db.select({ total: count() }).from(policyBindings).where(where);
    const rows = await db
      .select()
      .from(policyBindings)
      .where(where)
      .orderBy(...orderingFrom(query.ordering ?? "target", orderable, policyBindings.order), policyBindings.pk)
      .limit(window.pageSize)
      .offset(window.offset);
    return c.json({ pagination: pagination(total, window), results: await serializePolicyBindings(db, rows) }, 200);
  });

  api.openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/policies/bindings/",
      operationId: "policies_bindings_create",
      request: { body: { content: { "application/json": { schema: PolicyBindingRequest } }, required: true } },
      responses: createdResponses(PolicyBinding),
    }),
    async (c) => {
      const body = c.req.valid("json");
      const errors = await problems(c.get("deps").db, body);
      if (Object.keys(errors).length) return c.json(errors, 400);
      const row = await applyChange(c, "model_created", bindingModel, async (tx) => {
        const [inserted] = await tx
          .insert(policyBindings)
          .values({ ...columns(body), target: body.target, order: body.order })
          .returning();
        return inserted;
      });
      return c.json(await serializeOne(c, row), 201);
    },
  );

  api.openapi(
    createRoute({ ...common, method: "get", path: itemPath, operationId: "policies_bindings_retrieve", request: { params }, responses: objectResponses(PolicyBinding) }),
    async (c) => {
      const row = await findBinding(c, c.req.valid("param").policy_binding_uuid);
      return row ? c.json(await serializeOne(c, row), 200) : notFound(c, "PolicyBinding");
    },
  );

  for (const [method, schema, operationId] of [
    ["put", PolicyBindingRequest, "policies_bindings_update"],
    ["patch", PatchedPolicyBindingRequest, "policies_bindings_partial_update"],
  ] as const) {
    api.openapi(
      createRoute({
        ...common,
        method,
        path: itemPath,
        operationId,
        request: { params, body: { content: { "application/json": { schema } }, required: method === "put" } },
        responses: objectResponses(PolicyBinding),
      }),
      async (c) => {
        const row = await findBinding(c, c.req.valid("param").policy_binding_uuid);
        if (!row) return notFound(c, "PolicyBinding");
        const body: PolicyBindingInput = c.req.valid("json");
        // A full update replaces what is bound; a patch keeps whatever it does not name.
        const bound = method === "put" ? { policy: body.policy ?? null, group: body.group ?? null, user: body.user ?? null } : {};
        const given = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
        const merged = { target: row.target, policy: row.policy, group: row.group, user: row.user, ...given, ...bound };
        const errors = await problems(c.get("deps").db, merged);
        if (Object.keys(errors).length) return c.json(errors, 400);
        const updated = await applyChange(c, "model_updated", bindingModel, async (tx) => {
          const values = { ...columns(body), ...bound };
          const [changed] = await tx.update(policyBindings).set(values).where(eq(policyBindings.pk, row.pk)).returning();
          return changed;
        });
        return c.json(await serializeOne(c, updated), 200);
      },
    );
  }

  api.openapi(
    createRoute({ ...common, method: "delete", path: itemPath, operationId: "policies_bindings_destroy", request: { params }, responses: noContentResponses() }),
    async (c) => {
      const row = await findBinding(c, c.req.valid("param").policy_binding_uuid);
      if (!row) return notFound(c, "PolicyBinding");
      await applyChange(c, "model_deleted", bindingModel, async (tx) => {
        await tx.delete(policyBindings).where(eq(policyBindings.pk, row.pk));
        return row;
      });
      return c.body(null, 204);
    },
  );
}
