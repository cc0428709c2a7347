import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures.ts";
import { adminPassword } from "../support/constants.ts";

const loginUrl = "/if/flow/default-authentication-flow/";
const usernameField = (page: Page) => page.getByLabel("Username or email");
const passwordField = (page: Page) => page.getByLabel("Password", { exact: true });

/** The element focused inside the flow's shadow roots. */
const focusedId = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id;
  });

test("signs in from / with username and password, shows the user, and signs out", async ({ page }) => {
  const cspViolations: string[] = [];
  page.on("console", (m) => m.text().includes("Content Security Policy") && cspViolations.push(m.text()));
  const apiReads: string[] = [];
  page.on("request", (r) => r.method() === "GET" && r.url().includes("/api/v3/") && apiReads.push(new URL(r.url()).pathname));

  await page.goto("/");
  await expect(page).toHaveURL(/\/if\/flow\/default-authentication-flow\/\?next=/);
  await expect(page).toHaveTitle("Welcome to authentik! - authentik");
  await expect(usernameField(page)).toBeFocused();
  // The page carries its first challenge and the brand: showing the first stage takes no API request.
  expect(apiReads).toEqual([]);
  await expect(usernameField(page)).toHaveAttribute("autocomplete", "username");

  await usernameField(page).fill("akadmin");
  await usernameField(page).press("Enter");
  await expect(passwordField(page)).toBeVisible();
  expect(await focusedId(page)).toBe("password");
  await expect(passwordField(page)).toHaveAttribute("autocomplete", "current-password");
  await passwordField(page).fill(adminPassword);
  await passwordField(page).press("Enter");

  await expect(page).toHaveURL(/\/if\/user\/$/);
  await expect(page.getByText("akadmin").first()).toBeVisible();
  expect(cspViolations).toEqual([]);

  await page.getByRole("link", { name: /sign out/i }).click();
  await expect(usernameField(page)).toBeVisible();
  const me = await page.request.get("/api/v3/core/users/me/");
  expect(me.status()).toBe(403);
});

test("a wrong password and an unknown user get the same message at the field, keeping the username", async ({ page }) => {
  for (const username of ["akadmin", "nobody-by-that-name"]) {
    await page.goto(loginUrl);
    await usernameField(page).fill(username);
    await usernameField(page).press("Enter");
    await passwordField(page).fill("certainly-wrong");
    await passwordField(page).press("Enter");
    await expect(page.getByText("Invalid username or password.")).toBeVisible();
    await expect(passwordField(page)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(username, { exact: true })).toBeVisible();
    expect(await focusedId(page)).toBe("password");
    await page.goto("/flows/-/cancel/");
  }
});

test("repeated failures for one username are refused with a clear message", async ({ page }) => {
  await page.goto(loginUrl);
  await usernameField(page).fill("throttled-e2e-user");
  await usernameField(page).press("Enter");
  // The message stays up between attempts, so each attempt waits for its own answer.
  const attempt = async (password: string) => {
    const answered = page.waitForResponse((r) => r.url().includes("/api/v3/flows/executor/") && r.request().method() === "POST");
    await passwordField(page).fill(password);
    await passwordField(page).press("Enter");
    await answered;
  };
  for (let i = 0; i < 5; i++) {
    await attempt(`wrong-${i}`);
    await expect(page.getByText("Invalid username or password.")).toBeVisible();
  }
  await attempt("wrong-again");
  await expect(page.getByText(/Too many failed attempts\. Try again in 5 minutes\./)).toBeVisible();
});

test("next is honoured for same-origin paths only", async ({ page }) => {
  await page.goto(`${loginUrl}?next=${encodeURIComponent("https://evil.example/")}`);
  await usernameField(page).fill("akadmin");
  await usernameField(page).press("Enter");
  await passwordField(page).fill(adminPassword);
  await passwordField(page).press("Enter");
  await expect(page).toHaveURL(/\/if\/user\/$/);
});

test("the redirect at the end of a flow is followed exactly once", async ({ page }) => {
  const documents: string[] = [];
  page.on("request", (r) => r.resourceType() === "document" && documents.push(new URL(r.url()).pathname));
  await signIn(page, "akadmin", adminPassword);
  await expect(page).toHaveURL(/\/if\/user\/$/);
  await page.waitForLoadState("networkidle");
  expect(documents.filter((path) => path === "/if/user/")).toHaveLength(1);
});

test.describe("failures keep what the user typed and offer a retry", () => {
  // The reference server does not fail on demand, so these faults are injected into its real responses.
  test("a dropped connection", async ({ page }) => {
    await page.goto(loginUrl);
    await page.route("**/api/v3/flows/executor/**", (route) => (route.request().method() === "POST" ? route.abort() : route.continue()));
    await usernameField(page).fill("akadmin");
    await usernameField(page).press("Enter");
    await expect(page.getByRole("alert")).toContainText("could not be reached");
    await expect(usernameField(page)).toHaveValue("akadmin");
    await page.unroute("**/api/v3/flows/executor/**");
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(passwordField(page)).toBeVisible();
  });

  test("a server error", async ({ page }) => {
    await page.goto(loginUrl);
    await page.route("**/api/v3/flows/executor/**", (route) =>
      route.request().method() === "POST" ? route.fulfill({ status: 500, body: "boom" }) : route.continue(),
    );
    await usernameField(page).fill("akadmin");
    await usernameField(page).press("Enter");
    await expect(page.getByRole("alert")).toContainText("HTTP 500");
    await expect(usernameField(page)).toHaveValue("akadmin");
    await page.unroute("**/api/v3/flows/executor/**");
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(passwordField(page)).toBeVisible();
  });

  test("a malformed body", async ({ page }) => {
    await page.goto(loginUrl);
    await page.route("**/api/v3/flows/executor/**", (route) =>
      route.request().method() === "POST"
        ? route.fulfill({ status: 200, contentType: "application/json", body: "<html>not json" })
        : route.continue(),
    );
    await usernameField(page).fill("akadmin");
    await usernameField(page).press("Enter");
    await expect(page.getByRole("alert")).toContainText("could not be read");
    await expect(usernameField(page)).toHaveValue("akadmin");
  });

  test("an unknown stage component", async ({ page }) => {
    await page.goto(loginUrl);
    await page.route("**/api/v3/flows/executor/**", async (route) => {
      const response = await route.fetch();
      const challenge = await response.json();
      await route.fulfill({ response, json: { ...challenge, component: "ak-stage-from-the-future" } });
    });
    await usernameField(page).fill("akadmin");
    await usernameField(page).press("Enter");
    await expect(page.getByRole("alert")).toContainText('("ak-stage-from-the-future") cannot be shown');
    await expect(page.getByRole("link", { name: "Start over" })).toBeVisible();
  });

  test("a flow that does not exist", async ({ page }) => {
    await page.goto("/if/flow/no-such-flow/");
    await expect(page.getByRole("alert")).toContainText('No flow with slug "no-such-flow"');
  });
});
