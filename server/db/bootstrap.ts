import { eq } from "drizzle-orm";
import type { Db } from "./client.ts";
import { brands, flowStageBindings, flows, groupMembers, groups, stages, users } from "./schema.ts";
import { generatePassword, hashPassword } from "../auth/passwords.ts";
import { authenticatorSetupFlows, linkConfigureFlows } from "./bootstrap-authenticators.ts";
import { enrollmentFlows, ensurePrompts, linkEnrollmentFlows, type PromptSeed } from "./enrollment-flows.ts";

export interface BootstrapOptions {
  /** The superuser's password; generated when absent. */
  password?: string;
  email?: string;
}

export interface BootstrapResult {
  /** Set only when akadmin was created just now with a generated password. */
  generatedPassword?: string;
  createdAdmin: boolean;
}

export type FlowSeed = {
  slug: string;
  name: string;
  title: string;
  designation: string;
  authentication?: string;
  /** A prompt stage's `prompts` become its `config.fields`. */
  stages: { name: string; kind: string; config: Record<string, unknown>; prompts?: PromptSeed[] }[];
};

const defaultFlows: FlowSeed[] = [
  {
    slug: "default-authentication-flow",
    name: "Welcome to authentik!",
    title: "Welcome to authentik!",
    designation: "authentication",
    stages: [
      {
        name: "default-authentication-identification",
        kind: "identification",
        config: { user_fields: ["username", "email"], pretend_user_exists: true },
      },
      { name: "default-authentication-password", kind: "password", config: { allow_show_password: true } },
      {
        name: "default-authentication-mfa-validation",
        kind: "authenticator_validate",
        // Users without a device sign in with their password alone.
        config: { device_classes: ["static", "totp", "webauthn"], not_configured_action: "skip", last_auth_threshold: "seconds=0" },
      },
      { name: "default-authentication-login", kind: "user_login", config: {} },
    ],
  },
  {
    slug: "default-invalidation-flow",
    name: "Logout",
    title: "Default Invalidation Flow",
    designation: "invalidation",
    stages: [{ name: "default-invalidation-logout", kind: "user_logout", config: {} }],
  },
  ...authenticatorSetupFlows,
  ...enrollmentFlows,
];

/**
 * Creates what a fresh installation needs and is missing: the default flows and their stages, the
 * default brand, the "authentik Admins" superuser group and the `akadmin` user. Existing objects,
 * including anything an admin changed, are left as they are, so this runs on every start.
 */
export async function bootstrap(db: Db, options: BootstrapOptions = {}): Promise<BootstrapResult> {
  return db.transaction(async (tx) => {
    const flowPks = new Map<string, string>();
    for (const seed of defaultFlows) flowPks.set(seed.slug, await ensureFlow(tx as unknown as Db, seed));
    await linkConfigureFlows(tx as unknown as Db, flowPks);
    await linkEnrollmentFlows(tx as unknown as Db, flowPks);

    await tx
      .insert(brands)
      .values({
        domain: "authentik-default",
        isDefault: true,
        flowAuthentication: flowPks.get("default-authentication-flow"),
        flowInvalidation: flowPks.get("default-invalidation-flow"),
        flowRecovery: flowPks.get("default-recovery-flow"),
        flowUserSettings: flowPks.get("default-user-settings-flow"),
      })
      .onConflictDoNothing();

    await tx.insert(groups).values({ name: "authentik Admins", isSuperuser: true }).onConflictDoNothing();
    const [existing] = await tx.select({ pk: users.pk }).from(users).where(eq(users.username, "akadmin"));
    if (existing) return { createdAdmin: false };

    const generatedPassword = options.password ? undefined : generatePassword();
    const [admin] = await tx
      .insert(users)
      .values({
        username: "akadmin",
        name: "authentik Default Admin",
        email: options.email ?? "root@localhost",
        password: await hashPassword(options.password ?? generatedPassword!),
      })
      .returning({ pk: users.pk });
    const [adminGroup] = await tx.select({ pk: groups.pk }).from(groups).where(eq(groups.name, "authentik Admins"));
    await tx.insert(groupMembers).values({ group: adminGroup.pk, user: admin.pk });
    return { createdAdmin: true, generatedPassword };
  });
}

async function ensureFlow(db: Db, seed: FlowSeed): Promise<string> {
  const [found] = await db.select({ pk: flows.pk }).from(flows).where(eq(flows.slug, seed.slug));
  if (found) return found.pk;
  const [flow] = await db
    .insert(flows)
    .values({
      slug: seed.slug,
      name: seed.name,
      title: seed.title,
      designation: seed.designation,
      authentication: seed.authentication ?? "none",
    })
    .returning({ pk: flows.pk });
  for (const [index, stage] of seed.stages.entries()) {
    const [existingStage] = await db.select({ pk: stages.pk }).from(stages).where(eq(stages.name, stage.name));
    const config = stage.prompts ? { ...stage.config, fields: await ensurePrompts(db, stage.prompts) } : stage.config;
    const stagePk =
      existingStage?.pk ?? (await db.insert(stages).values({ name: stage.name, kind: stage.kind, config }).returning({ pk: stages.pk }))[0].pk;
    await db.insert(flowStageBindings).values({ target: flow.pk, stage: stagePk, order: (index + 1) * 10 });
  }
  return flow.pk;
}
