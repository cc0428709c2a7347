import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { expect } from "vitest";

const root = new URL("../..", import.meta.url).pathname;

/**
 * A dist directory holding only a stub flow page, for tests about the server's start: the page it
 * serves need not be the real build. Returns its path.
 */
export async function stubDist(parent: string): Promise<string> {
  const dir = join(parent, "dist");
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "flow.html"), "<!doctype html><title>flow</title>");
  return dir;
}

export interface Run {
  code: number | null;
  output: string;
}

/**
 * Starts `server/main.ts` and resolves when it exits. When `until` appears in its output, `whileUp`
 * runs against the live server and then the server is stopped.
 */
export function startServer(env: Record<string, string>, until?: string, whileUp: () => Promise<void> = async () => {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: root,
      env: { ...process.env, AK_HOST: "127.0.0.1", ...env },
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
export class HttpSession {
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

export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
