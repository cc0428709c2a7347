import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The directory holding `initdb` and `pg_ctl`, or undefined when PostgreSQL is not installed. */
export function postgresBinaries(): string | undefined {
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort().reverse() : [];
  const candidates = [...versions.map((v) => `/usr/lib/postgresql/${v}/bin`), "/usr/local/bin", "/usr/bin"];
  return candidates.find((dir) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl")));
}

export interface TemporaryPostgres {
  readonly url: string;
  stop(): void;
}

/**
 * Creates and starts a throwaway PostgreSQL cluster on `port`, trusting local connections. PostgreSQL
 * refuses to run as root, so as root it runs as the `postgres` user.
 */
export function startPostgres(bin: string, port: number): TemporaryPostgres {
  const dir = mkdtempSync(join(tmpdir(), "ak-pg-"));
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", join(bin, tool), ...args], { stdio: "pipe" })
      : execFileSync(join(bin, tool), args, { stdio: "pipe" });
  const data = join(dir, "data");
  run("initdb", ["-A", "trust", "-U", "ak", "-D", data]);
  run("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, "start"]);
  return {
    url: `postgres://ak@127.0.0.1:${port}/postgres`,
    stop() {
      run("pg_ctl", ["-D", data, "-m", "immediate", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
