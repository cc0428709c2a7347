import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, count, eq, ilike, ne, type SQL } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { policies } from "../../db/schema.ts";
import { applyChange, type AdminModel } from "../../audit/changes.ts";
import { dummyDefaults } from "../../policies/dummy.ts";
import type { PolicyRow } from "../../policies/kinds.ts";
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

const common = { tags: ["policies"], description: "Dummy Viewset", middleware: requireSuperuser };
const params = z.object({ policy_uuid: z.uuid().openapi({ description: "A UUID string identifying this Dummy Policy." }) });
const itemPath = "/policies/dummy/{policy_uuid}/";
const policyModel: AdminModel<PolicyRow> = {
  app: "authentik_policies_dummy",
  model_name: "dummypolicy",
  describe: (policy) => ({ pk: policy.pk, name: policy.name }),
};

const serialize = (policy: PolicyRow, boundTo: number) => ({
  ...serializePolicy(policy, boundTo),
  ...dummyDefaults,
  ...(policy.config as Partial<typeof dummyDefaults>),
});

async function serializeAll(db: Db, rows: PolicyRow[]) {
  const counts = await bindingCounts(db, rows.map((row) => row.pk));
  return rows.map((row) => serialize(row, counts.get(row.pk) ?? 0));
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

async function findPolicy(c: Context<AppEnv>, pk: string) {
  const [row] = await c.get("deps").db.select().from(policies).where(and(eq(policies.pk, pk), eq(policies.kind, "dummy")));
  return row;
}

/** The admin API of dummy policies: a fixed result after a random wait, for testing policy bindings. */
export function registerDummyPolicies(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/policies/dummy/",
      operationId: "policies_dummy_list",
      request: { query: z.object({ ...pageQuery, name: z.string().optional() }) },
      responses: responses(paginated(DummyPolicy, "PaginatedDummyPolicyList")),
    }),
    async (c) => {
      const { db } = c.get("deps");
      const query = c.req.valid("query");
      const filters: (SQL | undefined)[] = [
        eq(policies.kind, "dummy"),
        query.name === undefined ? undefined : eq(policies.name, query.name),
        query.search ? ilike(policies.name, `%${query.search}%`) : undefined,
      ];
      const where = and(...filters);
      const window = pageWindow(query);
      const [{ total }] = await db.select({ total: count() }).from(policies).where(where);
      const rows = await db
        .select()
        .from(policies)
        .where(where)
        .orderBy(...orderingFrom(query.ordering, { name: policies.name }, policies.name))
        .limit(window.pageSize)
        .offset(window.offset);
      return c.json({ pagination: pagination(total, window), results: await serializeAll(db, rows) }, 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/policies/dummy/",
      operationId: "policies_dummy_create",
      request: { body: { content: { "application/json": { schema: DummyPolicyRequest } }, required: true } },
      responses: createdResponses(DummyPolicy),
    }),
    async (c) => {
      const body = c.req.valid("json");
      const errors = await nameTaken(c.get("deps").db, body.name);
      if (Object.keys(errors).length) return c.json(errors, 400);
      const row = await applyChange(c, "model_created", policyModel, async (tx) => {
        const values = { name: body.name, kind: "dummy", executionLogging: body.execution_logging, config: { ...dummyDefaults, ...settingsOf(body) } };
        const [inserted] = await tx.insert(policies).values(values).returning();
        return inserted;
      });
      return c.json(serialize(row, 0), 201);
    },
  );

  api.openapi(
    createRoute({ ...common, method: "get", path: itemPath, operationId: "policies_dummy_retrieve", request: { params }, responses: objectResponses(DummyPolicy) }),
    async (c) => {
      const row = await findPolicy(c, c.req.valid("param").policy_uuid);
      return row ? c.json((await serializeAll(c.get("deps").db, [row]))[0], 200) : notFound(c, "DummyPolicy");
    },
  );

  for (const [method, schema, operationId] of [
    ["put", DummyPolicyRequest, "policies_dummy_update"],
    ["patch", PatchedDummyPolicyRequest, "policies_dummy_partial_update"],
  ] as const) {
    api.openapi(
      createRoute({
        ...common,
        method,
        path: itemPath,
        operationId,
        request: { params, body: { content: { "application/json": { schema } }, required: method === "put" } },
        responses: objectResponses(DummyPolicy),
      }),
      async (c) => {
        const { db } = c.get("deps");
        const row = await findPolicy(c, c.req.valid("param").policy_uuid);
        if (!row) return notFound(c, "DummyPolicy");
        const body: DummyInput = c.req.valid("json");
        const errors = body.name ? await nameTaken(db, body.name, row.pk) : {};
        if (Object.keys(errors).length) return c.json(errors, 400);
        const updated = await applyChange(c, "model_updated", policyModel, async (tx) => {
          const values = {
            name: body.name,
            executionLogging: body.execution_logging,
            config: { ...dummyDefaults, ...row.config, ...settingsOf(body) },
            lastUpdated: new Date(),
          };
          const [changed] = await tx.update(policies).set(values).where(eq(policies.pk, row.pk)).returning();
          return changed;
        });
        return c.json((await serializeAll(db, [updated]))[0], 200);
      },
    );
  }

  api.openapi(
    createRoute({ ...common, method: "delete", path: itemPath, operationId: "policies_dummy_destroy", request: { params }, responses: noContentResponses() }),
    async (c) => {
      const row = await findPolicy(c, c.req.valid("param").policy_uuid);
      if (!row) return notFound(c, "DummyPolicy");
      await applyChange(c, "model_deleted", policyModel, async (tx) => {
        await tx.delete(policies).where(eq(policies.pk, row.pk));
        return row;
      });
      return c.body(null, 204);
    },
  );
}
