import { z } from "@hono/zod-openapi";
import { totpDevices } from "../../db/schema.ts";
import { newTotpSecret, totpConfigUrl, totpStep } from "../../authenticators/totp.ts";
import { challengeShape, fieldError, responseComponent } from "../challenge.ts";
import { deny, invalid, next, type StageContext, type StageKind } from "../stage.ts";
import { siteName, stageUser, userFields } from "./authenticator-user.ts";

const component = "ak-stage-authenticator-totp";

export interface AuthenticatorTotpConfig {
  friendly_name?: string | null;
  digits?: "6" | "8";
  configure_flow?: string | null;
}

declare module "../plan.ts" {
  interface PlanContext {
    /** The secret of the authenticator app being set up, until a code from it is confirmed. */
    totp_setup_secret?: string;
  }
}

const period = 30;

const challengeSchema = z
  .object({ ...challengeShape(component), pending_user: z.string(), pending_user_avatar: z.string(), config_url: z.string() })
  .openapi("AuthenticatorTOTPChallenge", { description: "TOTP Setup challenge" });

const responseSchema = z
  .object({ component: responseComponent(component), code: z.number().int() })
  .openapi("AuthenticatorTOTPChallengeResponseRequest", { description: "TOTP Challenge response, device is set by get_response_instance" });

const digitsOf = (ctx: StageContext) => Number((ctx.stage.config as AuthenticatorTotpConfig).digits ?? "6");

/** Sets up an authenticator app: shows an otpauth:// URL (as a QR code) and saves it once a code from the app matches. */
export const authenticatorTotp: StageKind<typeof responseSchema> = {
  kind: "authenticator_totp",

  async show(ctx) {
    const user = await stageUser(ctx);
    if (!user) return deny("Sign in before setting up an authenticator app.");
    const secret = (ctx.plan.context.totp_setup_secret ??= newTotpSecret());
    return {
      component,
      ...userFields(user, ctx),
      config_url: totpConfigUrl({ secret, digits: digitsOf(ctx), period }, await siteName(ctx), user.username),
    };
  },

  interaction: {
    component,
    challengeSchema,
    responseSchema,

    async submit(ctx, response) {
      const user = await stageUser(ctx);
      const secret = ctx.plan.context.totp_setup_secret;
      if (!user || !secret) return deny("The authenticator setup expired. Start again.");
      const parameters = { secret, digits: digitsOf(ctx), period };
      const step = totpStep(parameters, String(response.code));
      if (step === undefined) {
        return invalid({
          code: fieldError("That code does not match. Check that your device's clock is right and enter the code the app shows now."),
        });
      }
      const name = (ctx.stage.config as AuthenticatorTotpConfig).friendly_name || "Authenticator app";
      await ctx.db.insert(totpDevices).values({ user: user.pk, name, ...parameters, lastStep: step });
      delete ctx.plan.context.totp_setup_secret;
      return next;
    },
  },
};
