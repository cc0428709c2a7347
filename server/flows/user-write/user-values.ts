import type { PromptData } from "../prompt/prompt-data.ts";

/** Keys a prompt may not set on a user: identity, status and privileges are not the visitor's to choose. */
const protectedKeys = new Set([
  "pk",
  "uuid",
  "id",
  "is_active",
  "is_superuser",
  "type",
  "path",
  "groups",
  "password_change_date",
  "last_login",
  "date_joined",
  "attributes",
]);

/** Fields that are never written anywhere: confirmation copies and the invitation token. */
const ignoredKeys = new Set(["password_repeat", "token"]);

export interface UserValues {
  username?: string;
  name?: string;
  email?: string;
  /** In plain text, to be hashed. */
  password?: string;
  attributes: Record<string, unknown>;
}

/** Sets `attributes.a.b` style keys into nested objects. */
function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const child = node[key];
    node = node[key] = typeof child === "object" && child !== null && !Array.isArray(child) ? { ...(child as object) } : {};
  }
  node[path[path.length - 1]] = value;
}

/**
 * What the collected prompt data writes to a user, as authentik's user write stage reads it:
 * `username`, `name`, `email` and `password` to those fields, `attributes.x.y` into the attributes,
 * and any other key into the attributes under its own name.
 */
export function userValuesFrom(data: PromptData, attributes: Record<string, unknown>): UserValues {
  const values: UserValues = { attributes: structuredClone(attributes) };
  for (const [key, value] of Object.entries(data)) {
    if (ignoredKeys.has(key) || protectedKeys.has(key) || value === undefined) continue;
    if (key === "username" || key === "name" || key === "email" || key === "password") {
      if (typeof value === "string") values[key] = value;
    } else if (key.startsWith("attributes.")) {
      const path = key.slice("attributes.".length).split(".").filter(Boolean);
      if (path.length) setPath(values.attributes, path, value);
    } else {
      values.attributes[key] = value;
    }
  }
  return values;
}
