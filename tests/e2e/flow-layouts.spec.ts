import { expect, expectNoAxeViolations, signIn, test } from "./fixtures.ts";
import { adminPassword } from "../support/constants.ts";

const layouts = ["stacked", "content_left", "content_right", "sidebar_left", "sidebar_right"] as const;

test("each flow layout places the card where it says, over the flow's background", async ({ page, browser }) => {
  await signIn(page, "akadmin", adminPassword);
  const csrf = (await page.context().cookies()).find((c) => c.name === "authentik_csrf")!.value;
  const headers = { "X-authentik-CSRF": csrf };
  const template = await (await page.request.get("/api/v3/flows/instances/default-authentication-flow/")).json();
  const suffix = Date.now().toString(36);

  for (const layout of layouts) {
    const slug = `layout-${layout.replace("_", "-")}-${suffix}`;
    const created = await page.request.post("/api/v3/flows/instances/", {
      headers,
      data: { name: slug, slug, title: `Layout ${layout}`, designation: "authentication", layout },
    });
    expect(created.status()).toBe(201);
    const flow = await created.json();
    await page.request.post("/api/v3/flows/bindings/", { headers, data: { target: flow.pk, stage: template.stages[0], order: 10 } });
    await page.request.post(`/api/v3/flows/instances/${slug}/set_background_url/`, {
      headers,
      data: { url: "/static/dist/flow-background.svg" },
    });

    const visitor = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await visitor.goto(`/if/flow/${slug}/`);
    await expect(visitor.getByRole("heading", { name: `Layout ${layout}` })).toBeVisible();
    const card = (await visitor.locator("ak-flow-executor").evaluate((el) => {
      const box = el.shadowRoot!.querySelector(".card")!.getBoundingClientRect();
      const layoutBox = getComputedStyle(el.shadowRoot!.querySelector(".layout")!);
      return { left: box.left, right: box.right, height: box.height, background: layoutBox.backgroundImage };
    }))!;
    expect(card.background).toContain("/static/dist/flow-background.svg");
    const centre = (card.left + card.right) / 2;
    if (layout === "stacked") expect(Math.abs(centre - 640)).toBeLessThan(2);
    if (layout.endsWith("_left")) expect(centre).toBeLessThan(640);
    if (layout.endsWith("_right")) expect(centre).toBeGreaterThan(640);
    if (layout.startsWith("sidebar_")) expect(card.height).toBeGreaterThanOrEqual(800);
    await expectNoAxeViolations(visitor);
    await visitor.close();
  }
});
