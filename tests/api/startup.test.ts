import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, HttpSession, stubDist, startServer } from "../support/server-process.ts";

let dataRoot: string;
let distDir: string;

beforeAll(async () => {
  dataRoot = await mkdtemp(join(tmpdir(), "ak-startup-"));
  distDir = await stubDist(dataRoot);
});
afterAll(() => rm(dataRoot, { recursive: true, force: true }));

const start = (env: Record<string, string>, until?: string, whileUp?: () => Promise<void>) =>
  startServer({ AK_DIST_DIR: distDir, ...env }, until, whileUp);

// Each test starts the server as a separate process, slow on a busy two-core machine.
describe("starting ak-web", { timeout: 120_000 }, () => {
  it("says where it runs and how to sign in, and prints a generated password once", async () => {
    const dir = join(dataRoot, "fresh");
    const env = { AK_PORT: String(await freePort()), AK_DATA_DIR: dir, AUTHENTIK_BOOTSTRAP_PASSWORD: "" };
    const first = await start(env, "shown only this once");
    expect(first.output).toMatch(/ak-web is running at http:\/\/127\.0\.0\.1:\d+\//);
    expect(first.output).toMatch(/Sign in as "akadmin" with the generated password: \S{20,}/);

    const second = await start(env, "Sign in as");
    expect(second.output).not.toContain("generated password");
    expect(second.output).toContain('Sign in as "akadmin"');
  });

  it("keeps every change across a restart", async () => {
    const port = await freePort();
    const env = { AK_PORT: String(port), AK_DATA_DIR: join(dataRoot, "restart"), AUTHENTIK_BOOTSTRAP_PASSWORD: "restart-Passw0rd" };
    const admin = new HttpSession(`http://127.0.0.1:${port}`);
    await start(env, "Sign in as", async () => {
      await admin.signIn("akadmin", "restart-Passw0rd");
      await admin.send("PATCH", "/api/v3/flows/instances/default-authentication-flow/", { title: "Renamed before restart" });
    });
    await start(env, "Sign in as", async () => {
      const challenge = await new HttpSession(`http://127.0.0.1:${port}`).send("GET", "/api/v3/flows/executor/default-authentication-flow/?query=");
      expect(challenge.flow_info.title).toBe("Renamed before restart");
    });
  });

  it("ends with one clear line when the port is in use", async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, "127.0.0.1");
    try {
      const run = await start({ AK_PORT: String(port), AK_DATA_DIR: join(dataRoot, "port") });
      expect(run.code).toBe(1);
      expect(run.output.trim().split("\n").at(-1)).toBe(`ak-web cannot start: Port ${port} is already in use. Set AK_PORT to a free port.`);
      expect(run.output).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it("ends with one clear line when DATABASE_URL cannot be reached, without printing its password", async () => {
    const run = await start({ AK_PORT: String(await freePort()), DATABASE_URL: "postgres://ak:s3cret@127.0.0.1:1/authentik" });
    expect(run.code).toBe(1);
    expect(run.output).toContain("ak-web cannot start: Cannot reach the database at DATABASE_URL (postgres://ak:***@127.0.0.1:1/authentik)");
    expect(run.output).not.toContain("s3cret");
  });

  it("ends with one clear line when the data directory cannot be written", async () => {
    const run = await start({ AK_PORT: String(await freePort()), AK_DATA_DIR: "/dev/null/ak-data" });
    expect(run.code).toBe(1);
    expect(run.output).toContain("ak-web cannot start: The data directory /dev/null/ak-data is not writable.");
  });

  it("refuses a port that is not a number", async () => {
    const run = await start({ AK_PORT: "ninety" });
    expect(run.code).toBe(1);
    expect(run.output).toContain('ak-web cannot start: AK_PORT must be a port number from 0 to 65535, not "ninety".');
  });
});
