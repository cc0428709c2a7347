import { and, eq, ne } from "drizzle-orm";
import type { FieldErrors } from "../api/validation.ts";
import type { Db } from "../db/client.ts";
import { missingReferences } from "../db/references.ts";
import { setsAnything } from "../db/updates.ts";
import { groupRoles, groups, roles, users } from "../db/schema.ts";
import type { GroupInput } from "../api/core/group-models.ts";
import { isSelfOrAncestor } from "./groups.ts";
import { setMembersOfGroup } from "./memberships.ts";
import type { GroupRow } from "./users.ts";

/** What stops `input` from creating a group (no `existing`) or changing `existing`, by field. */
export async function groupInputErrors(db: Db, input: GroupInput, existing: GroupRow | undefined): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (input.name !== undefined && input.name !== existing?.name) {
    const taken = await db
      .select({ pk: groups.pk })
      .from(groups)
      .where(and(eq(groups.name, input.name), existing ? ne(groups.pk, existing.pk) : undefined));
    if (taken.length) errors.name = ["Group with this name already exists."];
  }
  if (input.parent) {
    const parentErrors =
      (await missingReferences(db, groups.pk, [input.parent])) ??
      (existing && (await isSelfOrAncestor(db, existing.pk, input.parent))
        ? ["A group cannot be its own parent or the parent of one of its ancestors."]
        : undefined);
    if (parentErrors) errors.parent = parentErrors;
  }
  const missingUsers = await missingReferences(db, users.pk, input.users ?? []);
  if (missingUsers) errors.users = missingUsers;
  const missingRoles = await missingReferences(db, roles.pk, input.roles ?? []);
  if (missingRoles) errors.roles = missingRoles;
  return errors;
}

async function setRolesOfGroup(tx: Db, groupPk: string, rolePks: string[]): Promise<void> {
  await tx.delete(groupRoles).where(eq(groupRoles.group, groupPk));
  if (rolePks.length) await tx.insert(groupRoles).values(rolePks.map((role) => ({ group: groupPk, role })));
}

const groupColumns = (input: GroupInput) => ({
  name: input.name,
  isSuperuser: input.is_superuser,
  parent: input.parent,
  attributes: input.attributes,
});

async function setRelations(tx: Db, groupPk: string, input: GroupInput): Promise<void> {
  if (input.users) await setMembersOfGroup(tx, groupPk, input.users);
  if (input.roles) await setRolesOfGroup(tx, groupPk, input.roles);
}

export async function insertGroup(tx: Db, input: GroupInput & { name: string }): Promise<GroupRow> {
  const [group] = await tx
    .insert(groups)
    .values({ ...groupColumns(input), name: input.name })
    .returning();
  await setRelations(tx, group.pk, input);
  return group;
}

/** Applies the fields `input` sets. */
export async function updateGroup(tx: Db, group: GroupRow, input: GroupInput): Promise<GroupRow> {
  const values = groupColumns(input);
  const [updated] = setsAnything(values)
    ? await tx.update(groups).set(values).where(eq(groups.pk, group.pk)).returning()
    : [group];
  await setRelations(tx, group.pk, input);
  return updated;
}
