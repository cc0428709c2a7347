import type { Page } from "@playwright/test";
import { seedDirectory } from "../../scripts/seed.ts";
import { adminPassword } from "../support/constants.ts";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures.ts";
import { startOwnServer, type OwnServer } from "./own-server.ts";

// One server with 10,000 seeded users and 2,000 groups for this file; its tests run in order. Axe
// checks every page state of a large table, which takes a while on a busy machine.
test.describe.configure({ mode: "serial", timeout: 180_000 });

let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = await startOwnServer(async (db) => {
    await seedDirectory(db, { users: 10_000, groups: 2_000 });
  });
});

test.afterAll(() => server?.stop());

/** `pagination.count` of the users list for a query string, on the seeded server. */
async function count(page: Page, query: string): Promise<number> {
  const response = await page.request.get(`${server.url}/api/v3/core/users/?page_size=1&${query}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { pagination: { count: number } }).pagination.count;
}

const format = (n: number) => new Intl.NumberFormat("en-US").format(n);
const table = (page: Page) => page.getByRole("table", { name: "Users" });
const rows = (page: Page) => table(page).locator("tbody tr");
const range = (page: Page) => page.getByRole("navigation", { name: "Pages of Users" }).locator(".range");
const usernames = (page: Page) => table(page).locator("tbody th").allTextContents();

async function openUsers(page: Page, query = "") {
  await page.goto(`${server.url}/if/flow/default-authentication-flow/?next=${encodeURIComponent(`/if/admin/core/users${query}`)}`);
  await signIn(page, "akadmin", adminPassword);
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
}

test("pages, page sizes and sorting of 10,000 users live in the URL", async ({ page }) => {
  await openUsers(page);
  const total = await count(page, "");
  expect(total).toBeGreaterThan(10_000);
  await expect(range(page)).toHaveText(`1–20 of ${format(total)}`);
  await expect(rows(page)).toHaveCount(20);

  await page.getByLabel("Rows per page").selectOption("50");
  await expect(page).toHaveURL(/\?page_size=50$/);
  await expect(rows(page)).toHaveCount(50);
  await page.getByRole("spinbutton", { name: "Page" }).fill("3");
  await page.getByRole("spinbutton", { name: "Page" }).press("Enter");
  await expect(page).toHaveURL(/\?page=3&page_size=50$/);
  await expect(range(page)).toHaveText(`101–150 of ${format(total)}`);

  // Sorting by last login, newest first: the column says so, and the first rows are the API's.
  const lastLogin = table(page).getByRole("columnheader", { name: "Last login" });
  await lastLogin.getByRole("button").click();
  await expect(lastLogin).toHaveAttribute("aria-sort", "ascending");
  await lastLogin.getByRole("button").click();
  await expect(lastLogin).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/\?page=3&page_size=50&ordering=-last_login$/);
  const expected = (await (await page.request.get(`${server.url}/api/v3/core/users/?page=3&page_size=50&ordering=-last_login`)).json()) as {
    results: { username: string }[];
  };
  await expect.poll(() => usernames(page)).toEqual(expected.results.map((u) => u.username));

  // Reload keeps it all; back and forward walk through it.
  await page.reload();
  await expect(range(page)).toHaveText(`101–150 of ${format(total)}`);
  await expect(page.getByLabel("Rows per page")).toHaveValue("50");
  await expect(lastLogin).toHaveAttribute("aria-sort", "descending");
  await expect.poll(() => usernames(page)).toEqual(expected.results.map((u) => u.username));
  await page.goBack();
  await expect(page).toHaveURL(/\?page=3&page_size=50&ordering=last_login$/);
  await expect(lastLogin).toHaveAttribute("aria-sort", "ascending");
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/\?page_size=50$/);
  await expect(range(page)).toHaveText(`1–50 of ${format(total)}`);
  await page.goForward();
  await expect(range(page)).toHaveText(`101–150 of ${format(total)}`);
  await page.getByRole("button", { name: "Last page" }).click();
  await expect(page.getByRole("spinbutton", { name: "Page" })).toHaveValue(String(Math.ceil(total / 50)));
  await expect(page.getByRole("spinbutton", { name: "Page" })).toBeFocused();
});

test("search, filters, select all matching and a confirmed bulk deactivation", async ({ page }) => {
  const search = "svc-backup";
  await openUsers(page, "?page_size=10");
  const matching = await count(page, `search=${search}`);
  const active = await count(page, `search=${search}&is_active=true`);
  expect(matching).toBeGreaterThan(20);
  expect(active).toBeLessThan(matching);

  await page.getByLabel("Search users").fill(search);
  await expect(page).toHaveURL(new RegExp(`\\?page_size=10&search=${search}$`));
  await expect(range(page)).toHaveText(`1–10 of ${format(matching)}`);
  for (const name of await usernames(page)) expect(name).toContain(search);

  // Selection survives paging; then every match, on every page.
  await table(page).getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await expect(page.getByText("10 selected.")).toBeVisible();
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(range(page)).toHaveText(`11–20 of ${format(matching)}`);
  await expect(table(page).getByRole("checkbox", { name: "Select all rows on this page" })).not.toBeChecked();
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(table(page).getByRole("checkbox", { name: "Select all rows on this page" })).toBeChecked();
  await page.getByRole("button", { name: `Select all ${matching} matching` }).click();
  await expect(page.getByText(`All ${matching} matching rows selected.`)).toBeVisible();

  await page.getByRole("button", { name: "Deactivate", exact: true }).click();
  const dialog = page.locator("ak-table-bulk-dialog");
  await expect(dialog.getByRole("heading", { name: `Deactivate ${active} users?` })).toBeVisible();
  await expect(dialog.getByRole("listitem")).toHaveCount(active);
  await expect(dialog.getByText(`Left as they are (already inactive): ${matching - active}`)).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: `Deactivate (${active})` }).click();
  await expect(dialog.getByRole("dialog")).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText(`Deactivated ${active} users.`)).toBeVisible();
  await expect(page.getByText("selected.")).toBeHidden();
  expect(await count(page, `search=${search}&is_active=true`)).toBe(0);

  // Filtering by status: no active ones are left.
  await page.getByLabel("Status").selectOption("true");
  await expect(page.getByRole("heading", { name: "No matches" })).toBeVisible();
  await page.getByLabel("Status").selectOption("false");
  await expect(range(page)).toHaveText(`1–10 of ${format(matching)}`);

  // Reload keeps the search, the filter and the page size.
  await page.reload();
  await expect(page.getByLabel("Search users")).toHaveValue(search);
  await expect(page.getByLabel("Status")).toHaveValue("false");
  await expect(page.getByLabel("Rows per page")).toHaveValue("10");
  await expect(range(page)).toHaveText(`1–10 of ${format(matching)}`);
});
