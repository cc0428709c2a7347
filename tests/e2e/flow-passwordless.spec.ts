import type { Request } from "@playwright/test";
import { AdminApi, unique } from "./admin-api.ts";
import { expect, signIn, test } from "./fixtures.ts";
import { addVirtualAuthenticator, passkeySite } from "./virtual-authenticator.ts";

const password = "Passwordless-e2e-passw0rd";

/**
 * A login page linking to a passwordless flow, built as authentik's documentation describes it: an
 * authentication flow whose first stage validates a WebAuthn device (with user verification) and
 * whose last signs the user in, linked from the identification stage's `passwordless_flow`.
 * Returns the login flow's slug.
 */
async function loginWithPasswordlessLink(admin: AdminApi): Promise<string> {
  const passwordless = await admin.createFlow(
    unique("passwordless"),
    [
      { path: "/stages/authenticator/validate/", body: { device_classes: ["webauthn"], webauthn_user_verification: "required", not_configured_action: "deny" } },
      { path: "/stages/user_login/", body: {} },
    ],
    { designation: "authentication" },
  );
  const passwordlessFlow = await admin.get(`/flows/instances/${passwordless}/`);
  const passwordStage = await admin.post("/stages/password/", { name: unique("passwordless-password"), backends: ["authentik.core.auth.InbuiltBackend"] });
  return admin.createFlow(
    unique("login-with-passkey"),
    [
      { path: "/stages/identification/", body: { user_fields: ["username"], password_stage: passwordStage.pk, passwordless_flow: passwordlessFlow.pk } },
      { path: "/stages/user_login/", body: {} },
    ],
    { designation: "authentication" },
  );
}

const executorPost = (r: Request) => r.method() === "POST" && r.url().includes("/api/v3/flows/executor/");

test("a passkey registered once signs its user in from the login page's passwordless link, with nothing typed", async ({ page, baseURL }) => {
  const site = passkeySite(baseURL!);
  const admin = await AdminApi.signIn(baseURL!);
  const user = await admin.createUser(unique("passwordless"), password);
  const login = await loginWithPasswordlessLink(admin);
  const { cdp, authenticatorId } = await addVirtualAuthenticator(page);

  // The user registers a passkey while signed in, then signs out.
  await page.goto(`${site}/if/flow/default-authentication-flow/`);
  await signIn(page, user.username, password);
  await page.goto(`${site}/if/flow/default-authenticator-webauthn-setup/`);
  await expect(page).toHaveURL(`${site}/if/user/`);
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials, "a discoverable credential, so it can name its user").toEqual([expect.objectContaining({ isResidentCredential: true })]);
  await page.goto(`${site}/flows/-/default/invalidation/`);
  await expect(page).toHaveURL(/\/if\/flow\//);

  // No username, no password: the passkey alone says who this is.
  const answers: Request[] = [];
  page.on("request", (r) => executorPost(r) && answers.push(r));
  await page.goto(`${site}/if/flow/${login}/`);
  await page.getByRole("link", { name: "Use a security key" }).click();
  await expect(page).toHaveURL(`${site}/if/user/`);
  await expect(page.getByRole("banner").getByText(user.username)).toBeVisible();
  expect(answers.map((r) => r.postDataJSON())).toEqual([{ component: "ak-stage-authenticator-validate", webauthn: expect.any(Object) }]);

  // Once the admin removes the passkey from the account, the same passkey is refused.
  const [device] = await admin.get(`/authenticators/admin/all/?user=${user.pk}`);
  await admin.delete(`/authenticators/admin/webauthn/${device.pk}/`);
  await admin.dispose();
  await page.goto(`${site}/flows/-/default/invalidation/`);
  await page.goto(`${site}/if/flow/${login}/`);
  await page.getByRole("link", { name: "Use a security key" }).click();
  await expect(page.getByRole("alert")).toContainText("The security key was not accepted: This security key is not registered for this account.");
  await expect(page.getByRole("button", { name: "Try again" })).toBeEnabled();
  expect((await page.request.get(`${site}/api/v3/core/users/me/`)).status()).toBe(403);
});
