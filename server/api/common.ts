import { z, type RouteConfig } from "@hono/zod-openapi";
import { asc, count, desc, type AnyColumn, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.ts";
import type { Db } from "../db/client.ts";
import { isSuperuser } from "../directory/users.ts";

export const ValidationError = z
  .object({ non_field_errors: z.array(z.string()).optional(), code: z.string().optional() })
  .catchall(z.unknown())
  .openapi("ValidationError", { description: "Validation Error" });

export const GenericError = z
  .object({ detail: z.string(), code: z.string().optional() })
  .openapi("GenericError", { description: "Generic API Error" });

const json = <T extends z.ZodType>(schema: T, description = "") => ({
  content: { "application/json": { schema } },
  description,
});

/** The responses every authentik API operation declares: the result, 400 ValidationError and 403 GenericError. */
export function responses<T extends z.ZodType>(schema: T) {
  return { 200: json(schema), 400: json(ValidationError), 403: json(GenericError) } satisfies RouteConfig["responses"];
}

/** The responses of a create operation: 201 with the new object, 400 and 403. */
export function createdResponses<T extends z.ZodType>(schema: T) {
  return { 201: json(schema), 400: json(ValidationError), 403: json(GenericError) } satisfies RouteConfig["responses"];
}

/** A required JSON request body of the given schema. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

/** The responses of an operation on one object: as `responses`, plus 404 when there is no such object. */
export function objectResponses<T extends z.ZodType>(schema: T) {
  return { ...responses(schema), 404: json(GenericError, "Not found") } satisfies RouteConfig["responses"];
}

/** The responses of an operation on one object that answers with no body (delete, add a member, ...). */
export function noContentResponses(description = "No response body") {
  return {
    204: { description },
    400: json(ValidationError),
    403: json(GenericError),
    404: json(GenericError, "Not found"),
  } satisfies RouteConfig["responses"];
}

/** authentik's answer for a missing object, e.g. "No User matches the given query." */
export const notFound = (c: Context, model: string) =>
  c.json({ detail: `No ${model} matches the given query.`, code: "not_found" }, 404);

/** A boolean query parameter (`true` / `false`). */
export const queryBoolean = () => z.enum(["true", "false"]).optional().openapi({ type: "boolean" });

/**
 * A query parameter that may be repeated (`?type=a&type=b`): one value arrives as a string, several
 * as an array; `[value].flat()` reads both. `items` is the OpenAPI schema of one value.
 */
export const queryList = <T extends z.ZodType>(item: T, items: Record<string, unknown>) =>
  z.union([item, z.array(item)]).optional().openapi({ type: "array", items });

export const Pagination = z
  .object({
    next: z.number(),
    previous: z.number(),
    count: z.number(),
    current: z.number(),
    total_pages: z.number(),
    start_index: z.number(),
    end_index: z.number(),
  })
  .openapi("Pagination");

export const paginated = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ pagination: Pagination, results: z.array(item) }).openapi(name);

export const pageQuery = {
  page: z.coerce.number().int().min(1).optional().openapi({ type: "integer", description: "A page number within the paginated result set." }),
  page_size: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .optional()
    .openapi({ type: "integer", description: "Number of results to return per page." }),
  ordering: z.string().optional().openapi({ description: "Which field to use when ordering the results." }),
  search: z.string().optional().openapi({ description: "A search term." }),
};

export interface PageRequest {
  page?: number;
  page_size?: number;
}

/** Offset and limit for a page request, with authentik's default page size of 20. */
export function pageWindow({ page = 1, page_size = 20 }: PageRequest) {
  return { page, pageSize: page_size, offset: (page - 1) * page_size };
}

/** authentik's `pagination` object for a page of `count` results. */
export function pagination(count: number, { page, pageSize }: { page: number; pageSize: number }) {
  const totalPages = Math.max(1, Math.ceil(count / pageSize));
  const start = count === 0 ? 0 : (page - 1) * pageSize + 1;
  return {
    next: page < totalPages ? page + 1 : 0,
    previous: page > 1 ? page - 1 : 0,
    count,
    current: page,
    total_pages: totalPages,
    start_index: start,
    end_index: Math.min(count, page * pageSize),
  };
}

/** Escapes LIKE's wildcards, so a search for "100%" or "a_b" matches those characters. */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * Turns authentik's `ordering` parameter (`field` or `-field`) into an ORDER BY, ignoring unknown fields;
 * the `fallback` columns order what it leaves tied, or everything when it names no known field.
 */
export function orderingFrom(spec: string | undefined, columns: Record<string, AnyColumn>, ...fallback: AnyColumn[]): SQL[] {
  const field = spec?.replace(/^-/, "");
  const column = field && Object.hasOwn(columns, field) ? columns[field] : undefined;
  const tiebreak = fallback.map((col) => asc(col));
  if (!column) return tiebreak;
  return [spec!.startsWith("-") ? desc(column) : asc(column), ...tiebreak];
}

/** One page of the rows of `table` that match `where`, with authentik's `pagination` object for all of them. */
export async function selectPage<T extends PgTable>(db: Db, table: T, where: SQL | undefined, orderBy: SQL[], request: PageRequest) {
  const window = pageWindow(request);
  const [{ total }] = await db.select({ total: count() }).from(table as PgTable).where(where);
  const rows = await db
    .select()
    .from(table as PgTable)
    .where(where)
    .orderBy(...orderBy)
    .limit(window.pageSize)
    .offset(window.offset);
  return { rows: rows as T["$inferSelect"][], pagination: pagination(total, window) };
}

const notAuthenticated = (c: Context) =>
  c.json({ detail: "Authentication credentials were not provided.", code: "not_authenticated" }, 403);

export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get("session").user) return notAuthenticated(c);
  await next();
};

export const requireSuperuser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = c.get("session").user;
  if (!user) return notAuthenticated(c);
  if (!(await isSuperuser(c.get("deps").db, user.pk))) {
    return c.json({ detail: "You do not have permission to perform this action.", code: "permission_denied" }, 403);
  }
  await next();
};
