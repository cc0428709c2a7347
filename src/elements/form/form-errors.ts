/** Messages for each field the form shows, and the ones for the form as a whole. */
export interface FormErrors {
  readonly fields: Readonly<Record<string, readonly string[]>>;
  readonly form: readonly string[];
}

export const noErrors: FormErrors = { fields: {}, form: [] };

/**
 * Sorts a 400 answer's messages: those for fields the form shows go to the fields; the rest (the
 * answer's `non_field_errors`, and fields the form does not show) go above the form, each naming
 * its field, so no message the server sent is lost. DOM-free, so it is unit-tested in Node.
 */
export function sortErrors(fields: Readonly<Record<string, readonly string[]>>, nonField: readonly string[], shown: readonly string[]): FormErrors {
  const onFields: Record<string, readonly string[]> = {};
  const form = [...nonField];
  for (const [field, messages] of Object.entries(fields)) {
    if (!messages.length) continue;
    if (shown.includes(field)) onFields[field] = messages;
    else form.push(...messages.map((message) => `${field}: ${message}`));
  }
  return { fields: onFields, form };
}

/** The first shown field with a message, in the form's order (where focus goes). */
export function firstErrorField(errors: FormErrors, shown: readonly string[]): string | undefined {
  return shown.find((field) => errors.fields[field]?.length);
}
