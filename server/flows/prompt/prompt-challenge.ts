import { z } from "@hono/zod-openapi";
import { asc, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { prompts } from "../../db/schema.ts";
import type { UserRow } from "../../directory/users.ts";
import { challengeShape, responseComponent } from "../challenge.ts";
import type { PromptData } from "./prompt-data.ts";
import { PromptTypeEnum, choiceTypes, type PromptType } from "./prompt-types.ts";

export type PromptRow = typeof prompts.$inferSelect;

export const StagePrompt = z
  .object({
    field_key: z.string(),
    label: z.string(),
    type: PromptTypeEnum,
    required: z.boolean(),
    placeholder: z.string(),
    initial_value: z.string(),
    order: z.number().int(),
    sub_text: z.string(),
    choices: z.array(z.string()).nullable(),
  })
  .openapi("StagePrompt", { description: "Serializer for a single Prompt field" });

export const PromptChallenge = z
  .object({ ...challengeShape("ak-stage-prompt"), fields: z.array(StagePrompt) })
  .openapi("PromptChallenge", { description: "Initial challenge being sent, define fields" });

export const PromptChallengeResponseRequest = z
  .object({ component: responseComponent("ak-stage-prompt") })
  .catchall(z.unknown())
  .openapi("PromptChallengeResponseRequest", {
    description: "Validate response, fields are dynamically created based\non the stage",
  });

export interface PromptStageConfig {
  /** The pks of the prompts the stage shows. */
  fields?: string[];
}

/** The prompts a prompt stage shows, in their order. */
export async function promptsOfStage(db: Db, config: PromptStageConfig): Promise<PromptRow[]> {
  const pks = config.fields ?? [];
  if (!pks.length) return [];
  return db.select().from(prompts).where(inArray(prompts.pk, pks)).orderBy(asc(prompts.order), asc(prompts.name));
}

/**
 * The choices of a radio group or dropdown: one per line of the placeholder. authentik takes them
 * from a placeholder expression; expressions are not evaluated here, and a one-line placeholder
 * gives the single choice it gives in authentik.
 */
export function choicesOf(prompt: PromptRow): string[] | null {
  if (!choiceTypes.has(prompt.type as PromptType)) return null;
  if (prompt.placeholderExpression) return [];
  return prompt.placeholder
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/** `return user.email` and the like: the one kind of initial-value expression read here, as a plain attribute lookup. */
const userAttribute = /^\s*return\s+(?:request\.)?user\.(username|name|email)\s*$/;

/**
 * What a field starts with: what the visitor already gave in this flow (never a password), else its
 * initial value. Expressions are not evaluated; only a bare `return user.<username|name|email>` is
 * read, from the user the flow is about.
 */
export function initialValueOf(prompt: PromptRow, data: PromptData, user: UserRow | undefined): string {
  const given = data[prompt.fieldKey];
  if (given !== undefined && given !== null && prompt.type !== "password" && prompt.type !== "hidden") return String(given);
  if (!prompt.initialValueExpression) return prompt.initialValue;
  const attribute = userAttribute.exec(prompt.initialValue)?.[1] as "username" | "name" | "email" | undefined;
  return attribute && user ? user[attribute] : "";
}

export function stagePrompt(prompt: PromptRow, data: PromptData, user: UserRow | undefined): z.infer<typeof StagePrompt> {
  const choices = choicesOf(prompt);
  return {
    field_key: prompt.fieldKey,
    label: prompt.label,
    type: prompt.type as PromptType,
    required: prompt.required,
    placeholder: choices || prompt.placeholderExpression ? "" : prompt.placeholder,
    initial_value: initialValueOf(prompt, data, user),
    order: prompt.order,
    sub_text: prompt.subText,
    choices,
  };
}
