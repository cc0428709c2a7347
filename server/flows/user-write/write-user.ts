import { and, eq, ne } from "drizzle-orm";
import { hashPassword } from "../../auth/passwords.ts";
import type { Db } from "../../db/client.ts";
import { groupMembers, sessions, users } from "../../db/schema.ts";
import type { UserRow } from "../../directory/users.ts";
import type { UserValues } from "./user-values.ts";

/** Why a user could not be written, in words for the visitor. */
export class WriteRefused extends Error {}

export interface NewUserOptions {
  isActive: boolean;
  type: string;
  path: string;
  group: string | null;
}

async function ensureUsernameFree(tx: Db, username: string, self?: number): Promise<void> {
  const [holder] = await tx
    .select({ pk: users.pk })
    .from(users)
    .where(and(eq(users.username, username), self === undefined ? undefined : ne(users.pk, self)));
  if (holder) throw new WriteRefused("Username is already taken.");
}

const passwordColumns = async (password: string | undefined) =>
  password === undefined ? {} : { password: await hashPassword(password), passwordChangeDate: new Date() };

export async function createUser(tx: Db, values: UserValues, options: NewUserOptions): Promise<UserRow> {
  const username = values.username?.trim();
  if (!username) throw new WriteRefused("No username was given, so no account can be created.");
  await ensureUsernameFree(tx, username);
  const [user] = await tx
    .insert(users)
    .values({
      username,
      name: values.name ?? "",
      email: values.email ?? "",
      isActive: options.isActive,
      type: options.type,
      path: options.path,
      attributes: values.attributes,
      ...(await passwordColumns(values.password)),
    })
    .returning();
  if (options.group) await tx.insert(groupMembers).values({ group: options.group, user: user.pk }).onConflictDoNothing();
  return user;
}

/**
 * Updates an existing user. A new password signs the user out of their other sessions, unless they
 * are changing it while signed in here themselves.
 */
export async function updateUser(tx: Db, user: UserRow, values: UserValues, signedInAs: number | undefined): Promise<UserRow> {
  const username = values.username?.trim();
  if (username !== undefined && username !== user.username) {
    if (!username) throw new WriteRefused("The username may not be blank.");
    await ensureUsernameFree(tx, username, user.pk);
  }
  const [updated] = await tx
    .update(users)
    .set({
      username: username || undefined,
      name: values.name,
      email: values.email,
      attributes: values.attributes,
      ...(await passwordColumns(values.password)),
    })
    .where(eq(users.pk, user.pk))
    .returning();
  if (values.password !== undefined && signedInAs !== user.pk) await tx.delete(sessions).where(eq(sessions.user, user.pk));
  return updated;
}
