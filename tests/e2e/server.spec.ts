import { expect, test } from "./fixtures.ts";

const loginPath = "/if/flow/default-authentication-flow/";

test("/ sends a signed-out visitor to the default authentication flow, to come back to the user interface", async ({ page }) => {
  await page.goto("/");
  const url = new URL(page.url());
  expect(url.pathname).toBe(loginPath);
  expect(url.searchParams.get("next")).toBe("/if/user/");
});

test("/if/admin/ sends a signed-out visitor to sign in, to come back to /if/admin/", async ({ page }) => {
  await page.goto("/if/admin/");
  const url = new URL(page.url());
  expect(url.pathname).toBe(loginPath);
  expect(url.searchParams.get("next")).toBe("/if/admin/");
});

test("pages carry a Content-Security-Policy that allows scripts only from this origin", async ({ request }) => {
  const response = await request.get(loginPath);
  expect(response.status()).toBe(200);
  const directives = (response.headers()["content-security-policy"] ?? "").split(";").map((d) => d.trim());
  expect(directives).toContain("script-src 'self'");
});

test("built assets are cached as immutable; the pages that name them are never kept", async ({ request }) => {
  const page = await request.get(loginPath);
  expect(page.headers()["cache-control"]).toBe("no-store");
  const assets = [...(await page.text()).matchAll(/(?:src|href)="(\/static\/dist\/assets\/[^"]+)"/g)].map((m) => m[1]);
  expect(assets.length).toBeGreaterThan(0);
  for (const path of assets) {
    const asset = await request.get(path);
    expect(asset.status(), path).toBe(200);
    expect(asset.headers()["cache-control"], path).toMatch(/\bimmutable\b/);
    expect(asset.headers()["cache-control"], path).toMatch(/max-age=31536000/);
  }
});
