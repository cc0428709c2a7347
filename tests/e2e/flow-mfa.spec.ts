import type { Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expect, signIn, test } from "./fixtures.ts";
import { createUser } from "./admin-api.ts";
import { authenticatorApp, codeAt } from "../support/totp.ts";

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

test("an authenticator app is set up from the QR code's otpauth:// URL, then asked for at sign-in", async ({ page, baseURL }) => {
  const username = await createUser(baseURL!, "mfa-totp", password);
  await signIn(page, username, password);
  await page.goto("/if/flow/default-authenticator-totp-setup/");

  await expect(page.getByRole("img", { name: /QR code to scan with your authenticator app/ })).toBeVisible();
  const configUrl = (await page.getByRole("link", { name: "Open in an authenticator app on this device" }).getAttribute("href"))!;
  expect(configUrl).toMatch(/^otpauth:\/\/totp\//);
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

  const codes = await page.getByRole("listitem").allInnerTexts();
  expect(codes).toHaveLength(6);
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
  // WebAuthn needs a domain: an IP address cannot be a relying party.
  const site = baseURL!.replace("127.0.0.1", "localhost");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

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
  const username = await createUser(baseURL!, "mfa-cancel", password);
  const site = baseURL!.replace("127.0.0.1", "localhost");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  // Without user verification on a stage that requires it, the browser refuses (NotAllowedError).
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: false, automaticPresenceSimulation: true },
  });
  await page.goto(`${site}/if/flow/default-authentication-flow/`);
  await signIn(page, username, password);
  await page.route("**/api/v3/flows/executor/default-authenticator-webauthn-setup/**", async (route) => {
    const response = await route.fetch();
    const challenge = await response.json();
    challenge.registration.authenticatorSelection.userVerification = "required";
    await route.fulfill({ response, json: challenge });
  });
  await page.goto(`${site}/if/flow/default-authenticator-webauthn-setup/`);
  await expect(page.getByRole("alert")).toContainText("The request was cancelled or timed out.");
  await expect(page.getByRole("button", { name: "Try again" })).toBeEnabled();
  await page.unroute("**/api/v3/flows/executor/default-authenticator-webauthn-setup/**");
  // Options the authenticator can meet come with the next challenge.
  await page.reload();
  await expect(page).toHaveURL(`${site}/if/user/`);
  expect((await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials).toHaveLength(1);
});
