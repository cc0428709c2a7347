import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
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
  await writeFile(join(distDir, "flow.html"), "<!doctype html><html><head><title>t</title><style>:root{color:red}</style></head><body><ak-flow-executor></ak-flow-executor></body></html>");
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

  it("renders its first stage, focused on load, with every inline style allowed by its hash alone", async () => {
    const database = await testDatabase();
    const app = createApp({ db: database.db, secureCookies: false, distDir });
    const response = await app.request("http://127.0.0.1/if/flow/default-authentication-flow/");
    const page = await response.text();
    expect(page).toContain("<title>Welcome to authentik! - authentik</title>");
    expect(page).toMatch(/<ak-flow-executor[^>]*><template[^>]* shadowrootmode="open">/);
    expect(page).toMatch(/<ak-stage-identification[^>]*><template[^>]* shadowrootmode="open">/);
    expect(page).toMatch(/<input[^>]* autofocus[^>]*autocomplete="username"|<input[^>]*autocomplete="username"[^>]* autofocus/);
    const styleSrc = response.headers.get("content-security-policy")!.split("; ").find((d) => d.startsWith("style-src "))!;
    const hashes = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash("sha256").update(m[1]).digest("base64")}'`);
    expect(hashes.length).toBeGreaterThan(1);
    expect(styleSrc.split(" ").slice(1).sort()).toEqual(["'self'", ...new Set(hashes)].sort());
    expect(styleSrc).not.toContain("unsafe-inline");
  });

  it("keeps server text from closing its data block", async () => {
    const database = await testDatabase();
    const title = "</script><script>alert(1)</script><!--";
    await database.db.update(flows).set({ title }).where(eq(flows.slug, "default-authentication-flow"));
    const app = createApp({ db: database.db, secureCookies: false, distDir });
    const page = await (await app.request("http://127.0.0.1/if/flow/default-authentication-flow/")).text();
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("</script><script>");
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
