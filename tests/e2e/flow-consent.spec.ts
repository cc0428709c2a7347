import { eq } from "drizzle-orm";
import type { Page, Request } from "@playwright/test";
import { applications, flowStageBindings, flows, stages } from "../../server/db/schema.ts";
import { createFlow } from "../support/flows.ts";
import { adminPassword } from "../support/constants.ts";
import { expect, test } from "./fixtures.ts";
import { startOwnServer, type OwnServer } from "./own-server.ts";

// One server for this file, whose default sign-in flow asks for consent; its tests run in order.
test.describe.configure({ mode: "serial" });

let server: OwnServer;
const spUrl = "https://sp.example.test/acs";

test.beforeAll(async () => {
  server = await startOwnServer(async (db, url) => {
    await db.insert(applications).values({ name: "Wiki", slug: "wiki", metaLaunchUrl: `${url}/if/user/` });
    const [signIn] = await db.select().from(flows).where(eq(flows.slug, "default-authentication-flow"));
    const [consent] = await db.insert(stages).values({ name: "wiki-consent", kind: "consent", config: { mode: "permanent" } }).returning();
    await db.insert(flowStageBindings).values({ target: signIn.pk, stage: consent.pk, order: 35 });
    await createFlow(db, "e2e-autosubmit", [
      { kind: "autosubmit", config: { url: spUrl, attrs: { SAMLResponse: "PHNhbWw+", RelayState: "/home" }, title: "Example service" } },
    ]);
    await createFlow(db, "e2e-session-end", [{ kind: "session_end" }]);
  });
});

test.afterAll(() => server?.stop());

async function signInThere(page: Page) {
  await page.getByLabel("Username or email").fill("akadmin");
  await page.getByLabel("Username or email").press("Enter");
  await page.getByLabel("Password", { exact: true }).fill(adminPassword);
  await page.getByLabel("Password", { exact: true }).press("Enter");
}

test("consent to an application is asked once and remembered", async ({ page }) => {
  await page.goto(`${server.url}/application/launch/wiki/`);
  await expect(page).toHaveURL(/\/if\/flow\/default-authentication-flow\/$/);
  await signInThere(page);
  await expect(page.getByText("You're about to sign into Wiki.")).toBeVisible();
  const agree = page.getByRole("button", { name: "Continue" });
  await expect(agree).toBeFocused();
  await expect(page.getByRole("link", { name: "Cancel" })).toBeVisible();
  await agree.click();
  await expect(page).toHaveURL(`${server.url}/if/user/`);

  await page.goto(`${server.url}/flows/-/default/invalidation/`);
  await expect(page.getByLabel("Username or email")).toBeVisible();

  // The second time, the consent is remembered: signing in goes straight to the application.
  const shown: string[] = [];
  page.on("response", async (r) => {
    if (r.url().includes("/api/v3/flows/executor/")) shown.push((await r.json().catch(() => ({}))).component);
  });
  await page.goto(`${server.url}/application/launch/wiki/`);
  await signInThere(page);
  await expect(page).toHaveURL(`${server.url}/if/user/`);
  expect(shown).not.toContain("ak-stage-consent");
});

/** Stands in for the service provider: records each POST and answers with a page of its own. */
async function serviceProvider(page: Page): Promise<Request[]> {
  const posts: Request[] = [];
  await page.route(`${spUrl}*`, async (route) => {
    posts.push(route.request());
    await route.fulfill({
      contentType: "text/html",
      body: '<!doctype html><html lang="en"><head><title>Example service</title></head><body><main><h1>Signed in at the service</h1></main></body></html>',
    });
  });
  return posts;
}

const expectPosted = (posts: Request[]) => {
  expect(posts).toHaveLength(1);
  expect(posts[0].method()).toBe("POST");
  expect(Object.fromEntries(new URLSearchParams(posts[0].postData() ?? ""))).toEqual({ SAMLResponse: "PHNhbWw+", RelayState: "/home" });
};

test("autosubmit posts the form to its target by itself, once", async ({ page }) => {
  const posts = await serviceProvider(page);
  await page.goto(`${server.url}/if/flow/e2e-autosubmit/`);
  await expect(page.getByRole("heading", { name: "Signed in at the service" })).toBeVisible();
  expectPosted(posts);
});

test("autosubmit offers Continue when the browser does not go by itself", async ({ page }) => {
  const posts = await serviceProvider(page);
  // A browser that ignores the scripted submission (the button's own submission still works).
  await page.addInitScript(() => {
    (window as unknown as { scriptedSubmits: number }).scriptedSubmits = 0;
    HTMLFormElement.prototype.submit = function () {
      (window as unknown as { scriptedSubmits: number }).scriptedSubmits++;
    };
  });
  await page.goto(`${server.url}/if/flow/e2e-autosubmit/`);
  await expect(page.getByRole("heading", { name: "Example service" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { scriptedSubmits: number }).scriptedSubmits)).toBe(1);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Signed in at the service" })).toBeVisible();
  expectPosted(posts);
});

test("session end says the user left the application and offers where to go next", async ({ page }) => {
  await page.goto(`${server.url}/if/flow/default-authentication-flow/`);
  await signInThere(page);
  // Without an application in this run of the sign-in flow, the consent stage asks again.
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(`${server.url}/if/user/`);

  await page.goto(`${server.url}/if/flow/e2e-session-end/`);
  await expect(page.getByRole("status")).toHaveText(/You have signed out of the application\.\s+You are still signed in to authentik\./);
  await expect(page.getByRole("link", { name: "Go to my applications" })).toHaveAttribute("href", "/if/user/");
  await expect(page.getByRole("link", { name: "Sign out of authentik" })).toHaveAttribute("href", "/if/flow/default-invalidation-flow/");
  await expect(page.getByText("akadmin", { exact: true })).toBeVisible();
});
