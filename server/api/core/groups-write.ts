import type { OpenAPIHono } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import { applyChange } from "../../audit/changes.ts";
import { groupModel } from "../../audit/admin-models.ts";
import { groups } from "../../db/schema.ts";
import { groupInputErrors, insertGroup, updateGroup } from "../../directory/group-writes.ts";
import { ensureActorKeepsSuperuser } from "../../directory/lockout.ts";
import { addMember, removeMember } from "../../directory/memberships.ts";
import type { GroupRow } from "../../directory/users.ts";
import { jsonBody, noContentResponses, requireSuperuser } from "../common.ts";
import { hasErrors } from "../validation.ts";
import { viewSetRoutes } from "../viewset-routes.ts";
import { Group, GroupRequest, PatchedGroupRequest, UserAccountRequest, type GroupInput } from "./group-models.ts";
import { findGroup, groupNotFound, groupUuidParam, serializeGroups } from "./groups.ts";
import { findUser, userNotFound } from "./users.ts";

const routes = viewSetRoutes({
  tag: "core",
  description: "Group Viewset",
  middleware: requireSuperuser,
  path: "/core/groups/",
  params: groupUuidParam,
  Model: Group,
});
const addUserRoute = routes.action("add_user", "Add user to group", jsonBody(UserAccountRequest), noContentResponses("User added"));
const removeUserRoute = routes.action("remove_user", "Remove user from group", jsonBody(UserAccountRequest), noContentResponses("User removed"));

const actorOf = (c: Context<AppEnv>) => c.get("session").user?.pk;

async function changeGroup(c: Context<AppEnv>, group: GroupRow, input: GroupInput) {
  const { db } = c.get("deps");
  const errors = await groupInputErrors(db, input, group);
  if (hasErrors(errors)) return c.json(errors, 400);
  const updated = await applyChange(c, "model_updated", groupModel, async (tx) => {
    const row = await updateGroup(tx, group, input);
    await ensureActorKeepsSuperuser(tx, actorOf(c));
    return row;
  });
  const [result] = await serializeGroups(db, [updated]);
  return c.json(result, 200);
}

/** add_user and remove_user: 404 for a missing group or user, else the change, reported as an update of the group. */
async function changeMembership(c: Context<AppEnv>, groupPk: string, userPk: number, change: typeof addMember) {
  const { db } = c.get("deps");
  const group = await findGroup(db, groupPk);
  if (!group) return groupNotFound(c);
  if (!(await findUser(db, userPk))) return userNotFound(c);
  await applyChange(c, "model_updated", groupModel, async (tx) => {
    await change(tx, group.pk, userPk);
    await ensureActorKeepsSuperuser(tx, actorOf(c));
    return group;
  });
  return c.body(null, 204);
}

export function registerGroupWrites(api: OpenAPIHono<AppEnv>) {
  api.openapi(routes.create(GroupRequest), async (c) => {
    const { db } = c.get("deps");
    const input = c.req.valid("json");
    const errors = await groupInputErrors(db, input, undefined);
    if (hasErrors(errors)) return c.json(errors, 400);
    const group = await applyChange(c, "model_created", groupModel, (tx) => insertGroup(tx, input));
    const [result] = await serializeGroups(db, [group]);
    return c.json(result, 201);
  });

  api.openapi(routes.update("put", GroupRequest), async (c) => {
    const group = await findGroup(c.get("deps").db, c.req.valid("param").group_uuid);
    return group ? changeGroup(c, group, c.req.valid("json")) : groupNotFound(c);
  });

  api.openapi(routes.update("patch", PatchedGroupRequest, { bodyRequired: true }), async (c) => {
    const group = await findGroup(c.get("deps").db, c.req.valid("param").group_uuid);
    return group ? changeGroup(c, group, c.req.valid("json")) : groupNotFound(c);
  });

  api.openapi(routes.destroy(), async (c) => {
    const group = await findGroup(c.get("deps").db, c.req.valid("param").group_uuid);
    if (!group) return groupNotFound(c);
    await applyChange(c, "model_deleted", groupModel, async (tx) => {
      await tx.delete(groups).where(eq(groups.pk, group.pk));
      await ensureActorKeepsSuperuser(tx, actorOf(c));
      return group;
    });
    return c.body(null, 204);
  });

  api.openapi(addUserRoute, (c) => changeMembership(c, c.req.valid("param").group_uuid, c.req.valid("json").pk, addMember));

  api.openapi(removeUserRoute, (c) => changeMembership(c, c.req.valid("param").group_uuid, c.req.valid("json").pk, removeMember));
}
