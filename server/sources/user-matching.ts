import { and, eq } from "drizzle-orm";
import type { Session } from "../auth/session.ts";
import type { Db } from "../db/client.ts";
import { userSourceConnections, users } from "../db/schema.ts";
import type { SourceRow } from "../api/sources/source-models.ts";
import type { SourceProfile } from "./source-profile.ts";

/**
 * What a sign-in through a source does:
 * - `authenticate` the user its account is connected to, or the existing user it matched (the
 *   source's flow then connects the account to them);
 * - `link` the account to the signed-in user;
 * - `enroll` a new user;
 * - `deny`, when matching found a user the source may not sign in as, or had nothing to match on.
 */
export type SourceAction = { type: "authenticate"; user: number } | { type: "link"; user: number } | { type: "enroll" } | { type: "deny" };

/** Decides the action as the source's `user_matching_mode` says, as authentik decides it. */
export async function chooseAction(db: Db, session: Session, source: SourceRow, profile: SourceProfile): Promise<SourceAction> {
  const [connection] = await db
    .select({ user: userSourceConnections.user })
    .from(userSourceConnections)
    .where(and(eq(userSourceConnections.source, source.pk), eq(userSourceConnections.identifier, profile.identifier)));
  if (connection) return { type: "authenticate", user: connection.user };
  if (session.user) return { type: "link", user: session.user.pk };

  const mode = source.userMatchingMode;
  if (mode === "identifier") return { type: "enroll" };
  const field = mode.startsWith("email") ? "email" : "username";
  const value = profile.properties[field];
  if (!value) return { type: "deny" };
  const [match] = await db.select({ pk: users.pk }).from(users).where(eq(users[field], value)).orderBy(users.pk).limit(1);
  if (!match) return { type: "enroll" };
  return mode.endsWith("_link") ? { type: "authenticate", user: match.pk } : { type: "deny" };
}
