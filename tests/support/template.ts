import { mkdir, writeFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { openPglite } from "../../server/db/client.ts";
import { bootstrap } from "../../server/db/bootstrap.ts";
import { adminPassword, templatePath } from "./constants.ts";

/** Creates the migrated, bootstrapped database that every test starts from, once per run. */
export async function writeTemplate(): Promise<void> {
  const pg = await PGlite.create();
  const database = await openPglite(pg);
  await bootstrap(database.db, { password: adminPassword });
  const dump = await pg.dumpDataDir("none");
  await mkdir(new URL(".", templatePath), { recursive: true });
  await writeFile(templatePath, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

export default writeTemplate;
