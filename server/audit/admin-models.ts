import type { roles, sessions } from "../db/schema.ts";
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
