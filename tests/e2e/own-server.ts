import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import type { Db } from "../../server/db/client.ts";
import { adminPassword } from "../support/constants.ts";

const root = new URL("../..", import.meta.url).pathname;
const e2ePort = Number(process.env.E2E_PORT ?? 9321);
/** The run directory playwright.config.ts uses, so this server's challenges join the run's log. */
const runDir = join(root, e2ePort === 9321 ? ".tmp" : `.tmp/e2e-${e2ePort}`);

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

export interface OwnServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * A second reference server with a database of its own, set up by `seed` before it starts: for
 * flows that change what every test shares (e.g. a consent stage in the default sign-in flow) or
 * that need stages the admin API cannot create (autosubmit, session end). It serves the same build
 * and appends to the same challenge log as the run's main server.
 */
export async function startOwnServer(seed: (db: Db, url: string) => Promise<void>): Promise<OwnServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = join(runDir, `own-server-${port}`);
  rmSync(dataDir, { recursive: true, force: true });

  const { openPglite } = await import("../../server/db/client.ts");
  const { bootstrap } = await import("../../server/db/bootstrap.ts");
  const database = await openPglite(dataDir);
  await bootstrap(database.db, { password: adminPassword });
  await seed(database.db, url);
  await database.close();

  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      AK_HOST: "127.0.0.1",
      AK_PORT: String(port),
      AK_DATA_DIR: dataDir,
      AK_DIST_DIR: process.env.AK_DIST_DIR ?? "dist",
      AK_CHALLENGE_LOG: join(runDir, "e2e-challenges.jsonl"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The own server did not start:\n${output}`)), 60_000);
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (output.includes("ak-web is running at")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", collect);
    child.stderr!.on("data", collect);
    child.once("exit", (code) => reject(new Error(`The own server exited (${code}):\n${output}`)));
  });

  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
