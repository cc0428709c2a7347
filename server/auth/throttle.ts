import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { loginFailures } from "../db/schema.ts";

/** Failures allowed for one username before further attempts are refused. */
export const maxFailures = 5;
/** How long a refusal lasts after the last failure. */
export const lockoutSeconds = 5 * 60;

const key = (username: string) => username.trim().toLowerCase();

/** Seconds until the username may try again, or 0 when attempts are allowed. */
export async function lockedForSeconds(db: Db, username: string, now = new Date()): Promise<number> {
  const [row] = await db.select().from(loginFailures).where(eq(loginFailures.username, key(username)));
  if (!row || row.failures < maxFailures) return 0;
  const remaining = lockoutSeconds - Math.floor((now.getTime() - row.lastFailure.getTime()) / 1000);
  return Math.max(0, remaining);
}

export async function recordFailure(db: Db, username: string): Promise<void> {
  // A failure after an expired lockout starts a fresh count.
  await db
    .insert(loginFailures)
    .values({ username: key(username), failures: 1 })
    .onConflictDoUpdate({
      target: loginFailures.username,
      set: {
        failures: sql`case when ${loginFailures.lastFailure} < now() - make_interval(secs => ${lockoutSeconds}) then 1 else ${loginFailures.failures} + 1 end`,
        lastFailure: sql`now()`,
      },
    });
}

export async function clearFailures(db: Db, username: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.username, key(username)));
}
