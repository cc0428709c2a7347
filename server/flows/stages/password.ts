import { z } from "@hono/zod-openapi";
import { challengeShape, responseComponent } from "../challenge.ts";
import { pendingUser, pendingUserFields } from "../pending-user.ts";
import { invalid, next, type StageKind } from "../stage.ts";
import { checkPassword } from "./password-check.ts";

const component = "ak-stage-password";

export interface PasswordConfig {
  allow_show_password?: boolean;
}

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

export const password: StageKind<typeof responseSchema> = {
  kind: "password",

  async show({ db, stage, plan }) {
    const config = stage.config as PasswordConfig;
    return {
      component,
      ...pendingUserFields(await pendingUser(db, plan.context), plan.context),
      allow_show_password: Boolean(config.allow_show_password),
    };
  },

  interaction: {
    component,
    challengeSchema,
    responseSchema,

    async submit({ db, plan }, response) {
      const user = await pendingUser(db, plan.context);
      const check = await checkPassword(db, plan.context.pending_user_identifier ?? "", user, response.password);
      return check === "ok" ? next : invalid({ password: check });
    },
  },
};
