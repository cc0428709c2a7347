import { z } from "@hono/zod-openapi";
import type { UserGroupRow, UserRow } from "../../directory/users.ts";
import { initialsAvatar } from "../../directory/avatar.ts";

export const UserTypeEnum = z.enum(["internal", "external", "service_account", "internal_service_account"]).openapi("UserTypeEnum");

const attributes = z.record(z.string(), z.unknown());

/** The fields a group shows everywhere: in full (Group) and among a user's groups (UserGroup). */
export const groupFields = {
  pk: z.uuid().openapi({ readOnly: true }),
  num_pk: z.number().int().openapi({ readOnly: true }),
  name: z.string(),
  is_superuser: z.boolean().optional(),
  parent: z.uuid().nullable().optional(),
  parent_name: z.string().nullable().openapi({ readOnly: true }),
};

export const UserGroup = z
  .object({ ...groupFields, attributes: attributes.optional() })
  .openapi("UserGroup", { description: "Simplified Group Serializer for user's groups" });

/** The fields a user shows everywhere: in full (User) and among a group's members (GroupMember). */
export const userFields = {
  pk: z.number().int().openapi({ readOnly: true }),
  username: z.string().max(150),
  name: z.string(),
  is_active: z.boolean().optional(),
  last_login: z.iso.datetime({ offset: true }).nullable().optional(),
};

export const User = z
  .object({
    ...userFields,
    is_superuser: z.boolean().openapi({ readOnly: true }),
    groups: z.array(z.uuid()).optional(),
    groups_obj: z.array(UserGroup).nullable().openapi({ readOnly: true }),
    email: z.email().or(z.literal("")).optional().openapi({ type: "string", format: "email" }),
    avatar: z.string().openapi({ readOnly: true }),
    attributes: attributes.optional(),
    uid: z.string().openapi({ readOnly: true }),
    path: z.string().optional(),
    type: UserTypeEnum.optional(),
    uuid: z.uuid().openapi({ readOnly: true }),
    password_change_date: z.iso.datetime({ offset: true }).openapi({ readOnly: true }),
  })
  .openapi("User", { description: "User Serializer" });

const userRequestFields = {
  username: z.string().trim().min(1).max(150),
  name: z.string().trim(),
  is_active: z.boolean(),
  last_login: z.iso.datetime({ offset: true }).nullable(),
  groups: z.array(z.uuid()),
  email: z.email().max(254).or(z.literal("")).openapi({ type: "string", format: "email" }),
  attributes,
  path: z.string().trim().min(1),
  type: UserTypeEnum,
};

export const UserRequest = z
  .object(userRequestFields)
  .partial()
  .required({ username: true, name: true })
  .openapi("UserRequest", { description: "User Serializer" });

export const PatchedUserRequest = z.object(userRequestFields).partial().openapi("PatchedUserRequest", { description: "User Serializer" });

export type UserInput = z.infer<typeof PatchedUserRequest>;

export const UserPasswordSetRequest = z.object({ password: z.string().min(1) }).openapi("UserPasswordSetRequest");

export const Link = z.object({ link: z.string() }).openapi("Link", { description: "Returns a single link" });

export const UserPath = z.object({ paths: z.array(z.string()).openapi({ readOnly: true }) }).openapi("UserPath");

export const UserSelfGroups = z
  .object({ name: z.string().openapi({ readOnly: true }), pk: z.string().openapi({ readOnly: true }) })
  .openapi("UserSelfGroups");

export const UserSelf = z
  .object({
    pk: z.number().int().openapi({ readOnly: true }),
    username: z.string().max(150),
    name: z.string(),
    is_active: z.boolean().openapi({ readOnly: true }),
    is_superuser: z.boolean().openapi({ readOnly: true }),
    groups: z.array(UserSelfGroups).openapi({ readOnly: true }),
    email: z.string().optional().openapi({ format: "email" }),
    avatar: z.string().openapi({ readOnly: true }),
    uid: z.string().openapi({ readOnly: true }),
    settings: attributes.openapi({ readOnly: true }),
    type: UserTypeEnum.optional(),
    system_permissions: z.array(z.string()).openapi({ readOnly: true }),
  })
  .openapi("UserSelf", { description: "User Serializer for information a user can retrieve about themselves" });

export const SessionUser = z
  .object({ user: UserSelf, original: UserSelf.optional() })
  .openapi("SessionUser", { description: "Response for the /user/me endpoint, returns the currently active user (as `user` property) and, if this user is being impersonated, the original user in the `original` property." });

/** authentik's `uid`: the user's uuid without dashes. */
export const userUid = (user: UserRow) => user.uuid.replaceAll("-", "");
const isSuperuserVia = (groups: UserGroupRow[]) => groups.some((g) => g.isSuperuser);
const avatarOf = (user: UserRow) => initialsAvatar(user.name, user.username);

export const serializeGroupFields = (group: UserGroupRow) => ({
  pk: group.pk,
  num_pk: group.numPk,
  name: group.name,
  is_superuser: group.isSuperuser,
  parent: group.parent,
  parent_name: group.parentName,
});

export function serializeUserGroup(group: UserGroupRow): z.infer<typeof UserGroup> {
  return { ...serializeGroupFields(group), attributes: group.attributes };
}

export const serializeUserFields = (user: UserRow) => ({
  pk: user.pk,
  username: user.username,
  name: user.name,
  is_active: user.isActive,
  last_login: user.lastLogin?.toISOString() ?? null,
});

/** `withGroupObjects: false` answers authentik's `include_groups=false`: group pks only. */
export function serializeUser(user: UserRow, groups: UserGroupRow[], withGroupObjects = true): z.infer<typeof User> {
  return {
    ...serializeUserFields(user),
    is_superuser: isSuperuserVia(groups),
    groups: groups.map((g) => g.pk),
    groups_obj: withGroupObjects ? groups.map(serializeUserGroup) : null,
    email: user.email,
    avatar: avatarOf(user),
    attributes: user.attributes,
    uid: userUid(user),
    path: user.path,
    type: user.type as z.infer<typeof UserTypeEnum>,
    uuid: user.uuid,
    password_change_date: user.passwordChangeDate.toISOString(),
  };
}

export function serializeUserSelf(user: UserRow, groups: UserGroupRow[]): z.infer<typeof UserSelf> {
  return {
    pk: user.pk,
    username: user.username,
    name: user.name,
    is_active: user.isActive,
    is_superuser: isSuperuserVia(groups),
    groups: groups.map((g) => ({ name: g.name, pk: g.pk })),
    email: user.email,
    avatar: avatarOf(user),
    uid: userUid(user),
    settings: {},
    type: user.type as z.infer<typeof UserTypeEnum>,
    system_permissions: [],
  };
}
