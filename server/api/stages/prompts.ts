import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { prompts, stages } from "../../db/schema.ts";
import { applyChange, type AdminModel } from "../../audit/changes.ts";
import { PromptChallenge, stagePrompt, type PromptRow } from "../../flows/prompt/prompt-challenge.ts";
import { PromptTypeEnum } from "../../flows/prompt/prompt-types.ts";
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
import { Stage, serializeStage } from "./stage-models.ts";

const fieldKeyHelp = "Name of the form field, also used to store the value";
const placeholderHelp =
  "Optionally provide a short hint that describes the expected input value. When creating a fixed choice field, enable interpreting as expression and return a list to return multiple choices.";
const initialValueHelp =
  "Optionally pre-fill the input with an initial value. When creating a fixed choice field, enable interpreting as expression and return a list to return multiple default choices.";

const settings = {
  required: z.boolean().optional(),
  placeholder: z.string().optional().openapi({ description: placeholderHelp }),
  initial_value: z.string().optional().openapi({ description: initialValueHelp }),
  order: z.number().int().min(-2147483648).max(2147483647).optional(),
  sub_text: z.string().optional(),
  placeholder_expression: z.boolean().optional(),
  initial_value_expression: z.boolean().optional(),
};

const Prompt = z
  .object({
    pk: z.uuid().openapi({ readOnly: true, title: "Prompt uuid" }),
    name: z.string(),
    field_key: z.string().openapi({ description: fieldKeyHelp }),
    label: z.string(),
    type: PromptTypeEnum,
    ...settings,
    promptstage_set: z.array(Stage).optional(),
  })
  .openapi("Prompt", { description: "Prompt Serializer" });

const requestShape = {
  name: z.string().trim().min(1),
  field_key: z.string().trim().min(1).openapi({ description: fieldKeyHelp }),
  label: z.string().trim().min(1),
  type: PromptTypeEnum,
  ...settings,
};
const PromptRequest = z.object(requestShape).openapi("PromptRequest", { description: "Prompt Serializer" });
const PatchedPromptRequest = z.object(requestShape).partial().openapi("PatchedPromptRequest", { description: "Prompt Serializer" });
type PromptInput = z.infer<typeof PatchedPromptRequest>;

const promptModel: AdminModel<PromptRow> = {
  app: "authentik_stages_prompt",
  model_name: "prompt",
  describe: (prompt) => ({ pk: prompt.pk, name: prompt.name }),
};

/** Prompt stages list their prompts in `config.fields`. */
const showsPrompt = (pk: string) => and(eq(stages.kind, "prompt"), sql`${stages.config}->'fields' @> ${JSON.stringify([pk])}::jsonb`);

async function serializePrompt(db: Db, prompt: PromptRow): Promise<z.infer<typeof Prompt>> {
  const promptStages = await db.select().from(stages).where(showsPrompt(prompt.pk)).orderBy(stages.name);
  return {
    pk: prompt.pk,
    name: prompt.name,
    field_key: prompt.fieldKey,
    label: prompt.label,
    type: prompt.type as z.infer<typeof PromptTypeEnum>,
    required: prompt.required,
    placeholder: prompt.placeholder,
    initial_value: prompt.initialValue,
    order: prompt.order,
    sub_text: prompt.subText,
    placeholder_expression: prompt.placeholderExpression,
    initial_value_expression: prompt.initialValueExpression,
    promptstage_set: promptStages.map(serializeStage),
  };
}

const columns = (input: PromptInput) => ({
  name: input.name,
  fieldKey: input.field_key,
  label: input.label,
  type: input.type,
  required: input.required,
  placeholder: input.placeholder,
  initialValue: input.initial_value,
  order: input.order,
  subText: input.sub_text,
  placeholderExpression: input.placeholder_expression,
  initialValueExpression: input.initial_value_expression,
});

const orderable = { name: prompts.name, field_key: prompts.fieldKey, label: prompts.label, type: prompts.type, order: prompts.order };
const common = { tags: ["stages"], description: "Prompt Viewset", middleware: requireSuperuser };
const params = z.object({ prompt_uuid: z.uuid().openapi({ description: "A UUID string identifying this Prompt." }) });
const itemPath = "/stages/prompt/prompts/{prompt_uuid}/";
const json = <T extends z.ZodType>(schema: T, required = true) => ({ content: { "application/json": { schema } }, required });

async function nameTaken(db: Db, name: string | undefined, self?: string): Promise<boolean> {
  if (name === undefined) return false;
  const [clash] = await db.select({ pk: prompts.pk }).from(prompts).where(eq(prompts.name, name));
  return Boolean(clash && clash.pk !== self);
}

const nameError = { name: ["prompt with this name already exists."] };

async function findPrompt(c: Context<AppEnv>, pk: string) {
  const [row] = await c.get("deps").db.select().from(prompts).where(eq(prompts.pk, pk));
  return row;
}

export function registerPrompts(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/stages/prompt/prompts/",
      operationId: "stages_prompt_prompts_list",
      request: {
        query: z.object({
          ...pageQuery,
          field_key: z.string().optional(),
          label: z.string().optional(),
          name: z.string().optional(),
          placeholder: z.string().optional(),
          type: PromptTypeEnum.optional(),
        }),
      },
      responses: responses(paginated(Prompt, "PaginatedPromptList")),
    }),
    async (c) => {
      const { db } = c.get("deps");
      const query = c.req.valid("query");
      const filters: (SQL | undefined)[] = [
        query.field_key === undefined ? undefined : eq(prompts.fieldKey, query.field_key),
        query.label === undefined ? undefined : eq(prompts.label, query.label),
        query.name === undefined ? undefined : eq(prompts.name, query.name),
        query.placeholder === undefined ? undefined : eq(prompts.placeholder, query.placeholder),
        query.type === undefined ? undefined : eq(prompts.type, query.type),
      ];
      if (query.search) {
        const term = `%${query.search}%`;
        filters.push(or(ilike(prompts.name, term), ilike(prompts.fieldKey, term), ilike(prompts.label, term)));
      }
      const where = and(...filters);
      const window = pageWindow(query);
      const [{ total }] = await db.select({ total: count() }).from(prompts).where(where);
      const rows = await db
        .select()
        .from(prompts)
        .where(where)
        .orderBy(...orderingFrom(query.ordering, orderable, prompts.name))
        .limit(window.pageSize)
        .offset(window.offset);
      const results = await Promise.all(rows.map((row) => serializePrompt(db, row)));
      return c.json({ pagination: pagination(total, window), results }, 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/stages/prompt/prompts/",
      operationId: "stages_prompt_prompts_create",
      request: { body: json(PromptRequest) },
      responses: createdResponses(Prompt),
    }),
    async (c) => {
      const { db } = c.get("deps");
      const body = c.req.valid("json");
      if (await nameTaken(db, body.name)) return c.json(nameError, 400);
      const prompt = await applyChange(c, "model_created", promptModel, async (tx) => {
        const [row] = await tx.insert(prompts).values({ ...columns(body), name: body.name, fieldKey: body.field_key, label: body.label, type: body.type }).returning();
        return row;
      });
      return c.json(await serializePrompt(db, prompt), 201);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/stages/prompt/prompts/preview/",
      operationId: "stages_prompt_prompts_preview_create",
      description: "Preview a prompt as a challenge, just like a flow would receive",
      request: { body: json(PromptRequest) },
      responses: responses(PromptChallenge),
    }),
    async (c) => {
      const body = c.req.valid("json");
      const row: PromptRow = {
        pk: "",
        name: body.name,
        fieldKey: body.field_key,
        label: body.label,
        type: body.type,
        required: body.required ?? true,
        placeholder: body.placeholder ?? "",
        initialValue: body.initial_value ?? "",
        order: body.order ?? 0,
        subText: body.sub_text ?? "",
        placeholderExpression: body.placeholder_expression ?? false,
        initialValueExpression: body.initial_value_expression ?? false,
      };
      return c.json({ component: "ak-stage-prompt" as const, fields: [stagePrompt(row, {}, undefined)] }, 200);
    },
  );

  api.openapi(
    createRoute({ ...common, method: "get", path: itemPath, operationId: "stages_prompt_prompts_retrieve", request: { params }, responses: objectResponses(Prompt) }),
    async (c) => {
      const prompt = await findPrompt(c, c.req.valid("param").prompt_uuid);
      return prompt ? c.json(await serializePrompt(c.get("deps").db, prompt), 200) : notFound(c, "Prompt");
    },
  );

  for (const [method, schema, action] of [
    ["put", PromptRequest, "update"],
    ["patch", PatchedPromptRequest, "partial_update"],
  ] as const) {
    api.openapi(
      createRoute({
        ...common,
        method,
        path: itemPath,
        operationId: `stages_prompt_prompts_${action}`,
        request: { params, body: json(schema, method === "put") },
        responses: objectResponses(Prompt),
      }),
      async (c) => {
        const { db } = c.get("deps");
        const prompt = await findPrompt(c, c.req.valid("param").prompt_uuid);
        if (!prompt) return notFound(c, "Prompt");
        const body = c.req.valid("json") as PromptInput;
        if (await nameTaken(db, body.name, prompt.pk)) return c.json(nameError, 400);
        const values = stripUndefined(columns(body));
        const updated = await applyChange(c, "model_updated", promptModel, async (tx) => {
          if (!Object.keys(values).length) return prompt;
          const [row] = await tx.update(prompts).set(values).where(eq(prompts.pk, prompt.pk)).returning();
          return row;
        });
        return c.json(await serializePrompt(db, updated), 200);
      },
    );
  }

  api.openapi(
    createRoute({ ...common, method: "delete", path: itemPath, operationId: "stages_prompt_prompts_destroy", request: { params }, responses: noContentResponses() }),
    async (c) => {
      const prompt = await findPrompt(c, c.req.valid("param").prompt_uuid);
      if (!prompt) return notFound(c, "Prompt");
      await applyChange(c, "model_deleted", promptModel, async (tx) => {
        // The prompt leaves every stage that showed it.
        await tx
          .update(stages)
          .set({ config: sql`jsonb_set(${stages.config}, '{fields}', (${stages.config}->'fields') - ${prompt.pk}::text)` })
          .where(showsPrompt(prompt.pk));
        await tx.delete(prompts).where(eq(prompts.pk, prompt.pk));
        return prompt;
      });
      return c.body(null, 204);
    },
  );
}

function stripUndefined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
