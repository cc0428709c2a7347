/**
 * The URL to put in an `href` when it comes from server data: absolute http(s) URLs and paths on
 * this origin pass; `javascript:`, `data:` and anything unparsable give undefined.
 */
export function safeLinkUrl(value: string | null | undefined, base = window.location.origin): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
