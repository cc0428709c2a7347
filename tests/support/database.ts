import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { openPglite, type Database } from "../../server/db/client.ts";
import { templatePath } from "./constants.ts";

/** A fresh in-memory copy of the bootstrapped template database. */
export async function testDatabase(): Promise<Database> {
  const tar = await readFile(templatePath);
  const pg = await PGlite.create({ loadDataDir: new Blob([tar]) });
  return openPglite(pg);
}
