import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { groupMembers } from "../db/schema.ts";

/** Makes `groupPks` the user's groups. */
export async function setGroupsOfUser(db: Db, userPk: number, groupPks: string[]): Promise<void> {
  await db.delete(groupMembers).where(eq(groupMembers.user, userPk));
  if (groupPks.length) await db.insert(groupMembers).values(groupPks.map((group) => ({ group, user: userPk })));
}

/** Makes `userPks` the group's members. */
export async function setMembersOfGroup(db: Db, groupPk: string, userPks: number[]): Promise<void> {
  await db.delete(groupMembers).where(eq(groupMembers.group, groupPk));
  if (userPks.length) await db.insert(groupMembers).values(userPks.map((user) => ({ group: groupPk, user })));
}

export async function addMember(db: Db, groupPk: string, userPk: number): Promise<void> {
  await db.insert(groupMembers).values({ group: groupPk, user: userPk }).onConflictDoNothing();
}

export async function removeMember(db: Db, groupPk: string, userPk: number): Promise<void> {
  await db.delete(groupMembers).where(and(eq(groupMembers.group, groupPk), eq(groupMembers.user, userPk)));
}
