import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { userSourceConnections } from "../db/schema.ts";
import type { PendingConnection } from "./source-context.ts";

/**
 * Connects the account at the source to the user, unless it already is; false when it belongs to
 * someone else, or the user already has another account at that source.
 */
export async function saveConnection(db: Db, user: number, connection: PendingConnection): Promise<boolean> {
  await db.insert(userSourceConnections).values({ user, ...connection }).onConflictDoNothing();
  const [saved] = await db
    .select({ user: userSourceConnections.user })
    .from(userSourceConnections)
    .where(and(eq(userSourceConnections.source, connection.source), eq(userSourceConnections.identifier, connection.identifier)));
  return saved?.user === user;
}

export const alreadyConnected = "This user is already connected to a different account at this source.";
