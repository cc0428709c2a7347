import { and, eq, gt, isNull, or } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { userConsents } from "../../db/schema.ts";

export type UserConsentRow = typeof userConsents.$inferSelect;

/** The user's unexpired consent to the application, if any. */
export async function currentConsent(db: Db, user: number, application: string): Promise<UserConsentRow | undefined> {
  const [consent] = await db
    .select()
    .from(userConsents)
    .where(
      and(
        eq(userConsents.user, user),
        eq(userConsents.application, application),
        or(eq(userConsents.expiring, false), isNull(userConsents.expires), gt(userConsents.expires, new Date())),
      ),
    );
  return consent;
}

/** Remembers the consent, replacing an earlier one to the same application. */
export async function rememberConsent(
  db: Db,
  consent: { user: number; application: string; permissions: string[]; expires: Date | null },
): Promise<void> {
  const values = { permissions: consent.permissions.join(" "), expiring: consent.expires !== null, expires: consent.expires };
  await db
    .insert(userConsents)
    .values({ user: consent.user, application: consent.application, ...values })
    .onConflictDoUpdate({ target: [userConsents.user, userConsents.application], set: values });
}
