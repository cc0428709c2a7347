import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { stages } from "../../db/schema.ts";
import type { SourceRow } from "./source-models.ts";

/** Takes a source that is being deleted off every identification stage that lists it (their `sources` hold pks, not foreign keys). */
export async function forgetSourceInStages(tx: Db, source: SourceRow): Promise<void> {
  await tx
    .update(stages)
    .set({ config: sql`jsonb_set(${stages.config}, '{sources}', (${stages.config} -> 'sources') - ${source.pk}::text)` })
    .where(and(eq(stages.kind, "identification"), sql`(${stages.config} -> 'sources') ? ${source.pk}::text`));
}
