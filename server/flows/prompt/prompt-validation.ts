import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { users } from "../../db/schema.ts";
import type { ResponseErrors } from "../challenge.ts";
import { fieldError } from "../challenge.ts";
import { choicesOf, initialValueOf, type PromptRow } from "./prompt-challenge.ts";
import type { PromptData } from "./prompt-data.ts";
import { choiceTypes, displayOnlyTypes, type PromptType } from "./prompt-types.ts";
import type { UserRow } from "../../directory/users.ts";

/** A file arrives as a data: URL; this bounds what a flow carries in its session. */
const maxFileLength = 2 * 1024 * 1024;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const date = /^\d{4}-\d{2}-\d{2}$/;
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const locale = /^[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*$/;

type Check = { value: unknown } | { error: { string: string; code: string }[] };

const isBlank = (value: unknown) => value === undefined || value === null || value === "";
const ok = (value: unknown): Check => ({ value });
const fail = (message: string, code = "invalid"): Check => ({ error: fieldError(message, code) });

function validDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** Checks one submitted value against its prompt's type, and converts it to what is stored. */
function checkValue(prompt: PromptRow, raw: unknown): Check {
  const type = prompt.type as PromptType;
  if (type === "checkbox") {
    const checked = raw === true || raw === "true" || raw === "on";
    if (!checked && raw !== undefined && raw !== null && raw !== false && raw !== "false" && raw !== "") return fail("Must be a valid boolean.");
    // A required checkbox is one the visitor must tick, e.g. to accept terms.
    if (prompt.required && !checked) return fail("This field is required.", "required");
    return ok(checked);
  }
  if (isBlank(raw)) return prompt.required ? fail("This field is required.", "required") : ok(type === "number" ? null : "");
  if (type === "number") {
    const number = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
    return Number.isFinite(number) ? ok(number) : fail("A valid number is required.");
  }
  if (typeof raw !== "string") return fail("Not a valid string.");
  switch (type) {
    case "email":
      return email.test(raw.trim()) ? ok(raw.trim()) : fail("Enter a valid email address.");
    case "username":
      return raw.trim().length > 150 ? fail("Ensure this field has no more than 150 characters.") : ok(raw.trim());
    case "date":
      return date.test(raw) && validDate(raw) ? ok(raw) : fail("Date has wrong format. Use one of these formats instead: YYYY-MM-DD.");
    case "date-time":
      return dateTime.test(raw) && !Number.isNaN(Date.parse(raw))
        ? ok(raw)
        : fail("Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
    case "file":
      if (!raw.startsWith("data:")) return fail("Upload a file.");
      return raw.length > maxFileLength ? fail("The file is too large (at most 1.5 MB).") : ok(raw);
    case "ak-locale":
      return locale.test(raw) ? ok(raw) : fail(`"${raw}" is not a valid choice.`);
    default:
      if (choiceTypes.has(type) && !choicesOf(prompt)!.includes(raw)) return fail(`"${raw}" is not a valid choice.`);
      return ok(raw);
  }
}

export interface PromptValidation {
  values: PromptData;
  errors: ResponseErrors;
}

/**
 * Validates a prompt stage's response as authentik does: each field by its type, a `username` field
 * that another user already has, and `password` / `password_repeat` that differ. Read-only and
 * display fields keep nothing the visitor sent; a hidden field keeps its initial value.
 */
export async function validatePrompts(
  db: Db,
  fields: PromptRow[],
  response: Record<string, unknown>,
  context: { data: PromptData; user: UserRow | undefined },
): Promise<PromptValidation> {
  const values: PromptData = {};
  const errors: ResponseErrors = {};
  for (const prompt of fields) {
    const type = prompt.type as PromptType;
    if (displayOnlyTypes.has(type)) continue;
    if (type === "hidden") {
      values[prompt.fieldKey] = initialValueOf(prompt, context.data, context.user);
      continue;
    }
    const checked = checkValue(prompt, response[prompt.fieldKey]);
    if ("error" in checked) errors[prompt.fieldKey] = checked.error;
    else values[prompt.fieldKey] = checked.value;
  }
  for (const prompt of fields.filter((p) => p.type === "username" && !errors[p.fieldKey])) {
    const username = values[prompt.fieldKey];
    if (typeof username === "string" && username && (await usernameTaken(db, username, context.user))) {
      errors[prompt.fieldKey] = fieldError("Username is already taken.", "unique");
    }
  }
  const keys = new Set(fields.map((p) => p.fieldKey));
  if (keys.has("password") && keys.has("password_repeat") && !errors.password && !errors.password_repeat) {
    if (values.password !== values.password_repeat) errors.password_repeat = fieldError("Passwords don't match.");
  }
  return { values, errors };
}

/** Whether someone other than `self` (the user the flow is about) has this username. */
async function usernameTaken(db: Db, username: string, self: UserRow | undefined): Promise<boolean> {
  const [holder] = await db.select({ pk: users.pk }).from(users).where(eq(users.username, username));
  return Boolean(holder && holder.pk !== self?.pk);
}
