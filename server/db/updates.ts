/** Whether an UPDATE's values set anything: drizzle refuses one whose values are all undefined. */
export const setsAnything = (values: Record<string, unknown>) => Object.values(values).some((value) => value !== undefined);
