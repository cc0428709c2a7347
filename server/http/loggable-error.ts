import { DrizzleQueryError } from "drizzle-orm";

/**
 * An error as it may be written to the log: a failed query keeps its SQL but loses its parameters,
 * which can hold secrets (a source's client secret, password hashes, session data).
 */
export function loggable(error: unknown): unknown {
  if (!(error instanceof DrizzleQueryError)) return error;
  const safe = new Error(`Failed query: ${error.query}`, { cause: error.cause });
  safe.stack = [safe.message, ...(error.stack?.split("\n").filter((line) => line.trimStart().startsWith("at ")) ?? [])].join("\n");
  return safe;
}
