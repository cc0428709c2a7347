import type { Locator, Page } from "@playwright/test";
import { adminPassword } from "../support/constants.ts";
import { AdminApi, unique } from "./admin-api.ts";
import { setUpAuthenticatorApp } from "./authenticator-app.ts";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures.ts";

const textbox = (scope: Page | Locator, name: string) => scope.getByRole("textbox", { name, exact: true });
const available = (page: Page) => page.getByRole("listbox", { name: "Available" });
const selected = (page: Page) => page.getByRole("listbox", { name: "Selected" });
/** A dialog by its name, as a scope for its slotted content (see admin-users.spec.ts). */
const dialogNamed = (page: Page, name: string) => page.locator("ak-dialog").filter({ has: page.getByRole("dialog", { name }) });

test("groups: create one with a parent and a role, give it members, and find it under its parent", async ({ page, baseURL }) => {
  const tag = unique("grp");
  const api = await AdminApi.signIn(baseURL!);
  await api.post("/rbac/roles/", { name: `${tag}-auditors` });
  const parent = await api.post("/core/groups/", { name: `${tag}-parent` });
  const member = await api.post("/core/users/", { username: `${tag}-grace`, name: "Grace Hopper" });
  await api.dispose();

  await signIn(page, "akadmin", adminPassword);
  await page.goto("/if/admin/core/groups");
  await page.getByRole("link", { name: "Create group" }).click();
  await textbox(page, "Name").fill(`${tag}-child`);
  // The parent, through the searchable select.
  const parentBox = page.getByRole("combobox", { name: "Parent" });
  await parentBox.fill(`${tag}-par`);
  await expect(page.getByRole("option", { name: `${tag}-parent` })).toBeVisible();
  await parentBox.press("ArrowDown");
  await parentBox.press("Enter");
  await expect(parentBox).toHaveValue(`${tag}-parent`);
  // A role, with a double-click.
  await page.getByLabel("Search available roles").fill(tag);
  await available(page).getByRole("option", { name: `${tag}-auditors` }).dblclick();
  await expect(selected(page).getByRole("option")).toHaveText([`${tag}-auditors`]);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Create group" }).click();

  await expect(page.getByRole("heading", { level: 1, name: `${tag}-child` })).toBeVisible();
  await expect(page.getByText(`Within ${tag}-parent`)).toBeVisible();
  const details = page.getByRole("region", { name: "Details" });
  await expect(details.getByText(`${tag}-auditors`)).toBeVisible();

  await page.getByRole("tab", { name: /^Members/ }).click();
  await page.getByLabel("Search available members").fill(`${tag}-grace`);
  await available(page).getByRole("option", { name: new RegExp(`^${tag}-grace`) }).click();
  await page.getByRole("button", { name: "Add marked" }).click();
  await page.getByRole("button", { name: "Save members" }).click();
  await expect(page.getByText(`Saved: ${tag}-child has 1 members.`)).toBeVisible();
  await expect(page.getByRole("tab", { name: "Members (1)" })).toBeVisible();
  await page.getByRole("tab", { name: "Overview" }).click();
  await expect(page.getByRole("region", { name: "Members" }).getByRole("link", { name: `${tag}-grace` })).toHaveAttribute(
    "href",
    `/if/admin/core/users/${member.pk}`,
  );

  await page.goto(`/if/admin/core/groups/${parent.pk}?tab=children`);
  // (The panel's content is slotted into ak-tabs, so it is found from the page, not from the tabpanel.)
  await expect(page.getByRole("main").getByRole("link", { name: `${tag}-child` })).toBeVisible();

  // The list finds it, and deletes it after a confirmation naming it.
  await page.goto(`/if/admin/core/groups?search=${tag}-child`);
  const row = page.getByRole("row", { name: new RegExp(`${tag}-child`) });
  await expect(row).toContainText(`${tag}-parent`);
  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const confirm = page.locator("ak-table-bulk-dialog");
  await expect(confirm.getByRole("heading", { name: "Delete 1 groups?" })).toBeVisible();
  await expect(confirm.getByRole("listitem")).toHaveText([`${tag}-child`]);
  await confirm.getByRole("button", { name: "Delete (1)" }).click();
  await expect(page.getByRole("heading", { name: "No matches" })).toBeVisible();
});

test("roles: create one, give it to a group and give it permissions", async ({ page, baseURL }) => {
  const tag = unique("role");
  const api = await AdminApi.signIn(baseURL!);
  const group = await api.post("/core/groups/", { name: `${tag}-helpdesk` });
  await api.dispose();

  await signIn(page, "akadmin", adminPassword);
  await page.goto("/if/admin/identity/roles");
  await page.getByRole("link", { name: "Create role" }).click();
  await textbox(page, "Name").fill(`${tag}-viewer`);
  await textbox(page, "Name").press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: `${tag}-viewer` })).toBeVisible();
  const rolePath = new URL(page.url()).pathname;

  await page.getByLabel("Search available groups").fill(`${tag}-help`);
  await available(page).getByRole("option", { name: `${tag}-helpdesk` }).dblclick();
  await page.getByRole("button", { name: "Save groups" }).click();
  await expect(page.getByText(`Saved: 1 groups have ${tag}-viewer.`)).toBeVisible();
  const saved = await page.request.get(`/api/v3/core/groups/${group.pk}/?include_users=false`);
  expect(((await saved.json()) as { roles_obj: { name: string }[] }).roles_obj.map((r) => r.name)).toEqual([`${tag}-viewer`]);

  await page.getByRole("tab", { name: "Permissions" }).click();
  await expect(page).toHaveURL(/\?tab=permissions$/);
  await page.getByLabel("Search available permissions").fill("view_user");
  await available(page).getByRole("option", { name: /authentik_core\.view_user$/ }).dblclick();
  await page.getByRole("button", { name: "Save permissions" }).click();
  await expect(page.getByText(`Saved: ${tag}-viewer has 1 permissions.`)).toBeVisible();
  await page.reload();
  await expect(selected(page).getByRole("option")).toHaveText(["Can view User User · authentik_core.view_user"]);

  // Rename, then delete from the page after confirming.
  await page.goto(`${rolePath}/edit`);
  await textbox(page, "Name").fill(`${tag}-readers`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${tag}-readers` })).toBeVisible();
  await page.getByRole("button", { name: "Delete" }).click();
  const confirm = dialogNamed(page, `Delete ${tag}-readers?`);
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/if\/admin\/identity\/roles$/);
});

for (const theme of ["Light", "Dark"] as const) {
  test(`every directory page has no axe violations in the ${theme.toLowerCase()} theme`, async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const tag = unique("axe");
    const api = await AdminApi.signIn(baseURL!);
    const role = await api.post("/rbac/roles/", { name: `${tag}-role` });
    const group = await api.post("/core/groups/", { name: `${tag}-group`, roles: [role.pk], attributes: { region: "eu" } });
    const password = "Axe-user-passw0rd";
    const user = await api.createUser(`${tag}-user`, password, { name: "Axe User", groups: [group.pk], attributes: { a: 1 } });
    await api.dispose();
    // So that the MFA devices tab lists one.
    await setUpAuthenticatorApp(baseURL!, user.username, password);

    await signIn(page, "akadmin", adminPassword);
    await page.goto("/if/admin/overview");
    await page.getByRole("radio", { name: theme }).check();
    const pages: [string, string][] = [
      ["/if/admin/core/users", "Users"],
      [`/if/admin/core/users?search=${tag}`, "Users"],
      [`/if/admin/core/users?type=service_account&is_active=false`, "Users"],
      ["/if/admin/core/users/new", "Create user"],
      [`/if/admin/core/users/${user.pk}`, `${tag}-user`],
      [`/if/admin/core/users/${user.pk}?tab=groups`, `${tag}-user`],
      [`/if/admin/core/users/${user.pk}?tab=sessions`, `${tag}-user`],
      [`/if/admin/core/users/${user.pk}?tab=devices`, `${tag}-user`],
      [`/if/admin/core/users/${user.pk}/edit`, `Edit ${tag}-user`],
      ["/if/admin/core/groups", "Groups"],
      ["/if/admin/core/groups/new", "Create group"],
      [`/if/admin/core/groups/${group.pk}`, `${tag}-group`],
      [`/if/admin/core/groups/${group.pk}?tab=members`, `${tag}-group`],
      [`/if/admin/core/groups/${group.pk}?tab=children`, `${tag}-group`],
      [`/if/admin/core/groups/${group.pk}/edit`, `Edit ${tag}-group`],
      ["/if/admin/identity/roles", "Roles"],
      ["/if/admin/identity/roles/new", "Create role"],
      [`/if/admin/identity/roles/${role.pk}`, `${tag}-role`],
      [`/if/admin/identity/roles/${role.pk}?tab=permissions`, `${tag}-role`],
      [`/if/admin/identity/roles/${role.pk}/edit`, `Edit ${tag}-role`],
    ];
    for (const [path, heading] of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      // Wait for what loads after the heading: the table's rows, the editors, the lists.
      await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
      await expect(page.getByText("Loading the editor…")).toHaveCount(0);
      await expectNoAxeViolations(page);
    }

    // Open states: an expanded row, a bulk confirmation, a dialog.
    await page.goto(`/if/admin/core/users?search=${tag}`);
    await page.getByRole("button", { name: `Details of Axe User (${tag}-user)` }).click();
    await expect(page.getByText(`${tag}-group`)).toBeVisible();
    await page.getByRole("checkbox", { name: `Select Axe User (${tag}-user)` }).check();
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(page.locator("ak-table-bulk-dialog").getByRole("heading", { name: "Delete 1 users?" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press("Escape");
    await page.goto(`/if/admin/core/users/${user.pk}`);
    await page.getByRole("button", { name: "Set password" }).click();
    await expect(dialogNamed(page, `Set the password of ${tag}-user`).getByLabel("New password", { exact: true })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Create recovery link" }).click();
    await expect(dialogNamed(page, `Recovery link for ${tag}-user`).getByRole("textbox", { name: "Recovery link" })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.keyboard.press("Escape");
    await page.goto(`/if/admin/core/users/${user.pk}?tab=devices`);
    await page.getByRole("button", { name: "Delete Authenticator app" }).click();
    await expect(dialogNamed(page, "Delete Authenticator app?").getByRole("button", { name: "Cancel" })).toBeFocused();
    await expectNoAxeViolations(page);
  });
}
