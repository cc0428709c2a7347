import { AdminApi, unique } from "./admin-api.ts";
import { expect, signIn, test } from "./fixtures.ts";
import { adminPassword } from "../support/constants.ts";

const password = "Inspected-passw0rd";

/** A flow that identifies someone, asks for a password and does nothing else (nobody is signed in by it). */
async function inspectableFlow(admin: AdminApi) {
  const slug = unique("inspected");
  const flow = await admin.post("/flows/instances/", { name: slug, slug, title: "Inspected", designation: "stage_configuration" });
  const identification = await admin.post("/stages/identification/", { name: `${slug}-identify`, user_fields: ["username"] });
  const passwordStage = await admin.post("/stages/password/", { name: `${slug}-password`, backends: ["authentik.core.auth.InbuiltBackend"] });
  await admin.post("/flows/bindings/", { target: flow.pk, stage: identification.pk, order: 10 });
  await admin.post("/flows/bindings/", { target: flow.pk, stage: passwordStage.pk, order: 20 });
  return slug;
}

test("an administrator's flow inspector shows the plan, the current stage and the context, step by step", async ({ page, baseURL }) => {
  const admin = await AdminApi.signIn(baseURL!);
  const slug = await inspectableFlow(admin);
  await admin.dispose();
  await signIn(page, "akadmin", adminPassword);

  await page.goto(`/if/flow/${slug}/?inspector`);
  const drawer = page.getByRole("complementary", { name: "Flow inspector" });
  await expect(drawer).toBeVisible();
  // The drawer does not take the focus from the stage.
  await expect(page.getByLabel("Username")).toBeFocused();
  const steps = drawer.getByRole("listitem");
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText(`${slug}-identify`);
  await expect(steps.nth(0)).toHaveAttribute("aria-current", "step");
  await expect(steps.nth(1)).toContainText("Next");
  await expect(drawer).toContainText("The context is empty.");

  await page.getByLabel("Username").fill("akadmin");
  await page.getByLabel("Username").press("Enter");
  await expect(page.getByLabel("Password", { exact: true })).toBeVisible();
  await expect(steps.nth(0)).toContainText("Done");
  await expect(steps.nth(1)).toHaveAttribute("aria-current", "step");
  await expect(drawer.getByRole("definition").filter({ hasText: "akadmin" })).toBeVisible();
  await expect(drawer.getByText("pending_user", { exact: true })).toBeVisible();

  // Escape closes the drawer and leaves the focus on the button that opens it again.
  await drawer.getByRole("button", { name: "Close" }).focus();
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  const opener = page.getByRole("button", { name: "Flow inspector" });
  await expect(opener).toBeFocused();
  await expect(opener).toHaveAttribute("aria-expanded", "false");
  await opener.press("Enter");
  await expect(drawer.getByRole("heading", { name: "Flow inspector" })).toBeFocused();

  await page.getByLabel("Password", { exact: true }).fill(adminPassword);
  await page.getByLabel("Password", { exact: true }).press("Enter");
  await expect(page).not.toHaveURL(/\/if\/flow\//);
});

test("the inspector is not shown to users who are not administrators", async ({ page, baseURL }) => {
  const admin = await AdminApi.signIn(baseURL!);
  const slug = await inspectableFlow(admin);
  const username = unique("curious");
  await admin.createUser(username, password);
  await admin.dispose();
  await signIn(page, username, password);

  const inspected = page.waitForResponse((r) => r.url().includes("/api/v3/flows/inspector/"));
  await page.goto(`/if/flow/${slug}/?inspector`);
  expect((await inspected).status()).toBe(403);
  await expect(page.getByLabel("Username")).toBeVisible();
  await expect(page.getByRole("complementary")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Flow inspector" })).toHaveCount(0);
});
