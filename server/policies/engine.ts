import { asc, and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { policies, policyBindings } from "../db/schema.ts";
import { groupsWithAncestors } from "./membership.ts";
import { policyKinds, type PolicyResult, type PolicyRow } from "./kinds.ts";

export type PolicyEngineMode = "all" | "any";
type BindingRow = typeof policyBindings.$inferSelect;

/** Who the policies decide about: a user, or nobody (a signed-out visitor). */
export type PolicySubject = { pk: number } | null | undefined;

/**
 * Evaluates the enabled policy, group and user bindings of `target` for `subject`, combined as the
 * target's engine mode says: `all` must pass, or `any` one. A target without bindings passes.
 */
export async function evaluatePolicies(db: Db, target: string, mode: PolicyEngineMode, subject: PolicySubject): Promise<PolicyResult> {
  const rows = await db
    .select({ binding: policyBindings, policy: policies })
    .from(policyBindings)
    .leftJoin(policies, eq(policies.pk, policyBindings.policy))
    .where(and(eq(policyBindings.target, target), eq(policyBindings.enabled, true)))
    .orderBy(asc(policyBindings.order));
  if (rows.length === 0) return { passing: true, messages: [] };
  const groups = subject && rows.some((r) => r.binding.group) ? await groupsWithAncestors(db, subject.pk) : new Set<string>();
  const results = await Promise.all(rows.map(({ binding, policy }) => evaluateBinding(binding, policy, subject, groups)));
  const passing = mode === "any" ? results.some((r) => r.passing) : results.every((r) => r.passing);
  return { passing, messages: results.flatMap((r) => r.messages) };
}

async function evaluateBinding(binding: BindingRow, policy: PolicyRow | null, subject: PolicySubject, groups: Set<string>): Promise<PolicyResult> {
  const result = await rawResult(binding, policy, subject, groups);
  // Negation flips the outcome; the messages stay as the policy gave them.
  return binding.negate ? { ...result, passing: !result.passing } : result;
}

function rawResult(binding: BindingRow, policy: PolicyRow | null, subject: PolicySubject, groups: Set<string>): Promise<PolicyResult> | PolicyResult {
  if (binding.group) return { passing: groups.has(binding.group), messages: [] };
  if (binding.user !== null) return { passing: subject?.pk === binding.user, messages: [] };
  if (policy) return runPolicy(binding, policy);
  return { passing: binding.failureResult, messages: [] };
}

/** Runs the policy, giving the binding's failure result when it fails or outlasts the binding's timeout. */
async function runPolicy(binding: BindingRow, policy: PolicyRow): Promise<PolicyResult> {
  const kind = policyKinds.get(policy.kind);
  if (!kind) return { passing: binding.failureResult, messages: [`Policy "${policy.name}" is of a kind this server cannot evaluate.`] };
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<PolicyResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ passing: binding.failureResult, messages: [`Policy "${policy.name}" timed out.`] });
    }, binding.timeout * 1000);
  });
  try {
    return await Promise.race([kind.passes(policy, controller.signal), timedOut]);
  } catch (error) {
    return { passing: binding.failureResult, messages: [error instanceof Error ? error.message : String(error)] };
  } finally {
    clearTimeout(timer);
  }
}
