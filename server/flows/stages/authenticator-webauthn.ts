import { z } from "@hono/zod-openapi";
import { registerCredential, registrationOptions, type RegistrationSettings } from "../../authenticators/webauthn.ts";
import { challengeShape, fieldError, responseComponent } from "../challenge.ts";
import { deny, invalid, next, type StageContext, type StageKind } from "../stage.ts";
import { relyingPartyOf, stageUser, userFields } from "./authenticator-user.ts";

const component = "ak-stage-authenticator-webauthn";

export interface AuthenticatorWebAuthnConfig {
  friendly_name?: string | null;
  user_verification?: RegistrationSettings["userVerification"];
  authenticator_attachment?: RegistrationSettings["attachment"];
  resident_key_requirement?: RegistrationSettings["residentKey"];
  device_type_restrictions?: string[];
  configure_flow?: string | null;
}

declare module "../plan.ts" {
  interface PlanContext {
    /** The challenge of the registration in progress. */
    webauthn_setup_challenge?: string;
  }
}

const challengeSchema = z
  .object({
    ...challengeShape(component),
    pending_user: z.string(),
    pending_user_avatar: z.string(),
    registration: z.record(z.string(), z.unknown()),
  })
  .openapi("AuthenticatorWebAuthnChallenge", { description: "WebAuthn Challenge" });

const responseSchema = z
  .object({ component: responseComponent(component), response: z.record(z.string(), z.unknown()) })
  .openapi("AuthenticatorWebAuthnChallengeResponseRequest", { description: "WebAuthn Challenge response" });

function settingsOf(ctx: StageContext): RegistrationSettings {
  const config = ctx.stage.config as AuthenticatorWebAuthnConfig;
  return {
    userVerification: config.user_verification ?? "preferred",
    residentKey: config.resident_key_requirement ?? "preferred",
    attachment: config.authenticator_attachment ?? null,
  };
}

/** Registers a passkey or security key: sends registration options and verifies what the browser made of them. */
export const authenticatorWebAuthn: StageKind<typeof responseSchema> = {
  kind: "authenticator_webauthn",

  async show(ctx) {
    const user = await stageUser(ctx);
    if (!user) return deny("Sign in before registering a security key.");
    const registration = await registrationOptions(ctx.db, await relyingPartyOf(ctx), user, settingsOf(ctx));
    ctx.plan.context.webauthn_setup_challenge = registration.challenge;
    return { component, ...userFields(user, ctx), registration: registration as unknown as Record<string, unknown> };
  },

  interaction: {
    component,
    challengeSchema,
    responseSchema,

    async submit(ctx, { response }) {
      const user = await stageUser(ctx);
      const challenge = ctx.plan.context.webauthn_setup_challenge;
      if (!user || !challenge) return deny("The security key registration expired. Start again.");
      const name = (ctx.stage.config as AuthenticatorWebAuthnConfig).friendly_name || "Passkey";
      try {
        await registerCredential(ctx.db, await relyingPartyOf(ctx), user, name, challenge, response, settingsOf(ctx).userVerification);
      } catch (error) {
        return invalid({ response: fieldError(registrationRefusal(error)) });
      }
      delete ctx.plan.context.webauthn_setup_challenge;
      return next;
    },
  },
};

/** simplewebauthn's messages name the check that failed; those are clear enough to show, and hold no secrets. */
const registrationRefusal = (error: unknown) =>
  `The security key could not be registered: ${error instanceof Error ? error.message : String(error)}`;
