import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./schema.ts";

/** The columns every authenticator device has, named as authentik's API names them. */
const deviceColumns = () => ({
  pk: serial("pk").primaryKey(),
  user: integer("user_pk")
    .notNull()
    .references(() => users.pk, { onDelete: "cascade" }),
  name: text("name").notNull(),
  confirmed: boolean("confirmed").notNull().default(true),
  created: timestamp("created", { withTimezone: true }).notNull().defaultNow(),
  lastUpdated: timestamp("last_updated", { withTimezone: true }).notNull().defaultNow(),
  lastUsed: timestamp("last_used", { withTimezone: true }),
});

/** An authenticator app (RFC 6238). */
export const totpDevices = pgTable(
  "ak_totp_device",
  {
    ...deviceColumns(),
    /** Base32, as in the otpauth:// URL the user scanned. */
    secret: text("secret").notNull(),
    digits: integer("digits").notNull().default(6),
    period: integer("period").notNull().default(30),
    /** The last time step a code was accepted for, so a code cannot be used twice. */
    lastStep: integer("last_step").notNull().default(0),
  },
  (t) => [index("ak_totp_device_user_idx").on(t.user)],
);

/** A set of single-use recovery codes. */
export const staticDevices = pgTable("ak_static_device", deviceColumns(), (t) => [index("ak_static_device_user_idx").on(t.user)]);

/** One recovery code, stored as its SHA-256: the codes are shown once, when they are made. */
export const staticTokens = pgTable(
  "ak_static_token",
  {
    pk: serial("pk").primaryKey(),
    device: integer("device_pk")
      .notNull()
      .references(() => staticDevices.pk, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
  },
  (t) => [index("ak_static_token_device_idx").on(t.device, t.tokenHash)],
);

/** A passkey or security key (WebAuthn credential). */
export const webauthnDevices = pgTable(
  "ak_webauthn_device",
  {
    ...deviceColumns(),
    /** base64url, as the browser reports it. */
    credentialId: text("credential_id").notNull().unique(),
    /** The COSE public key, base64url. */
    publicKey: text("public_key").notNull(),
    signCount: integer("sign_count").notNull().default(0),
    aaguid: text("aaguid").notNull().default("00000000-0000-0000-0000-000000000000"),
    transports: jsonb("transports").$type<string[]>().notNull().default([]),
  },
  (t) => [index("ak_webauthn_device_user_idx").on(t.user)],
);
