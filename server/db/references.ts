import { inArray } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./client.ts";

/**
 * The pks among `pks` that `column` (a primary key) does not hold, each as Django REST framework
 * words it, or undefined when all exist.
 */
export async function missingReferences(db: Db, column: PgColumn, pks: (string | number)[]): Promise<string[] | undefined> {
  if (!pks.length) return undefined;
  const rows = await db
    .select({ pk: column })
    .from(column.table as PgTable)
    .where(inArray(column, pks));
  const present = new Set(rows.map((row) => row.pk));
  const absent = [...new Set(pks)].filter((pk) => !present.has(pk));
  return absent.length ? absent.map((pk) => `Invalid pk "${pk}" - object does not exist.`) : undefined;
}
