import { and, eq, lt } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import type { Db } from "../db/client.ts";
import { totpDevices } from "../db/schema.ts";

export type TotpDeviceRow = typeof totpDevices.$inferSelect;

export interface TotpParameters {
  secret: string;
  digits: number;
  period: number;
}

/** A fresh 160-bit secret (RFC 4226's recommendation), base32. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

function totp({ secret, digits, period }: TotpParameters, issuer = "", label = "") {
  return new TOTP({ issuer, label, algorithm: "SHA1", digits, period, secret: Secret.fromBase32(secret) });
}

/** The `otpauth://totp/…` URL an authenticator app scans. */
export const totpConfigUrl = (parameters: TotpParameters, issuer: string, username: string) =>
  totp(parameters, issuer, username).toString();

/**
 * The time step `code` is valid for (one step of clock drift either way is accepted), or undefined.
 * A code of fewer digits than the device's (e.g. sent as a number) is padded with leading zeros.
 */
export function totpStep(parameters: TotpParameters, code: string, now = Date.now()): number | undefined {
  const token = code.trim().padStart(parameters.digits, "0");
  if (!/^\d+$/.test(token) || token.length !== parameters.digits) return undefined;
  const delta = totp(parameters).validate({ token, timestamp: now, window: 1 });
  return delta === null ? undefined : TOTP.counter({ period: parameters.period, timestamp: now }) + delta;
}

/**
 * Checks `code` against the user's authenticator apps and records its use. A code is accepted once:
 * the step it belongs to must be later than the last one accepted for that device.
 */
export async function useTotpCode(db: Db, userPk: number, code: string): Promise<TotpDeviceRow | undefined> {
  const devices = await db.select().from(totpDevices).where(and(eq(totpDevices.user, userPk), eq(totpDevices.confirmed, true)));
  for (const device of devices) {
    const step = totpStep(device, code);
    if (step === undefined) continue;
    // The condition in the update makes two requests with the same code race for one success.
    const [used] = await db
      .update(totpDevices)
      .set({ lastStep: step, lastUsed: new Date() })
      .where(and(eq(totpDevices.pk, device.pk), lt(totpDevices.lastStep, step)))
      .returning();
    if (used) return used;
  }
  return undefined;
}
