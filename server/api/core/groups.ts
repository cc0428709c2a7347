import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq, ilike, inArray, type SQL } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { groupMembers, groups, users } from "../../db/schema.ts";
import { detailsOfGroups } from "../../directory/groups.ts";
import type { GroupRow } from "../../directory/users.ts";
import {
  escapeLike,
  notFound,
  objectResponses,
  orderingFrom,
  pageQuery,
  paginated,
  queryBoolean,
  queryList,
  requireSuperuser,
  responses,
  selectPage,
} from "../common.ts";
import { uuidLookup } from "../viewset-routes.ts";
import { Group, serializeGroup } from "./group-models.ts";

const orderable = { name: groups.name, is_superuser: groups.isSuperuser, num_pk: groups.numPk };

export const groupUuidParam = uuidLookup("group_uuid", "Group");

const includeUsers = { include_users: queryBoolean() };

const listRoute = createRoute({
  method: "get",
  path: "/core/groups/",
  operationId: "core_groups_list",
  tags: ["core"],
  description: "Group Viewset",
  middleware: [requireSuperuser] as const,
  request: {
    query: z.object({
      ...pageQuery,
      ...includeUsers,
      is_superuser: queryBoolean(),
      members_by_pk: queryList(z.coerce.number().int(), { type: "integer" }),
      members_by_username: queryList(z.string(), { type: "string" }),
      name: z.string().optional(),
    }),
  },
  responses: responses(paginated(Group, "PaginatedGroupList")),
});

const retrieveRoute = createRoute({
  method: "get",
  path: "/core/groups/{group_uuid}/",
  operationId: "core_groups_retrieve",
  tags: ["core"],
  description: "Group Viewset",
  middleware: [requireSuperuser] as const,
  request: { params: groupUuidParam, query: z.object(includeUsers) },
  responses: objectResponses(Group),
});

/** Groups as authentik's Group; members in full only with `withMembers` (authentik's `include_users`). */
export async function serializeGroups(db: Db, rows: GroupRow[], withMembers = true) {
  const details = await detailsOfGroups(db, rows, withMembers);
  return rows.map((group) => serializeGroup(group, details.get(group.pk)!));
}

export async function findGroup(db: Db, pk: string): Promise<GroupRow | undefined> {
  const [group] = await db.select().from(groups).where(eq(groups.pk, pk));
  return group;
}

export const groupNotFound = (c: Context) => notFound(c, "Group");

export function registerGroups(api: OpenAPIHono<AppEnv>) {
  api.openapi(listRoute, async (c) => {
    const { db } = c.get("deps");
    const query = c.req.valid("query");
    const filters: (SQL | undefined)[] = [];
    if (query.search) filters.push(ilike(groups.name, `%${escapeLike(query.search)}%`));
    if (query.name) filters.push(eq(groups.name, query.name));
    if (query.is_superuser) filters.push(eq(groups.isSuperuser, query.is_superuser === "true"));
    if (query.members_by_pk) {
      const memberships = db.select({ group: groupMembers.group }).from(groupMembers).where(inArray(groupMembers.user, [query.members_by_pk].flat()));
      filters.push(inArray(groups.pk, memberships));
    }
    if (query.members_by_username) {
      const memberships = db
        .select({ group: groupMembers.group })
        .from(groupMembers)
        .innerJoin(users, eq(users.pk, groupMembers.user))
        .where(inArray(users.username, [query.members_by_username].flat()));
      filters.push(inArray(groups.pk, memberships));
    }
    const page = await selectPage(db, groups, and(...filters), orderingFrom(query.ordering, orderable, groups.name, groups.pk), query);
    const results = await serializeGroups(db, page.rows, query.include_users !== "false");
    return c.json({ pagination: page.pagination, results }, 200);
  });

  api.openapi(retrieveRoute, async (c) => {
    const { db } = c.get("deps");
    const group = await findGroup(db, c.req.valid("param").group_uuid);
    if (!group) return groupNotFound(c);
    const [result] = await serializeGroups(db, [group], c.req.valid("query").include_users !== "false");
    return c.json(result, 200);
  });
}
