import { z } from "@hono/zod-openapi";

export const PromptTypeEnum = z
  .enum([
    "text",
    "text_area",
    "text_read_only",
    "text_area_read_only",
    "username",
    "email",
    "password",
    "number",
    "checkbox",
    "radio-button-group",
    "dropdown",
    "date",
    "date-time",
    "file",
    "separator",
    "hidden",
    "static",
    "ak-locale",
  ])
  .openapi("PromptTypeEnum");

export type PromptType = z.infer<typeof PromptTypeEnum>;

/** Fields whose value is one of the prompt's choices. */
export const choiceTypes: ReadonlySet<PromptType> = new Set(["radio-button-group", "dropdown"]);

/** Fields that only show something: nothing the visitor sends for them is kept (authentik's read-only fields). */
export const displayOnlyTypes: ReadonlySet<PromptType> = new Set(["text_read_only", "text_area_read_only", "static", "separator"]);
