/** Keys whose values are secrets, as authentik's `cleanse_dict` recognises them. */
const secretKey = /pass|token|api|key|secret|signature/i;

export const maskedSecret = "********************";

/** A deep copy of `value` with every secret-looking key's value masked, for showing or keeping a plan's context. */
export function cleansed<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cleansed) as T;
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, secretKey.test(key) ? maskedSecret : cleansed(inner)]),
  ) as T;
}
