import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface RunningServer {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** akadmin's password (random when not given). */
  password?: string;
  /** Fills the fresh database directory before the server opens it (e.g. seeds it). */
  prepare?: (dataDir: string) => Promise<void>;
}

/** Starts the real reference server (server/main.ts) on a free port and a fresh PGlite database. */
export async function startServer(distDir: string, options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "ak-bench-data-"));
  await options.prepare?.(dataDir);
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      AK_PORT: "0",
      AK_HOST: "127.0.0.1",
      AK_DATA_DIR: dataDir,
      AK_DIST_DIR: distDir,
      AUTHENTIK_BOOTSTRAP_PASSWORD: options.password ?? randomBytes(12).toString("base64url"),
      // Whatever the caller's shell has, measure the embedded database over plain HTTP.
      DATABASE_URL: "",
      AK_SECURE_COOKIES: "",
      AK_CHALLENGE_LOG: "",
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };

  let output = "";
  const origin = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /running at (http:\/\/\S+?)\/?\s/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`The server exited (${code}) before it was up:\n${output}`)));
    setTimeout(() => reject(new Error(`The server was not up after 2 minutes:\n${output}`)), 120_000).unref();
  }).catch(async (err) => {
    await stop();
    throw err;
  });
  return { origin, stop };
}
