import type { policies } from "../db/schema.ts";
import { dummy } from "./dummy.ts";

export type PolicyRow = typeof policies.$inferSelect;

/** What a policy decides, with the messages it gives the user (e.g. on an access-denied page). */
export interface PolicyResult {
  passing: boolean;
  messages: string[];
}

/** One kind of policy. `passes` may take a while; the engine stops waiting at the binding's timeout. */
export interface PolicyKind {
  kind: string;
  passes(policy: PolicyRow, signal: AbortSignal): Promise<PolicyResult>;
}

/** Every kind of policy the reference server can evaluate, by the `kind` stored on the policy. */
export const policyKinds: ReadonlyMap<string, PolicyKind> = new Map([dummy].map((k) => [k.kind, k]));
