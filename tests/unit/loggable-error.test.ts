import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loggable } from "../../server/http/loggable-error.ts";

describe("errors written to the log", () => {
  it("keep a failed query's SQL and cause, but not its parameters", () => {
    const cause = new Error("duplicate key value violates unique constraint");
    const failed = new DrizzleQueryError('insert into "ak_source" ("config") values ($1)', ['{"consumer_secret":"s3cret"}'], cause);
    const logged = loggable(failed) as Error;
    expect(`${logged.message}\n${logged.stack}`).not.toContain("s3cret");
    expect(logged.message).toContain('insert into "ak_source"');
    expect(logged.cause).toBe(cause);
  });

  it("leave other errors as they are", () => {
    const other = new Error("something else");
    expect(loggable(other)).toBe(other);
  });
});
