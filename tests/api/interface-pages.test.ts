import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.ts";
import type { Db } from "../../server/db/client.ts";
import { testDatabase } from "../support/database.ts";

let distDir: string;

beforeAll(async () => {
  distDir = await mkdtemp(join(tmpdir(), "ak-pages-"));
  await mkdir(join(distDir, "assets"));
  await writeFile(join(distDir, "flow.html"), "<!doctype html><html><head><title>t</title></head><body></body></html>");
  await writeFile(join(distDir, "assets", "flow-abc.js"), "export {};");
});
afterAll(() => rm(distDir, { recursive: true, force: true }));

describe("the flow page", () => {
  it("preloads its first challenge and the brand, written as the UI's client writes those URLs", async () => {
    const database = await testDatabase();
    const app = createApp({ db: database.db, secureCookies: false, distDir });
    const page = await (await app.request("http://127.0.0.1/if/flow/default-authentication-flow/?next=%2Fif%2Fuser%2F")).text();
    const preloads = [...page.matchAll(/<link rel="preload" as="fetch" crossorigin="anonymous" href="([^"]+)"/g)].map((m) => m[1]);
    expect(preloads).toEqual([
      "/api/v3/flows/executor/default-authentication-flow/?query=next%3D%252Fif%252Fuser%252F",
      "/api/v3/core/brands/current/",
    ]);
  });
});

describe("the UI's files", () => {
  it("are served without touching the database, also to a visitor with a session cookie", async () => {
    const unusable = new Proxy({} as Db, {
      get() {
        throw new Error("A static file asked for the database.");
      },
    });
    const app = createApp({ db: unusable, secureCookies: false, distDir });
    const response = await app.request("http://127.0.0.1/static/dist/assets/flow-abc.js", {
      headers: { cookie: "authentik_session=some-session-key" },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("export {};");
  });
});
