import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { eq, ilike } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { users } from "../../db/schema.ts";
import { groupsOfUsers, type UserRow } from "../../directory/users.ts";
import { escapeLike, notFound, objectResponses, orderingFrom, paginated, requireSuperuser, requireUser, responses, selectPage } from "../common.ts";
import { userListFilter, userListQuery } from "./user-filters.ts";
import { SessionUser, User, UserPath, serializeUser, serializeUserSelf } from "./user-models.ts";

const orderable = {
  username: users.username,
  name: users.name,
  email: users.email,
  is_active: users.isActive,
  last_login: users.lastLogin,
  date_joined: users.dateJoined,
  type: users.type,
  path: users.path,
  pk: users.pk,
} as const;

export const userIdParam = z.object({
  id: z.coerce.number().int().openapi({ type: "integer", description: "A unique integer value identifying this User." }),
});

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
  request: { query: userListQuery },
  responses: responses(paginated(User, "PaginatedUserList")),
});

const retrieveRoute = createRoute({
  method: "get",
  path: "/core/users/{id}/",
  operationId: "core_users_retrieve",
  tags: ["core"],
  description: "User Viewset",
  middleware: [requireSuperuser] as const,
  request: { params: userIdParam },
  responses: objectResponses(User),
});

const pathsRoute = createRoute({
  method: "get",
  path: "/core/users/paths/",
  operationId: "core_users_paths_retrieve",
  tags: ["core"],
  description: "Get all user paths",
  middleware: [requireSuperuser] as const,
  request: { query: z.object({ search: z.string().optional() }) },
  responses: responses(UserPath),
});

/** One user as authentik's User, groups included. */
export async function userWithGroups(db: Db, user: UserRow) {
  return serializeUser(user, (await groupsOfUsers(db, [user.pk])).get(user.pk) ?? []);
}

export async function findUser(db: Db, pk: number): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.pk, pk));
  return user;
}

export const userNotFound = (c: Context) => notFound(c, "User");

export function registerUsers(api: OpenAPIHono<AppEnv>) {
  api.openapi(meRoute, async (c) => {
    const user = c.get("session").user!;
    const groups = (await groupsOfUsers(c.get("deps").db, [user.pk])).get(user.pk) ?? [];
    return c.json({ user: serializeUserSelf(user, groups) }, 200);
  });

  api.openapi(listRoute, async (c) => {
    const { db } = c.get("deps");
    const query = c.req.valid("query");
    const page = await selectPage(db, users, userListFilter(db, query), orderingFrom(query.ordering, orderable, users.username, users.pk), query);
    const groups = await groupsOfUsers(
      db,
      page.rows.map((u) => u.pk),
    );
    const withGroupObjects = query.include_groups !== "false";
    const results = page.rows.map((u) => serializeUser(u, groups.get(u.pk) ?? [], withGroupObjects));
    return c.json({ pagination: page.pagination, results }, 200);
  });

  api.openapi(pathsRoute, async (c) => {
    const { search } = c.req.valid("query");
    const rows = await c
      .get("deps")
      .db.selectDistinct({ path: users.path })
      .from(users)
      .where(search ? ilike(users.path, `%${escapeLike(search)}%`) : undefined)
      .orderBy(users.path);
    return c.json({ paths: rows.map((r) => r.path) }, 200);
  });

  // After the fixed paths (`me`, `paths`), which `{id}` would otherwise swallow.
  api.openapi(retrieveRoute, async (c) => {
    const { db } = c.get("deps");
    const user = await findUser(db, c.req.valid("param").id);
    return user ? c.json(await userWithGroups(db, user), 200) : userNotFound(c);
  });
}
