import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures.ts";
import { adminPassword } from "../support/constants.ts";
import { createUser } from "./admin-api.ts";

/** The sidebar's landmark. */
const sidebar = (page: Page) => page.getByRole("navigation", { name: "Admin" });
/** A sidebar link by its page name (items not built yet also say so, after the name). */
const sidebarLink = (page: Page, name: string) => sidebar(page).getByRole("link", { name: new RegExp(`^${name}\\b`) });
/** An overview card, found by its heading. */
const card = (page: Page, name: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });

/** The id or text of the element focused inside the shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return `${active?.tagName.toLowerCase()}:${active?.textContent?.trim()}`;
  });

/** `pagination.count` of a list endpoint, as the signed-in page's session sees it. */
async function countOf(page: Page, path: string): Promise<number> {
  const response = await page.request.get(`/api/v3${path}?page_size=1`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { pagination: { count: number } }).pagination.count;
}

/**
 * Checks that an overview card shows what the API says now. Other tests may add objects at the same
 * time (they share the server), so when the figures differ the page is loaded again, a few times.
 */
async function expectFigure(page: Page, name: string, path: string): Promise<void> {
  const value = card(page, name).locator("p").first();
  for (let attempt = 1; ; attempt++) {
    await expect(value, name).toHaveText(/^[\d,]+$/);
    const shown = Number((await value.textContent())!.replace(/\D/g, ""));
    const actual = await countOf(page, path);
    if (shown === actual || attempt === 4) return expect(shown, `the ${name} card`).toBe(actual);
    await page.reload();
  }
}

test("a signed-out visit signs in and comes back to the overview's real figures", async ({ page }) => {
  await page.goto("/if/admin/");
  await expect(page).toHaveURL(/\/if\/flow\/default-authentication-flow\/\?next=%2Fif%2Fadmin%2F$/);
  await signIn(page, "akadmin", adminPassword);

  await expect(page).toHaveURL(/\/if\/admin\/overview$/);
  await expect(page).toHaveTitle("Overview - authentik");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(sidebarLink(page, "Overview")).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("banner").getByText("akadmin")).toBeVisible();

  const figures: [string, string][] = [
    ["Users", "/core/users/"],
    ["Groups", "/core/groups/"],
    ["Applications", "/core/applications/"],
    ["Flows", "/flows/instances/"],
  ];
  for (const [name, path] of figures) await expectFigure(page, name, path);
  const version = (await (await page.request.get("/api/v3/admin/version/")).json()) as { version_current: string };
  await expect(card(page, "Version")).toContainText(version.version_current);

  // Each count's card leads to its section.
  await card(page, "Users").getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/if\/admin\/core\/users$/);
});

test("the sidebar navigates in place; back and forward work; focus and title follow", async ({ page }) => {
  await signIn(page, "akadmin", adminPassword);
  await page.goto("/if/admin/");
  await expect(page).toHaveURL(/\/if\/admin\/overview$/);
  await expect(card(page, "Users").locator("p").first()).toHaveText(/\d/);
  // A full page load would lose this marker: navigation must stay client-side.
  await page.evaluate(() => ((window as unknown as { akMarker: number }).akMarker = 1));
  const marker = () => page.evaluate(() => (window as unknown as { akMarker?: number }).akMarker);

  // The page module loads only when first visited.
  const chunk = page.waitForRequest(/\/static\/dist\/assets\/ak-admin-unavailable-[^/]+\.js$/);
  await sidebarLink(page, "Providers").click();
  await chunk;
  await expect(page).toHaveURL(/\/if\/admin\/core\/providers$/);
  await expect(page.getByRole("heading", { level: 1, name: "Providers" })).toBeFocused();
  await expect(page).toHaveTitle("Providers - authentik");
  await expect(sidebarLink(page, "Providers")).toHaveAttribute("aria-current", "page");
  await expect(sidebarLink(page, "Overview")).not.toHaveAttribute("aria-current", /.*/);
  // A section this version does not have yet says so plainly and names its API area.
  await expect(page.getByRole("heading", { name: "Not available in this version yet" })).toBeVisible();
  await expect(page.getByText("/api/v3/providers/all/")).toBeVisible();
  await expect(sidebarLink(page, "Providers")).toContainText("Not yet");

  await sidebarLink(page, "Prompts").click();
  await expect(page).toHaveURL(/\/if\/admin\/flow\/stages\/prompts$/);
  await expect(page.getByRole("heading", { level: 1, name: "Prompts" })).toBeFocused();
  await expect(sidebarLink(page, "Prompts")).toHaveAttribute("aria-current", "page");
  await expect(sidebarLink(page, "Stages")).not.toHaveAttribute("aria-current", /.*/);
  await expect(page.getByText("/api/v3/stages/prompt/prompts/")).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/if\/admin\/core\/providers$/);
  await expect(page.getByRole("heading", { level: 1, name: "Providers" })).toBeFocused();
  await expect(page).toHaveTitle("Providers - authentik");
  await page.goBack();
  await expect(page).toHaveURL(/\/if\/admin\/overview$/);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeFocused();
  await expect(page).toHaveTitle("Overview - authentik");
  await page.goForward();
  await expect(page).toHaveURL(/\/if\/admin\/core\/providers$/);
  await expect(page.getByRole("heading", { level: 1, name: "Providers" })).toBeVisible();
  expect(await marker()).toBe(1);

  // A built section is a real page, loaded the same way.
  const usersChunk = page.waitForRequest(/\/static\/dist\/assets\/ak-user-list-[^/]+\.js$/);
  await sidebarLink(page, "Users").click();
  await usersChunk;
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeFocused();
  await expect(sidebarLink(page, "Users")).not.toContainText("Not yet");
  expect(await marker()).toBe(1);

  // Links out of the admin interface are ordinary links.
  await expect(page.getByRole("banner").getByRole("link", { name: "User interface" })).toHaveAttribute("href", "/if/user/");
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign out" })).toHaveAttribute("href", "/flows/-/default/invalidation/");
});

test("an unknown admin path shows the not-found page", async ({ page }) => {
  await signIn(page, "akadmin", adminPassword);
  await page.goto("/if/admin/no/such/page");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByText("/if/admin/no/such/page")).toBeVisible();
  await expect(page).toHaveTitle("Page not found - authentik");
  await expect(sidebar(page).locator("[aria-current]")).toHaveCount(0);
  await page.getByRole("link", { name: "Go to the overview" }).click();
  await expect(page).toHaveURL(/\/if\/admin\/overview$/);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeFocused();
});

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme ?? "automatic");

for (const choice of ["Dark", "Light"] as const) {
  const value = choice.toLowerCase();
  test(`choosing ${choice} persists across reloads, and axe passes in it`, async ({ page }) => {
    await signIn(page, "akadmin", adminPassword);
    await page.goto("/if/admin/overview");
    await expect(page.getByRole("radio", { name: "Automatic" })).toBeChecked();

    await page.getByRole("radio", { name: choice }).check();
    expect(await theme(page)).toBe(value);
    await page.reload();
    await expect(card(page, "Users").locator("p").first()).toHaveText(/\d/);
    expect(await theme(page)).toBe(value);
    await expect(page.getByRole("radio", { name: choice })).toBeChecked();
    // The server renders the chosen theme into the page, so it never flashes the other one.
    expect(await (await page.request.get("/if/admin/overview")).text()).toContain(`data-theme="${value}"`);
    await expectNoAxeViolations(page);

    await sidebarLink(page, "Providers").click();
    await expect(page.getByRole("heading", { name: "Not available in this version yet" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/if/admin/no/such/page");
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    expect(await theme(page)).toBe(value);
  });
}

test("choosing Automatic again forgets the forced theme", async ({ page }) => {
  await signIn(page, "akadmin", adminPassword);
  await page.goto("/if/admin/overview");
  await page.getByRole("radio", { name: "Dark" }).check();
  await page.reload();
  await expect(page.getByRole("radio", { name: "Dark" })).toBeChecked();
  await page.getByRole("radio", { name: "Automatic" }).check();
  expect(await theme(page)).toBe("automatic");
  await page.reload();
  await expect(page.getByRole("radio", { name: "Automatic" })).toBeChecked();
  expect(await theme(page)).toBe("automatic");
});

test("automatic follows the system's dark preference without axe violations", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await signIn(page, "akadmin", adminPassword);
  await page.goto("/if/admin/overview");
  await expect(card(page, "Users").locator("p").first()).toHaveText(/\d/);
  // --ak-color-background's dark half.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(17, 18, 20)");
  await expectNoAxeViolations(page);
});

test("a card that fails to load says why and retries on its own", async ({ page }) => {
  await signIn(page, "akadmin", adminPassword);
  let fail = true;
  await page.route(/\/api\/v3\/core\/groups\/\?/, (route) =>
    fail ? route.fulfill({ status: 500, contentType: "application/json", body: "{}" }) : route.continue(),
  );
  await page.goto("/if/admin/overview");
  await expect(card(page, "Groups")).toContainText("The server failed to answer (HTTP 500).");
  await expect(card(page, "Users").locator("p").first()).toHaveText(/\d/);
  await expectNoAxeViolations(page);
  fail = false;
  await card(page, "Groups").getByRole("button", { name: /^Retry/ }).click();
  await expectFigure(page, "Groups", "/core/groups/");
});

test("on a narrow screen the sidebar collapses behind a menu button", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await signIn(page, "akadmin", adminPassword);
  await page.goto("/if/admin/overview");
  const menu = page.getByRole("button", { name: "Navigation menu" });
  await expect(sidebar(page)).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(sidebar(page)).toBeVisible();
  expect(await focused(page)).toBe("a:Overview");
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(sidebar(page)).toBeHidden();
  await expect(menu).toBeFocused();

  await menu.click();
  await sidebarLink(page, "Groups").click();
  await expect(page).toHaveURL(/\/if\/admin\/core\/groups$/);
  await expect(sidebar(page)).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Groups" })).toBeFocused();
});

test("a page whose code fails to download says so, and loads on retry", async ({ page }) => {
  await signIn(page, "akadmin", adminPassword);
  await page.goto("/if/admin/overview");
  await expect(card(page, "Users").locator("p").first()).toHaveText(/\d/);
  const chunk = /\/ak-admin-unavailable-[^/]+\.js$/;
  await page.route(chunk, (route) => route.abort("connectionfailed"));
  await sidebarLink(page, "Providers").click();
  await expect(page.getByRole("heading", { level: 1, name: "This page could not be loaded" })).toBeFocused();
  await expect(page.getByText("Its code could not be downloaded")).toBeVisible();
  await expect(page).toHaveTitle("Page could not be loaded - authentik");
  await page.unroute(chunk);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Providers" })).toBeVisible();
  await expect(page).toHaveTitle("Providers - authentik");
});

test("a signed-in non-superuser gets a refusal instead of the shell", async ({ page, baseURL }) => {
  const username = await createUser(baseURL!, "not-an-admin", "their-Passw0rd");
  await signIn(page, username, "their-Passw0rd");
  await page.goto("/if/admin/");
  await expect(page).toHaveURL(/\/if\/admin\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "You don't have access to the admin interface" })).toBeVisible();
  await expect(page).toHaveTitle("Access denied - authentik");
  await expect(page.getByText(username)).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to your user interface" })).toHaveAttribute("href", "/if/user/");
  await expect(page.getByRole("link", { name: "Sign out" })).toHaveAttribute("href", "/flows/-/default/invalidation/");
  await expect(page.getByRole("navigation", { name: "Admin" })).toHaveCount(0);
});
