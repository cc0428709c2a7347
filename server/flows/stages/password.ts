import { z } from "@hono/zod-openapi";
import { currentBrand } from "../../brands.ts";
import { challengeShape, responseComponent } from "../challenge.ts";
import { flowLink } from "../flow-links.ts";
import { pendingUser, pendingUserFields } from "../pending-user.ts";
import { deny, invalid, next, type StageContext, type StageKind } from "../stage.ts";
import { checkPassword } from "./password-check.ts";

const component = "ak-stage-password";

export interface PasswordConfig {
  backends: string[];
  configure_flow: string | null;
  /** Wrong passwords allowed in one run of the flow; the next one cancels it. */
  failed_attempts_before_cancel: number;
  allow_show_password: boolean;
}

/** authentik's defaults for a new password stage. */
export const passwordDefaults: PasswordConfig = {
  backends: ["authentik.core.auth.InbuiltBackend"],
  configure_flow: null,
  failed_attempts_before_cancel: 5,
  allow_show_password: false,
};

const configOf = (ctx: StageContext) => ({ ...passwordDefaults, ...ctx.stage.config }) as PasswordConfig;

const challengeSchema = z
  .object({
    ...challengeShape(component),
    pending_user: z.string(),
    pending_user_avatar: z.string(),
    recovery_url: z.string().optional(),
    allow_show_password: z.boolean().optional(),
  })
  .openapi("PasswordChallenge", { description: "Password challenge UI fields" });

const responseSchema = z
  .object({ component: responseComponent(component), password: z.string().min(1) })
  .openapi("PasswordChallengeResponseRequest", { description: "Password challenge response" });

/** The brand's recovery flow, offered as "Forgot password?". */
async function recoveryUrl(ctx: StageContext): Promise<string | undefined> {
  const brand = await currentBrand(ctx.db, new URL(ctx.origin).host);
  return flowLink(ctx.db, brand?.flowRecovery, ctx.query);
}

export const password: StageKind<typeof responseSchema> = {
  kind: "password",

  async show(ctx) {
    const recovery_url = await recoveryUrl(ctx);
    return {
      component,
      ...pendingUserFields(await pendingUser(ctx.db, ctx.plan.context), ctx.plan.context),
      ...(recovery_url && { recovery_url }),
      allow_show_password: configOf(ctx).allow_show_password,
    };
  },

  interaction: {
    component,
    challengeSchema,
    responseSchema,

    async submit(ctx, response) {
      const { context } = ctx.plan;
      const user = await pendingUser(ctx.db, context);
      const check = await checkPassword(ctx.db, user?.username ?? context.pending_user_identifier ?? "", user, response.password);
      if (check === "ok") {
        context.password_failures = undefined;
        return next;
      }
      if (check[0].code === "invalid_credentials") {
        context.password_failures = (context.password_failures ?? 0) + 1;
        if (context.password_failures > configOf(ctx).failed_attempts_before_cancel) {
          context.password_failures = undefined;
          return deny("Too many failed password attempts.");
        }
      }
      return invalid({ password: check });
    },
  },
};
