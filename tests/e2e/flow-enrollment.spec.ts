import type { Page, Request } from "@playwright/test";
import { AdminApi, unique } from "./admin-api.ts";
import { expect, signIn, test } from "./fixtures.ts";

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const executorPost = (r: Request) => r.url().includes("/api/v3/flows/executor/") && r.method() === "POST";

test("enrolls with prompts and email verification through the outbox link; the new user then signs in", async ({ page, browser, baseURL }) => {
  const username = unique("enrolled");
  const email = `${username}@example.com`;
  const password = "Enrolment-passw0rd";

  await page.goto("/if/flow/default-authentication-flow/");
  await page.getByRole("link", { name: "Need an account? Sign up." }).click();
  await expect(page).toHaveURL(/\/if\/flow\/default-enrollment-flow\/$/);
  await expect(field(page, "Username")).toBeFocused();
  for (const [label, autocomplete] of [
    ["Username", "username"],
    ["Name", "name"],
    ["Email", "email"],
    ["Password", "new-password"],
    ["Password (repeat)", "new-password"],
  ]) {
    await expect(field(page, label), label).toHaveAttribute("autocomplete", autocomplete);
  }

  await field(page, "Username").fill(username);
  await field(page, "Name").fill("Enrolled Person");
  await field(page, "Email").fill(email);
  await field(page, "Password").fill(password);
  await field(page, "Password (repeat)").fill("not the same");
  await field(page, "Password (repeat)").press("Enter");
  await expect(page.getByText("Passwords don't match.")).toBeVisible();
  await expect(field(page, "Password (repeat)")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, "Password (repeat)")).toBeFocused();
  // What was typed is still there.
  await expect(field(page, "Username")).toHaveValue(username);
  await expect(field(page, "Email")).toHaveValue(email);

  await field(page, "Password (repeat)").fill(password);
  await field(page, "Password (repeat)").press("Enter");
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

  const admin = await AdminApi.signIn(baseURL!);
  const link = await admin.linkMailedTo(email);
  await admin.dispose();

  // The link works in another browser: it confirms the account and signs the user in there.
  const other = await browser.newContext();
  const phone = await other.newPage();
  await phone.goto(link);
  await expect(phone).toHaveURL(/\/if\/user\/$/);
  await expect(phone.getByText(username).first()).toBeVisible();
  await other.close();

  const fresh = await browser.newContext();
  const later = await fresh.newPage();
  await signIn(later, username, password);
  await expect(later).toHaveURL(/\/if\/user\/$/);
  await fresh.close();
});

test("a taken username is refused at its field", async ({ page }) => {
  await page.goto("/if/flow/default-enrollment-flow/");
  await field(page, "Username").fill("akadmin");
  await field(page, "Name").fill("Impostor");
  await field(page, "Email").fill("impostor@example.com");
  await field(page, "Password").fill("Whatever-passw0rd");
  await field(page, "Password (repeat)").fill("Whatever-passw0rd");
  await field(page, "Password (repeat)").press("Enter");
  await expect(page.getByText("Username is already taken.")).toBeVisible();
  await expect(field(page, "Username")).toBeFocused();
});

test.describe("a prompt stage with every prompt type", () => {
  let slug: string;

  test.beforeAll(async ({ baseURL }) => {
    const admin = await AdminApi.signIn(baseURL!);
    let order = 0;
    const prompt = async (field_key: string, label: string, type: string, extra: Record<string, unknown> = {}) =>
      (await admin.post("/stages/prompt/prompts/", { name: unique(field_key), field_key, label, type, required: false, order: order++, ...extra })).pk;
    const fields = [
      await prompt("nickname", "Nickname", "text", { required: true, placeholder: "e.g. Ada", sub_text: "Shown to other people." }),
      await prompt("bio", "About you", "text_area"),
      await prompt("notice", "Notice", "text_read_only", { initial_value: "Read only text" }),
      await prompt("terms", "Terms", "text_area_read_only", { initial_value: "The terms" }),
      await prompt("login", "Login name", "username"),
      await prompt("mail", "Mail address", "email"),
      await prompt("secret", "Secret", "password"),
      await prompt("age", "Age", "number"),
      await prompt("colour", "Favourite colour", "radio-button-group", { placeholder: "red\ngreen\nblue", initial_value: "green" }),
      await prompt("team", "Team", "dropdown", { placeholder: "blue team\nred team" }),
      await prompt("birthday", "Birthday", "date"),
      await prompt("meeting", "Meeting", "date-time"),
      await prompt("avatar", "Avatar", "file"),
      await prompt("divider", "More", "separator"),
      await prompt("source", "Source", "hidden", { initial_value: "web" }),
      await prompt("welcome", "Welcome", "static", { initial_value: "Welcome aboard!" }),
      await prompt("locale", "Language", "ak-locale"),
      await prompt("accept", "I accept the terms", "checkbox", { required: true }),
    ];
    slug = await admin.createFlow(unique("every-prompt"), [
      { path: "/stages/prompt/stages/", body: { fields } },
      { path: "/stages/dummy/", body: {} },
    ]);
    await admin.dispose();
  });

  test("renders each type with its own labelled control and sends what was entered once", async ({ page }) => {
    await page.goto(`/if/flow/${slug}/`);
    await expect(field(page, "Nickname")).toBeFocused();
    await expect(field(page, "Nickname")).toHaveAttribute("placeholder", "e.g. Ada");
    await expect(page.getByText("Shown to other people.")).toBeVisible();
    await expect(field(page, "About you")).toHaveJSProperty("tagName", "TEXTAREA");
    await expect(field(page, "Notice")).toHaveValue("Read only text");
    await expect(field(page, "Notice")).toHaveAttribute("readonly", "");
    await expect(field(page, "Terms")).toHaveJSProperty("readOnly", true);
    await expect(field(page, "Login name")).toHaveAttribute("autocomplete", "username");
    await expect(field(page, "Mail address")).toHaveAttribute("type", "email");
    await expect(field(page, "Secret")).toHaveAttribute("autocomplete", "new-password");
    await expect(field(page, "Age")).toHaveAttribute("type", "number");
    await expect(page.getByRole("group", { name: "Favourite colour" }).getByRole("radio")).toHaveCount(3);
    await expect(page.getByRole("radio", { name: "green" })).toBeChecked();
    await expect(page.getByRole("combobox", { name: "Team" }).locator("option")).toHaveText(["Choose an option", "blue team", "red team"]);
    await expect(field(page, "Birthday")).toHaveAttribute("type", "date");
    await expect(field(page, "Meeting")).toHaveAttribute("type", "datetime-local");
    await expect(field(page, "Avatar")).toHaveAttribute("type", "file");
    await expect(page.getByRole("separator")).toBeVisible();
    await expect(page.getByText("Welcome aboard!")).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Language" }).locator("option", { hasText: "Deutsch" })).toHaveCount(1);
    await expect(page.getByText("Source")).toHaveCount(0);

    await field(page, "Nickname").fill("ada");
    await field(page, "About you").fill("Loves engines");
    await field(page, "Age").fill("36");
    await page.getByRole("radio", { name: "blue" }).check();
    await page.getByRole("combobox", { name: "Team" }).selectOption("red team");
    await field(page, "Birthday").fill("1815-12-10");
    await field(page, "Meeting").fill("2024-05-01T10:30");
    await field(page, "Avatar").setInputFiles({ name: "me.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await page.getByRole("combobox", { name: "Language" }).selectOption("de");
    await page.getByRole("checkbox", { name: "I accept the terms" }).check();

    // The answer is held back, so a second click meets a pending submission: only one request goes.
    const posts: Request[] = [];
    page.on("request", (r) => executorPost(r) && posts.push(r));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/v3/flows/executor/**", async (route) => (route.request().method() === "POST" ? (await held, route.continue()) : route.continue()));
    const submit = page.getByRole("button", { name: "Continue" });
    await submit.click();
    await expect(submit).toBeDisabled();
    await submit.click({ force: true });
    await page.keyboard.press("Enter");
    release();
    await expect(page.getByText(`${slug}-1`)).toBeVisible();
    expect(posts).toHaveLength(1);
    expect(posts[0].postDataJSON()).toEqual({
      component: "ak-stage-prompt",
      nickname: "ada",
      bio: "Loves engines",
      notice: "Read only text",
      terms: "The terms",
      login: "",
      mail: "",
      secret: "",
      age: "36",
      colour: "blue",
      team: "red team",
      birthday: "1815-12-10",
      meeting: "2024-05-01T10:30",
      avatar: "data:text/plain;base64,aGVsbG8=",
      source: "web",
      locale: "de",
      accept: true,
    });
  });
});
