import type { Db } from "../../db/client.ts";
import { consumeInvitation } from "../invitation/invitation-use.ts";
import { promptData } from "../prompt/prompt-data.ts";
import { deny, next, type StageContext, type StageKind } from "../stage.ts";
import { userValuesFrom } from "../user-write/user-values.ts";
import { WriteRefused, createUser, updateUser } from "../user-write/write-user.ts";
import { stageUser } from "./authenticator-user.ts";

export interface UserWriteConfig {
  user_creation_mode?: "never_create" | "create_when_required" | "always_create";
  create_users_as_inactive?: boolean;
  create_users_group?: string | null;
  user_type?: "internal" | "external" | "service_account" | "internal_service_account";
  user_path_template?: string;
}

declare module "../plan.ts" {
  interface PlanContext {
    /** Where new users go, overriding the stage's own path (a source's enrollment sets it, as in authentik). */
    user_path?: string;
  }
}

/** Plain passwords stay in the plan only until they are hashed into the user. */
function forgetPasswords(ctx: StageContext): void {
  const data = { ...promptData(ctx.plan) };
  delete data.password;
  delete data.password_repeat;
  ctx.plan.context.prompt_data = data;
}

/**
 * Writes what the flow's prompts collected to a user: creates one (enrollment) or updates the
 * flow's user (recovery, user settings). The user becomes the flow's pending user.
 */
export const userWrite: StageKind = {
  kind: "user_write",

  async show(ctx) {
    const config = ctx.stage.config as UserWriteConfig;
    const mode = config.user_creation_mode ?? "create_when_required";
    const existing = mode === "always_create" ? undefined : await stageUser(ctx);
    if (!existing && mode === "never_create") return deny("No user was identified in this flow, so there is nobody to update.");
    try {
      const user = await ctx.db.transaction(async (transaction) => {
        const tx = transaction as unknown as Db;
        const data = promptData(ctx.plan);
        const written = existing
          ? await updateUser(tx, existing, userValuesFrom(data, existing.attributes), ctx.session.user?.pk)
          : await createUser(tx, userValuesFrom(data, {}), {
              isActive: !config.create_users_as_inactive,
              type: config.user_type ?? "external",
              path: ctx.plan.context.user_path || config.user_path_template || "users",
              group: config.create_users_group ?? null,
            });
        if (!(await consumeInvitation(tx, ctx.plan))) throw new WriteRefused("This invitation has already been used.");
        return written;
      });
      ctx.plan.context.pending_user = user.pk;
      forgetPasswords(ctx);
      return next;
    } catch (error) {
      if (error instanceof WriteRefused) return deny(error.message);
      throw error;
    }
  },
};
