import type { Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expect, signIn, test } from "./fixtures.ts";
import { AdminApi, createUser, unique } from "./admin-api.ts";
import { authenticatorApp, codeAt } from "../support/totp.ts";
import { readQrCode } from "./qr-reader.ts";
import { addVirtualAuthenticator, passkeySite } from "./virtual-authenticator.ts";

const password = "mfa-e2e-Passw0rd";

/** Signs out, then enters username and password, up to the step after the password (here: the second factor). */
async function enterPassword(page: Page, username: string, site = "") {
  await page.goto(`${site}/flows/-/default/invalidation/`);
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Username or email").press("Enter");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Password", { exact: true }).press("Enter");
}

/** The element focused inside the flow's shadow roots. */
const focusedId = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id;
  });

test("an authenticator app is set up by scanning the QR code, then asked for at sign-in", async ({ page, baseURL }) => {
  const username = await createUser(baseURL!, "mfa-totp", password);
  await signIn(page, username, password);
  await page.goto("/if/flow/default-authenticator-totp-setup/");

  // The app is set up as a phone would do it: from the QR code as drawn on screen.
  const qrCode = page.getByRole("img", { name: /QR code to scan with your authenticator app/ });
  await expect(qrCode).toBeVisible();
  const configUrl = await readQrCode(qrCode);
  expect(configUrl).toMatch(/^otpauth:\/\/totp\//);
  await expect(page.getByRole("link", { name: "Open in an authenticator app on this device" })).toHaveAttribute("href", configUrl);
  const app = authenticatorApp(configUrl);
  expect(app.label).toBe(username);
  // The key is also there as text, for whoever cannot scan the code.
  await expect(page.getByText(app.secret.base32.replace(/(.{4})(?=.)/g, "$1 "))).toBeVisible();

  const code = page.getByLabel("Code from the app");
  await expect(code).toBeFocused();
  await expect(code).toHaveAttribute("autocomplete", "one-time-code");
  await expect(code).toHaveAttribute("inputmode", "numeric");
  await code.fill(codeAt(app) === "123456" ? "654321" : "123456");
  await code.press("Enter");
  await expect(page.getByText("That code does not match.", { exact: false })).toBeVisible();
  await expect(code).toHaveAttribute("aria-invalid", "true");

  await code.fill(codeAt(app));
  await code.press("Enter");
  await expect(page).toHaveURL(/\/if\/user\/$/);
  await page.goto("/if/flow/default-authenticator-static-setup/");
  await page.getByLabel("I have saved these codes").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/if\/user\/$/);

  // With two kinds of device, the user chooses one, and may change their mind.
  await enterPassword(page, username);
  await expect(page.getByText("Verify it's you with one of these:")).toBeVisible();
  await expect(page.getByRole("button", { name: /Authenticator app/ })).toBeFocused();
  await page.getByRole("button", { name: /Recovery code/ }).click();
  await expect(page.getByLabel("Recovery code")).toBeFocused();
  await page.getByRole("button", { name: "Use another method" }).click();
  await page.getByRole("button", { name: /Authenticator app/ }).click();
  const second = page.getByLabel("Code from your authenticator app");
  await expect(second).toBeVisible();
  expect(await focusedId(page)).toBe("code");
  await expect(second).toHaveAttribute("autocomplete", "one-time-code");
  await second.fill("000000" === codeAt(app, 1) ? "111111" : "000000");
  await second.press("Enter");
  await expect(page.getByText("This code is not valid. Check it and try again.")).toBeVisible();
  await expect(second).toHaveAttribute("aria-invalid", "true");
  // The setup used this step's code, and each code works once: the app's next code signs in.
  await second.fill(codeAt(app, 1));
  await second.press("Enter");
  await expect(page).toHaveURL(/\/if\/user\/$/);
});

test("recovery codes are shown once, kept by download, and each signs in once", async ({ page, baseURL }) => {
  const username = await createUser(baseURL!, "mfa-static", password);
  await signIn(page, username, password);
  await page.goto("/if/flow/default-authenticator-static-setup/");

  // allInnerTexts does not wait: the stage may still be loading.
  await expect(page.getByRole("listitem")).toHaveCount(6);
  const codes = await page.getByRole("listitem").allInnerTexts();
  const download = page.waitForEvent("download");
  await page.getByText("Download as text file").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("recovery-codes.txt");
  const text = await readFile((await file.path())!, "utf8");
  for (const code of codes) expect(text).toContain(code);

  const proceed = page.getByRole("button", { name: "Continue" });
  await expect(proceed).toBeDisabled();
  await page.getByLabel("I have saved these codes").check();
  await proceed.click();
  await expect(page).toHaveURL(/\/if\/user\/$/);

  await enterPassword(page, username);
  const field = page.getByLabel("Recovery code");
  await field.fill(codes[0]);
  await field.press("Enter");
  await expect(page).toHaveURL(/\/if\/user\/$/);

  await enterPassword(page, username);
  await field.fill(codes[0]);
  await field.press("Enter");
  await expect(page.getByText("This recovery code is not valid, or has been used already.", { exact: false })).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await field.fill(codes[1]);
  await field.press("Enter");
  await expect(page).toHaveURL(/\/if\/user\/$/);
});

test("a passkey is registered with a platform authenticator and signs in", async ({ page, baseURL }) => {
  const username = await createUser(baseURL!, "mfa-passkey", password);
  const site = passkeySite(baseURL!);
  const { cdp, authenticatorId } = await addVirtualAuthenticator(page);

  await page.goto(`${site}/if/flow/default-authentication-flow/`);
  await signIn(page, username, password);
  await page.goto(`${site}/if/flow/default-authenticator-webauthn-setup/`);
  await expect(page).toHaveURL(`${site}/if/user/`);
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toEqual([expect.objectContaining({ isResidentCredential: true, rpId: "localhost" })]);

  // A refused signature is reported, and trying again works.
  await cdp.send("WebAuthn.setResponseOverrideBits", { authenticatorId, isBogusSignature: true });
  await enterPassword(page, username, site);
  await expect(page.getByRole("alert")).toContainText("The security key was not accepted");
  await cdp.send("WebAuthn.setResponseOverrideBits", { authenticatorId, isBogusSignature: false });
  await page.getByText("Try again").click();
  await expect(page).toHaveURL(`${site}/if/user/`);
});

test("a refused passkey prompt says so and offers to try again", async ({ page, baseURL }) => {
  const admin = await AdminApi.signIn(baseURL!);
  const { username } = await admin.createUser(unique("mfa-cancel"), password);
  // A setup stage that requires user verification, which this authenticator cannot give: the browser refuses (NotAllowedError).
  const strict = await admin.createFlow(unique("webauthn-uv-required"), [{ path: "/stages/authenticator/webauthn/", body: { user_verification: "required" } }]);
  await admin.dispose();
  const site = passkeySite(baseURL!);
  const { cdp, authenticatorId } = await addVirtualAuthenticator(page, { hasUserVerification: false, isUserVerified: false });
  await page.goto(`${site}/if/flow/default-authentication-flow/`);
  await signIn(page, username, password);
  await page.goto(`${site}/if/flow/${strict}/`);
  await expect(page.getByRole("alert")).toContainText("The request was cancelled or timed out.");
  await expect(page.getByRole("button", { name: "Try again" })).toBeEnabled();
  expect((await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials).toHaveLength(0);
  // A stage whose options the authenticator can meet registers it.
  await page.goto(`${site}/if/flow/default-authenticator-webauthn-setup/`);
  await expect(page).toHaveURL(`${site}/if/user/`);
  expect((await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials).toHaveLength(1);
});
