import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, asc, count, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import type { AppEnv } from "../../context.ts";
import { users } from "../../db/schema.ts";
import { groupsOfUsers } from "../../directory/users.ts";
import { orderingFrom, pageQuery, pageWindow, paginated, pagination, requireSuperuser, requireUser, responses } from "../common.ts";
import { SessionUser, User, UserTypeEnum, serializeUser, serializeUserSelf } from "./user-models.ts";

const orderable = {
  username: users.username,
  name: users.name,
  email: users.email,
  is_active: users.isActive,
  last_login: users.lastLogin,
  date_joined: users.dateJoined,
  type: users.type,
  pk: users.pk,
} as const;

const meRoute = createRoute({
  method: "get",
  path: "/core/users/me/",
  operationId: "core_users_me_retrieve",
  tags: ["core"],
  description: "Get information about current user",
  middleware: [requireUser] as const,
  responses: responses(SessionUser),
});

const listRoute = createRoute({
  method: "get",
  path: "/core/users/",
  operationId: "core_users_list",
  tags: ["core"],
  description: "User Viewset",
  middleware: [requireSuperuser] as const,
  request: {
    query: z.object({
      ...pageQuery,
      is_active: z.enum(["true", "false"]).optional().openapi({ type: "boolean" }),
      type: z
        .union([UserTypeEnum, z.array(UserTypeEnum)])
        .optional()
        .openapi({ type: "array", items: { type: "string", enum: UserTypeEnum.options } }),
      username: z.string().optional(),
    }),
  },
  responses: responses(paginated(User, "PaginatedUserList")),
});

export function registerUsers(api: OpenAPIHono<AppEnv>) {
  api.openapi(meRoute, async (c) => {
    const user = c.get("session").user!;
    const groups = (await groupsOfUsers(c.get("deps").db, [user.pk])).get(user.pk) ?? [];
    return c.json({ user: serializeUserSelf(user, groups) }, 200);
  });

  api.openapi(listRoute, async (c) => {
    const { db } = c.get("deps");
    const query = c.req.valid("query");
    const filters: (SQL | undefined)[] = [];
    if (query.search) {
      const term = `%${query.search}%`;
      filters.push(or(ilike(users.username, term), ilike(users.name, term), ilike(users.email, term)));
    }
    if (query.is_active) filters.push(eq(users.isActive, query.is_active === "true"));
    if (query.type) filters.push(inArray(users.type, [query.type].flat()));
    if (query.username) filters.push(eq(users.username, query.username));
    const where = and(...filters);
    const window = pageWindow(query);
    const [{ total }] = await db.select({ total: count() }).from(users).where(where);
    const rows = await db
      .select()
      .from(users)
      .where(where)
      .orderBy(...orderingFrom(query.ordering, orderable, users.username), asc(users.pk))
      .limit(window.pageSize)
      .offset(window.offset);
    const groups = await groupsOfUsers(
      db,
      rows.map((u) => u.pk),
    );
    return c.json(
      { pagination: pagination(total, window), results: rows.map((u) => serializeUser(u, groups.get(u.pk) ?? [])) },
      200,
    );
  });
}
