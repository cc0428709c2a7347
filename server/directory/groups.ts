import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { groupMembers, groupRoles, groups, roles, users } from "../db/schema.ts";
import type { GroupRow, UserRow } from "./users.ts";

export interface GroupDetails {
  parentName: string | null;
  memberPks: number[];
  /** Only when asked for: a group may have tens of thousands of members. */
  members?: UserRow[];
  roles: (typeof roles.$inferSelect)[];
}

/** Parent names, members and roles of the given groups, keyed by group pk, in three queries. */
export async function detailsOfGroups(db: Db, rows: GroupRow[], withMembers: boolean): Promise<Map<string, GroupDetails>> {
  const details = new Map<string, GroupDetails>(rows.map((g) => [g.pk, { parentName: null, memberPks: [], roles: [] }]));
  if (!rows.length) return details;
  const pks = rows.map((g) => g.pk);
  const parentPks = [...new Set(rows.flatMap((g) => (g.parent ? [g.parent] : [])))];
  const [parents, memberships, roleRows] = await Promise.all([
    parentPks.length ? db.select({ pk: groups.pk, name: groups.name }).from(groups).where(inArray(groups.pk, parentPks)) : [],
    withMembers
      ? db
          .select({ group: groupMembers.group, user: users })
          .from(groupMembers)
          .innerJoin(users, eq(users.pk, groupMembers.user))
          .where(inArray(groupMembers.group, pks))
          .orderBy(users.username)
      : db.select({ group: groupMembers.group, userPk: groupMembers.user }).from(groupMembers).where(inArray(groupMembers.group, pks)),
    db
      .select({ group: groupRoles.group, role: roles })
      .from(groupRoles)
      .innerJoin(roles, eq(roles.pk, groupRoles.role))
      .where(inArray(groupRoles.group, pks))
      .orderBy(roles.name),
  ]);
  const parentNames = new Map(parents.map((p) => [p.pk, p.name]));
  for (const group of rows) {
    const entry = details.get(group.pk)!;
    entry.parentName = group.parent ? (parentNames.get(group.parent) ?? null) : null;
    if (withMembers) entry.members = [];
  }
  for (const row of memberships) {
    const entry = details.get(row.group)!;
    if ("user" in row) {
      entry.memberPks.push(row.user.pk);
      entry.members!.push(row.user);
    } else {
      entry.memberPks.push(row.userPk);
    }
  }
  for (const row of roleRows) details.get(row.group)!.roles.push(row.role);
  return details;
}

/** Whether `groupPk` is `candidate` or one of its ancestors: making it `candidate`'s parent would close a cycle. */
export async function isSelfOrAncestor(db: Db, groupPk: string, candidate: string): Promise<boolean> {
  const result = await db.execute(sql`
    with recursive ancestors(pk, parent) as (
      select ${groups.pk}, ${groups.parent} from ${groups} where ${groups.pk} = ${candidate}
      union
      select g.pk, g.parent from ${groups} g inner join ancestors a on g.pk = a.parent
    )
    select exists (select 1 from ancestors where pk = ${groupPk}) as found`);
  // Both drivers (PGlite, node-postgres) answer raw SQL with `rows`.
  return Boolean((result as unknown as { rows: { found: boolean }[] }).rows[0]?.found);
}
