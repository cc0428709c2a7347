import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { sessions, users } from "../../db/schema.ts";
import { challengeShape, responseComponent } from "../challenge.ts";
import { pendingUser, pendingUserFields } from "../pending-user.ts";
import { deny, next, type StageContext, type StageKind } from "../stage.ts";
import { parseTimedelta } from "../timedelta.ts";

const component = "ak-stage-user-login";

export interface UserLoginConfig {
  /** How long the session lasts; `seconds=0` means until the browser closes. */
  session_duration: string;
  /** Sign the user out everywhere else. */
  terminate_other_sessions: boolean;
  /** When not zero, the user is asked whether to stay signed in, which extends the session by this. */
  remember_me_offset: string;
  network_binding: string;
  geoip_binding: string;
}

/** authentik's defaults for a new user login stage. */
export const userLoginDefaults: UserLoginConfig = {
  session_duration: "seconds=0",
  terminate_other_sessions: false,
  remember_me_offset: "seconds=0",
  network_binding: "no_binding",
  geoip_binding: "no_binding",
};

const configOf = (ctx: StageContext) => ({ ...userLoginDefaults, ...ctx.stage.config }) as UserLoginConfig;
const seconds = (duration: string) => Math.round((parseTimedelta(duration) ?? 0) / 1000);

const challengeSchema = z
  .object({ ...challengeShape(component), pending_user: z.string(), pending_user_avatar: z.string() })
  .openapi("UserLoginChallenge", { description: "Empty challenge" });

const responseSchema = z
  .object({ component: responseComponent(component), remember_me: z.boolean() })
  .openapi("UserLoginChallengeResponseRequest", { description: "User login challenge" });

/**
 * Signs the flow's user in. A session lasts `session_duration` (until the browser closes when that
 * is zero), plus `remember_me_offset` when the user chose to stay signed in.
 */
async function login(ctx: StageContext, rememberMe: boolean) {
  const user = await pendingUser(ctx.db, ctx.plan.context);
  if (!user) return deny("No user was identified in this flow.");
  if (!user.isActive) return deny("This account is disabled. Contact your administrator.");
  const config = configOf(ctx);
  const lifetime = seconds(config.session_duration) + (rememberMe ? seconds(config.remember_me_offset) : 0);
  if (config.terminate_other_sessions) await ctx.db.delete(sessions).where(eq(sessions.user, user.pk));
  ctx.session.login(user, lifetime > 0, lifetime > 0 ? lifetime : undefined);
  await ctx.db.update(users).set({ lastLogin: new Date() }).where(eq(users.pk, user.pk));
  return next;
}

export const userLogin: StageKind<typeof responseSchema> = {
  kind: "user_login",

  async show(ctx) {
    if (seconds(configOf(ctx).remember_me_offset) <= 0) return login(ctx, false);
    return { component, ...pendingUserFields(await pendingUser(ctx.db, ctx.plan.context), ctx.plan.context) };
  },

  interaction: {
    component,
    challengeSchema,
    responseSchema,
    submit: (ctx, response) => login(ctx, response.remember_me),
  },
};
