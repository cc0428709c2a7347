import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { adminPassword } from "../support/constants.ts";

const loginUrl = "/if/flow/default-authentication-flow/";
const usernameField = (page: Page) => page.getByLabel("Username or email");
const passwordField = (page: Page) => page.getByLabel("Password", { exact: true });
const modules = "**/static/dist/assets/*.js";

/** Holds the page's modules back until `release` is called, so the test acts on the server's markup alone. */
async function holdModules(page: Page): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(modules, async (route) => {
    await released;
    await route.continue();
  });
  return async () => {
    release();
    await page.waitForFunction(() => customElements.get("ak-stage-identification") !== undefined);
  };
}

test("the login page shows its first stage, focused, before any of its scripts has run", async ({ page }) => {
  await page.route(modules, (route) => route.abort());
  await page.goto(loginUrl);
  await expect(page).toHaveTitle("Welcome to authentik! - authentik");
  await expect(usernameField(page)).toBeFocused();
  await expect(page.getByRole("button", { name: "Log in" })).toBeVisible();
  await usernameField(page).fill("akadmin");
  await usernameField(page).press("Enter");
  // Without scripts the form sends nothing anywhere: what was typed stays out of the address.
  await expect(page).toHaveURL(new RegExp(`${loginUrl}$`));
  await expect(usernameField(page)).toHaveValue("akadmin");
});

test("what is typed and submitted before the scripts take over is sent once they have", async ({ page }) => {
  const posts: string[] = [];
  page.on("request", (r) => r.method() === "POST" && r.url().includes("/flows/executor/") && posts.push(r.postData() ?? ""));
  const release = await holdModules(page);
  // Not waiting for the page's load event: it waits for the held modules.
  await page.goto(loginUrl, { waitUntil: "commit" });
  await usernameField(page).fill("akadmin");
  await usernameField(page).press("Enter");
  await release();
  await expect(passwordField(page)).toBeFocused();
  expect(posts.map((body) => JSON.parse(body).uid_field)).toEqual(["akadmin"]);
  await passwordField(page).fill(adminPassword);
  await passwordField(page).press("Enter");
  await expect(page).toHaveURL(/\/if\/user\/$/);
});

test("the scripts take over the server's markup in place, keeping focus and what was typed", async ({ page }) => {
  const release = await holdModules(page);
  // Not waiting for the page's load event: it waits for the held modules.
  await page.goto(loginUrl, { waitUntil: "commit" });
  await usernameField(page).fill("akad");
  await release();
  await expect(usernameField(page)).toHaveCount(1);
  await expect(usernameField(page)).toBeFocused();
  await expect(usernameField(page)).toHaveValue("akad");
  await usernameField(page).press("End");
  await usernameField(page).pressSequentially("min");
  await usernameField(page).press("Enter");
  await expect(passwordField(page)).toBeVisible();
});
