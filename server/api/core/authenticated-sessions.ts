import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, count, eq, gt, ilike, isNotNull, or, type SQL } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import { applyChange } from "../../audit/changes.ts";
import { sessionModel } from "../../audit/admin-models.ts";
import { parseUserAgent } from "../../auth/user-agent.ts";
import { sessions, users } from "../../db/schema.ts";
import { isSuperuser } from "../../directory/users.ts";
import { escapeLike, notFound, orderingFrom, pageQuery, pageWindow, pagination, requireUser } from "../common.ts";
import { uuidLookup, viewSetRoutes } from "../viewset-routes.ts";

const AuthenticatedSession = z
  .object({
    uuid: z.uuid().optional(),
    current: z.boolean().openapi({ readOnly: true, description: "Check if session is currently active session" }),
    user_agent: z
      .object({
        device: z.object({ brand: z.string(), family: z.string(), model: z.string() }),
        os: z.object({ family: z.string(), major: z.string(), minor: z.string(), patch: z.string(), patch_minor: z.string() }),
        user_agent: z.object({ family: z.string(), major: z.string(), minor: z.string(), patch: z.string() }),
        string: z.string(),
      })
      .openapi({ readOnly: true }),
    // No GeoIP or ASN databases here: always null, as authentik reports them without one.
    geo_ip: z
      .object({ continent: z.string(), country: z.string(), lat: z.number(), long: z.number(), city: z.string() })
      .nullable()
      .openapi({ readOnly: true }),
    asn: z
      .object({ asn: z.number().int(), as_org: z.string().nullable(), network: z.string().nullable() })
      .nullable()
      .openapi({ readOnly: true }),
    user: z.number().int(),
    last_ip: z.string(),
    last_user_agent: z.string().optional(),
    last_used: z.iso.datetime({ offset: true }).openapi({ readOnly: true }),
    expires: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .openapi("AuthenticatedSession", { description: "AuthenticatedSession Serializer" });

const routes = viewSetRoutes({
  tag: "core",
  description: "AuthenticatedSession Viewset",
  middleware: requireUser,
  path: "/core/authenticated_sessions/",
  params: uuidLookup("uuid", "Authenticated Session"),
  Model: AuthenticatedSession,
});

const listQuery = z.object({
  ...pageQuery,
  last_ip: z.string().optional(),
  last_user_agent: z.string().optional(),
  user__username: z.string().optional(),
});

const orderable = { last_used: sessions.lastUsed, expires: sessions.expires, last_ip: sessions.lastIp, user__username: users.username };

type SessionRow = typeof sessions.$inferSelect;

/** Signed-in, unexpired sessions that the requester may see: all for a superuser, else their own. */
async function visibleSessions(c: Context<AppEnv>): Promise<SQL | undefined> {
  const user = c.get("session").user!;
  const own = (await isSuperuser(c.get("deps").db, user.pk)) ? undefined : eq(sessions.user, user.pk);
  return and(isNotNull(sessions.user), gt(sessions.expires, new Date()), own);
}

function serializeSession(c: Context<AppEnv>, row: SessionRow): z.infer<typeof AuthenticatedSession> {
  return {
    uuid: row.uuid,
    current: row.keyHash === c.get("session").keyHash,
    user_agent: parseUserAgent(row.lastUserAgent),
    geo_ip: null,
    asn: null,
    user: row.user!,
    last_ip: row.lastIp,
    last_user_agent: row.lastUserAgent,
    last_used: row.lastUsed.toISOString(),
    expires: row.expires.toISOString(),
  };
}

async function findSession(c: Context<AppEnv>, uuid: string): Promise<SessionRow | undefined> {
  const [row] = await c
    .get("deps")
    .db.select()
    .from(sessions)
    .where(and(eq(sessions.uuid, uuid), await visibleSessions(c)));
  return row;
}

const sessionNotFound = (c: Context) => notFound(c, "Authenticated Session");

export function registerAuthenticatedSessions(api: OpenAPIHono<AppEnv>) {
  api.openapi(routes.list(listQuery, "PaginatedAuthenticatedSessionList"), async (c) => {
    const { db } = c.get("deps");
    const query = c.req.valid("query");
    const filters: (SQL | undefined)[] = [await visibleSessions(c)];
    if (query.user__username) filters.push(eq(users.username, query.user__username));
    if (query.last_ip) filters.push(eq(sessions.lastIp, query.last_ip));
    if (query.last_user_agent) filters.push(eq(sessions.lastUserAgent, query.last_user_agent));
    if (query.search) {
      const term = `%${escapeLike(query.search)}%`;
      filters.push(or(ilike(users.username, term), ilike(sessions.lastIp, term), ilike(sessions.lastUserAgent, term)));
    }
    const where = and(...filters);
    const window = pageWindow(query);
    const [{ total }] = await db.select({ total: count() }).from(sessions).innerJoin(users, eq(users.pk, sessions.user)).where(where);
    const rows = await db
      .select({ session: sessions })
      .from(sessions)
      .innerJoin(users, eq(users.pk, sessions.user))
      .where(where)
      .orderBy(...orderingFrom(query.ordering ?? "-last_used", orderable, sessions.uuid))
      .limit(window.pageSize)
      .offset(window.offset);
    return c.json({ pagination: pagination(total, window), results: rows.map((r) => serializeSession(c, r.session)) }, 200);
  });

  api.openapi(routes.retrieve(), async (c) => {
    const row = await findSession(c, c.req.valid("param").uuid);
    return row ? c.json(serializeSession(c, row), 200) : sessionNotFound(c);
  });

  /** Revoking a session signs its browser out at its next request. */
  api.openapi(routes.destroy(), async (c) => {
    const row = await findSession(c, c.req.valid("param").uuid);
    if (!row) return sessionNotFound(c);
    await applyChange(c, "model_deleted", sessionModel, async (tx) => {
      await tx.delete(sessions).where(eq(sessions.keyHash, row.keyHash));
      return row;
    });
    return c.body(null, 204);
  });
}
