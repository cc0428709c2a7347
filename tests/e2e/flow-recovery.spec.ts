import type { Page } from "@playwright/test";
import { AdminApi, unique } from "./admin-api.ts";
import { expect, signIn, test } from "./fixtures.ts";

const oldPassword = "Forgotten-passw0rd";
const newPassword = "Remembered-passw0rd";

async function attemptSignIn(page: Page, username: string, password: string) {
  await page.goto("/if/flow/default-authentication-flow/");
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Username or email").press("Enter");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Password", { exact: true }).press("Enter");
}

test("forgot password: a reset link by email sets a new password, and the old one is refused", async ({ page, baseURL }) => {
  const admin = await AdminApi.signIn(baseURL!);
  const username = unique("forgetful");
  const email = `${username}@example.com`;
  await admin.createUser(username, oldPassword, { name: "Forgetful Person", email });

  await page.goto("/if/flow/default-authentication-flow/");
  await page.getByRole("link", { name: "Forgot username or password?" }).click();
  await expect(page).toHaveURL(/\/if\/flow\/default-recovery-flow\/$/);
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Username or email").fill(email);
  await page.getByLabel("Username or email").press("Enter");
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

  // Asking again right away is refused with a reason, and the page stays usable.
  await page.getByRole("button", { name: "Send the email again" }).click();
  await expect(page.getByRole("alert")).toContainText(/Wait \d+ seconds? before asking for another email\./);

  await page.goto(await admin.linkMailedTo(email));
  await admin.dispose();
  const password = page.getByLabel("Password", { exact: true });
  await expect(password).toBeFocused();
  await expect(password).toHaveAttribute("autocomplete", "new-password");
  await password.fill(newPassword);
  await page.getByLabel("Password (repeat)").fill(newPassword);
  await page.getByLabel("Password (repeat)").press("Enter");
  await expect(page).toHaveURL(/\/if\/user\/$/);
  await expect(page.getByText(username).first()).toBeVisible();

  await page.goto("/flows/-/default/invalidation/");
  await expect(page.getByLabel("Username or email")).toBeVisible();
  await attemptSignIn(page, username, oldPassword);
  await expect(page.getByText("Invalid username or password.")).toBeVisible();

  await page.goto("/flows/-/cancel/");
  await signIn(page, username, newPassword);
  await expect(page).toHaveURL(/\/if\/user\/$/);
});

test("a used reset link says so instead of starting over", async ({ page, browser, baseURL }) => {
  const admin = await AdminApi.signIn(baseURL!);
  const username = unique("twice");
  const email = `${username}@example.com`;
  await admin.post("/core/users/", { username, name: username, email });

  await page.goto("/if/flow/default-recovery-flow/");
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Username or email").press("Enter");
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const link = await admin.linkMailedTo(email);
  await admin.dispose();

  const first = await browser.newContext();
  const firstPage = await first.newPage();
  await firstPage.goto(link);
  await expect(firstPage.getByLabel("Password", { exact: true })).toBeVisible();
  await first.close();

  const second = await browser.newContext();
  const secondPage = await second.newPage();
  await secondPage.goto(link);
  await expect(secondPage.getByRole("alert")).toContainText("This link has expired or has already been used.");
  await second.close();
});
