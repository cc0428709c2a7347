import { z } from "@hono/zod-openapi";
import type { GroupDetails } from "../../directory/groups.ts";
import type { GroupRow, UserRow } from "../../directory/users.ts";
import { Role, serializeRole } from "../rbac/role-models.ts";
import { groupFields, serializeGroupFields, serializeUserFields, userFields, userUid } from "./user-models.ts";

const attributes = z.record(z.string(), z.unknown());

export const GroupMember = z
  .object({
    ...userFields,
    email: z.string().optional().openapi({ format: "email" }),
    attributes: attributes.optional(),
    uid: z.string().openapi({ readOnly: true }),
  })
  .openapi("GroupMember", { description: "Stripped down user serializer to show relevant users for groups" });

export const Group = z
  .object({
    ...groupFields,
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
    ...serializeUserFields(user),
    email: user.email,
    attributes: user.attributes,
    uid: userUid(user),
  };
}

/** `details.members` is undefined when members were not asked for (`include_users=false`). */
export function serializeGroup(group: GroupRow, details: GroupDetails): z.infer<typeof Group> {
  return {
    ...serializeGroupFields({ ...group, parentName: details.parentName }),
    users: details.memberPks,
    users_obj: details.members?.map(serializeGroupMember) ?? null,
    attributes: group.attributes,
    roles: details.roles.map((r) => r.pk),
    roles_obj: details.roles.map(serializeRole),
  };
}
