import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";

/**
 * The groups a user belongs to, directly or through a group below them: as in authentik, a member
 * of a child group counts as a member of its parents.
 */
export async function groupsWithAncestors(db: Db, userPk: number): Promise<Set<string>> {
  const result = await db.execute(sql`
    with recursive member_of(pk) as (
      select group_pk from ak_group_member where user_pk = ${userPk}
      union
      select g.parent from ak_group g join member_of m on g.pk = m.pk where g.parent is not null
    )
    select pk from member_of`);
  // Both drivers (PGlite, node-postgres) answer raw SQL with `rows`.
  return new Set((result as unknown as { rows: { pk: string }[] }).rows.map((row) => String(row.pk)));
}
