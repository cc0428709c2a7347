import { and, eq, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { prompts, stages } from "./schema.ts";
import type { FlowSeed } from "./bootstrap.ts";

export type PromptSeed = Omit<typeof prompts.$inferInsert, "pk">;

const field = (name: string, fieldKey: string, label: string, type: string, order: number, extra: Partial<PromptSeed> = {}): PromptSeed => ({
  name,
  fieldKey,
  label,
  type,
  order,
  required: true,
  ...extra,
});

const newPassword = (prefix: string, order: number) => [
  field(`${prefix}-field-password`, "password", "Password", "password", order, { placeholder: "Password" }),
  field(`${prefix}-field-password-repeat`, "password_repeat", "Password (repeat)", "password", order + 1, {
    placeholder: "Password (repeat)",
  }),
];

/** A prompt that starts with the signed-in user's own value. */
const own = (attribute: string): Partial<PromptSeed> => ({ initialValue: `return user.${attribute}`, initialValueExpression: true });

/**
 * The enrollment, recovery, consent and user-settings flows of a fresh installation, named and
 * built as authentik's default blueprints build them.
 */
export const enrollmentFlows: FlowSeed[] = [
  {
    slug: "default-enrollment-flow",
    name: "Default enrollment Flow",
    title: "Welcome to authentik! Please enter your details to create an account.",
    designation: "enrollment",
    authentication: "require_unauthenticated",
    stages: [
      {
        name: "default-enrollment-prompt",
        kind: "prompt",
        config: {},
        prompts: [
          field("default-enrollment-field-username", "username", "Username", "username", 0, { placeholder: "Username" }),
          field("default-enrollment-field-name", "name", "Name", "text", 1, { placeholder: "Name" }),
          field("default-enrollment-field-email", "email", "Email", "email", 2, { placeholder: "Email" }),
          ...newPassword("default-enrollment", 3),
        ],
      },
      {
        name: "default-enrollment-user-write",
        kind: "user_write",
        config: { user_creation_mode: "always_create", create_users_as_inactive: true, user_type: "external" },
      },
      {
        name: "default-enrollment-email-verification",
        kind: "email",
        config: {
          use_global_settings: true,
          subject: "authentik: confirm your account",
          template: "email/account_confirmation.html",
          token_expiry: "minutes=30",
          activate_user_on_success: true,
        },
      },
      { name: "default-enrollment-user-login", kind: "user_login", config: {} },
    ],
  },
  {
    slug: "default-recovery-flow",
    name: "Default recovery flow",
    title: "Reset your password",
    designation: "recovery",
    authentication: "require_unauthenticated",
    stages: [
      {
        name: "default-recovery-identification",
        kind: "identification",
        config: { user_fields: ["email", "username"], pretend_user_exists: true },
      },
      {
        name: "default-recovery-email",
        kind: "email",
        config: {
          use_global_settings: true,
          subject: "authentik: reset your password",
          template: "email/password_reset.html",
          token_expiry: "minutes=30",
          activate_user_on_success: true,
        },
      },
      { name: "default-recovery-prompt", kind: "prompt", config: {}, prompts: newPassword("default-recovery", 0) },
      { name: "default-recovery-user-write", kind: "user_write", config: { user_creation_mode: "never_create" } },
      { name: "default-recovery-user-login", kind: "user_login", config: {} },
    ],
  },
  {
    slug: "default-provider-authorization-explicit-consent",
    name: "Authorize Application",
    title: "Redirecting to %(app)s",
    designation: "authorization",
    authentication: "require_authenticated",
    stages: [
      {
        name: "default-provider-authorization-consent",
        kind: "consent",
        config: { mode: "permanent", consent_expire_in: "weeks=4" },
      },
    ],
  },
  {
    slug: "default-user-settings-flow",
    name: "User settings",
    title: "Update your info",
    designation: "stage_configuration",
    authentication: "require_authenticated",
    stages: [
      {
        name: "default-user-settings",
        kind: "prompt",
        config: {},
        prompts: [
          field("default-user-settings-field-username", "username", "Username", "username", 200, own("username")),
          field("default-user-settings-field-name", "name", "Name", "text", 201, own("name")),
          field("default-user-settings-field-email", "email", "Email", "email", 202, own("email")),
          field("default-user-settings-field-locale", "attributes.settings.locale", "Locale", "ak-locale", 203, { required: false }),
        ],
      },
      { name: "default-user-settings-write", kind: "user_write", config: { user_creation_mode: "never_create" } },
    ],
  },
];

/** The pks of the seeded prompts, creating those missing; an existing prompt of the same name is kept as it is. */
export async function ensurePrompts(db: Db, seeds: PromptSeed[]): Promise<string[]> {
  const pks: string[] = [];
  for (const seed of seeds) {
    const [existing] = await db.select({ pk: prompts.pk }).from(prompts).where(eq(prompts.name, seed.name));
    pks.push(existing?.pk ?? (await db.insert(prompts).values(seed).returning({ pk: prompts.pk }))[0].pk);
  }
  return pks;
}

/**
 * Links the default sign-in page to enrollment and recovery ("Need an account?", "Forgot
 * password?"). A stage whose links an admin has set, or cleared, keeps them.
 */
export async function linkEnrollmentFlows(db: Db, flowPks: Map<string, string>): Promise<void> {
  for (const [key, slug] of [
    ["enrollment_flow", "default-enrollment-flow"],
    ["recovery_flow", "default-recovery-flow"],
  ] as const) {
    const flow = flowPks.get(slug);
    if (!flow) continue;
    await db
      .update(stages)
      .set({ config: sql`${stages.config} || jsonb_build_object(${key}::text, ${flow}::text)` })
      .where(and(eq(stages.name, "default-authentication-identification"), sql`not (${stages.config} ? ${key})`));
  }
}
