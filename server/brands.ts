import { desc, eq, or } from "drizzle-orm";
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
  if (!flowPk) return undefined;
  const [flow] = await db.select({ slug: flows.slug }).from(flows).where(eq(flows.pk, flowPk));
  return flow?.slug;
}
