import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures.ts";
import { adminPassword } from "../support/constants.ts";
import { createUser } from "./admin-api.ts";

const emptyPage = { pagination: { next: 0, previous: 0, count: 0, current: 1, total_pages: 1, start_index: 0, end_index: 0 }, results: [] };

/** Creates an application through the API, as the signed-in admin of `page`. */
async function createApplication(page: Page, body: Record<string, unknown>) {
  const csrf = (await page.context().cookies()).find((c) => c.name === "authentik_csrf")!.value;
  const response = await page.request.post("/api/v3/core/applications/", { headers: { "X-authentik-CSRF": csrf }, data: body });
  expect(response.status()).toBe(201);
}

test("a signed-out visitor signs in and lands on their library with their name and sign-out", async ({ page }) => {
  await page.goto("/if/user/");
  await expect(page).toHaveURL(/\/if\/flow\/default-authentication-flow\/\?next=%2Fif%2Fuser%2F$/);
  await signIn(page, "akadmin", adminPassword);
  await expect(page).toHaveURL(/\/if\/user\/$/);
  await expect(page).toHaveTitle("My applications - authentik");
  await expect(page.getByRole("heading", { level: 1, name: "My applications" })).toBeVisible();
  const banner = page.getByRole("banner");
  await expect(banner.getByText("akadmin")).toBeVisible();
  await expect(banner.getByRole("link", { name: "Admin interface" })).toHaveAttribute("href", "/if/admin/");
  await expect(banner.getByRole("link", { name: "Sign out" })).toHaveAttribute("href", "/flows/-/default/invalidation/");
});

test("the library shows applications by group, links them, and filters as you type, kept in the address", async ({ page }) => {
  await signIn(page, "akadmin", adminPassword);
  const suffix = Date.now().toString(36);
  const group = `Group ${suffix}`;
  await createApplication(page, {
    name: `Wiki ${suffix}`,
    slug: `wiki-${suffix}`,
    group,
    meta_launch_url: "https://wiki.example.org/",
    meta_publisher: "Docs team",
    meta_description: "Where the team writes things down",
  });
  await createApplication(page, { name: `Chat ${suffix}`, slug: `chat-${suffix}`, group, meta_launch_url: "https://chat.example.org/", open_in_new_tab: true });
  await createApplication(page, { name: `Printer ${suffix}`, slug: `printer-${suffix}`, group });

  await page.goto("/if/user/");
  const section = page.getByRole("region", { name: group });
  await expect(section.getByRole("heading", { level: 2, name: group })).toBeVisible();
  const wiki = section.getByRole("link", { name: new RegExp(`^Wiki ${suffix}`) });
  await expect(wiki).toHaveAttribute("href", "https://wiki.example.org/");
  await expect(wiki).toContainText("Docs team");
  await expect(wiki).not.toHaveAttribute("target", /.*/);
  const chat = section.getByRole("link", { name: new RegExp(`^Chat ${suffix}.*opens in a new tab`) });
  await expect(chat).toHaveAttribute("target", "_blank");
  await expect(chat).toHaveAttribute("rel", "noopener noreferrer");
  await expect(section.getByText(`Printer ${suffix}`)).toBeVisible();
  await expect(section.getByText("This application has no launch address.")).toBeVisible();
  await expect(section.getByRole("link", { name: new RegExp(`^Printer`) })).toHaveCount(0);

  await page.getByRole("searchbox", { name: "Search applications" }).fill("writes things");
  await expect(section.getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("status")).toContainText(/^1 of \d+ applications$/);
  await expect(page).toHaveURL(/\?search=writes\+things$/);
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search applications" })).toHaveValue("writes things");
  await expect(page.getByRole("region", { name: group }).getByRole("listitem")).toHaveCount(1);

  await page.getByRole("searchbox", { name: "Search applications" }).fill("no such application anywhere");
  await expect(page.getByRole("heading", { name: "No applications match “no such application anywhere”" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Clear the search" }).click();
  await expect(page.getByRole("searchbox", { name: "Search applications" })).toBeFocused();
  await expect(page.getByRole("region", { name: group }).getByRole("listitem")).toHaveCount(3);
  await expect(page).toHaveURL(/\/if\/user\/$/);
});

// Other tests add applications to the shared server at any time, so these states are produced by
// answering the library's request in the browser.
test("an empty library says so and points an admin to the admin interface", async ({ page }) => {
  await signIn(page, "akadmin", adminPassword);
  await page.route(/\/api\/v3\/core\/applications\/\?/, (route) => route.fulfill({ json: emptyPage }));
  await page.goto("/if/user/");
  await expect(page.getByRole("heading", { name: "No applications yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the admin interface" })).toHaveAttribute("href", "/if/admin/");
});

test("a library that fails to load says why, keeps the page, and loads on retry", async ({ page }) => {
  await signIn(page, "akadmin", adminPassword);
  let fail = true;
  await page.route(/\/api\/v3\/core\/applications\/\?/, (route) =>
    fail ? route.fulfill({ status: 502, contentType: "text/plain", body: "bad gateway" }) : route.continue(),
  );
  await page.goto("/if/user/");
  await expect(page.getByRole("heading", { name: "Your applications could not be loaded" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveText("The server failed to answer (HTTP 502).");
  await expect(page.getByRole("banner").getByText("akadmin")).toBeVisible();
  fail = false;
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Your applications could not be loaded" })).toBeHidden();
  await expect(page.getByRole("searchbox", { name: "Search applications" })).toBeVisible();
});

test("in the dark theme the library passes axe", async ({ page }) => {
  await signIn(page, "akadmin", adminPassword);
  await page.goto("/if/user/");
  await page.getByRole("radio", { name: "Dark" }).check();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "My applications" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
  await expectNoAxeViolations(page);
});

test("a user who is not an admin sees their name and no way into the admin interface", async ({ page, baseURL }) => {
  const username = await createUser(baseURL!, "library-user", "library-Passw0rd");
  await page.goto("/");
  await signIn(page, username, "library-Passw0rd");
  await expect(page).toHaveURL(/\/if\/user\/$/);
  await expect(page.getByRole("banner").getByText(username)).toBeVisible();
  await expect(page.getByRole("link", { name: "Admin interface" })).toHaveCount(0);
  await page.route(/\/api\/v3\/core\/applications\/\?/, (route) => route.fulfill({ json: emptyPage }));
  await page.reload();
  await expect(page.getByText("The applications you may use will appear here. If you expected some, ask an administrator.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the admin interface" })).toHaveCount(0);
});
