import { AdminApi, unique } from "./admin-api.ts";
import { expect, test } from "./fixtures.ts";

test("a dummy stage shows its name; a deny stage then shows access denied with its message", async ({ page, baseURL }) => {
  const admin = await AdminApi.signIn(baseURL!);
  const slug = await admin.createFlow(unique("closed"), [
    { path: "/stages/dummy/", body: {} },
    { path: "/stages/deny/", body: { deny_message: "Registrations are closed for now." } },
  ]);
  await admin.dispose();

  await page.goto(`/if/flow/${slug}/`);
  await expect(page.getByText(`${slug}-0`)).toBeVisible();
  const next = page.getByRole("button", { name: "Continue" });
  await expect(next).toBeFocused();
  await next.press("Enter");

  const denied = page.getByRole("alert");
  await expect(denied).toContainText("Request has been denied.");
  await expect(denied).toContainText("Registrations are closed for now.");
  await expect(page.getByRole("link", { name: "Start over" })).toBeVisible();
});
