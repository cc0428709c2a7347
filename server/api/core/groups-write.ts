import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
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
import { createdResponses, jsonBody, noContentResponses, objectResponses, requireSuperuser } from "../common.ts";
import { hasErrors } from "../validation.ts";
import { Group, GroupRequest, PatchedGroupRequest, UserAccountRequest, type GroupInput } from "./group-models.ts";
import { findGroup, groupNotFound, groupUuidParam, serializeGroups } from "./groups.ts";
import { findUser, userNotFound } from "./users.ts";

const operation = { tags: ["core"], description: "Group Viewset", middleware: [requireSuperuser] };

const createGroupRoute = createRoute({
  ...operation,
  method: "post",
  path: "/core/groups/",
  operationId: "core_groups_create",
  request: jsonBody(GroupRequest),
  responses: createdResponses(Group),
});

const updateGroupRoute = createRoute({
  ...operation,
  method: "put",
  path: "/core/groups/{group_uuid}/",
  operationId: "core_groups_update",
  request: { params: groupUuidParam, ...jsonBody(GroupRequest) },
  responses: objectResponses(Group),
});

const patchGroupRoute = createRoute({
  ...operation,
  method: "patch",
  path: "/core/groups/{group_uuid}/",
  operationId: "core_groups_partial_update",
  request: { params: groupUuidParam, ...jsonBody(PatchedGroupRequest) },
  responses: objectResponses(Group),
});

const deleteGroupRoute = createRoute({
  ...operation,
  method: "delete",
  path: "/core/groups/{group_uuid}/",
  operationId: "core_groups_destroy",
  request: { params: groupUuidParam },
  responses: noContentResponses(),
});

const addUserRoute = createRoute({
  ...operation,
  method: "post",
  path: "/core/groups/{group_uuid}/add_user/",
  operationId: "core_groups_add_user_create",
  description: "Add user to group",
  request: { params: groupUuidParam, ...jsonBody(UserAccountRequest) },
  responses: noContentResponses("User added"),
});

const removeUserRoute = createRoute({
  ...operation,
  method: "post",
  path: "/core/groups/{group_uuid}/remove_user/",
  operationId: "core_groups_remove_user_create",
  description: "Remove user from group",
  request: { params: groupUuidParam, ...jsonBody(UserAccountRequest) },
  responses: noContentResponses("User removed"),
});

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
  api.openapi(createGroupRoute, async (c) => {
    const { db } = c.get("deps");
    const input = c.req.valid("json");
    const errors = await groupInputErrors(db, input, undefined);
    if (hasErrors(errors)) return c.json(errors, 400);
    const group = await applyChange(c, "model_created", groupModel, (tx) => insertGroup(tx, input));
    const [result] = await serializeGroups(db, [group]);
    return c.json(result, 201);
  });

  api.openapi(updateGroupRoute, async (c) => {
    const group = await findGroup(c.get("deps").db, c.req.valid("param").group_uuid);
    return group ? changeGroup(c, group, c.req.valid("json")) : groupNotFound(c);
  });

  api.openapi(patchGroupRoute, async (c) => {
    const group = await findGroup(c.get("deps").db, c.req.valid("param").group_uuid);
    return group ? changeGroup(c, group, c.req.valid("json")) : groupNotFound(c);
  });

  api.openapi(deleteGroupRoute, async (c) => {
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
