import { fileURLToPath } from "node:url";
import type { Browser } from "@playwright/test";

const stampScript = fileURLToPath(new URL("usable-field.js", import.meta.url));

export interface Load {
  /** From navigation start to the first animation frame with a usable username field. */
  ms: number;
  /** Paths of the scripts and stylesheets the page fetched, by the time the network was idle. */
  assets: string[];
}

/** One cold load of `url`: a fresh browser context (empty cache) with the HTTP cache disabled too. */
export async function coldLoad(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const assets: string[] = [];
    page.on("response", (response) => {
      const path = new URL(response.url()).pathname;
      if (/\.(js|css)$/.test(path)) assets.push(path);
    });
    await page.addInitScript({ path: stampScript });
    const usable = page.waitForEvent("console", { predicate: (m) => m.text().startsWith("ak-bench-usable"), timeout: 30_000 });
    await page.goto(url, { waitUntil: "commit" });
    const [, ms] = (await usable).args();
    // A server-rendered page is usable before its scripts arrive; wait for them, so `assets` lists all it loads.
    await page.waitForLoadState("networkidle");
    return { ms: (await ms.jsonValue()) as number, assets };
  } finally {
    await context.close();
  }
}
