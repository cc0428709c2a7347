import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { sources } from "../db/schema.ts";
import { safeNext } from "../flows/next-url.ts";
import { loginPath } from "./oauth/settings.ts";

/**
 * The enabled sources among `pks` as the identification stage lists them (authentik's `LoginSource`):
 * each a redirect to its login URL, carrying the flow page's `next` along.
 */
export async function loginSources(db: Db, pks: string[], query: URLSearchParams) {
  if (!pks.length) return [];
  const rows = await db
    .select()
    .from(sources)
    .where(and(inArray(sources.pk, pks), eq(sources.kind, "oauth"), eq(sources.enabled, true)))
    .orderBy(asc(sources.name));
  const next = safeNext(query.get("next"), "");
  const suffix = next ? `?next=${encodeURIComponent(next)}` : "";
  return rows.map((source) => ({
    name: source.name,
    icon_url: source.icon,
    challenge: { component: "xak-flow-redirect" as const, to: `${loginPath(source.slug)}${suffix}` },
  }));
}
