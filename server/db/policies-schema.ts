import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { groups, users } from "./schema.ts";

/** One row per policy; `kind` names its type (e.g. `dummy`), `config` holds that type's settings. */
export const policies = pgTable("ak_policy", {
  pk: uuid("pk").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  kind: text("kind").notNull(),
  executionLogging: boolean("execution_logging").notNull().default(false),
  config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
  created: timestamp("created", { withTimezone: true }).notNull().defaultNow(),
  lastUpdated: timestamp("last_updated", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A policy, group or user bound to something that policies decide about: a flow (who may run it), a
 * flow stage binding (whether the stage runs) or an application. As in authentik, `target` is the
 * pk of that object, whichever table it is in, so it has no foreign key.
 */
export const policyBindings = pgTable(
  "ak_policy_binding",
  {
    pk: uuid("pk").primaryKey().defaultRandom(),
    target: uuid("target").notNull(),
    policy: uuid("policy").references(() => policies.pk, { onDelete: "cascade" }),
    group: uuid("group_pk").references(() => groups.pk, { onDelete: "cascade" }),
    user: integer("user_pk").references(() => users.pk, { onDelete: "cascade" }),
    negate: boolean("negate").notNull().default(false),
    enabled: boolean("enabled").notNull().default(true),
    order: integer("order").notNull(),
    timeout: integer("timeout").notNull().default(30),
    failureResult: boolean("failure_result").notNull().default(false),
  },
  (t) => [index("ak_policy_binding_target_idx").on(t.target, t.order)],
);
