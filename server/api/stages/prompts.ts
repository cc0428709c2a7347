import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq, ilike, or, sql } from "drizzle-orm";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { prompts, stages } from "../../db/schema.ts";
import { PromptChallenge, stagePrompt, type PromptRow } from "../../flows/prompt/prompt-challenge.ts";
import { PromptTypeEnum } from "../../flows/prompt/prompt-types.ts";
import { jsonBody, orderingFrom, pageQuery, requireSuperuser, responses } from "../common.ts";
import type { FieldErrors } from "../validation.ts";
import { registerListRoutes, registerObjectRoutes, type ViewSet } from "../viewset.ts";
import { uuidLookup } from "../viewset-routes.ts";
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

const listQuery = z.object({
  ...pageQuery,
  field_key: z.string().optional(),
  label: z.string().optional(),
  name: z.string().optional(),
  placeholder: z.string().optional(),
  type: PromptTypeEnum.optional(),
});

const orderable = { name: prompts.name, field_key: prompts.fieldKey, label: prompts.label, type: prompts.type, order: prompts.order };

async function nameTaken(db: Db, name: string | undefined, self?: string): Promise<FieldErrors> {
  if (name === undefined) return {};
  const [clash] = await db.select({ pk: prompts.pk }).from(prompts).where(eq(prompts.name, name));
  return clash && clash.pk !== self ? { name: ["prompt with this name already exists."] } : {};
}

const promptViewSet: ViewSet<typeof prompts, z.infer<typeof PromptRequest>, z.infer<typeof listQuery>> = {
  tag: "stages",
  description: "Prompt Viewset",
  middleware: requireSuperuser,
  path: "/stages/prompt/prompts/",
  params: uuidLookup("prompt_uuid", "Prompt"),
  Model: Prompt,
  Request: PromptRequest,
  PatchedRequest: PatchedPromptRequest,
  query: listQuery,
  listName: "PaginatedPromptList",
  table: prompts,
  modelName: "Prompt",
  audit: { app: "authentik_stages_prompt", model_name: "prompt", describe: (prompt) => ({ pk: prompt.pk, name: prompt.name }) },
  filter: (_db, query) =>
    and(
      query.field_key === undefined ? undefined : eq(prompts.fieldKey, query.field_key),
      query.label === undefined ? undefined : eq(prompts.label, query.label),
      query.name === undefined ? undefined : eq(prompts.name, query.name),
      query.placeholder === undefined ? undefined : eq(prompts.placeholder, query.placeholder),
      query.type === undefined ? undefined : eq(prompts.type, query.type),
      query.search ? or(...[prompts.name, prompts.fieldKey, prompts.label].map((column) => ilike(column, `%${query.search}%`))) : undefined,
    ),
  orderBy: (ordering) => orderingFrom(ordering, orderable, prompts.name),
  serialize: (db, rows) => Promise.all(rows.map((row) => serializePrompt(db, row))),
  check: (db, body, existing) => nameTaken(db, body.name, existing?.pk),
  insert: (body) => ({ ...columns(body), name: body.name, fieldKey: body.field_key, label: body.label, type: body.type }),
  update: columns,
  // The prompt leaves every stage that showed it.
  beforeDelete: async (tx, prompt) => {
    await tx
      .update(stages)
      .set({ config: sql`jsonb_set(${stages.config}, '{fields}', (${stages.config}->'fields') - ${prompt.pk}::text)` })
      .where(showsPrompt(prompt.pk));
  },
};

const previewRoute = createRoute({
  tags: ["stages"],
  description: "Preview a prompt as a challenge, just like a flow would receive",
  middleware: requireSuperuser,
  method: "post",
  path: "/stages/prompt/prompts/preview/",
  operationId: "stages_prompt_prompts_preview_create",
  request: jsonBody(PromptRequest),
  responses: responses(PromptChallenge),
});

export function registerPrompts(api: OpenAPIHono<AppEnv>) {
  registerListRoutes(api, promptViewSet);

  api.openapi(previewRoute, async (c) => {
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
  });

  registerObjectRoutes(api, promptViewSet);
}
