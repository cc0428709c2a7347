import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { webauthnDevices } from "../db/schema.ts";
import type { UserRow } from "../directory/users.ts";

export type WebAuthnDeviceRow = typeof webauthnDevices.$inferSelect;
export type UserVerification = "required" | "preferred" | "discouraged";

/** Who the browser talks to: the relying party is the host the page was served from. */
export interface RelyingParty {
  id: string;
  origin: string;
  name: string;
}

export const relyingParty = (origin: string, name: string): RelyingParty => ({ id: new URL(origin).hostname, origin, name });

const fromBase64Url = (value: string) => new Uint8Array(Buffer.from(value, "base64url"));

export interface RegistrationSettings {
  userVerification: UserVerification;
  residentKey: "discouraged" | "preferred" | "required";
  attachment: "platform" | "cross-platform" | null;
}

export async function registrationOptions(db: Db, rp: RelyingParty, user: UserRow, settings: RegistrationSettings) {
  const existing = await db.select().from(webauthnDevices).where(eq(webauthnDevices.user, user.pk));
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.username,
    userDisplayName: user.name || user.username,
    userID: new TextEncoder().encode(user.uuid),
    attestationType: "none",
    excludeCredentials: existing.map((d) => ({ id: d.credentialId, transports: d.transports as AuthenticatorTransport[] })),
    authenticatorSelection: {
      residentKey: settings.residentKey,
      userVerification: settings.userVerification,
      ...(settings.attachment ? { authenticatorAttachment: settings.attachment } : {}),
    },
  });
}

/** Verifies a new credential and saves it as the user's device; throws with a readable message when it is refused. */
export async function registerCredential(
  db: Db,
  rp: RelyingParty,
  user: UserRow,
  name: string,
  expectedChallenge: string,
  response: unknown,
  userVerification: UserVerification,
): Promise<WebAuthnDeviceRow> {
  const { verified, registrationInfo } = await verifyRegistrationResponse({
    response: response as RegistrationResponseJSON,
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: userVerification === "required",
  });
  if (!verified) throw new Error("The security key's response could not be verified.");
  const { credential, aaguid } = registrationInfo;
  const [taken] = await db.select({ pk: webauthnDevices.pk }).from(webauthnDevices).where(eq(webauthnDevices.credentialId, credential.id));
  if (taken) throw new Error("This security key is already registered.");
  const [device] = await db
    .insert(webauthnDevices)
    .values({
      user: user.pk,
      name,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString("base64url"),
      signCount: credential.counter,
      aaguid,
      transports: credential.transports ?? [],
    })
    .returning();
  return device;
}

/** Options for signing in with one of `devices`, or with any passkey on the device when none are given. */
export function authenticationOptions(rp: RelyingParty, devices: WebAuthnDeviceRow[], userVerification: UserVerification) {
  return generateAuthenticationOptions({
    rpID: rp.id,
    userVerification,
    allowCredentials: devices.map((d) => ({ id: d.credentialId, transports: d.transports as AuthenticatorTransport[] })),
  });
}

/**
 * Verifies an assertion, for the given user or (without one) for whoever owns the credential, and
 * records the new signature counter. Throws with a readable message when it is refused.
 */
export async function verifyAssertion(
  db: Db,
  rp: RelyingParty,
  userPk: number | undefined,
  expectedChallenge: string,
  response: unknown,
  userVerification: UserVerification,
): Promise<WebAuthnDeviceRow> {
  const assertion = response as AuthenticationResponseJSON;
  if (typeof assertion?.id !== "string") throw new Error("The response names no credential.");
  const owner = userPk === undefined ? undefined : eq(webauthnDevices.user, userPk);
  const [device] = await db
    .select()
    .from(webauthnDevices)
    .where(and(eq(webauthnDevices.credentialId, assertion.id), eq(webauthnDevices.confirmed, true), owner));
  if (!device) throw new Error("This security key is not registered for this account.");
  const { verified, authenticationInfo } = await verifyAuthenticationResponse({
    response: assertion,
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: {
      id: device.credentialId,
      publicKey: fromBase64Url(device.publicKey),
      counter: device.signCount,
      transports: device.transports as AuthenticatorTransport[],
    },
    requireUserVerification: userVerification === "required",
  });
  if (!verified) throw new Error("The security key's signature could not be verified.");
  const [used] = await db
    .update(webauthnDevices)
    .set({ signCount: authenticationInfo.newCounter, lastUsed: new Date() })
    .where(eq(webauthnDevices.pk, device.pk))
    .returning();
  return used;
}
