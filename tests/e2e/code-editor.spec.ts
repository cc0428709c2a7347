import type { Page } from "@playwright/test";
import { adminPassword } from "../support/constants.ts";
import { expect, signIn, test } from "./fixtures.ts";

const codemirrorChunk = /\/static\/dist\/assets\/codemirror-view-[^/]+\.js$/;
const attributes = (page: Page) => page.getByRole("textbox", { name: "Attributes", exact: true });

/** The focused element, looking through shadow roots. */
const focusedElement = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return { tag: active?.localName, inEditor: Boolean(active?.closest(".cm-editor")) };
  });

test.beforeEach(async ({ page }) => {
  await signIn(page, "akadmin", adminPassword);
  await page.goto("/if/admin/core/users");
});

test("the code editor downloads CodeMirror only when it is shown, is labelled, and Tab moves on", async ({ page }) => {
  const downloads: string[] = [];
  page.on("request", (request) => codemirrorChunk.test(request.url()) && downloads.push(request.url()));
  await expect(page.getByRole("table", { name: "Users" })).toBeVisible();
  expect(downloads).toEqual([]);

  await page.getByRole("link", { name: "Create user" }).click();
  await expect(attributes(page)).toBeVisible();
  expect(downloads).toHaveLength(1);

  await attributes(page).click();
  await page.keyboard.type("team: blue");
  await expect(attributes(page)).toHaveText("team: blue");
  expect((await focusedElement(page)).inEditor).toBe(true);
  await page.keyboard.press("Tab");
  // Tab leaves the editor instead of indenting, so a keyboard user is never trapped in it.
  expect((await focusedElement(page)).inEditor).toBe(false);
  await expect(attributes(page)).toHaveText("team: blue");
});

test("when CodeMirror cannot be downloaded, a plain labelled text area takes its place", async ({ page }) => {
  await page.route(codemirrorChunk, (route) => route.abort("connectionfailed"));
  await page.getByRole("link", { name: "Create user" }).click();
  await expect(attributes(page)).toBeVisible();
  expect((await attributes(page).evaluate((element) => element.localName))).toBe("textarea");
  await attributes(page).fill("team: blue");
  await expect(attributes(page)).toHaveValue("team: blue");
});

test("attributes that are not a mapping are refused at the field, and the text stays", async ({ page }) => {
  await page.getByRole("link", { name: "Create user" }).click();
  await page.getByRole("textbox", { name: "Username", exact: true }).fill(`editor-${Date.now()}`);
  await attributes(page).click();
  await page.keyboard.type("- just\n- a list");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(attributes(page)).toHaveAccessibleDescription(/Attributes must be a mapping of keys to values\./);
  await expect(attributes(page)).toContainText("- a list");
  await expect(page).toHaveURL(/\/core\/users\/new$/);
});
