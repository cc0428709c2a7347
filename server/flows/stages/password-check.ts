import type { Db } from "../../db/client.ts";
import type { UserRow } from "../../directory/users.ts";
import { verifyPassword } from "../../auth/passwords.ts";
import { clearFailures, lockedForSeconds, recordFailure } from "../../auth/throttle.ts";
import { fieldError } from "../challenge.ts";

/**
 * Checks a password for whoever the visitor claimed to be. Unknown users and wrong passwords get the
 * same message, and too many failures for one identifier lock it for a while.
 */
export async function checkPassword(db: Db, identifier: string, user: UserRow | undefined, password: string) {
  const locked = await lockedForSeconds(db, identifier);
  if (locked > 0) {
    const minutes = Math.ceil(locked / 60);
    return fieldError(
      `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      "throttled",
    );
  }
  const valid = await verifyPassword(password, user?.password);
  if (!valid || !user) {
    await recordFailure(db, identifier);
    return fieldError("Invalid username or password.", "invalid_credentials");
  }
  await clearFailures(db, identifier);
  if (!user.isActive) return fieldError("This account is disabled. Contact your administrator.", "inactive");
  return "ok" as const;
}
