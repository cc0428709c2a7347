import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { applications, flows, users } from "./schema.ts";

/** A field a prompt stage asks for, named as authentik's API names it. Prompt stages list theirs in `config.fields`. */
export const prompts = pgTable("ak_prompt", {
  pk: uuid("pk").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  fieldKey: text("field_key").notNull(),
  label: text("label").notNull(),
  type: text("type").notNull(),
  required: boolean("required").notNull().default(true),
  placeholder: text("placeholder").notNull().default(""),
  initialValue: text("initial_value").notNull().default(""),
  order: integer("order").notNull().default(0),
  subText: text("sub_text").notNull().default(""),
  placeholderExpression: boolean("placeholder_expression").notNull().default(false),
  initialValueExpression: boolean("initial_value_expression").notNull().default(false),
});

/**
 * A flow paused at an email stage, resumable once from the link in the email, in any browser.
 * Only the SHA-256 of the link's token is stored.
 */
export const flowTokens = pgTable(
  "ak_flow_token",
  {
    keyHash: text("key_hash").primaryKey(),
    flow: uuid("flow")
      .notNull()
      .references(() => flows.pk, { onDelete: "cascade" }),
    user: integer("user_pk").references(() => users.pk, { onDelete: "cascade" }),
    plan: jsonb("plan").$type<Record<string, unknown>>().notNull(),
    expires: timestamp("expires", { withTimezone: true }).notNull(),
    created: timestamp("created", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("ak_flow_token_expires_idx").on(t.expires)],
);

/** Mail that was not handed to an SMTP server because none is configured. */
export const emailOutbox = pgTable("ak_email_outbox", {
  pk: serial("pk").primaryKey(),
  to: text("to").notNull(),
  from: text("from").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  html: text("html").notNull(),
  created: timestamp("created", { withTimezone: true }).notNull().defaultNow(),
});

export const invitations = pgTable("ak_invitation", {
  pk: uuid("pk").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  expires: timestamp("expires", { withTimezone: true }),
  fixedData: jsonb("fixed_data").$type<Record<string, unknown>>().notNull().default({}),
  createdBy: integer("created_by").references(() => users.pk, { onDelete: "set null" }),
  singleUse: boolean("single_use").notNull().default(false),
  /** When set, only this flow accepts the invitation. */
  flow: uuid("flow").references(() => flows.pk, { onDelete: "cascade" }),
  created: timestamp("created", { withTimezone: true }).notNull().defaultNow(),
});

/** A user's remembered consent to an application, with the permissions it covered (space-separated ids). */
export const userConsents = pgTable(
  "ak_user_consent",
  {
    pk: serial("pk").primaryKey(),
    user: integer("user_pk")
      .notNull()
      .references(() => users.pk, { onDelete: "cascade" }),
    application: uuid("application")
      .notNull()
      .references(() => applications.pk, { onDelete: "cascade" }),
    permissions: text("permissions").notNull().default(""),
    expiring: boolean("expiring").notNull().default(false),
    expires: timestamp("expires", { withTimezone: true }),
  },
  (t) => [unique("ak_user_consent_user_application").on(t.user, t.application)],
);
