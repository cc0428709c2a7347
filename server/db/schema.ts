import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable("ak_user", {
  pk: serial("pk").primaryKey(),
  uuid: uuid("uuid").notNull().unique().defaultRandom(),
  username: text("username").notNull().unique(),
  name: text("name").notNull().default(""),
  email: text("email").notNull().default(""),
  password: text("password"),
  passwordChangeDate: timestamp("password_change_date", { withTimezone: true }).notNull().defaultNow(),
  isActive: boolean("is_active").notNull().default(true),
  type: text("type").notNull().default("internal"),
  path: text("path").notNull().default("users"),
  attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
  lastLogin: timestamp("last_login", { withTimezone: true }),
  dateJoined: timestamp("date_joined", { withTimezone: true }).notNull().defaultNow(),
  /** What the admin list's search looks in, lowercased once on write: far cheaper than three ILIKEs per row. */
  searchText: text("search_text").generatedAlwaysAs(sql`lower(username || ' ' || name || ' ' || email)`),
}, (t) => [index("ak_user_email_lower_idx").on(sql`lower(${t.email})`)]);

export const groups = pgTable("ak_group", {
  pk: uuid("pk").primaryKey().defaultRandom(),
  numPk: serial("num_pk").notNull().unique(),
  name: text("name").notNull().unique(),
  isSuperuser: boolean("is_superuser").notNull().default(false),
  parent: uuid("parent").references((): AnyPgColumn => groups.pk, { onDelete: "set null" }),
  attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
}, (t) => [index("ak_group_parent_idx").on(t.parent)]);

export const groupMembers = pgTable(
  "ak_group_member",
  {
    group: uuid("group_pk")
      .notNull()
      .references(() => groups.pk, { onDelete: "cascade" }),
    user: integer("user_pk")
      .notNull()
      .references(() => users.pk, { onDelete: "cascade" }),
  },
  // The primary key serves lookups by group; the index serves "the groups of these users".
  (t) => [primaryKey({ columns: [t.group, t.user] }), index("ak_group_member_user_idx").on(t.user)],
);

export const roles = pgTable("ak_role", {
  pk: uuid("pk").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
});

/** As in authentik, roles are given to groups, and through them to the groups' members. */
export const groupRoles = pgTable(
  "ak_group_role",
  {
    group: uuid("group_pk")
      .notNull()
      .references(() => groups.pk, { onDelete: "cascade" }),
    role: uuid("role_pk")
      .notNull()
      .references(() => roles.pk, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.group, t.role] }), index("ak_group_role_role_idx").on(t.role)],
);

/** A role's global permissions, named `app_label.codename` as authentik's API names them. */
export const rolePermissions = pgTable(
  "ak_role_permission",
  {
    role: uuid("role_pk")
      .notNull()
      .references(() => roles.pk, { onDelete: "cascade" }),
    permission: text("permission").notNull(),
  },
  (t) => [primaryKey({ columns: [t.role, t.permission] })],
);

export const brands = pgTable("ak_brand", {
  brandUuid: uuid("brand_uuid").primaryKey().defaultRandom(),
  domain: text("domain").notNull().unique(),
  isDefault: boolean("is_default").notNull().default(false),
  brandingTitle: text("branding_title").notNull().default("authentik"),
  brandingLogo: text("branding_logo").notNull().default("/static/dist/brand/logo.svg"),
  brandingFavicon: text("branding_favicon").notNull().default("/static/dist/brand/favicon.svg"),
  brandingCustomCss: text("branding_custom_css").notNull().default(""),
  flowAuthentication: uuid("flow_authentication").references(() => flows.pk, { onDelete: "set null" }),
  flowInvalidation: uuid("flow_invalidation").references(() => flows.pk, { onDelete: "set null" }),
  flowRecovery: uuid("flow_recovery").references(() => flows.pk, { onDelete: "set null" }),
  flowUserSettings: uuid("flow_user_settings").references(() => flows.pk, { onDelete: "set null" }),
  defaultLocale: text("default_locale").notNull().default(""),
  attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
});

export const flows = pgTable("ak_flow", {
  pk: uuid("pk").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  title: text("title").notNull(),
  designation: text("designation").notNull(),
  authentication: text("authentication").notNull().default("none"),
  layout: text("layout").notNull().default("stacked"),
  background: text("background").notNull().default(""),
  deniedAction: text("denied_action").notNull().default("message_continue"),
  policyEngineMode: text("policy_engine_mode").notNull().default("any"),
  compatibilityMode: boolean("compatibility_mode").notNull().default(false),
});

/** One row per stage; `kind` names the stage type, `config` holds that type's settings. */
export const stages = pgTable("ak_stage", {
  pk: uuid("pk").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  kind: text("kind").notNull(),
  config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
});

export const flowStageBindings = pgTable("ak_flow_stage_binding", {
  pk: uuid("pk").primaryKey().defaultRandom(),
  target: uuid("target")
    .notNull()
    .references(() => flows.pk, { onDelete: "cascade" }),
  stage: uuid("stage")
    .notNull()
    .references(() => stages.pk, { onDelete: "cascade" }),
  order: integer("order").notNull(),
  evaluateOnPlan: boolean("evaluate_on_plan").notNull().default(false),
  reEvaluatePolicies: boolean("re_evaluate_policies").notNull().default(true),
  policyEngineMode: text("policy_engine_mode").notNull().default("any"),
  invalidResponseAction: text("invalid_response_action").notNull().default("retry"),
});

export const applications = pgTable("ak_application", {
  pk: uuid("pk").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  group: text("group").notNull().default(""),
  metaLaunchUrl: text("meta_launch_url").notNull().default(""),
  metaDescription: text("meta_description").notNull().default(""),
  metaPublisher: text("meta_publisher").notNull().default(""),
  openInNewTab: boolean("open_in_new_tab").notNull().default(false),
  policyEngineMode: text("policy_engine_mode").notNull().default("any"),
});

/** Sessions are keyed by the SHA-256 of the cookie value, so a database leak yields no usable cookie. */
export const sessions = pgTable(
  "ak_session",
  {
    keyHash: text("key_hash").primaryKey(),
    /** The session's public name, for listing and revoking it without revealing its key. */
    uuid: uuid("uuid").notNull().unique().defaultRandom(),
    user: integer("user_pk").references(() => users.pk, { onDelete: "cascade" }),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    expires: timestamp("expires", { withTimezone: true }).notNull(),
    lastIp: text("last_ip").notNull().default(""),
    lastUserAgent: text("last_user_agent").notNull().default(""),
    lastUsed: timestamp("last_used", { withTimezone: true }).notNull().defaultNow(),
    created: createdAt(),
  },
  (t) => [index("ak_session_user_idx").on(t.user)],
);

/** Failed password attempts per normalised username, for throttling guessing. */
export const loginFailures = pgTable("ak_login_failure", {
  username: text("username").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailure: timestamp("last_failure", { withTimezone: true }).notNull().defaultNow(),
});

/** Authenticator devices (TOTP, recovery codes, WebAuthn), in a file of their own. */
export * from "./authenticators-schema.ts";
export * from "./policies-schema.ts";
/** Prompts, flow tokens, the mail outbox, invitations and consents (enrollment, recovery, consent stages). */
export * from "./enrollment-schema.ts";
/** Federation sources (OAuth / OpenID Connect) and users' connections to them. */
export * from "./sources-schema.ts";
