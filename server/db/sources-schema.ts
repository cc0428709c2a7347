import { boolean, integer, jsonb, pgTable, serial, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { flows, users } from "./schema.ts";

/**
 * One row per federation source (authentik's `Source`): the settings every kind shares as columns,
 * `kind` naming its type (`oauth`) and `config` holding that type's settings, its secret among them.
 */
export const sources = pgTable("ak_source", {
  pk: uuid("pk").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  kind: text("kind").notNull(),
  enabled: boolean("enabled").notNull().default(true),
  authenticationFlow: uuid("authentication_flow").references(() => flows.pk, { onDelete: "set null" }),
  enrollmentFlow: uuid("enrollment_flow").references(() => flows.pk, { onDelete: "set null" }),
  policyEngineMode: text("policy_engine_mode").notNull().default("any"),
  userMatchingMode: text("user_matching_mode").notNull().default("identifier"),
  groupMatchingMode: text("group_matching_mode").notNull().default("identifier"),
  userPathTemplate: text("user_path_template").notNull().default("goauthentik.io/sources/%(slug)s"),
  /** An https:// URL or a path on this server, shown on the source's login button. */
  icon: text("icon"),
  config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
  created: timestamp("created", { withTimezone: true }).notNull().defaultNow(),
});

/** A user's account at a source, by the source's own identifier for it (OpenID Connect's `sub`). */
export const userSourceConnections = pgTable(
  "ak_user_source_connection",
  {
    pk: serial("pk").primaryKey(),
    user: integer("user_pk")
      .notNull()
      .references(() => users.pk, { onDelete: "cascade" }),
    source: uuid("source")
      .notNull()
      .references(() => sources.pk, { onDelete: "cascade" }),
    identifier: text("identifier").notNull(),
    created: timestamp("created", { withTimezone: true }).notNull().defaultNow(),
  },
  // One connection per user and source, as in authentik; the second also serves "the user's connections".
  (t) => [
    unique("ak_user_source_connection_source_identifier").on(t.source, t.identifier),
    unique("ak_user_source_connection_user_source").on(t.user, t.source),
  ],
);
