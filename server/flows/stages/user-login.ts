import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema.ts";
import { challengeShape, responseComponent } from "../challenge.ts";
import { pendingUser, pendingUserFields } from "../pending-user.ts";
import { deny, next, type StageContext, type StageKind } from "../stage.ts";

const component = "ak-stage-user-login";

export interface UserLoginConfig {
  /** Offer "stay signed in", keeping the session cookie across browser restarts. */
  remember_me?: boolean;
}

const challengeSchema = z
  .object({ ...challengeShape(component), pending_user: z.string(), pending_user_avatar: z.string() })
  .openapi("UserLoginChallenge", { description: "Empty challenge" });

const responseSchema = z
  .object({ component: responseComponent(component), remember_me: z.boolean() })
  .openapi("UserLoginChallengeResponseRequest", { description: "User login challenge" });

async function login({ db, session, plan }: StageContext, persistent: boolean) {
  const user = await pendingUser(db, plan.context);
  if (!user) return deny("No user was identified in this flow.");
  if (!user.isActive) return deny("This account is disabled. Contact your administrator.");
  session.login(user, persistent);
  await db.update(users).set({ lastLogin: new Date() }).where(eq(users.pk, user.pk));
  return next;
}

export const userLogin: StageKind<typeof responseSchema> = {
  kind: "user_login",

  async show(ctx) {
    if (!(ctx.stage.config as UserLoginConfig).remember_me) return login(ctx, false);
    return { component, ...pendingUserFields(await pendingUser(ctx.db, ctx.plan.context), ctx.plan.context) };
  },

  interaction: {
    component,
    challengeSchema,
    responseSchema,
    submit: (ctx, response) => login(ctx, response.remember_me),
  },
};
