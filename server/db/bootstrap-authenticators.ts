import { and, eq, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import type { FlowSeed } from "./bootstrap.ts";
import { stages } from "./schema.ts";

/** The flows a signed-in user runs to set up each kind of authenticator, named as authentik names them. */
export const authenticatorSetupFlows: FlowSeed[] = [
  {
    slug: "default-authenticator-totp-setup",
    name: "default-authenticator-totp-setup",
    title: "Set up an authenticator app",
    designation: "stage_configuration",
    authentication: "require_authenticated",
    stages: [{ name: "default-authenticator-totp-setup", kind: "authenticator_totp", config: { digits: "6", friendly_name: null } }],
  },
  {
    slug: "default-authenticator-static-setup",
    name: "default-authenticator-static-setup",
    title: "Create recovery codes",
    designation: "stage_configuration",
    authentication: "require_authenticated",
    stages: [
      { name: "default-authenticator-static-setup", kind: "authenticator_static", config: { token_count: 6, token_length: 12, friendly_name: null } },
    ],
  },
  {
    slug: "default-authenticator-webauthn-setup",
    name: "default-authenticator-webauthn-setup",
    title: "Register a passkey or security key",
    designation: "stage_configuration",
    authentication: "require_authenticated",
    stages: [
      {
        name: "default-authenticator-webauthn-setup",
        kind: "authenticator_webauthn",
        config: { user_verification: "preferred", resident_key_requirement: "preferred", authenticator_attachment: null, friendly_name: null },
      },
    ],
  },
];

/**
 * Points each setup stage at the flow that runs it (`configure_flow`), which is how the user's
 * settings find the flow to set up a device. Only a stage that never had the setting gets it: one an
 * admin pointed elsewhere, or cleared, stays as it is.
 */
export async function linkConfigureFlows(db: Db, flowPks: Map<string, string>): Promise<void> {
  for (const seed of authenticatorSetupFlows) {
    const flow = flowPks.get(seed.slug);
    if (!flow) continue;
    await db
      .update(stages)
      .set({ config: sql`${stages.config} || jsonb_build_object('configure_flow', ${flow}::text)` })
      .where(and(eq(stages.name, seed.stages[0].name), sql`${stages.config} -> 'configure_flow' is null`));
  }
}
