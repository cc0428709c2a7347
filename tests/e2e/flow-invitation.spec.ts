import type { Page } from "@playwright/test";
import { AdminApi, unique } from "./admin-api.ts";
import { expect, test } from "./fixtures.ts";

const password = "Invited-e2e-passw0rd";
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/**
 * An enrollment flow only invited people may run: an invitation stage that lets no one through
 * without one, the default enrollment form, then the new user is written and signed in.
 */
async function invitationOnlyEnrollment(admin: AdminApi): Promise<{ slug: string; pk: string }> {
  const [form] = (await admin.get("/stages/prompt/stages/?name=default-enrollment-prompt")).results;
  const slug = await admin.createFlow(
    unique("invited"),
    [
      { path: "/stages/invitation/stages/", body: { continue_flow_without_invitation: false } },
      { pk: form.pk },
      { path: "/stages/user_write/", body: { user_creation_mode: "always_create" } },
      { path: "/stages/user_login/", body: {} },
    ],
    { designation: "enrollment", title: "Join the team" },
  );
  return { slug, pk: (await admin.get(`/flows/instances/${slug}/`)).pk };
}

test("an invited visitor enrolls from the invitation link with the preset email, once; without an invitation the flow refuses", async ({ page, baseURL }) => {
  const admin = await AdminApi.signIn(baseURL!);
  const flow = await invitationOnlyEnrollment(admin);
  const email = `${unique("invitee")}@example.com`;
  const invitation = await admin.post("/stages/invitation/invitations/", { name: unique("welcome"), flow: flow.pk, single_use: true, fixed_data: { email } }, 201);
  const link = `/if/flow/${flow.slug}/?itoken=${invitation.pk}`;

  await page.goto(link);
  await expect(field(page, "Username")).toBeFocused();
  await expect(field(page, "Email"), "the invitation's fixed data fills the form").toHaveValue(email);
  const username = unique("invitee");
  await field(page, "Username").fill(username);
  await field(page, "Name").fill("Invited Person");
  await field(page, "Password").fill(password);
  await field(page, "Password (repeat)").fill(password);
  await field(page, "Password (repeat)").press("Enter");
  await expect(page).toHaveURL(/\/if\/user\/$/);
  await expect(page.getByRole("banner").getByText(username)).toBeVisible();

  const [created] = (await admin.get(`/core/users/?username=${username}`)).results;
  expect(created).toMatchObject({ email, name: "Invited Person", is_active: true });
  expect((await admin.get(`/stages/invitation/invitations/?name=${invitation.name}`)).results, "a single-use invitation is used up").toEqual([]);
  await admin.dispose();

  // The same link again, signed out: the invitation is gone.
  await page.goto("/flows/-/default/invalidation/");
  await page.goto(link);
  await expect(page.getByRole("alert")).toContainText("This invitation is not valid. It may have expired or already been used.");
  await expect(field(page, "Username")).toHaveCount(0);

  // No invitation at all.
  await page.goto(`/if/flow/${flow.slug}/`);
  await expect(page.getByRole("alert")).toContainText("You need an invitation to continue. Open the invitation link you were sent.");
  await expect(page.getByRole("link", { name: "Start over" })).toBeVisible();
});
