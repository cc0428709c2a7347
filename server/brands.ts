import { desc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "./db/client.ts";
import { brands, flows } from "./db/schema.ts";

export type BrandRow = typeof brands.$inferSelect;

/** The brand whose domain matches the request's host, else the default brand. */
export async function currentBrand(db: Db, host: string): Promise<BrandRow | undefined> {
  const hostname = host.replace(/:\d+$/, "").toLowerCase();
  const rows = await db
    .select()
    .from(brands)
    .where(or(eq(brands.domain, hostname), eq(brands.isDefault, true)))
    .orderBy(desc(eq(brands.domain, hostname)));
  return rows[0];
}

/** The slug of one of the brand's configured flows, or undefined when none is set. */
export async function brandFlowSlug(db: Db, flowPk: string | null): Promise<string | undefined> {
  const [slug] = await flowSlugs(db, [flowPk]);
  return slug;
}

/** The slugs of several flows by primary key, in one query; a pk that is null or unknown gives undefined. */
export async function flowSlugs(db: Db, flowPks: (string | null)[]): Promise<(string | undefined)[]> {
  const wanted = flowPks.filter((pk): pk is string => pk !== null);
  const rows = wanted.length ? await db.select({ pk: flows.pk, slug: flows.slug }).from(flows).where(inArray(flows.pk, wanted)) : [];
  return flowPks.map((pk) => rows.find((row) => row.pk === pk)?.slug);
}
