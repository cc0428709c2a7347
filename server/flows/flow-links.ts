import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { flows } from "../db/schema.ts";
import { flowUrl } from "./flow-info.ts";

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/**
 * The page of a flow a stage links to, named by its pk (as the admin API stores it) or its slug (as
 * bootstrapped stages may), carrying the current page's query string (e.g. `next`) along.
 * Undefined when the setting is empty or the flow no longer exists.
 */
export async function flowLink(db: Db, ref: unknown, query: URLSearchParams): Promise<string | undefined> {
  if (typeof ref !== "string" || !ref) return undefined;
  const [flow] = await db
    .select({ slug: flows.slug })
    .from(flows)
    .where(isUuid(ref) ? eq(flows.pk, ref) : eq(flows.slug, ref));
  return flow && flowUrl(flow.slug, query.toString());
}
