import type { Page } from "@playwright/test";
import { AdminApi, unique } from "./admin-api.ts";
import { expect, signIn, test } from "./fixtures.ts";

const password = "Engine-test-passw0rd";
const backends = ["authentik.core.auth.InbuiltBackend"];

/** The element focused inside the flow's shadow roots. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.getAttribute("name");
  });

/** A flow of existing stages, bound in order; returns the flow and its bindings. */
async function flowOf(admin: AdminApi, stagePks: string[], settings: Record<string, unknown> = {}, bindingSettings: Record<string, unknown>[] = []) {
  const slug = unique("engine");
  const flow = await admin.post("/flows/instances/", { name: slug, slug, title: "Engine test", designation: "authentication", ...settings });
  const bindings = [];
  for (const [index, stage] of stagePks.entries()) {
    bindings.push(await admin.post("/flows/bindings/", { target: flow.pk, stage, order: (index + 1) * 10, ...bindingSettings[index] }));
  }
  return { slug, flow, bindings };
}

const stage = (admin: AdminApi, path: string, body: Record<string, unknown> = {}) => admin.post(`/stages/${path}/`, { name: unique(path), ...body });

test("a deny stage bound to a group, negated, keeps everyone but the group's members out", async ({ page, browser, baseURL }) => {
  const admin = await AdminApi.signIn(baseURL!);
  const member = await admin.createUser(unique("staff-member"), password);
  const outsider = await admin.createUser(unique("outsider"), password);
  const staff = await admin.post("/core/groups/", { name: unique("staff"), users: [member.pk] });
  const passwordStage = await stage(admin, "password", { backends });
  const identification = await stage(admin, "identification", { user_fields: ["username"], password_stage: passwordStage.pk });
  const deny = await stage(admin, "deny", { deny_message: "This application is for staff only." });
  const login = await stage(admin, "user_login");
  const { slug, bindings } = await flowOf(admin, [identification.pk, deny.pk, login.pk]);
  await admin.post("/policies/bindings/", { target: bindings[1].pk, group: staff.pk, negate: true, order: 0 });
  await admin.dispose();

  await page.goto(`/if/flow/${slug}/?next=${encodeURIComponent("/if/user/")}`);
  await signIn(page, member.username, password);
  await expect(page).toHaveURL(/\/if\/user\/$/);

  const other = await browser.newPage();
  await other.goto(`/if/flow/${slug}/`);
  await other.getByLabel("Username").fill(outsider.username);
  await other.getByLabel("Password", { exact: true }).fill(password);
  await other.getByLabel("Password", { exact: true }).press("Enter");
  await expect(other.getByRole("alert")).toContainText("This application is for staff only.");
  await expect((await other.request.get("/api/v3/core/users/me/")).status()).toBe(403);
  await other.close();
});

test("a flow that requires a signed-in user sends a signed-out visitor to sign in, then runs", async ({ page, baseURL }) => {
  const admin = await AdminApi.signIn(baseURL!);
  const user = await admin.createUser(unique("returning"), password);
  const { slug } = await flowOf(admin, [], { designation: "stage_configuration", authentication: "require_authenticated" });
  await admin.dispose();

  const documents: string[] = [];
  page.on("request", (r) => r.resourceType() === "document" && documents.push(new URL(r.url()).pathname));
  await page.goto(`/if/flow/${slug}/?next=${encodeURIComponent("/if/user/")}`);
  await expect(page).toHaveURL(/\/if\/flow\/default-authentication-flow\/\?next=/);
  await signIn(page, user.username, password);
  await expect(page).toHaveURL(/\/if\/user\/$/);
  // After signing in, the browser went back through the protected flow, which sent it on to next.
  expect(documents.filter((path) => path === `/if/flow/${slug}/`)).toHaveLength(2);
});

test("too many wrong passwords cancel the flow with a clear message, and it starts over", async ({ page, baseURL }) => {
  const admin = await AdminApi.signIn(baseURL!);
  // One user per flow, each failing only within the limits of that run.
  const users = [await admin.createUser(unique("clumsy"), password), await admin.createUser(unique("clumsier"), password)];
  const identification = await stage(admin, "identification", { user_fields: ["username"] });
  const strict = await stage(admin, "password", { backends, failed_attempts_before_cancel: 1 });
  const denying = await flowOf(admin, [identification.pk, strict.pk]);
  const restarting = await flowOf(admin, [identification.pk, strict.pk], {}, [{}, { invalid_response_action: "restart" }]);
  await admin.dispose();

  const identifyAs = async (username: string) => {
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Username").press("Enter");
    await expect(page.getByLabel("Password", { exact: true })).toBeVisible();
  };
  const answerWrong = async () => {
    const answered = page.waitForResponse((r) => r.url().includes("/api/v3/flows/executor/") && r.request().method() === "POST");
    await page.getByLabel("Password", { exact: true }).fill("not-it");
    await page.getByLabel("Password", { exact: true }).press("Enter");
    await answered;
  };
  // Where the password stage's binding says to restart, the flow is back at its first stage at once, saying why.
  await page.goto(`/if/flow/${restarting.slug}/`);
  await identifyAs(users[0].username);
  await answerWrong();
  await expect(page.getByText("Invalid username or password.")).toBeVisible();
  await answerWrong();
  await expect(page.getByRole("alert")).toHaveText("Too many failed password attempts.");
  await expect(page.getByLabel("Username")).toBeFocused();
  await expect(page.getByLabel("Username")).toHaveValue("");

  // Otherwise the flow ends at access denied, with a way to start over.
  await page.goto(`/if/flow/${denying.slug}/`);
  await identifyAs(users[1].username);
  await answerWrong();
  await expect(page.getByText("Invalid username or password.")).toBeVisible();
  await answerWrong();
  await expect(page.getByRole("alert")).toContainText("Too many failed password attempts.");
  await page.getByRole("link", { name: "Start over" }).click();
  await expect(page).toHaveURL(new RegExp(`/if/flow/${denying.slug}/$`));
  await expect(page.getByLabel("Username")).toBeFocused();
});

test("the user login stage asks to stay signed in when it may extend the session, and does", async ({ page, baseURL }) => {
  const admin = await AdminApi.signIn(baseURL!);
  const user = await admin.createUser(unique("remembered"), password);
  const identification = await stage(admin, "identification", { user_fields: ["username"] });
  const passwordStage = await stage(admin, "password", { backends });
  const login = await stage(admin, "user_login", { remember_me_offset: "days=30" });
  const { slug } = await flowOf(admin, [identification.pk, passwordStage.pk, login.pk]);
  await admin.dispose();

  await page.goto(`/if/flow/${slug}/`);
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Username").press("Enter");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Password", { exact: true }).press("Enter");
  const remember = page.getByRole("checkbox", { name: "Stay signed in on this device" });
  await expect(remember).toBeVisible();
  expect(await focusedName(page)).toBe("remember_me");
  await page.keyboard.press("Space");
  await expect(remember).toBeChecked();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/if\/user\/$/);
  const session = (await page.context().cookies()).find((c) => c.name === "authentik_session")!;
  expect(session.expires * 1000 - Date.now()).toBeGreaterThan(29 * 24 * 3600_000);
});

test("identification with the password on the same form, a show-password button and links to other flows", async ({ page, baseURL }) => {
  const admin = await AdminApi.signIn(baseURL!);
  const user = await admin.createUser(unique("one-form"), password);
  const enroll = await flowOf(admin, [], { designation: "enrollment" });
  const recover = await flowOf(admin, [], { designation: "recovery" });
  const passwordStage = await stage(admin, "password", { backends, allow_show_password: true });
  const identification = await stage(admin, "identification", {
    user_fields: ["username"],
    password_stage: passwordStage.pk,
    enrollment_flow: enroll.flow.pk,
    recovery_flow: recover.flow.pk,
    passwordless_flow: enroll.flow.pk,
  });
  const login = await stage(admin, "user_login");
  const { slug } = await flowOf(admin, [identification.pk, login.pk]);
  await admin.dispose();

  await page.goto(`/if/flow/${slug}/?next=${encodeURIComponent("/if/user/")}`);
  const username = page.getByLabel("Username");
  await expect(username).toBeFocused();
  await expect(username).toHaveAttribute("autocomplete", "username webauthn");
  const query = `?next=${encodeURIComponent("/if/user/")}`;
  await expect(page.getByRole("link", { name: "Need an account? Sign up." })).toHaveAttribute("href", `/if/flow/${enroll.slug}/${query}`);
  await expect(page.getByRole("link", { name: "Forgot username or password?" })).toHaveAttribute("href", `/if/flow/${recover.slug}/${query}`);
  await expect(page.getByRole("link", { name: "Use a security key" })).toBeVisible();

  const passwordField = page.getByLabel("Password", { exact: true });
  await expect(passwordField).toHaveAttribute("autocomplete", "current-password");
  await passwordField.fill(password);
  await page.getByRole("button", { name: "Show password" }).click();
  await expect(passwordField).toHaveAttribute("type", "text");
  await page.getByRole("button", { name: "Hide password" }).click();
  await expect(passwordField).toHaveAttribute("type", "password");

  await username.fill(user.username);
  // One press of Enter sends one answer, however impatient the user is.
  const posts: string[] = [];
  page.on("request", (r) => r.method() === "POST" && r.url().includes("/flows/executor/") && posts.push(r.url()));
  await page.getByRole("button", { name: "Log in" }).dblclick();
  await expect(page).toHaveURL(/\/if\/user\/$/);
  expect(posts).toHaveLength(1);
});
