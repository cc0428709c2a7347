import { z } from "@hono/zod-openapi";
import type { GroupDetails } from "../../directory/groups.ts";
import type { GroupRow, UserRow } from "../../directory/users.ts";
import { Role, serializeRole } from "../rbac/role-models.ts";
import { userUid } from "./user-models.ts";

const attributes = z.record(z.string(), z.unknown());

export const GroupMember = z
  .object({
    pk: z.number().int().openapi({ readOnly: true }),
    username: z.string().max(150),
    name: z.string(),
    is_active: z.boolean().optional(),
    last_login: z.iso.datetime({ offset: true }).nullable().optional(),
    email: z.string().optional().openapi({ format: "email" }),
    attributes: attributes.optional(),
    uid: z.string().openapi({ readOnly: true }),
  })
  .openapi("GroupMember", { description: "Stripped down user serializer to show relevant users for groups" });

export const Group = z
  .object({
    pk: z.uuid().openapi({ readOnly: true }),
    num_pk: z.number().int().openapi({ readOnly: true }),
    name: z.string(),
    is_superuser: z.boolean().optional(),
    parent: z.uuid().nullable().optional(),
    parent_name: z.string().nullable().openapi({ readOnly: true }),
    users: z.array(z.number().int()).optional(),
    users_obj: z.array(GroupMember).nullable().openapi({ readOnly: true }),
    attributes: attributes.optional(),
    roles: z.array(z.uuid()).optional(),
    roles_obj: z.array(Role).openapi({ readOnly: true }),
  })
  .openapi("Group", { description: "Group Serializer" });

const groupRequestFields = {
  name: z.string().trim().min(1),
  is_superuser: z.boolean(),
  parent: z.uuid().nullable(),
  users: z.array(z.number().int()),
  attributes,
  roles: z.array(z.uuid()),
};

export const GroupRequest = z
  .object(groupRequestFields)
  .partial()
  .required({ name: true })
  .openapi("GroupRequest", { description: "Group Serializer" });

export const PatchedGroupRequest = z.object(groupRequestFields).partial().openapi("PatchedGroupRequest", { description: "Group Serializer" });

export type GroupInput = z.infer<typeof PatchedGroupRequest>;

export const UserAccountRequest = z
  .object({ pk: z.number().int() })
  .openapi("UserAccountRequest", { description: "Account adding/removing operations" });

export function serializeGroupMember(user: UserRow): z.infer<typeof GroupMember> {
  return {
    pk: user.pk,
    username: user.username,
    name: user.name,
    is_active: user.isActive,
    last_login: user.lastLogin?.toISOString() ?? null,
    email: user.email,
    attributes: user.attributes,
    uid: userUid(user),
  };
}

/** `details.members` is undefined when members were not asked for (`include_users=false`). */
export function serializeGroup(group: GroupRow, details: GroupDetails): z.infer<typeof Group> {
  return {
    pk: group.pk,
    num_pk: group.numPk,
    name: group.name,
    is_superuser: group.isSuperuser,
    parent: group.parent,
    parent_name: details.parentName,
    users: details.memberPks,
    users_obj: details.members?.map(serializeGroupMember) ?? null,
    attributes: group.attributes,
    roles: details.roles.map((r) => r.pk),
    roles_obj: details.roles.map(serializeRole),
  };
}
