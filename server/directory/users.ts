import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.ts";
import { groupMembers, groups, users } from "../db/schema.ts";

export type UserRow = typeof users.$inferSelect;
export type GroupRow = typeof groups.$inferSelect;
export type UserGroupRow = GroupRow & { parentName: string | null };

const parents = alias(groups, "parent_group");

/** As in authentik, a user is a superuser through membership of a superuser group. */
export async function isSuperuser(db: Db, userPk: number): Promise<boolean> {
  const rows = await db
    .select({ pk: groups.pk })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.pk, groupMembers.group))
    .where(and(eq(groupMembers.user, userPk), eq(groups.isSuperuser, true)))
    .limit(1);
  return rows.length > 0;
}

/** The groups of each given user, with their parent's name, keyed by user pk. */
export async function groupsOfUsers(db: Db, userPks: number[]): Promise<Map<number, UserGroupRow[]>> {
  const byUser = new Map<number, UserGroupRow[]>(userPks.map((pk) => [pk, []]));
  if (userPks.length === 0) return byUser;
  const rows = await db
    .select({ user: groupMembers.user, group: groups, parentName: parents.name })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.pk, groupMembers.group))
    .leftJoin(parents, eq(parents.pk, groups.parent))
    .where(inArray(groupMembers.user, userPks))
    .orderBy(groups.name);
  for (const row of rows) byUser.get(row.user)?.push({ ...row.group, parentName: row.parentName });
  return byUser;
}

/**
 * The user whose username, email or UPN (the `upn` attribute) is `identifier`, trying `fields` in
 * order. By default emails match regardless of case and usernames exactly; `caseInsensitive` makes
 * every field match one way or the other.
 */
export async function findUserByIdentifier(
  db: Db,
  identifier: string,
  fields: readonly string[],
  { caseInsensitive }: { caseInsensitive?: boolean } = {},
): Promise<UserRow | undefined> {
  const value = identifier.trim();
  if (!value) return undefined;
  const columns: Record<string, SQL> = { username: sql`${users.username}`, email: sql`${users.email}`, upn: sql`(${users.attributes} ->> 'upn')` };
  for (const field of fields) {
    const column = columns[field];
    if (!column) continue;
    const ignoreCase = caseInsensitive ?? field === "email";
    const match = ignoreCase ? sql`lower(${column}) = lower(${value})` : sql`${column} = ${value}`;
    const [user] = await db.select().from(users).where(match).orderBy(users.pk).limit(1);
    if (user) return user;
  }
  return undefined;
}
