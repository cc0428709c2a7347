import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
let dataRoot: string;
let distDir: string;

beforeAll(async () => {
  dataRoot = await mkdtemp(join(tmpdir(), "ak-startup-"));
  // These tests are about the server's start; the page it serves need not be the real build.
  distDir = join(dataRoot, "dist");
  await mkdir(distDir);
  await writeFile(join(distDir, "flow.html"), "<!doctype html><title>flow</title>");
});
afterAll(() => rm(dataRoot, { recursive: true, force: true }));

interface Run {
  code: number | null;
  output: string;
}

/**
 * Starts `server/main.ts` and resolves when it exits. When `until` appears in its output, `whileUp`
 * runs against the live server and then the server is stopped.
 */
function start(env: Record<string, string>, until?: string, whileUp: () => Promise<void> = async () => {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: root,
      env: { ...process.env, AK_HOST: "127.0.0.1", AK_DIST_DIR: distDir, ...env },
    });
    let output = "";
    let up = false;
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (until && !up && output.includes(until)) {
        up = true;
        whileUp().then(() => child.kill("SIGTERM"), (err) => (child.kill("SIGTERM"), reject(err)));
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** A minimal cookie-keeping HTTP client for a real server. */
class HttpSession {
  #cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async send(method: string, path: string, body?: unknown): Promise<any> {
    const headers: Record<string, string> = { cookie: [...this.#cookies].map(([k, v]) => `${k}=${v}`).join("; ") };
    if (method !== "GET") headers["X-authentik-CSRF"] = this.#cookies.get("authentik_csrf") ?? "";
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [name, value] = cookie.split(";")[0].split("=");
      this.#cookies.set(name, value);
    }
    return response.headers.get("content-type")?.includes("json") ? response.json() : undefined;
  }

  async signIn(username: string, password: string) {
    const flow = "/api/v3/flows/executor/default-authentication-flow/?query=";
    await this.send("GET", flow);
    await this.send("POST", flow, { uid_field: username });
    const done = await this.send("POST", flow, { password });
    expect(done.component).toBe("xak-flow-redirect");
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe("starting ak-web", () => {
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
