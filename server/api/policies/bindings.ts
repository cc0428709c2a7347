import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq, ilike, inArray, isNull, isNotNull } from "drizzle-orm";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { applications, flowStageBindings, flows, groups, policies, policyBindings, users } from "../../db/schema.ts";
import { orderingFrom, pageQuery, queryBoolean, queryList, requireSuperuser } from "../common.ts";
import type { FieldErrors } from "../validation.ts";
import { registerViewSet } from "../viewset.ts";
import { uuidLookup } from "../viewset-routes.ts";
import {
  PatchedPolicyBindingRequest,
  PolicyBinding,
  PolicyBindingRequest,
  serializePolicyBindings,
  type PolicyBindingInput,
} from "./binding-models.ts";

const listQuery = z.object({
  ...pageQuery,
  policy: z.uuid().optional(),
  policy__isnull: queryBoolean(),
  target: z.uuid().optional(),
  target_in: queryList(z.uuid(), { type: "string", format: "uuid" }),
  enabled: queryBoolean(),
  order: z.coerce.number().int().optional().openapi({ type: "integer" }),
  timeout: z.coerce.number().int().optional().openapi({ type: "integer" }),
});

const orderable = { order: policyBindings.order, target: policyBindings.target, timeout: policyBindings.timeout };

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

export function registerPolicyBindings(api: OpenAPIHono<AppEnv>) {
  registerViewSet(api, {
    tag: "policies",
    description: "PolicyBinding Viewset",
    middleware: requireSuperuser,
    path: "/policies/bindings/",
    params: uuidLookup("policy_binding_uuid", "Policy Binding"),
    Model: PolicyBinding,
    Request: PolicyBindingRequest,
    PatchedRequest: PatchedPolicyBindingRequest,
    query: listQuery,
    listName: "PaginatedPolicyBindingList",
    table: policyBindings,
    modelName: "PolicyBinding",
    audit: {
      app: "authentik_policies",
      model_name: "policybinding",
      describe: (binding) => ({ pk: binding.pk, name: `Policy binding #${binding.order}` }),
    },
    filter: (db, query) =>
      and(
        query.policy ? eq(policyBindings.policy, query.policy) : undefined,
        query.policy__isnull ? (query.policy__isnull === "true" ? isNull(policyBindings.policy) : isNotNull(policyBindings.policy)) : undefined,
        query.target ? eq(policyBindings.target, query.target) : undefined,
        query.target_in === undefined ? undefined : inArray(policyBindings.target, [query.target_in].flat()),
        query.enabled ? eq(policyBindings.enabled, query.enabled === "true") : undefined,
        query.order === undefined ? undefined : eq(policyBindings.order, query.order),
        query.timeout === undefined ? undefined : eq(policyBindings.timeout, query.timeout),
        query.search
          ? inArray(policyBindings.policy, db.select({ pk: policies.pk }).from(policies).where(ilike(policies.name, `%${query.search}%`)))
          : undefined,
      ),
    orderBy: (ordering) => orderingFrom(ordering ?? "target", orderable, policyBindings.order, policyBindings.pk),
    serialize: serializePolicyBindings,
    // A full update replaces what is bound; a patch keeps whatever it does not name.
    fullUpdateDefaults: { policy: null, group: null, user: null },
    check: (db, body, existing) => {
      const given = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
      return problems(db, existing ? { target: existing.target, policy: existing.policy, group: existing.group, user: existing.user, ...given } : body);
    },
    insert: (body) => ({ ...columns(body), target: body.target, order: body.order }),
    update: columns,
  });
}
