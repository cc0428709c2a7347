import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.ts";
import type { Db } from "../../server/db/client.ts";
import { flows } from "../../server/db/schema.ts";
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
  const dataBlock = (page: string) => JSON.parse(page.match(/<script type="application\/json" id="ak-flow-data">([^<]*)<\/script>/)![1]);
  const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

  it("carries the session's current challenge and the brand, as the API answers them", async () => {
    const database = await testDatabase();
    const app = createApp({ db: database.db, secureCookies: false, distDir });
    const response = await app.request("http://127.0.0.1/if/flow/default-authentication-flow/?next=%2Fif%2Fuser%2F");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const data = dataBlock(await response.text());
    const headers = { cookie: cookiesOf(response) };
    const query = encodeURIComponent("next=%2Fif%2Fuser%2F");
    const challenge = await (await app.request(`http://127.0.0.1/api/v3/flows/executor/default-authentication-flow/?query=${query}`, { headers })).json();
    expect(data.challenge.component).toBe("ak-stage-identification");
    expect(data.challenge).toEqual(challenge);
    expect(data.brand).toEqual(await (await app.request("http://127.0.0.1/api/v3/core/brands/current/")).json());
  });

  it("keeps server text from closing its data block", async () => {
    const database = await testDatabase();
    const title = "</script><script>alert(1)</script><!--";
    await database.db.update(flows).set({ title }).where(eq(flows.slug, "default-authentication-flow"));
    const app = createApp({ db: database.db, secureCookies: false, distDir });
    const page = await (await app.request("http://127.0.0.1/if/flow/default-authentication-flow/")).text();
    expect(page).not.toContain("<script>alert");
    expect(dataBlock(page).challenge.flow_info.title).toBe(title);
  });

  it("leaves out a flow that does not exist, for the UI to ask and show the 404", async () => {
    const database = await testDatabase();
    const app = createApp({ db: database.db, secureCookies: false, distDir });
    const data = dataBlock(await (await app.request("http://127.0.0.1/if/flow/no-such-flow/")).text());
    expect(data.challenge).toBeUndefined();
    expect(data.brand.branding_title).toBe("authentik");
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
