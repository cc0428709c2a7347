import type { Locator, Page } from "@playwright/test";
import { adminPassword } from "../support/constants.ts";
import { AdminApi, createUser, unique } from "./admin-api.ts";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures.ts";

const userPassword = "a-Long-and-unusual-passw0rd";

/** The element focused inside the shadow roots, described as `role:name` for assertions. */
const focusedOption = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const id = active?.getAttribute("aria-activedescendant");
    const option = id ? active?.getRootNode() instanceof ShadowRoot && (active.getRootNode() as ShadowRoot).getElementById(id) : null;
    return { role: active?.getAttribute("role"), option: option ? option.textContent?.trim() : undefined };
  });

/**
 * A dialog by its name, as a scope for what is in it: `ak-dialog` renders the `<dialog>` in its
 * shadow root and its content is slotted, so the host holds both.
 */
const dialogNamed = (page: Page, name: string) => page.locator("ak-dialog").filter({ has: page.getByRole("dialog", { name }) });

const signOut = async (page: Page) => {
  await page.getByRole("banner").getByRole("link", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/if\/flow\//);
};

/** Types into the flow's identification and password fields without expecting to get through. */
async function tryToSignIn(page: Page, username: string, password: string) {
  await page.goto("/if/flow/default-authentication-flow/");
  const usernameField = page.getByLabel(/username|email/i).and(page.locator("input"));
  const passwordField = page.getByLabel(/password/i).and(page.locator("input"));
  await usernameField.fill(username);
  if (!(await passwordField.isVisible())) await usernameField.press("Enter");
  await passwordField.fill(password);
  await passwordField.press("Enter");
}

const field = (scope: Page | Locator, name: string) => scope.getByRole("textbox", { name, exact: true });
const password = (scope: Page | Locator, name: string) => scope.getByLabel(name, { exact: true });

test("an admin creates a user, sets a password and groups by keyboard; the user signs in until deactivated", async ({ page, baseURL }) => {
  const api = await AdminApi.signIn(baseURL!);
  const tag = unique("kb");
  const first = await api.post("/core/groups/", { name: `${tag}-engineering` });
  const second = await api.post("/core/groups/", { name: `${tag}-on-call` });
  await api.post("/core/groups/", { name: `${tag}-unrelated` });
  await api.dispose();
  const username = unique("ada");

  await signIn(page, "akadmin", adminPassword);
  await page.goto("/if/admin/core/users");
  await page.getByRole("link", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create user" })).toBeFocused();
  await field(page, "Username").fill(username);
  await field(page, "Name").fill("Ada Lovelace");
  await field(page, "Email").fill(`${username}@example.com`);
  await page.getByRole("button", { name: "Create user" }).click();

  // The new user's page.
  await expect(page).toHaveURL(/\/if\/admin\/core\/users\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: username })).toBeVisible();
  await expect(page).toHaveTitle(`${username} - authentik`);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Set password" }).click();
  const dialog = dialogNamed(page, `Set the password of ${username}`);
  await expect(password(dialog, "New password")).toBeFocused();
  await password(dialog, "New password").fill(userPassword);
  await password(dialog, "New password again").fill("something else");
  await dialog.getByRole("button", { name: "Set password" }).click();
  await expect(dialog.getByText("The passwords do not match.")).toBeVisible();
  await expect(password(dialog, "New password")).toHaveValue(userPassword);
  await password(dialog, "New password again").fill(userPassword);
  await password(dialog, "New password again").press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`The password of ${username} was set.`)).toBeVisible();

  // Groups, with the keyboard only: search, move into the list, mark two, move them, save.
  await page.getByRole("tab", { name: "Groups" }).click();
  await expect(page).toHaveURL(/\?tab=groups$/);
  const search = page.getByLabel("Search available groups");
  await search.focus();
  await page.keyboard.type(`${tag}-`);
  const available = page.getByRole("listbox", { name: "Available" });
  await expect(available.getByRole("option")).toHaveCount(3);
  await page.keyboard.press("Tab");
  await expect(available).toBeFocused();
  // Sorted by name: engineering, on-call, unrelated.
  expect(await focusedOption(page)).toEqual({ role: "listbox", option: `${tag}-engineering` });
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Space");
  await expect(available.getByRole("option", { selected: true })).toHaveCount(2);
  await expectNoAxeViolations(page);
  await page.keyboard.press("Enter");
  const selected = page.getByRole("listbox", { name: "Selected" });
  await expect(selected.getByRole("option")).toHaveText([`${tag}-engineering`, `${tag}-on-call`]);
  await expect(page.getByRole("status").filter({ hasText: "Added 2. 2 selected." })).toBeAttached();
  await expect(page.getByText("Unsaved changes.")).toBeVisible();
  // Tab on past the move buttons and the selected pane to "Save groups".
  const save = page.getByRole("button", { name: "Save groups" });
  for (let presses = 0; presses < 12 && !(await save.evaluate((el) => el.matches(":focus"))); presses++) await page.keyboard.press("Tab");
  await expect(save).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText(`Saved: ${username} is in 2 groups.`)).toBeVisible();

  await signOut(page);
  await signIn(page, username, userPassword);
  await expect(page).toHaveURL(/\/if\/user\//);
  await signOut(page);

  // The group's page lists the new member.
  await signIn(page, "akadmin", adminPassword);
  await page.goto(`/if/admin/core/groups/${first.pk}`);
  await expect(page.getByRole("heading", { level: 1, name: `${tag}-engineering` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Members" }).getByRole("link", { name: username })).toBeVisible();
  await page.goto(`/if/admin/core/groups/${second.pk}?tab=members`);
  await expect(page.getByRole("listbox", { name: "Selected" }).getByRole("option", { name: username })).toBeVisible();

  // Deactivated, the user is refused with a clear message.
  await page.goto("/if/admin/core/users");
  await page.getByLabel("Search users").fill(username);
  await page.getByRole("link", { name: username, exact: true }).click();
  await page.getByRole("button", { name: "Deactivate" }).click();
  const confirm = dialogNamed(page, `Deactivate ${username}?`);
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText(`${username} was deactivated.`)).toBeVisible();
  await expect(page.getByRole("banner").or(page.locator("header")).getByText("Inactive").first()).toBeVisible();
  await signOut(page);
  await tryToSignIn(page, username, userPassword);
  await expect(page.getByText("This account is disabled. Contact your administrator.")).toBeVisible();
  await expect(page).toHaveURL(/\/if\/flow\//);
});

test("a duplicate username shows the server's message at the field, and nothing typed is lost", async ({ page }) => {
  await signIn(page, "akadmin", adminPassword);
  await page.goto("/if/admin/core/users/new");
  await page.getByRole("radio", { name: "Service account" }).check();
  await field(page, "Username").fill("akadmin");
  await field(page, "Name").fill("A second admin");
  await field(page, "Email").fill("second@example.com");
  await page.getByRole("checkbox", { name: "Active" }).uncheck();
  await field(page, "Path").fill("users/robots");
  const attributes = field(page, "Attributes");
  await attributes.click();
  await page.keyboard.type("team: platform");
  await page.getByRole("button", { name: "Create user" }).click();

  const username = field(page, "Username");
  await expect(username).toBeFocused();
  await expect(username).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/unique|already exists|taken/i)).toBeVisible();
  await expect(page).toHaveURL(/\/core\/users\/new$/);
  await expect(page.getByRole("radio", { name: "Service account" })).toBeChecked();
  await expect(username).toHaveValue("akadmin");
  await expect(field(page, "Name")).toHaveValue("A second admin");
  await expect(field(page, "Email")).toHaveValue("second@example.com");
  await expect(page.getByRole("checkbox", { name: "Active" })).not.toBeChecked();
  await expect(field(page, "Path")).toHaveValue("users/robots");
  await expect(attributes).toHaveText("team: platform");
  await expectNoAxeViolations(page);

  // A dropped connection: said above the form, and still nothing lost; then it goes through.
  await username.fill(unique("robot"));
  await page.route("**/api/v3/core/users/", (route) => (route.request().method() === "POST" ? route.abort("connectionfailed") : route.continue()));
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("The server could not be reached. Check your connection and try again.")).toBeVisible();
  await expect(field(page, "Name")).toHaveValue("A second admin");
  await expect(attributes).toHaveText("team: platform");
  await page.unroute("**/api/v3/core/users/");
  await username.fill("akadmin");

  // Leaving with unsaved changes asks first; staying keeps everything.
  page.once("dialog", (dialog) => dialog.dismiss());
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Groups" }).click();
  await expect(page).toHaveURL(/\/core\/users\/new$/);
  await expect(field(page, "Name")).toHaveValue("A second admin");
});

test("an admin sees where a user is signed in and revokes those sessions, focus staying in the list", async ({ page, browser, baseURL }) => {
  const username = await createUser(baseURL!, "sess", userPassword);
  // Signed in from two browsers: two sessions.
  const theirs = [await browser.newContext({ baseURL }), await browser.newContext({ baseURL })];
  const theirPages: Page[] = [];
  for (const context of theirs) {
    const theirPage = await context.newPage();
    await signIn(theirPage, username, userPassword);
    await expect(theirPage).toHaveURL(/\/if\/user\//);
    theirPages.push(theirPage);
  }

  await signIn(page, "akadmin", adminPassword);
  const found = (await (await page.request.get(`/api/v3/core/users/?username=${username}`)).json()) as { results: { pk: number }[] };
  await page.goto(`/if/admin/core/users/${found.results[0].pk}?tab=sessions`);
  const sessions = page.getByRole("table", { name: `Sessions of ${username}` });
  await expect(sessions.locator("tbody tr")).toHaveCount(2);
  const revoke = sessions.getByRole("button", { name: /^Revoke/ });
  await revoke.first().click();
  const confirm = dialogNamed(page, "Revoke this session?");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectNoAxeViolations(page);
  await confirm.getByRole("button", { name: "Revoke" }).click();
  // The clicked button went with its row: focus moves to the remaining row's Revoke button, not to the page.
  await expect(sessions.locator("tbody tr")).toHaveCount(1);
  await expect(revoke).toBeFocused();
  await page.keyboard.press("Enter");
  await confirm.getByRole("button", { name: "Revoke" }).click();
  // With no rows left, to the heading that says so.
  await expect(page.getByRole("heading", { name: "No sessions" })).toBeFocused();

  for (const theirPage of theirPages) {
    await theirPage.reload();
    await expect(theirPage).toHaveURL(/\/if\/flow\//);
  }
  for (const context of theirs) await context.close();
});
