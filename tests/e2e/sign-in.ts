import { expect, type Page } from "@playwright/test";

/**
 * Signs in through the real login UI. Stays on the current flow page when the test is already on
 * one (e.g. after being sent there with `?next=`), so the flow's redirect decides where it lands;
 * otherwise starts the default authentication flow. Resolves once the page has left the flow.
 */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  if (!new URL(page.url(), "http://x").pathname.startsWith("/if/flow/")) {
    await page.goto("/if/flow/default-authentication-flow/");
  }
  // `.and("input")` keeps "Show password" buttons and "Forgot password?" links out of the match.
  const usernameField = page.getByLabel(/username|email/i).and(page.locator("input"));
  const passwordField = page.getByLabel(/password/i).and(page.locator("input"));

  await usernameField.fill(username);
  // The identification stage may ask for the password on the same form.
  if (await passwordField.isVisible()) {
    await passwordField.fill(password);
    await passwordField.press("Enter");
  } else {
    await usernameField.press("Enter");
    await passwordField.fill(password);
    await passwordField.press("Enter");
  }
  await expect(page, `signing in as "${username}" should leave the flow`).not.toHaveURL(/\/if\/flow\//, { timeout: 15_000 });
}
