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
 * The `pending_user` and `pending_user_avatar` fields challenges show. For an identifier that
 * matched nobody, they look the same as for a real user.
 */
export function pendingUserFields(user: UserRow | undefined, context: PlanContext) {
  const identifier = context.pending_user_identifier ?? "";
  return {
    pending_user: user?.username ?? identifier,
    pending_user_avatar: user ? initialsAvatar(user.name, user.username) : initialsAvatar("", identifier),
  };
}
