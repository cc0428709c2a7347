import { and, eq, ne } from "drizzle-orm";
import type { FieldErrors } from "../api/validation.ts";
import type { Db } from "../db/client.ts";
import { missingReferences } from "../db/references.ts";
import { setsAnything } from "../db/updates.ts";
import { groups, sessions, users } from "../db/schema.ts";
import type { UserInput } from "../api/core/user-models.ts";
import { setGroupsOfUser } from "./memberships.ts";
import type { UserRow } from "./users.ts";

/** What stops `input` from creating a user (no `existing`) or changing `existing`, by field. */
export async function userInputErrors(db: Db, input: UserInput, existing: UserRow | undefined, actorPk: number | undefined) {
  const errors: FieldErrors = {};
  if (input.username !== undefined && input.username !== existing?.username) {
    const taken = await db
      .select({ pk: users.pk })
      .from(users)
      .where(and(eq(users.username, input.username), existing ? ne(users.pk, existing.pk) : undefined));
    if (taken.length) errors.username = ["User with this username already exists."];
  }
  const missingGroups = await missingReferences(db, groups.pk, input.groups ?? []);
  if (missingGroups) errors.groups = missingGroups;
  const typeError = userTypeError(input.type, existing);
  if (typeError) errors.type = [typeError];
  const pathError = input.path === undefined ? undefined : userPathError(input.path);
  if (pathError) errors.path = [pathError];
  if (input.is_active === false && existing && existing.pk === actorPk) {
    errors.is_active = ["You cannot deactivate your own account."];
  }
  return errors;
}

/** Internal service accounts belong to authentik's outposts: none is made, or unmade, by hand. */
function userTypeError(type: UserInput["type"], existing: UserRow | undefined): string | undefined {
  if (!type || type === existing?.type) return undefined;
  if (existing?.type === "internal_service_account") return "The type of an internal service account cannot be changed.";
  if (type === "internal_service_account") return "Internal service accounts are created by authentik, not by hand.";
  return undefined;
}

function userPathError(path: string): string | undefined {
  if (path.startsWith("/") || path.endsWith("/")) return "A path may not start or end with a slash.";
  if (path.includes("//")) return "A path may not contain empty segments.";
  return undefined;
}

function userColumns(input: UserInput) {
  return {
    username: input.username,
    name: input.name,
    email: input.email,
    isActive: input.is_active,
    lastLogin: input.last_login === undefined ? undefined : input.last_login === null ? null : new Date(input.last_login),
    attributes: input.attributes,
    path: input.path,
    type: input.type,
  };
}

export async function insertUser(tx: Db, input: UserInput & { username: string }): Promise<UserRow> {
  const [user] = await tx
    .insert(users)
    .values({ ...userColumns(input), username: input.username })
    .returning();
  if (input.groups) await setGroupsOfUser(tx, user.pk, input.groups);
  return user;
}

/** Applies the fields `input` sets. A user made inactive is signed out everywhere, as in authentik. */
export async function updateUser(tx: Db, user: UserRow, input: UserInput): Promise<UserRow> {
  const values = userColumns(input);
  const [updated] = setsAnything(values)
    ? await tx.update(users).set(values).where(eq(users.pk, user.pk)).returning()
    : [user];
  if (input.groups) await setGroupsOfUser(tx, user.pk, input.groups);
  if (input.is_active === false) await tx.delete(sessions).where(eq(sessions.user, user.pk));
  return updated;
}
