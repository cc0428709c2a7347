import { z } from "@hono/zod-openapi";
import type { StageRow } from "../../flows/stage.ts";

/** How authentik names each kind of stage in its admin API. */
const kindNames: Record<string, { verbose: string; model: string }> = {
  prompt: { verbose: "Prompt Stage", model: "authentik_stages_prompt.promptstage" },
  user_write: { verbose: "User Write Stage", model: "authentik_stages_user_write.userwritestage" },
  email: { verbose: "Email Stage", model: "authentik_stages_email.emailstage" },
  invitation: { verbose: "Invitation Stage", model: "authentik_stages_invitation.invitationstage" },
  consent: { verbose: "Consent Stage", model: "authentik_stages_consent.consentstage" },
  deny: { verbose: "Deny Stage", model: "authentik_stages_deny.denystage" },
  redirect: { verbose: "Redirect Stage", model: "authentik_stages_redirect.redirectstage" },
  dummy: { verbose: "Dummy Stage", model: "authentik_stages_dummy.dummystage" },
  identification: { verbose: "Identification Stage", model: "authentik_stages_identification.identificationstage" },
  password: { verbose: "Password Stage", model: "authentik_stages_password.passwordstage" },
  user_login: { verbose: "User Login Stage", model: "authentik_stages_user_login.userloginstage" },
  user_logout: { verbose: "User Logout Stage", model: "authentik_stages_user_logout.userlogoutstage" },
  authenticator_validate: {
    verbose: "Authenticator Validation Stage",
    model: "authentik_stages_authenticator_validate.authenticatorvalidatestage",
  },
  authenticator_totp: { verbose: "TOTP Authenticator Setup Stage", model: "authentik_stages_authenticator_totp.authenticatortotpstage" },
  authenticator_static: {
    verbose: "Static Authenticator Setup Stage",
    model: "authentik_stages_authenticator_static.authenticatorstaticstage",
  },
  authenticator_webauthn: {
    verbose: "WebAuthn Authenticator Setup Stage",
    model: "authentik_stages_authenticator_webauthn.authenticatorwebauthnstage",
  },
};

export const Stage = z
  .object({
    pk: z.uuid().openapi({ readOnly: true }),
    name: z.string(),
    component: z.string().openapi({ readOnly: true }),
    verbose_name: z.string().openapi({ readOnly: true }),
    verbose_name_plural: z.string().openapi({ readOnly: true }),
    meta_model_name: z.string().openapi({ readOnly: true }),
  })
  .openapi("Stage", { description: "Stage Serializer" });

export function serializeStage(stage: StageRow): z.infer<typeof Stage> {
  const names = kindNames[stage.kind] ?? { verbose: stage.kind, model: stage.kind };
  return {
    pk: stage.pk,
    name: stage.name,
    component: `ak-stage-${stage.kind.replaceAll("_", "-")}-form`,
    verbose_name: names.verbose,
    verbose_name_plural: `${names.verbose}s`,
    meta_model_name: names.model,
  };
}
