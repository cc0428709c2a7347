import { mkdirSync, accessSync, constants } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema.ts";
import { ConfigError, type Config } from "../config.ts";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  /** A short description for the console, never containing credentials. */
  describe: string;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Opens (creating if needed) the embedded database in `dataDir` and brings its schema up to date. */
export async function openPglite(dataDir: string | PGlite): Promise<Database> {
  const client = typeof dataDir === "string" ? await createPglite(dataDir) : dataDir;
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    describe: typeof dataDir === "string" ? `embedded PostgreSQL (PGlite) in ${dataDir}` : "embedded PostgreSQL (PGlite)",
    close: () => client.close(),
  };
}

async function createPglite(dataDir: string): Promise<PGlite> {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch {
    throw new ConfigError(`The data directory ${dataDir} is not writable. Set AK_DATA_DIR to a writable directory.`);
  }
  return PGlite.create(dataDir);
}

/** Connects to an external PostgreSQL server and brings its schema up to date. */
export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 5000, max: 10 });
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new ConfigError(`Cannot reach the database at DATABASE_URL (${redactUrl(url)}): ${(err as Error).message}`);
  }
  const db = drizzlePg(pool, { schema });
  await migratePg(db, { migrationsFolder });
  return { db: db as unknown as Db, describe: `PostgreSQL at ${redactUrl(url)}`, close: () => pool.end() };
}

/** The database the configuration names: PostgreSQL at DATABASE_URL when set, else PGlite in the data directory. */
export async function openDatabase(config: Pick<Config, "databaseUrl" | "dataDir">): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
