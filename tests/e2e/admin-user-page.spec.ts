import type { Locator, Page } from "@playwright/test";
import { adminPassword } from "../support/constants.ts";
import { authenticatorApp, codeAt } from "../support/totp.ts";
import { AdminApi, unique } from "./admin-api.ts";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures.ts";

const userPassword = "a-Long-and-unusual-passw0rd";
const newPassword = "Another-long-passw0rd";

/** A dialog by its name, as a scope for its slotted content (see admin-users.spec.ts). */
const dialogNamed = (page: Page, name: string) => page.locator("ak-dialog").filter({ has: page.getByRole("dialog", { name }) });
const field = (scope: Page | Locator, name: string) => scope.getByRole("textbox", { name, exact: true });
const usersTable = (page: Page) => page.getByRole("table", { name: "Users" });
/** The usernames in the users table, once it has finished loading. */
const listedUsernames = (page: Page) => usersTable(page).locator("tbody th[scope=row]");

/** Replaces everything in the attributes editor with `lines`, typed as a person would. */
async function typeAttributes(page: Page, lines: string[]) {
  await field(page, "Attributes").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  for (const [index, line] of lines.entries()) {
    if (index) await page.keyboard.press("Enter");
    await page.keyboard.type(line);
  }
}

test("MFA devices: the devices the user set up are listed on their page and deleted after confirming, focus staying in the list", async ({ page, browser, baseURL }) => {
  const api = await AdminApi.signIn(baseURL!);
  const { username, pk } = await api.createUser(unique("mfa-admin"), userPassword);

  // The user sets up an authenticator app in their own browser, through the real setup flow.
  const theirs = await browser.newContext({ baseURL });
  const theirPage = await theirs.newPage();
  await signIn(theirPage, username, userPassword);
  await theirPage.goto("/if/flow/default-authenticator-totp-setup/");
  const configUrl = await theirPage.getByRole("link", { name: "Open in an authenticator app on this device" }).getAttribute("href");
  const code = theirPage.getByLabel("Code from the app");
  await code.fill(codeAt(authenticatorApp(configUrl!)));
  await code.press("Enter");
  await expect(theirPage).toHaveURL(/\/if\/user\/$/);
  // And recovery codes, so the list has a second row.
  await theirPage.goto("/if/flow/default-authenticator-static-setup/");
  await theirPage.getByLabel("I have saved these codes").check();
  await theirPage.getByRole("button", { name: "Continue" }).click();
  await expect(theirPage).toHaveURL(/\/if\/user\/$/);
  await theirs.close();
  const both = await api.get(`/authenticators/admin/all/?user=${pk}`);
  const device = both.find((d: { meta_model_name: string }) => d.meta_model_name.endsWith(".totpdevice"));
  const codes = both.find((d: { meta_model_name: string }) => d.meta_model_name.endsWith(".staticdevice"));
  expect(device).toMatchObject({ meta_model_name: "authentik_stages_authenticator_totp.totpdevice", confirmed: true });

  await signIn(page, "akadmin", adminPassword);
  await page.goto(`/if/admin/core/users/${pk}`);
  await page.getByRole("tab", { name: "MFA devices" }).click();
  await expect(page).toHaveURL(/\?tab=devices$/);
  const devices = page.getByRole("table", { name: `MFA devices of ${username}` });
  await expect(devices.locator("tbody tr")).toHaveCount(2);
  const row = devices.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: device.name, exact: true }) });
  await expect(row).toContainText(device.verbose_name);
  await expectNoAxeViolations(page);

  await row.getByRole("button", { name: `Delete ${device.name}` }).click();
  const confirm = dialogNamed(page, `Delete ${device.name}?`);
  await expect(confirm.getByText("The user can no longer sign in with this device")).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectNoAxeViolations(page);
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(confirm).toBeHidden();
  // The clicked button went with its row: focus moves to the remaining row's Delete button, not to the page.
  await expect(devices.locator("tbody tr")).toHaveCount(1);
  const deleteCodes = devices.getByRole("button", { name: `Delete ${codes.name}` });
  await expect(deleteCodes).toBeFocused();
  await page.keyboard.press("Enter");
  await dialogNamed(page, `Delete ${codes.name}?`).getByRole("button", { name: "Delete" }).click();
  // With no rows left, to the heading that says so.
  await expect(page.getByRole("heading", { name: "No MFA devices" })).toBeFocused();
  await page.reload();
  await expect(page.getByRole("heading", { name: "No MFA devices" })).toBeVisible();
  expect(await api.get(`/authenticators/admin/all/?user=${pk}`)).toEqual([]);
  expect((await api.get(`/authenticators/admin/totp/?name=${encodeURIComponent(device.name)}`)).results).not.toContainEqual(
    expect.objectContaining({ pk: Number(device.pk) }),
  );
  await api.dispose();

  // Without the device, the password alone signs the user in again.
  const later = await browser.newContext({ baseURL });
  const laterPage = await later.newPage();
  await signIn(laterPage, username, userPassword);
  await expect(laterPage).toHaveURL(/\/if\/user\/$/);
  await later.close();
});

test("a recovery link from the user page lets the user set a new password and sign in with it", async ({ page, browser, baseURL }) => {
  const api = await AdminApi.signIn(baseURL!);
  const { username, pk } = await api.createUser(unique("recover"), userPassword);
  await api.dispose();

  await signIn(page, "akadmin", adminPassword);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`/if/admin/core/users/${pk}`);
  await page.getByRole("button", { name: "Create recovery link" }).click();
  const dialog = dialogNamed(page, `Recovery link for ${username}`);
  const link = field(dialog, "Recovery link");
  await expect(link).toHaveValue(new RegExp(`^${baseURL}/if/flow/[\\w-]+/\\?flow_token=`));
  await expect(link).toBeFocused();
  await expect(link).toHaveAttribute("readonly");
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Copy link" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Copied.");
  const url = await link.inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Close" }).and(page.locator("[slot=actions]")).click();
  await expect(dialog).toBeHidden();

  // The user, in a browser of their own, is not asked who they are: only for a new password.
  const theirs = await browser.newContext({ baseURL });
  const theirPage = await theirs.newPage();
  await theirPage.goto(url);
  const password = theirPage.getByLabel("Password", { exact: true });
  await expect(password).toBeFocused();
  await password.fill(newPassword);
  await theirPage.getByLabel("Password (repeat)").fill(newPassword);
  await theirPage.getByLabel("Password (repeat)").press("Enter");
  await expect(theirPage).toHaveURL(/\/if\/user\/$/);
  await theirs.close();

  const later = await browser.newContext({ baseURL });
  const laterPage = await later.newPage();
  await signIn(laterPage, username, newPassword);
  await expect(laterPage).toHaveURL(/\/if\/user\/$/);
  await later.close();
  // The link worked once.
  const again = await browser.newContext({ baseURL });
  const againPage = await again.newPage();
  await againPage.goto(url);
  await expect(againPage.getByRole("alert")).toContainText("This link has expired or has already been used.");
  await again.close();
});

test("users list: the type filter tells people from service accounts, and a service account is created", async ({ page, baseURL }) => {
  const tag = unique("type");
  const api = await AdminApi.signIn(baseURL!);
  await api.post("/core/users/", { username: `${tag}-person`, name: "A Person" });
  await api.post("/core/users/", { username: `${tag}-robot`, name: "A Robot", type: "service_account" });

  await signIn(page, "akadmin", adminPassword);
  await page.goto(`/if/admin/core/users?search=${tag}`);
  await expect(listedUsernames(page)).toHaveText([`${tag}-person`, `${tag}-robot`]);
  const type = page.getByRole("combobox", { name: "Type" });
  await type.selectOption({ label: "Service account" });
  await expect(page).toHaveURL(/[?&]type=service_account(&|$)/);
  await expect(listedUsernames(page)).toHaveText([`${tag}-robot`]);
  await expect(usersTable(page).locator("tbody tr")).toContainText(["Service account"]);
  await type.selectOption({ label: "Internal" });
  await expect(listedUsernames(page)).toHaveText([`${tag}-person`]);
  await page.reload();
  await expect(type).toHaveValue("internal");
  await expect(listedUsernames(page)).toHaveText([`${tag}-person`]);
  await type.selectOption({ label: "Any type" });
  await expect(listedUsernames(page)).toHaveText([`${tag}-person`, `${tag}-robot`]);

  // A new service account, from the form.
  await page.getByRole("link", { name: "Create user" }).click();
  await page.getByRole("radio", { name: "Service account" }).check();
  await field(page, "Username").fill(`${tag}-deployer`);
  await field(page, "Name").fill("Deploy bot");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${tag}-deployer` })).toBeVisible();
  const details = page.getByRole("region", { name: "Details" });
  await expect(details).toContainText("Service account");
  const created = (await api.get(`/core/users/?username=${tag}-deployer`)).results;
  expect(created).toEqual([expect.objectContaining({ name: "Deploy bot", type: "service_account", is_active: true })]);
  await api.dispose();

  await page.goto(`/if/admin/core/users?search=${tag}&type=service_account`);
  await expect(listedUsernames(page)).toHaveText([`${tag}-deployer`, `${tag}-robot`]);
});

test("users list: a deactivated user is activated after confirming", async ({ page, baseURL }) => {
  const tag = unique("activate");
  const api = await AdminApi.signIn(baseURL!);
  const { pk } = await api.createUser(`${tag}-dormant`, userPassword, { name: "Dormant User", is_active: false });
  await api.post("/core/users/", { username: `${tag}-awake`, name: "Awake User" });

  await signIn(page, "akadmin", adminPassword);
  await page.goto(`/if/admin/core/users?search=${tag}`);
  await page.getByRole("combobox", { name: "Status" }).selectOption({ label: "Inactive" });
  await expect(listedUsernames(page)).toHaveText([`${tag}-dormant`]);
  await page.getByRole("combobox", { name: "Status" }).selectOption({ label: "Any status" });
  await expect(listedUsernames(page)).toHaveText([`${tag}-awake`, `${tag}-dormant`]);
  // Both selected: the confirmation says which one changes and that the other is left alone.
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await page.getByRole("button", { name: "Activate", exact: true }).click();
  const confirm = page.locator("ak-table-bulk-dialog");
  await expect(confirm.getByRole("heading", { name: "Activate 1 users?" })).toBeVisible();
  await expect(confirm.getByRole("listitem")).toHaveText([`Dormant User (${tag}-dormant)`]);
  await expect(confirm.getByText("Left as they are (already active): 1")).toBeVisible();
  await expectNoAxeViolations(page);
  await confirm.getByRole("button", { name: "Activate (1)" }).click();
  await expect(page.getByText("Activated 1 users.")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`${tag}-dormant`) })).toContainText("Active");
  await expect(page.getByRole("row", { name: new RegExp(`${tag}-dormant`) })).not.toContainText("Inactive");
  expect((await api.get(`/core/users/${pk}/`)).is_active).toBe(true);
  await api.dispose();

  // And so they can sign in again.
  await page.getByRole("banner").getByRole("link", { name: "Sign out" }).click();
  await signIn(page, `${tag}-dormant`, userPassword);
  await expect(page).toHaveURL(/\/if\/user\//);
});

test("editing a user: attributes written as YAML are saved, shown after a reload and stored as data", async ({ page, baseURL }) => {
  const tag = unique("attrs");
  const api = await AdminApi.signIn(baseURL!);
  const user = await api.post("/core/users/", { username: `${tag}-user`, name: "Attribute Owner", attributes: { old: "value" } });

  await signIn(page, "akadmin", adminPassword);
  await page.goto(`/if/admin/core/users/${user.pk}`);
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${tag}-user` })).toBeVisible();
  await expect(field(page, "Attributes")).toHaveText("old: value");
  await field(page, "Name").fill("Attribute Keeper");
  await typeAttributes(page, ["team: platform", "floor: 3", "on_call: true"]);
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page.getByRole("heading", { level: 1, name: `${tag}-user` })).toBeVisible();
  const attributes = page.getByRole("region", { name: "Attributes" });
  await expect(attributes.locator("pre")).toHaveText("team: platform\nfloor: 3\non_call: true\n", { useInnerText: true });
  await page.reload();
  await expect(attributes.locator("pre")).toHaveText("team: platform\nfloor: 3\non_call: true\n", { useInnerText: true });
  await expect(page.getByRole("region", { name: "Details" })).toContainText("Attribute Keeper");
  const saved = await api.get(`/core/users/${user.pk}/`);
  expect(saved).toMatchObject({ name: "Attribute Keeper", attributes: { team: "platform", floor: 3, on_call: true } });
  await api.dispose();

  // The form reads them back as YAML.
  await page.goto(`/if/admin/core/users/${user.pk}/edit`);
  await expect(field(page, "Attributes")).toContainText("team: platform");
  await expect(field(page, "Attributes")).toContainText("on_call: true");
  await expect(page.getByText("Loading the editor…")).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("users list: a bulk delete of every match but one removes them after confirming", async ({ page, baseURL }) => {
  const tag = unique("bulkdel");
  const api = await AdminApi.signIn(baseURL!);
  // More than a page of them (the smallest page size is 10).
  const names = Array.from({ length: 12 }, (_, index) => `${tag}-${String(index).padStart(2, "0")}`);
  const created = await Promise.all(names.map((username) => api.post("/core/users/", { username, name: "" })));
  const [kept, ...deleted] = created;
  const unmatched = await api.post("/core/users/", { username: unique("unmatched"), name: "Not matched" });

  await signIn(page, "akadmin", adminPassword);
  await page.goto(`/if/admin/core/users?search=${tag}&page_size=10`);
  await expect(listedUsernames(page)).toHaveText(names.slice(0, 10));
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await page.getByRole("button", { name: "Select all 12 matching" }).click();
  await expect(page.getByText("All 12 matching rows selected.")).toBeVisible();
  await page.getByRole("checkbox", { name: `Select ${kept.username}` }).uncheck();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const confirm = page.locator("ak-table-bulk-dialog");
  await expect(confirm.getByRole("heading", { name: "Delete 11 users?" })).toBeVisible();
  await expect(confirm.getByRole("listitem")).toHaveText(names.slice(1));
  await expectNoAxeViolations(page);
  await confirm.getByRole("button", { name: "Delete (11)" }).click();
  await expect(page.getByText("Deleted 11 users.")).toBeVisible();
  await expect(listedUsernames(page)).toHaveText([kept.username]);
  await page.reload();
  await expect(listedUsernames(page)).toHaveText([kept.username]);

  expect((await api.get(`/core/users/?search=${tag}`)).results.map((user: { pk: number }) => user.pk)).toEqual([kept.pk]);
  for (const user of deleted) {
    const response = await page.request.get(`/api/v3/core/users/${user.pk}/`);
    expect(response.status(), `${user.username} is gone`).toBe(404);
  }
  expect((await api.get(`/core/users/${unmatched.pk}/`)).username).toBe(unmatched.username);
  await api.dispose();
});

test("groups: the superuser flag and attributes set in the form are saved and shown after a reload", async ({ page, baseURL }) => {
  const tag = unique("grpflags");
  const api = await AdminApi.signIn(baseURL!);
  const group = await api.post("/core/groups/", { name: `${tag}-admins` });
  const member = await api.post("/core/users/", { username: `${tag}-member`, name: "Group Member", groups: [group.pk] });

  await signIn(page, "akadmin", adminPassword);
  await page.goto(`/if/admin/core/groups/${group.pk}`);
  const details = page.getByRole("region", { name: "Details" });
  await expect(details).toContainText("Superuser");
  await expect(details.locator("dd").nth(2)).toHaveText("No");
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${tag}-admins` })).toBeVisible();
  const superuser = page.getByRole("checkbox", { name: "Superuser" });
  await expect(superuser).not.toBeChecked();
  await superuser.check();
  await typeAttributes(page, ["region: eu", "cost_centre: 4711"]);
  await expect(page.getByText("Loading the editor…")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page.getByRole("heading", { level: 1, name: `${tag}-admins` })).toBeVisible();
  const attributes = page.getByRole("region", { name: "Attributes" });
  for (const reloaded of [false, true]) {
    if (reloaded) await page.reload();
    await expect(details.locator("dd").nth(2)).toHaveText("Yes: members can do everything");
    await expect(page.getByRole("banner").or(page.locator("header")).getByText("Superuser", { exact: true }).first()).toBeVisible();
    await expect(attributes.locator("pre")).toHaveText("region: eu\ncost_centre: 4711\n", { useInnerText: true });
  }
  const saved = await api.get(`/core/groups/${group.pk}/?include_users=false`);
  expect(saved).toMatchObject({ is_superuser: true, attributes: { region: "eu", cost_centre: 4711 } });
  // The group's members are superusers through it.
  expect((await api.get(`/core/users/${member.pk}/`)).is_superuser).toBe(true);

  // The form shows the saved state; unticking the flag is saved too.
  await page.goto(`/if/admin/core/groups/${group.pk}/edit`);
  await expect(superuser).toBeChecked();
  await expect(field(page, "Attributes")).toContainText("cost_centre: 4711");
  await superuser.uncheck();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(details.locator("dd").nth(2)).toHaveText("No");
  expect((await api.get(`/core/groups/${group.pk}/?include_users=false`)).is_superuser).toBe(false);
  expect((await api.get(`/core/users/${member.pk}/`)).is_superuser).toBe(false);
  await api.dispose();
});
