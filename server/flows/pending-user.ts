import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { users } from "../db/schema.ts";
import type { UserRow } from "../directory/users.ts";
import { initialsAvatar } from "../directory/avatar.ts";
import type { PlanContext } from "./plan.ts";

export async function pendingUser(db: Db, context: PlanContext): Promise<UserRow | undefined> {
  if (context.pending_user === undefined) return undefined;
  const [user] = await db.select().from(users).where(eq(users.pk, context.pending_user));
  return user;
}

/**
 * The `pending_user` and `pending_user_avatar` fields challenges show: the matched user, or what the
 * visitor typed when the identification stage keeps it (it does for an identifier that matched
 * nobody, and when it does not show matched users), so that both look alike.
 */
export function pendingUserFields(user: UserRow | undefined, context: PlanContext) {
  const identifier = context.pending_user_identifier;
  if (identifier || !user) return { pending_user: identifier ?? "", pending_user_avatar: initialsAvatar("", identifier ?? "") };
  return { pending_user: user.username, pending_user_avatar: initialsAvatar(user.name, user.username) };
}
