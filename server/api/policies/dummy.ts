import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq, ilike, ne } from "drizzle-orm";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { policies } from "../../db/schema.ts";
import { dummyDefaults } from "../../policies/dummy.ts";
import type { PolicyRow } from "../../policies/kinds.ts";
import { orderingFrom, pageQuery, requireSuperuser } from "../common.ts";
import type { FieldErrors } from "../validation.ts";
import { registerViewSet } from "../viewset.ts";
import { uuidLookup } from "../viewset-routes.ts";
import { bindingCounts, policyBase, serializePolicy } from "./policy-models.ts";

const int = () => z.number().int().min(-2147483648).max(2147483647);
const executionLoggingHelp =
  "When this option is enabled, all executions of this policy will be logged. By default, only execution errors are logged.";
const settings = { result: z.boolean().optional(), wait_min: int().optional(), wait_max: int().optional() };
const requestShape = {
  name: z.string().trim().min(1),
  execution_logging: z.boolean().optional().openapi({ description: executionLoggingHelp }),
  ...settings,
};

const DummyPolicy = z.object({ ...policyBase, ...settings }).openapi("DummyPolicy", { description: "Dummy Policy Serializer" });
const DummyPolicyRequest = z.object(requestShape).openapi("DummyPolicyRequest", { description: "Dummy Policy Serializer" });
const PatchedDummyPolicyRequest = z.object(requestShape).partial().openapi("PatchedDummyPolicyRequest", { description: "Dummy Policy Serializer" });
type DummyInput = z.infer<typeof PatchedDummyPolicyRequest>;

async function serializeAll(db: Db, rows: PolicyRow[]) {
  const counts = await bindingCounts(db, rows.map((row) => row.pk));
  return rows.map((row) => ({
    ...serializePolicy(row, counts.get(row.pk) ?? 0),
    ...dummyDefaults,
    ...(row.config as Partial<typeof dummyDefaults>),
  }));
}

async function nameTaken(db: Db, name: string, self?: string): Promise<FieldErrors> {
  const [clash] = await db
    .select({ pk: policies.pk })
    .from(policies)
    .where(and(eq(policies.name, name), self ? ne(policies.pk, self) : undefined));
  return clash ? { name: ["policy with this name already exists."] } : {};
}

const settingsOf = ({ result, wait_min, wait_max }: DummyInput) =>
  Object.fromEntries(Object.entries({ result, wait_min, wait_max }).filter(([, value]) => value !== undefined));

/** The admin API of dummy policies: a fixed result after a random wait, for testing policy bindings. */
export function registerDummyPolicies(api: OpenAPIHono<AppEnv>) {
  registerViewSet(api, {
    tag: "policies",
    description: "Dummy Viewset",
    middleware: requireSuperuser,
    path: "/policies/dummy/",
    params: uuidLookup("policy_uuid", "Dummy Policy"),
    Model: DummyPolicy,
    Request: DummyPolicyRequest,
    PatchedRequest: PatchedDummyPolicyRequest,
    query: z.object({ ...pageQuery, name: z.string().optional() }),
    listName: "PaginatedDummyPolicyList",
    table: policies,
    modelName: "DummyPolicy",
    audit: { app: "authentik_policies_dummy", model_name: "dummypolicy", describe: (policy) => ({ pk: policy.pk, name: policy.name }) },
    scope: eq(policies.kind, "dummy"),
    filter: (_db, query) =>
      and(
        query.name === undefined ? undefined : eq(policies.name, query.name),
        query.search ? ilike(policies.name, `%${query.search}%`) : undefined,
      ),
    orderBy: (ordering) => orderingFrom(ordering, { name: policies.name }, policies.name),
    serialize: serializeAll,
    check: async (db, body, existing) => (body.name ? nameTaken(db, body.name, existing?.pk) : {}),
    insert: (body) => ({ name: body.name, kind: "dummy", executionLogging: body.execution_logging, config: { ...dummyDefaults, ...settingsOf(body) } }),
    update: (body, existing) => ({
      name: body.name,
      executionLogging: body.execution_logging,
      config: { ...dummyDefaults, ...existing.config, ...settingsOf(body) },
      lastUpdated: new Date(),
    }),
  });
}
