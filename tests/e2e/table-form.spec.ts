import type { Page, Route } from "@playwright/test";
import { adminPassword } from "../support/constants.ts";
import { AdminApi, unique } from "./admin-api.ts";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures.ts";

// The table's failure state and expandable rows on the users list, and a form's pending state and
// whole-form errors on the group form, all against the real server.

const table = (page: Page) => page.getByRole("table", { name: "Users" });
const rowHeaders = (page: Page) => table(page).locator("tbody th");

async function openUsers(page: Page, search: string) {
  await signIn(page, "akadmin", adminPassword);
  await page.goto(`/if/admin/core/users?search=${encodeURIComponent(search)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
}

test("the table says when its rows could not be loaded, and “Try again” recovers", async ({ page, context, baseURL }) => {
  const tag = unique("tblerr");
  const api = await AdminApi.signIn(baseURL!);
  for (const name of ["ada", "bob", "cy"]) await api.post("/core/users/", { username: `${tag}-${name}`, name: "" });
  await api.dispose();

  await openUsers(page, tag);
  await expect(rowHeaders(page)).toHaveText([`${tag}-ada`, `${tag}-bob`, `${tag}-cy`]);

  // The connection drops; the next search fails, and the failure replaces the rows.
  await context.setOffline(true);
  const search = page.getByLabel("Search users");
  await search.fill(`${tag}-b`);
  await search.press("Enter");
  const failure = page.getByRole("heading", { name: "The rows could not be loaded" });
  await expect(failure).toBeVisible();
  await expect(page.getByText("The server could not be reached. Check your connection and try again.")).toBeVisible();
  await expect(table(page)).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`\\?search=${tag}-b$`));
  await expectNoAxeViolations(page);

  // Trying again while still offline fails again; once back online it shows the search's rows.
  const failedAgain = page.waitForEvent("requestfailed", (request) => request.url().includes("/api/v3/core/users/"));
  await page.getByRole("button", { name: "Try again" }).click();
  await failedAgain;
  await expect(failure).toBeVisible();
  await context.setOffline(false);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(rowHeaders(page)).toHaveText([`${tag}-bob`]);
  await expect(failure).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Pages of Users" }).locator(".range")).toHaveText("1–1 of 1");
});

test("rows expand to show details, by mouse and by keyboard", async ({ page, baseURL }) => {
  const tag = unique("tblexp");
  const api = await AdminApi.signIn(baseURL!);
  const alpha = await api.post("/core/groups/", { name: `${tag}-alpha` });
  const beta = await api.post("/core/groups/", { name: `${tag}-beta` });
  await api.post("/core/users/", { username: `${tag}-ada`, name: "Ada Lovelace", groups: [alpha.pk, beta.pk] });
  await api.post("/core/users/", { username: `${tag}-bob`, name: "" });
  await api.dispose();

  await openUsers(page, tag);
  await expect(rowHeaders(page)).toHaveText([`${tag}-ada`, `${tag}-bob`]);
  const adaDetails = page.getByRole("button", { name: `Details of Ada Lovelace (${tag}-ada)` });
  const bobDetails = page.getByRole("button", { name: `Details of ${tag}-bob` });
  await expect(adaDetails).toHaveAttribute("aria-expanded", "false");
  await expect(table(page).getByRole("term")).toHaveCount(0);

  // A click opens Ada's details below her row, naming her groups; the button controls that row.
  await adaDetails.click();
  await expect(adaDetails).toHaveAttribute("aria-expanded", "true");
  const adaRow = table(page).locator(`#${await adaDetails.getAttribute("aria-controls")}`);
  await expect(adaRow.getByRole("listitem")).toHaveText([`${tag}-alpha`, `${tag}-beta`]);
  await expect(adaRow.getByRole("definition").first()).toBeVisible();
  await expect(table(page).getByRole("row").nth(2)).toHaveAttribute("id", /^detail-/);
  await expectNoAxeViolations(page);

  // The keyboard: Enter opens Bob's too (both stay open), Space closes it again.
  await bobDetails.focus();
  await page.keyboard.press("Enter");
  await expect(bobDetails).toHaveAttribute("aria-expanded", "true");
  const bobRow = table(page).locator(`#${await bobDetails.getAttribute("aria-controls")}`);
  await expect(bobRow.getByRole("definition").first()).toHaveText("None");
  await expect(adaDetails).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Space");
  await expect(bobDetails).toHaveAttribute("aria-expanded", "false");
  await expect(bobDetails).not.toHaveAttribute("aria-controls");
  await expect(bobRow).toHaveCount(0);
  await expect(bobDetails).toBeFocused();

  await adaDetails.click();
  await expect(adaDetails).toHaveAttribute("aria-expanded", "false");
  await expect(table(page).getByRole("term")).toHaveCount(0);
  await expect(table(page).locator("tbody tr")).toHaveCount(2);
});

test("a form is disabled while it saves, and a refusal for the whole form shows above it", async ({ page, baseURL }) => {
  const api = await AdminApi.signIn(baseURL!);
  const { results } = await api.get("/core/groups/?search=authentik%20Admins&include_users=false");
  const admins = results.find((group: { name: string }) => group.name === "authentik Admins");
  await api.dispose();

  await signIn(page, "akadmin", adminPassword);
  await page.goto(`/if/admin/core/groups/${admins.pk}/edit`);
  await expect(page.getByRole("heading", { level: 1, name: "Edit authentik Admins" })).toBeVisible();
  const superuser = page.getByRole("checkbox", { name: "Superuser" });
  await expect(superuser).toBeChecked();
  // Taking superuser away from the group akadmin is in would lock akadmin out: the server refuses.
  await superuser.uncheck();

  // Hold the save until the form has been seen waiting; then let it through to the real server.
  let held!: Route;
  const saves: string[] = [];
  const arrived = new Promise<void>((resolve) =>
    page.route((url) => url.pathname === `/api/v3/core/groups/${admins.pk}/`, (route) => {
      if (route.request().method() !== "PATCH") return route.fallback();
      saves.push(route.request().postData() ?? "");
      held = route;
      resolve();
    }),
  );
  await page.getByRole("button", { name: "Save changes" }).click();
  await arrived;
  const saving = page.getByRole("button", { name: "Saving…" });
  await expect(saving).toBeDisabled();
  // Enter in a field does not send the form a second time while the first save runs.
  await page.getByRole("textbox", { name: "Name", exact: true }).press("Enter");
  await expect(saving).toBeDisabled();
  expect(saves).toHaveLength(1);
  expect(JSON.parse(saves[0])).toMatchObject({ name: "authentik Admins", is_superuser: false });
  await held.continue();

  const alert = page.locator("ak-alert.form-errors");
  await expect(alert).toContainText("The group could not be saved.");
  await expect(alert).toContainText("This change would take away your own superuser rights.");
  // Announced as it appears.
  await expect(alert.getByRole("alert")).toBeVisible();
  await expect(alert).toBeFocused();
  // It is above the form's fields, and what was typed is still there.
  const alertBox = (await alert.boundingBox())!;
  const nameBox = (await page.getByRole("textbox", { name: "Name", exact: true }).boundingBox())!;
  expect(alertBox.y + alertBox.height).toBeLessThanOrEqual(nameBox.y);
  await expect(superuser).not.toBeChecked();
  await expect(page.getByRole("button", { name: "Save changes" })).toBeEnabled();
  expect(saves).toHaveLength(1);
  await expectNoAxeViolations(page);

  const check = await AdminApi.signIn(baseURL!);
  expect((await check.get(`/core/groups/${admins.pk}/?include_users=false`)).is_superuser).toBe(true);
  await check.dispose();
});
