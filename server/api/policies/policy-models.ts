import { z } from "@hono/zod-openapi";
import { count, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { policyBindings } from "../../db/schema.ts";
import type { PolicyRow } from "../../policies/kinds.ts";

/** How authentik names each kind of policy in its admin API. */
const kindNames: Record<string, { verbose: string; plural: string; model: string; component: string }> = {
  dummy: {
    verbose: "Dummy Policy",
    plural: "Dummy Policies",
    model: "authentik_policies_dummy.dummypolicy",
    component: "ak-policy-dummy-form",
  },
};

export const policyBase = {
  pk: z.uuid().openapi({ readOnly: true, title: "Policy uuid" }),
  name: z.string(),
  execution_logging: z.boolean().optional().openapi({
    description: "When this option is enabled, all executions of this policy will be logged. By default, only execution errors are logged.",
  }),
  component: z.string().openapi({ readOnly: true, description: "Get object component so that we know how to edit the object" }),
  verbose_name: z.string().openapi({ readOnly: true, description: "Return object's verbose_name" }),
  verbose_name_plural: z.string().openapi({ readOnly: true, description: "Return object's plural verbose_name" }),
  meta_model_name: z.string().openapi({ readOnly: true, description: "Return internal model name" }),
  bound_to: z.number().int().openapi({ readOnly: true, description: "Return objects policy is bound to" }),
};

export const Policy = z.object(policyBase).openapi("Policy", { description: "Policy Serializer" });

export function serializePolicy(policy: PolicyRow, boundTo: number): z.infer<typeof Policy> {
  const names = kindNames[policy.kind] ?? { verbose: policy.kind, plural: policy.kind, model: policy.kind, component: "" };
  return {
    pk: policy.pk,
    name: policy.name,
    execution_logging: policy.executionLogging,
    component: names.component,
    verbose_name: names.verbose,
    verbose_name_plural: names.plural,
    meta_model_name: names.model,
    bound_to: boundTo,
  };
}

/** How many bindings each policy has, by policy pk. */
export async function bindingCounts(db: Db, policyPks: string[]): Promise<Map<string, number>> {
  if (!policyPks.length) return new Map();
  const rows = await db
    .select({ policy: policyBindings.policy, total: count() })
    .from(policyBindings)
    .where(inArray(policyBindings.policy, policyPks))
    .groupBy(policyBindings.policy);
  return new Map(rows.map((row) => [row.policy!, row.total]));
}
