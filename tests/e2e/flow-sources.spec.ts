import type { Page } from "@playwright/test";
import { startOidcProvider, type ProviderAccount, type TestProvider } from "../support/oidc-provider.ts";
import { createSourceFlows } from "../support/source-flows.ts";
import { AdminApi } from "./admin-api.ts";
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { startOwnServer, type OwnServer } from "./own-server.ts";

// One server of its own, whose sign-in page offers an OpenID Connect source, and one real provider
// (the certified oidc-provider package) on another loopback port; the tests run in order.
test.describe.configure({ mode: "serial" });

const slug = "corp-sso";
const account: ProviderAccount = { sub: "corp-7", username: "olivia", password: "olivia-at-the-provider", email: "olivia@corp.example", name: "Olivia Oidc" };

let server: OwnServer;
let provider: TestProvider;

test.beforeAll(async () => {
  let sourceFlows: { authentication: string; enrollment: string } | undefined;
  server = await startOwnServer(async (db) => {
    sourceFlows = await createSourceFlows(db);
  });
  provider = await startOidcProvider(account, [`${server.url}/source/oauth/callback/${slug}/`]);

  // The admin sets the source up as an admin would: through the API.
  const admin = await AdminApi.signIn(server.url);
  const source = await admin.post(
    "/sources/oauth/",
    {
      name: "Corp SSO",
      slug,
      provider_type: "openidconnect",
      consumer_key: provider.clientId,
      consumer_secret: provider.clientSecret,
      oidc_well_known_url: provider.wellKnownUrl,
      authentication_flow: sourceFlows!.authentication,
      enrollment_flow: sourceFlows!.enrollment,
    },
    201,
  );
  await admin.post(`/sources/all/${slug}/set_icon_url/`, { url: "/static/dist/brand/favicon.svg" });
  const { results } = await admin.get("/stages/identification/?name=default-authentication-identification");
  await admin.patch(`/stages/identification/${results[0].pk}/`, { sources: [source.pk] });
  await admin.dispose();
});

test.afterAll(async () => {
  await provider?.stop();
  await server?.stop();
});

const signInPage = () => `${server.url}/if/flow/default-authentication-flow/`;
const sourceLink = (page: Page) => page.getByRole("group", { name: "Or sign in with" }).getByRole("link", { name: "Corp SSO" });

async function signedInAs(page: Page): Promise<string> {
  const me = await (await page.request.get(`${server.url}/api/v3/core/users/me/`)).json();
  return me.user.username;
}

test("a new visitor enrolls through the source, and the next time signs in through it", async ({ page }) => {
  const shown: string[] = [];
  page.on("response", async (response) => {
    if (response.url().includes("/api/v3/flows/executor/")) shown.push((await response.json().catch(() => ({}))).component);
  });

  await page.goto(signInPage());
  const link = sourceLink(page);
  await expect(link).toBeVisible();
  await expect(link.locator("img")).toHaveAttribute("alt", "");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page);
  }
  // Keyboard only: the source is a link like any other.
  await link.focus();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.getByLabel("Provider username").fill(account.username);
  await page.getByLabel("Provider password").fill(account.password);
  await page.getByRole("button", { name: "Sign in at the provider" }).click();

  // Back here, a new user: the source's enrollment asks for a username, offering the provider's.
  await expect(page).toHaveURL(`${server.url}/if/flow/default-source-enrollment/`);
  await expect(page.getByLabel("Username")).toHaveValue(account.username);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(`${server.url}/if/user/`);
  expect(await signedInAs(page)).toBe(account.username);

  await page.goto(`${server.url}/flows/-/default/invalidation/`);
  await expect(sourceLink(page)).toBeVisible();
  shown.length = 0;

  // The provider still knows the visitor, and the connection knows the user: no form, no enrollment.
  await sourceLink(page).click();
  await expect(page).toHaveURL(`${server.url}/if/user/`);
  expect(await signedInAs(page)).toBe(account.username);
  expect(shown).not.toContain("ak-stage-prompt");
});

test("a visitor who cancels at the provider is told so, and can start over", async ({ page }) => {
  await page.goto(signInPage());
  await sourceLink(page).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.getByRole("button", { name: "Cancel" }).click();

  await expect(page).toHaveURL(signInPage());
  await expect(page.getByRole("alert")).toContainText("Request has been denied.");
  await expect(page.getByRole("alert")).toContainText("Authentication failed: End-User aborted interaction");
  await page.getByRole("link", { name: "Start over" }).click();
  await expect(sourceLink(page)).toBeVisible();
});
