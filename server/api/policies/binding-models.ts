import { z } from "@hono/zod-openapi";
import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { groups, policies, policyBindings, users } from "../../db/schema.ts";
import { groupsOfUsers } from "../../directory/users.ts";
import { Group } from "../core/group-models.ts";
import { serializeGroups } from "../core/groups.ts";
import { User, serializeUser } from "../core/user-models.ts";
import { Policy, bindingCounts, serializePolicy } from "./policy-models.ts";

export type PolicyBindingRow = typeof policyBindings.$inferSelect;

const order = z.number().int().min(-2147483648).max(2147483647);
const bindingFields = {
  policy: z.uuid().nullable().optional(),
  group: z.uuid().nullable().optional(),
  user: z.number().int().nullable().optional(),
  target: z.uuid(),
  negate: z.boolean().optional().openapi({ description: "Negates the outcome of the policy. Messages are unaffected." }),
  enabled: z.boolean().optional(),
  order,
  timeout: z.number().int().min(0).max(2147483647).optional().openapi({ description: "Timeout after which Policy execution is terminated." }),
  failure_result: z.boolean().optional().openapi({ description: "Result if the Policy execution fails." }),
};

export const PolicyBinding = z
  .object({
    pk: z.uuid().openapi({ readOnly: true, title: "Policy binding uuid" }),
    ...bindingFields,
    // authentik sends null for the two that are not bound; these leave them out, so both read as absent.
    policy_obj: Policy.optional(),
    group_obj: Group.optional(),
    user_obj: User.optional(),
  })
  .openapi("PolicyBinding", { description: "PolicyBinding Serializer" });

export const PolicyBindingRequest = z.object(bindingFields).openapi("PolicyBindingRequest", { description: "PolicyBinding Serializer" });
export const PatchedPolicyBindingRequest = z
  .object(bindingFields)
  .partial()
  .openapi("PatchedPolicyBindingRequest", { description: "PolicyBinding Serializer" });
export type PolicyBindingInput = z.infer<typeof PatchedPolicyBindingRequest>;

/** The bindings as the API shows them, each with the policy, group or user it binds. */
export async function serializePolicyBindings(db: Db, rows: PolicyBindingRow[]): Promise<z.infer<typeof PolicyBinding>[]> {
  const pks = <K extends "policy" | "group" | "user">(key: K) =>
    [...new Set(rows.flatMap((row) => (row[key] === null ? [] : [row[key]!])))] as NonNullable<PolicyBindingRow[K]>[];
  const policyPks = pks("policy");
  const groupPks = pks("group");
  const userPks = pks("user");
  const [policyRows, groupRows, userRows, counts, userGroups] = await Promise.all([
    policyPks.length ? db.select().from(policies).where(inArray(policies.pk, policyPks)) : [],
    groupPks.length ? db.select().from(groups).where(inArray(groups.pk, groupPks)) : [],
    userPks.length ? db.select().from(users).where(inArray(users.pk, userPks)) : [],
    bindingCounts(db, policyPks),
    groupsOfUsers(db, userPks),
  ]);
  const policyObjs = new Map(policyRows.map((p) => [p.pk, serializePolicy(p, counts.get(p.pk) ?? 0)]));
  const groupObjs = new Map((await serializeGroups(db, groupRows, false)).map((g) => [g.pk, g]));
  const userObjs = new Map(userRows.map((u) => [u.pk, serializeUser(u, userGroups.get(u.pk) ?? [], false)]));
  return rows.map((row) => ({
    pk: row.pk,
    policy: row.policy,
    group: row.group,
    user: row.user,
    policy_obj: (row.policy && policyObjs.get(row.policy)) || undefined,
    group_obj: (row.group && groupObjs.get(row.group)) || undefined,
    user_obj: (row.user !== null && userObjs.get(row.user)) || undefined,
    target: row.target,
    negate: row.negate,
    enabled: row.enabled,
    order: row.order,
    timeout: row.timeout,
    failure_result: row.failureResult,
  }));
}
