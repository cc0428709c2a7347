import type { applications, flowTokens, flows, roles, sessions, users } from "../db/schema.ts";
import type { GroupRow, UserRow } from "../directory/users.ts";
import type { AdminModel } from "./changes.ts";

/** The admin models whose changes are reported, named as authentik names them in its events. */
export const userModel: AdminModel<UserRow> = {
  app: "authentik_core",
  model_name: "user",
  describe: (user) => ({ pk: user.pk, name: user.username }),
};

export const groupModel: AdminModel<GroupRow> = {
  app: "authentik_core",
  model_name: "group",
  describe: (group) => ({ pk: group.pk, name: group.name }),
};

export const roleModel: AdminModel<typeof roles.$inferSelect> = {
  app: "authentik_rbac",
  model_name: "role",
  describe: (role) => ({ pk: role.pk, name: role.name }),
};

export const sessionModel: AdminModel<typeof sessions.$inferSelect> = {
  app: "authentik_core",
  model_name: "authenticatedsession",
  describe: (session) => ({ pk: session.uuid, name: `Session ${session.uuid}` }),
};

export const flowModel: AdminModel<typeof flows.$inferSelect> = {
  app: "authentik_flows",
  model_name: "flow",
  describe: (flow) => ({ pk: flow.pk, name: flow.name }),
};

export const applicationModel: AdminModel<typeof applications.$inferSelect> = {
  app: "authentik_core",
  model_name: "application",
  describe: (application) => ({ pk: application.pk, name: application.name }),
};

/** An admin's recovery link for `user`: the flow token behind it, named by whom it lets in (its key stays secret). */
export const recoveryTokenModel = (
  user: Pick<typeof users.$inferSelect, "username">,
): AdminModel<{ token: typeof flowTokens.$inferSelect }> => ({
  app: "authentik_flows",
  model_name: "flowtoken",
  describe: ({ token }) => ({ pk: token.keyHash, name: `Recovery link for ${user.username}` }),
});
