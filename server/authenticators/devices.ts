import { count, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { staticDevices, staticTokens, totpDevices, webauthnDevices } from "../db/schema.ts";

/** authentik's device classes that the reference server implements. */
export const deviceClasses = ["static", "totp", "webauthn"] as const;
export type DeviceClass = (typeof deviceClasses)[number];

/** What the three device kinds share, as lists of a user's devices show it. */
export interface DeviceSummary {
  deviceClass: DeviceClass;
  pk: number;
  name: string;
  confirmed: boolean;
  created: Date;
  lastUpdated: Date;
  lastUsed: Date | null;
  /** For recovery codes: how many are left unused. */
  remainingCodes?: number;
}

/** How authentik names each kind of device in its API. */
export const deviceModels: Record<DeviceClass, { verbose: string; app: string; model: string }> = {
  totp: { verbose: "TOTP Device", app: "authentik_stages_authenticator_totp", model: "TOTPDevice" },
  static: { verbose: "Static Device", app: "authentik_stages_authenticator_static", model: "StaticDevice" },
  webauthn: { verbose: "WebAuthn Device", app: "authentik_stages_authenticator_webauthn", model: "WebAuthnDevice" },
};

const common = (table: typeof totpDevices | typeof staticDevices | typeof webauthnDevices) => ({
  pk: table.pk,
  name: table.name,
  confirmed: table.confirmed,
  created: table.created,
  lastUpdated: table.lastUpdated,
  lastUsed: table.lastUsed,
});

/** All of a user's devices of the given classes, oldest first within each class. */
export async function devicesOf(db: Db, userPk: number, classes: readonly DeviceClass[] = deviceClasses): Promise<DeviceSummary[]> {
  const found: DeviceSummary[] = [];
  if (classes.includes("totp")) {
    const rows = await db.select(common(totpDevices)).from(totpDevices).where(eq(totpDevices.user, userPk)).orderBy(totpDevices.pk);
    found.push(...rows.map((row) => ({ ...row, deviceClass: "totp" as const })));
  }
  if (classes.includes("webauthn")) {
    const rows = await db.select(common(webauthnDevices)).from(webauthnDevices).where(eq(webauthnDevices.user, userPk)).orderBy(webauthnDevices.pk);
    found.push(...rows.map((row) => ({ ...row, deviceClass: "webauthn" as const })));
  }
  if (classes.includes("static")) {
    const rows = await db.select(common(staticDevices)).from(staticDevices).where(eq(staticDevices.user, userPk)).orderBy(staticDevices.pk);
    const left = await tokensLeft(db, rows.map((row) => row.pk));
    found.push(...rows.map((row) => ({ ...row, deviceClass: "static" as const, remainingCodes: left.get(row.pk) ?? 0 })));
  }
  return found;
}

/** How many unused recovery codes each static device has. */
export async function tokensLeft(db: Db, devicePks: number[]): Promise<Map<number, number>> {
  if (!devicePks.length) return new Map();
  const rows = await db
    .select({ device: staticTokens.device, left: count() })
    .from(staticTokens)
    .where(inArray(staticTokens.device, devicePks))
    .groupBy(staticTokens.device);
  return new Map(rows.map((row) => [row.device, row.left]));
}
