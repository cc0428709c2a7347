import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq, ilike, inArray, ne, sql } from "drizzle-orm";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { sources, userSourceConnections, users } from "../../db/schema.ts";
import { missingReferences } from "../../db/references.ts";
import { escapeLike, orderingFrom, pageQuery, requireSuperuser } from "../common.ts";
import type { FieldErrors } from "../validation.ts";
import { registerViewSet } from "../viewset.ts";
import { Source, serializeSource } from "./source-models.ts";

type ConnectionRow = typeof userSourceConnections.$inferSelect;

const UserOAuthSourceConnection = z
  .object({
    pk: z.number().int().openapi({ readOnly: true, title: "ID" }),
    user: z.number().int(),
    source: z.uuid(),
    source_obj: Source,
    created: z.string().openapi({ format: "date-time", readOnly: true }),
    identifier: z.string().max(255),
  })
  .openapi("UserOAuthSourceConnection", { description: "OAuth Source Serializer" });

const requestShape = {
  user: z.number().int(),
  source: z.uuid(),
  identifier: z.string().min(1).max(255),
};
const Request = z.object(requestShape).openapi("UserOAuthSourceConnectionRequest", { description: "OAuth Source Serializer" });
const PatchedRequest = z
  .object(requestShape)
  .partial()
  .openapi("PatchedUserOAuthSourceConnectionRequest", { description: "OAuth Source Serializer" });
type ConnectionInput = z.infer<typeof PatchedRequest>;

const query = z.object({
  ...pageQuery,
  user: z.coerce.number().int().optional().openapi({ type: "integer" }),
  source__slug: z.string().optional(),
});

const isOAuthSource = sql`${userSourceConnections.source} in (select ${sources.pk} from ${sources} where ${sources.kind} = 'oauth')`;

async function serializeAll(db: Db, rows: ConnectionRow[]) {
  const pks = [...new Set(rows.map((row) => row.source))];
  const sourceRows = pks.length ? await db.select().from(sources).where(inArray(sources.pk, pks)) : [];
  const byPk = new Map(sourceRows.map((source) => [source.pk, serializeSource(source)]));
  return rows.map((row) => ({
    pk: row.pk,
    user: row.user,
    source: row.source,
    source_obj: byPk.get(row.source)!,
    created: row.created.toISOString(),
    identifier: row.identifier,
  }));
}

/** References that must exist, and the two one-of rules: one user per account at a source, one account per user and source. */
async function check(db: Db, body: ConnectionInput, existing?: ConnectionRow): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const userMissing = body.user === undefined ? undefined : await missingReferences(db, users.pk, [body.user]);
  if (userMissing) errors.user = userMissing;
  if (body.source !== undefined) {
    const [source] = await db.select({ pk: sources.pk }).from(sources).where(and(eq(sources.pk, body.source), eq(sources.kind, "oauth")));
    if (!source) errors.source = [`Invalid pk "${body.source}" - object does not exist.`];
  }
  const merged = { user: body.user ?? existing?.user, source: body.source ?? existing?.source, identifier: body.identifier ?? existing?.identifier };
  const others = existing ? ne(userSourceConnections.pk, existing.pk) : undefined;
  const clash = async (where: ReturnType<typeof and>) =>
    (await db.select({ pk: userSourceConnections.pk }).from(userSourceConnections).where(and(where, others))).length > 0;
  if (merged.source && merged.identifier !== undefined && (await clash(and(eq(userSourceConnections.source, merged.source), eq(userSourceConnections.identifier, merged.identifier))))) {
    errors.identifier = ["This account at the source is already connected to a user."];
  }
  if (merged.source && merged.user !== undefined && (await clash(and(eq(userSourceConnections.source, merged.source), eq(userSourceConnections.user, merged.user))))) {
    errors.non_field_errors = ["The fields user, source must make a unique set."];
  }
  return errors;
}

/** Users' connections to OAuth sources, as authentik's `/sources/user_connections/oauth/` serves them to admins. */
export function registerUserOAuthConnections(api: OpenAPIHono<AppEnv>) {
  registerViewSet(api, {
    tag: "sources",
    description: "Source Viewset",
    middleware: requireSuperuser,
    path: "/sources/user_connections/oauth/",
    params: z.object({
      id: z.coerce
        .number()
        .int()
        .openapi({ type: "integer", description: "A unique integer value identifying this User OAuth Source Connection." }),
    }),
    Model: UserOAuthSourceConnection,
    Request,
    PatchedRequest,
    query,
    listName: "PaginatedUserOAuthSourceConnectionList",
    table: userSourceConnections,
    modelName: "UserOAuthSourceConnection",
    audit: {
      app: "authentik_sources_oauth",
      model_name: "useroauthsourceconnection",
      describe: (connection) => ({ pk: connection.pk, name: connection.identifier }),
    },
    scope: isOAuthSource,
    filter: (_db, q) =>
      and(
        q.user === undefined ? undefined : eq(userSourceConnections.user, q.user),
        q.source__slug === undefined
          ? undefined
          : sql`${userSourceConnections.source} in (select ${sources.pk} from ${sources} where ${sources.slug} = ${q.source__slug})`,
        q.search ? ilike(userSourceConnections.identifier, `%${escapeLike(q.search)}%`) : undefined,
      ),
    orderBy: (ordering) =>
      orderingFrom(ordering, { created: userSourceConnections.created, identifier: userSourceConnections.identifier }, userSourceConnections.pk),
    serialize: serializeAll,
    check,
    insert: (body) => ({ user: body.user, source: body.source, identifier: body.identifier }),
    update: (body) => ({ user: body.user, source: body.source, identifier: body.identifier }),
  });
}
