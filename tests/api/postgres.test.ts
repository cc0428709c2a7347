import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresBinaries, startPostgres, type TemporaryPostgres } from "../support/postgres.ts";
import { freePort, HttpSession, startServer, stubDist } from "../support/server-process.ts";

const bin = postgresBinaries();
let postgres: TemporaryPostgres;
let dataRoot: string;
let distDir: string;

// PostgreSQL is optional on a developer's machine; where it is missing this says so and skips.
describe.skipIf(!bin)("with DATABASE_URL (PostgreSQL installed: initdb and pg_ctl)", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    postgres = startPostgres(bin!, await freePort());
    dataRoot = await mkdtemp(join(tmpdir(), "ak-pg-run-"));
    distDir = await stubDist(dataRoot);
  }, 60_000);
  afterAll(async () => {
    postgres?.stop();
    await rm(dataRoot, { recursive: true, force: true });
  });

  it("migrates and bootstraps PostgreSQL with the same schema, signs in, and keeps changes across a restart", async () => {
    const port = await freePort();
    const env = {
      AK_PORT: String(port),
      AK_DIST_DIR: distDir,
      DATABASE_URL: postgres.url,
      AUTHENTIK_BOOTSTRAP_PASSWORD: "postgres-Passw0rd",
    };
    const first = await startServer(env, "Sign in as", async () => {
      const admin = new HttpSession(`http://127.0.0.1:${port}`);
      await admin.signIn("akadmin", "postgres-Passw0rd");
      const me = await admin.send("GET", "/api/v3/core/users/me/");
      expect(me.user).toMatchObject({ username: "akadmin", is_superuser: true });
      await admin.send("PATCH", "/api/v3/flows/instances/default-authentication-flow/", { title: "Stored in PostgreSQL" });
    });
    expect(first.output).toContain("Database: PostgreSQL at postgres://ak@127.0.0.1");
    // The data directory is not used with DATABASE_URL.
    expect(first.output).not.toContain("PGlite");

    await startServer(env, "Sign in as", async () => {
      const visitor = new HttpSession(`http://127.0.0.1:${port}`);
      const challenge = await visitor.send("GET", "/api/v3/flows/executor/default-authentication-flow/?query=");
      expect(challenge.flow_info.title).toBe("Stored in PostgreSQL");
    });
  });
});
