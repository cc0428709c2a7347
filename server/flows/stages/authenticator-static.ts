import { z } from "@hono/zod-openapi";
import { generateStaticCodes, saveStaticDevice } from "../../authenticators/static-codes.ts";
import { challengeShape, responseComponent } from "../challenge.ts";
import { deny, next, type StageKind } from "../stage.ts";
import { stageUser, userFields } from "./authenticator-user.ts";

const component = "ak-stage-authenticator-static";

export interface AuthenticatorStaticConfig {
  friendly_name?: string | null;
  token_count?: number;
  token_length?: number;
  configure_flow?: string | null;
}

declare module "../plan.ts" {
  interface PlanContext {
    /** The recovery codes being shown, saved once the user confirms they have kept them. */
    static_setup_codes?: string[];
  }
}

const challengeSchema = z
  .object({ ...challengeShape(component), pending_user: z.string(), pending_user_avatar: z.string(), codes: z.array(z.string()) })
  .openapi("AuthenticatorStaticChallenge", { description: "Static authenticator challenge" });

const responseSchema = z
  .object({ component: responseComponent(component) })
  .openapi("AuthenticatorStaticChallengeResponseRequest", { description: "Pseudo class for static response" });

/** Makes a set of single-use recovery codes, shows them once, and saves them when the user confirms. */
export const authenticatorStatic: StageKind<typeof responseSchema> = {
  kind: "authenticator_static",

  async show(ctx) {
    const user = await stageUser(ctx);
    if (!user) return deny("Sign in before creating recovery codes.");
    const config = ctx.stage.config as AuthenticatorStaticConfig;
    const codes = (ctx.plan.context.static_setup_codes ??= generateStaticCodes(config.token_count || 6, config.token_length || 12));
    return { component, ...userFields(user, ctx), codes };
  },

  interaction: {
    component,
    challengeSchema,
    responseSchema,

    async submit(ctx) {
      const user = await stageUser(ctx);
      const codes = ctx.plan.context.static_setup_codes;
      if (!user || !codes) return deny("The recovery code setup expired. Start again.");
      await saveStaticDevice(ctx.db, user.pk, (ctx.stage.config as AuthenticatorStaticConfig).friendly_name || "Recovery codes", codes);
      delete ctx.plan.context.static_setup_codes;
      return next;
    },
  },
};
