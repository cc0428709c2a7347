import { z } from "@hono/zod-openapi";

type Issue = Parameters<NonNullable<z.core.$ZodConfig["customError"]>>[0];

const typeMessages: Record<string, string> = {
  string: "Not a valid string.",
  number: "A valid number is required.",
  int: "A valid integer is required.",
  boolean: "Must be a valid boolean.",
  array: "Expected a list of items.",
  object: "Invalid data. Expected a dictionary.",
};

const formatMessages: Record<string, string> = {
  email: "Enter a valid email address.",
  uuid: "Must be a valid UUID.",
  datetime: "Datetime has wrong format.",
  url: "Enter a valid URL.",
};

/**
 * Validation messages in the words authentik's API (Django REST framework) uses, so a form shows
 * the same text against either server. Messages a schema states itself take precedence.
 */
function drfMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "This field is required.";
      if (issue.input === null) return "This field may not be null.";
      return typeMessages[issue.expected];
    case "too_small":
      if (issue.origin === "string") {
        return issue.minimum === 1 ? "This field may not be blank." : `Ensure this field has at least ${issue.minimum} characters.`;
      }
      if (issue.origin === "array") return `Ensure this field has at least ${issue.minimum} elements.`;
      return `Ensure this value is greater than or equal to ${issue.minimum}.`;
    case "too_big":
      if (issue.origin === "string") return `Ensure this field has no more than ${issue.maximum} characters.`;
      if (issue.origin === "array") return `Ensure this field has no more than ${issue.maximum} elements.`;
      return `Ensure this value is less than or equal to ${issue.maximum}.`;
    case "invalid_format":
      return formatMessages[issue.format];
    case "invalid_value":
      return `"${String(issue.input)}" is not a valid choice.`;
    default:
      return undefined;
  }
}

z.config({ customError: drfMessage });

/** authentik's 400 body: the messages under each field's name, `non_field_errors` for the whole. */
export type FieldErrors = Record<string, string[]>;

export const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0;

/** A failed validation as authentik answers it. */
export function validationErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "non_field_errors";
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

/**
 * Thrown to refuse a change with authentik's 400 answer, e.g. from inside a transaction that must
 * roll back; the API answers it with `errors`.
 */
export class ChangeRefused extends Error {
  constructor(readonly errors: FieldErrors) {
    super(Object.values(errors).flat().join(" "));
  }
}
