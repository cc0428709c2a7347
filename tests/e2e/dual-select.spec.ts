import type { Locator, Page } from "@playwright/test";
import { groups, users } from "../../server/db/schema.ts";
import { adminPassword } from "../support/constants.ts";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures.ts";
import { startOwnServer, type OwnServer } from "./own-server.ts";

// The dual-select of a group's members, on a server of its own with 1,100 users named pick-0001 …
// pick-1100 (plus akadmin): more than the pane's page of 50, and more than one of the 1,000-row
// requests "Add all matching" reads. Each test edits a group of its own; they share the server.
test.describe.configure({ mode: "serial", timeout: 90_000 });

const pickers = 1_100;
const username = (i: number) => `pick-${String(i).padStart(4, "0")}`;
const groupNames = ["marks", "everyone", "searching"] as const;

let server: OwnServer;
const groupPks = new Map<string, string>();

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer(async (db) => {
    const rows = Array.from({ length: pickers }, (_, i) => ({ username: username(i + 1), name: `Picker ${i + 1}` }));
    await db.insert(users).values(rows);
    for (const made of await db.insert(groups).values(groupNames.map((name) => ({ name }))).returning()) groupPks.set(made.name, made.pk);
  });
});

test.afterAll(() => server?.stop());

const available = (page: Page) => page.getByRole("listbox", { name: "Available" });
const selected = (page: Page) => page.getByRole("listbox", { name: "Selected" });
/** A user's option: its name is the username, then the user's name (and "(selected)" once added). */
const option = (list: Locator, user: string) => list.getByRole("option", { name: new RegExp(`^${user} `) });
/** An option's text: the username first (the text keeps the markup's white space). */
const starts = (user: string) => new RegExp(`^\\s*${user}\\s`);
const status = (page: Page, text: string) => page.locator("ak-dual-select").getByRole("status").filter({ hasText: text });
const marked = (list: Locator) => list.getByRole("option", { selected: true });
/** The text of the option a listbox's aria-activedescendant points at. */
const activeOption = (list: Locator) =>
  list.evaluate((box) => {
    const id = box.getAttribute("aria-activedescendant");
    return id ? (box.getRootNode() as ShadowRoot).getElementById(id)?.querySelector("span")?.textContent?.trim() : undefined;
  });

async function openMembers(page: Page, group: (typeof groupNames)[number]) {
  await page.goto(`${server.url}/if/flow/default-authentication-flow/?next=${encodeURIComponent(`/if/admin/core/groups/${groupPks.get(group)}?tab=members`)}`);
  await signIn(page, "akadmin", adminPassword);
  await expect(page.getByRole("heading", { level: 1, name: group })).toBeVisible();
  await expect(option(available(page), "akadmin")).toBeVisible();
}

/** The group's members' usernames, as the server has them. */
async function savedMembers(page: Page, group: string): Promise<string[]> {
  const response = await page.request.get(`${server.url}/api/v3/core/groups/${groupPks.get(group)}/?include_users=true`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { users_obj: { username: string }[] }).users_obj.map((user) => user.username).sort();
}

test("marks with click, Shift-click and Ctrl-click, and moves with the keyboard between the panes", async ({ page }) => {
  await openMembers(page, "marks");
  const list = available(page);
  const moves = page.getByRole("group", { name: "Move between the lists" });

  // Click marks one, Shift-click the range from it, Ctrl-click toggles one in or out.
  await option(list, username(3)).click();
  await option(list, username(7)).click({ modifiers: ["Shift"] });
  await expect(marked(list)).toHaveText([3, 4, 5, 6, 7].map((i) => starts(username(i))));
  await expect(page.getByText("5 marked")).toBeVisible();
  await option(list, username(5)).click({ modifiers: ["Control"] });
  await option(list, username(10)).click({ modifiers: ["Control"] });
  await expect(marked(list)).toHaveText([3, 4, 6, 7, 10].map((i) => starts(username(i))));
  // Shift-click again reaches from the last Ctrl-clicked option, and replaces the marks.
  await option(list, username(8)).click({ modifiers: ["Shift"] });
  await expect(marked(list)).toHaveText([8, 9, 10].map((i) => starts(username(i))));
  await option(list, username(2)).click({ modifiers: ["Control", "Shift"] });
  await expect(marked(list)).toHaveCount(9);
  await expect(page.getByText("9 marked")).toBeVisible();

  await moves.getByRole("button", { name: "Add marked" }).click();
  await expect(selected(page).getByRole("option")).toHaveText([2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => starts(username(i))));
  await expect(page.getByText("9 selected", { exact: true })).toBeVisible();
  await expect(status(page, "Added 9. 9 selected.")).toBeAttached();
  await expect(option(list, username(4))).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByText("0 marked")).toHaveCount(2);

  // A range reaching across options already selected marks only those that can still be added.
  await option(list, username(1)).click();
  await option(list, username(12)).click({ modifiers: ["Shift"] });
  await expect(marked(list)).toHaveText([1, 11, 12].map((i) => starts(username(i))));
  await expect(page.getByText("3 marked")).toBeVisible();

  // The keyboard: Home and End go to the ends of the page, Space toggles a mark, Enter moves.
  await expect(list).toBeFocused();
  await page.keyboard.press("End");
  expect(await activeOption(list)).toBe(username(49));
  await page.keyboard.press("Space");
  await page.keyboard.press("Home");
  expect(await activeOption(list)).toBe("akadmin");
  await page.keyboard.press("ArrowDown");
  expect(await activeOption(list)).toBe(username(1));
  await page.keyboard.press("Space");
  await expect(marked(list)).toHaveText([11, 12, 49].map((i) => starts(username(i))));
  await page.keyboard.press("Enter");
  await expect(status(page, "Added 3. 12 selected.")).toBeAttached();
  await expectNoAxeViolations(page);

  // Tab leaves the available list for the page turner and the move buttons, then the selected
  // pane's filter and its list.
  const tabStops = [
    page.getByRole("button", { name: "Next page" }),
    moves.getByRole("button", { name: "Add all 1,101 matching" }),
    moves.getByRole("button", { name: "Remove all" }),
    page.getByLabel("Filter selected members"),
    selected(page),
  ];
  for (const stop of tabStops) {
    await page.keyboard.press("Tab");
    await expect(stop).toBeFocused();
  }
  // The selected pane (sorted by name): its own marks, Home/End, Shift+arrow ranges, Delete removes.
  expect(await activeOption(selected(page))).toBe(username(2));
  await page.keyboard.press("End");
  expect(await activeOption(selected(page))).toBe(username(49));
  await page.keyboard.press("Shift+ArrowUp");
  await expect(marked(selected(page))).toHaveText([starts(username(12)), starts(username(49))]);
  await expect(page.getByText("2 marked")).toBeVisible();
  await page.keyboard.press("Home");
  expect(await activeOption(selected(page))).toBe(username(2));
  await page.keyboard.press("Delete");
  await expect(status(page, "Removed 2. 10 selected.")).toBeAttached();
  await expect(option(list, username(49))).toHaveAttribute("aria-disabled", "false");

  // Its filter narrows what it shows and what "Remove all" removes.
  await page.getByLabel("Filter selected members").fill("Picker 5");
  await expect(selected(page).getByRole("option")).toHaveText([starts(username(5))]);
  await expect(page.getByText("1 shown", { exact: true })).toBeVisible();
  await moves.getByRole("button", { name: "Remove all 1 shown" }).click();
  await expect(status(page, "Removed 1. 9 selected.")).toBeAttached();
  await expect(selected(page)).toHaveCount(0);
  await expect(page.getByText("Nothing selected matches “Picker 5”.")).toBeVisible();
  await page.getByLabel("Filter selected members").fill("");
  await expect(selected(page).getByRole("option")).toHaveCount(9);

  await page.getByRole("button", { name: "Save members" }).click();
  await expect(page.getByText("Saved: marks has 9 members.")).toBeVisible();
  expect(await savedMembers(page, "marks")).toEqual([2, 3, 4, 6, 7, 8, 9, 10, 11].map(username));
});

test("“Add all matching” adds every match on the server, beyond the page shown", async ({ page }) => {
  await openMembers(page, "everyone");
  await page.getByLabel("Search available members").fill("pick-");
  await expect(page.getByText("Page 1 of 22", { exact: true })).toBeVisible();
  await expect(available(page).getByRole("option")).toHaveCount(50);
  // Two already chosen are not added twice.
  await option(available(page), username(1)).dblclick();
  await option(available(page), username(2)).dblclick();
  await expect(status(page, "Added 1. 2 selected.")).toBeAttached();

  await page.getByRole("button", { name: "Add all 1,100 matching" }).click();
  await expect(status(page, "Added 1,098. 1,100 selected.")).toBeAttached();
  await expect(page.getByText("1,100 selected", { exact: true })).toBeVisible();
  // The selected list renders only the rows in view, but tells the whole length.
  await expect(selected(page).getByRole("option").first()).toHaveAttribute("aria-setsize", "1100");
  await page.getByLabel("Filter selected members").fill(username(pickers));
  await expect(selected(page).getByRole("option")).toHaveText([starts(username(pickers))]);
  await page.getByLabel("Filter selected members").fill("");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Save members" }).click();
  await expect(page.getByText("Saved: everyone has 1100 members.")).toBeVisible();
  expect(await savedMembers(page, "everyone")).toEqual(Array.from({ length: pickers }, (_, i) => username(i + 1)));
});

test("a search made on page 3 shows page 1 of its own results", async ({ page }) => {
  await openMembers(page, "searching");
  const list = available(page);
  await expect(page.getByText("Page 1 of 23", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByText("Page 2 of 23", { exact: true })).toBeVisible();
  // Page Down in the list turns the page too.
  await list.focus();
  await page.keyboard.press("PageDown");
  await expect(page.getByText("Page 3 of 23", { exact: true })).toBeVisible();
  await expect(list.getByRole("option").first()).toHaveText(starts(username(100)));

  // Typed a key at a time: every keystroke asks the server, and only the last answer is shown.
  await page.getByLabel("Search available members").pressSequentially("pick-10");
  await expect(page.getByText("Page 1 of 2", { exact: true })).toBeVisible();
  await expect(page.getByText("100 matching", { exact: true })).toBeVisible();
  await expect(list.getByRole("option")).toHaveCount(50);
  await expect(list.getByRole("option").first()).toHaveText(starts(username(1000)));
  await expect(status(page, "100 available.")).toBeAttached();
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(list.getByRole("option").first()).toHaveText(starts(username(1050)));
  await expect(list.getByRole("option").last()).toHaveText(starts(username(1099)));

  // A search nothing matches, then none: back to page 1 of everyone.
  await page.getByLabel("Search available members").fill("nobody-by-this-name");
  await expect(page.getByText("Nothing matches “nobody-by-this-name”.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add all 0 matching" })).toBeDisabled();
  await page.getByLabel("Search available members").fill("");
  await expect(page.getByText("Page 1 of 23", { exact: true })).toBeVisible();
  await expect(list.getByRole("option").first()).toHaveText(starts("akadmin"));
});
