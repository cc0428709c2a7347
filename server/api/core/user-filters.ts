import { z } from "@hono/zod-openapi";
import { and, eq, inArray, like, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { groupMembers, groups, users } from "../../db/schema.ts";
import { escapeLike, pageQuery, queryBoolean, queryList } from "../common.ts";
import { UserTypeEnum } from "./user-models.ts";

/** The query parameters of authentik's user list that the reference server honours. */
export const userListQuery = z.object({
  ...pageQuery,
  email: z.string().optional(),
  groups_by_name: queryList(z.string(), { type: "string" }),
  groups_by_pk: queryList(z.uuid(), { type: "string", format: "uuid" }),
  include_groups: queryBoolean(),
  is_active: queryBoolean(),
  is_superuser: queryBoolean(),
  name: z.string().optional(),
  path: z.string().optional(),
  path_startswith: z.string().optional(),
  type: queryList(UserTypeEnum, { type: "string", enum: UserTypeEnum.options }),
  username: z.string().optional(),
  uuid: z.uuid().optional(),
});

export type UserListQuery = z.infer<typeof userListQuery>;

const superuserMembership = sql`exists (select 1 from ${groupMembers} inner join ${groups} on ${groups.pk} = ${groupMembers.group}
  where ${groupMembers.user} = ${users.pk} and ${groups.isSuperuser})`;

/** The WHERE clause for a user list query; `search` looks in username, name and email. */
export function userListFilter(db: Db, query: UserListQuery): SQL | undefined {
  const filters: (SQL | undefined)[] = [];
  if (query.search) filters.push(like(users.searchText, `%${escapeLike(query.search.toLowerCase())}%`));
  if (query.email) filters.push(eq(users.email, query.email));
  if (query.username) filters.push(eq(users.username, query.username));
  if (query.name) filters.push(eq(users.name, query.name));
  if (query.uuid) filters.push(eq(users.uuid, query.uuid));
  if (query.path) filters.push(eq(users.path, query.path));
  if (query.path_startswith) filters.push(like(users.path, `${escapeLike(query.path_startswith)}%`));
  if (query.is_active) filters.push(eq(users.isActive, query.is_active === "true"));
  if (query.is_superuser) filters.push(query.is_superuser === "true" ? superuserMembership : sql`not ${superuserMembership}`);
  if (query.type) filters.push(inArray(users.type, [query.type].flat()));
  if (query.groups_by_pk) {
    const members = db.select({ user: groupMembers.user }).from(groupMembers).where(inArray(groupMembers.group, [query.groups_by_pk].flat()));
    filters.push(inArray(users.pk, members));
  }
  if (query.groups_by_name) {
    const members = db
      .select({ user: groupMembers.user })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.pk, groupMembers.group))
      .where(inArray(groups.name, [query.groups_by_name].flat()));
    filters.push(inArray(users.pk, members));
  }
  return and(...filters);
}
