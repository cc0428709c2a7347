import { createHash, randomInt } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { staticDevices, staticTokens } from "../db/schema.ts";

/** Lower-case letters and digits without the look-alikes 0/o, 1/l/i, so codes copy by hand reliably. */
const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

export const hashStaticCode = (code: string) => createHash("sha256").update(code.trim().toLowerCase()).digest("hex");

export function generateStaticCodes(count: number, length: number): string[] {
  return Array.from({ length: count }, () => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join(""));
}

/** Saves a new set of recovery codes for the user, replacing any earlier set: the old codes stop working. */
export async function saveStaticDevice(db: Db, userPk: number, name: string, codes: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(staticDevices).where(eq(staticDevices.user, userPk));
    const [device] = await tx.insert(staticDevices).values({ user: userPk, name }).returning({ pk: staticDevices.pk });
    await tx.insert(staticTokens).values(codes.map((code) => ({ device: device.pk, tokenHash: hashStaticCode(code) })));
  });
}

/** Uses up one of the user's recovery codes; returns its device's pk, or undefined when the code is not (or no longer) valid. */
export async function useStaticCode(db: Db, userPk: number, code: string): Promise<number | undefined> {
  const devices = db.select({ pk: staticDevices.pk }).from(staticDevices).where(and(eq(staticDevices.user, userPk), eq(staticDevices.confirmed, true)));
  // Deleting is the check: of two requests with the same code, only one deletes the row.
  const [used] = await db
    .delete(staticTokens)
    .where(and(inArray(staticTokens.device, devices), eq(staticTokens.tokenHash, hashStaticCode(code))))
    .returning({ device: staticTokens.device });
  if (!used) return undefined;
  await db.update(staticDevices).set({ lastUsed: new Date() }).where(eq(staticDevices.pk, used.device));
  return used.device;
}
