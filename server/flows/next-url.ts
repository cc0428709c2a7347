/** Where a finished flow goes: the `next` parameter when it is a path on this site, else `/`. */
export function safeNext(value: string | null | undefined, fallback = "/"): string {
  if (!value) return fallback;
  // A same-origin path starts with one slash; "//host" and "/\host" are read by browsers as other hosts.
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  return value;
}
