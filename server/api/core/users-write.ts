import type { OpenAPIHono } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import { applyChange } from "../../audit/changes.ts";
import { recoveryTokenModel, userModel } from "../../audit/admin-models.ts";
import { hashPassword } from "../../auth/passwords.ts";
import { currentBrand } from "../../brands.ts";
import { flows, users } from "../../db/schema.ts";
import { recoveryLink } from "../../directory/recovery-link.ts";
import { FlowNonApplicable } from "../../flows/planner.ts";
import { insertUser, updateUser, userInputErrors } from "../../directory/user-writes.ts";
import { ensureActorKeepsSuperuser } from "../../directory/lockout.ts";
import type { UserRow } from "../../directory/users.ts";
import { jsonBody, noContentResponses, objectResponses, requireSuperuser } from "../common.ts";
import { hasErrors } from "../validation.ts";
import { viewSetRoutes } from "../viewset-routes.ts";
import { Link, PatchedUserRequest, User, UserPasswordSetRequest, UserRequest, type UserInput } from "./user-models.ts";
import { findUser, userIdParam, userNotFound, userWithGroups } from "./users.ts";

const routes = viewSetRoutes({
  tag: "core",
  description: "User Viewset",
  middleware: requireSuperuser,
  path: "/core/users/",
  params: userIdParam,
  Model: User,
});
const setPasswordRoute = routes.action(
  "set_password",
  "Set password for user",
  jsonBody(UserPasswordSetRequest),
  noContentResponses("Successfully changed password"),
);
const recoveryRoute = routes.action("recovery", "Create a temporary link that a user can use to recover their accounts", {}, objectResponses(Link));

async function changeUser(c: Context<AppEnv>, user: UserRow, input: UserInput) {
  const { db } = c.get("deps");
  const actorPk = c.get("session").user?.pk;
  const errors = await userInputErrors(db, input, user, actorPk);
  if (hasErrors(errors)) return c.json(errors, 400);
  const updated = await applyChange(c, "model_updated", userModel, async (tx) => {
    const row = await updateUser(tx, user, input);
    await ensureActorKeepsSuperuser(tx, actorPk);
    return row;
  });
  return c.json(await userWithGroups(db, updated), 200);
}

export function registerUserWrites(api: OpenAPIHono<AppEnv>) {
  api.openapi(routes.create(UserRequest), async (c) => {
    const { db } = c.get("deps");
    const input = c.req.valid("json");
    const errors = await userInputErrors(db, input, undefined, undefined);
    if (hasErrors(errors)) return c.json(errors, 400);
    const user = await applyChange(c, "model_created", userModel, (tx) => insertUser(tx, input));
    return c.json(await userWithGroups(db, user), 201);
  });

  api.openapi(routes.update("put", UserRequest), async (c) => {
    const user = await findUser(c.get("deps").db, c.req.valid("param").id);
    return user ? changeUser(c, user, c.req.valid("json")) : userNotFound(c);
  });

  api.openapi(routes.update("patch", PatchedUserRequest, { bodyRequired: true }), async (c) => {
    const user = await findUser(c.get("deps").db, c.req.valid("param").id);
    return user ? changeUser(c, user, c.req.valid("json")) : userNotFound(c);
  });

  api.openapi(routes.destroy(), async (c) => {
    const user = await findUser(c.get("deps").db, c.req.valid("param").id);
    if (!user) return userNotFound(c);
    if (user.pk === c.get("session").user?.pk) return c.json({ non_field_errors: ["You cannot delete your own account."] }, 400);
    await applyChange(c, "model_deleted", userModel, async (tx) => (await tx.delete(users).where(eq(users.pk, user.pk)).returning())[0]);
    return c.body(null, 204);
  });

  api.openapi(setPasswordRoute, async (c) => {
    const user = await findUser(c.get("deps").db, c.req.valid("param").id);
    if (!user) return userNotFound(c);
    const password = await hashPassword(c.req.valid("json").password);
    await applyChange(c, "password_set", userModel, async (tx) => {
      const [updated] = await tx.update(users).set({ password, passwordChangeDate: new Date() }).where(eq(users.pk, user.pk)).returning();
      return updated;
    });
    return c.body(null, 204);
  });

  api.openapi(recoveryRoute, async (c) => {
    const { db } = c.get("deps");
    const user = await findUser(db, c.req.valid("param").id);
    if (!user) return userNotFound(c);
    const brand = await currentBrand(db, c.req.header("host") ?? "");
    const [flow] = brand?.flowRecovery ? await db.select().from(flows).where(eq(flows.pk, brand.flowRecovery)) : [];
    if (!flow) return c.json({ non_field_errors: ["No recovery flow set."] }, 400);
    // The recovery flow would let the user in again: activating them stays a separate, deliberate step.
    if (!user.isActive) return c.json({ non_field_errors: ["This account is deactivated. Activate it before creating a recovery link."] }, 400);
    try {
      // The browser's Origin (checked by the CSRF guard) is right behind a TLS-terminating proxy too.
      const origin = c.req.header("origin") ?? new URL(c.req.url).origin;
      const { path } = await applyChange(c, "model_created", recoveryTokenModel(user), (tx) => recoveryLink(tx, flow, user));
      return c.json({ link: origin + path }, 200);
    } catch (error) {
      if (!(error instanceof FlowNonApplicable)) throw error;
      return c.json({ non_field_errors: ["Recovery flow not applicable to user."] }, 400);
    }
  });
}
