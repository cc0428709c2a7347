/**
 * Starts the reference server for the e2e run (Playwright's webServer) on a fresh database and an
 * empty challenge log. This runs once per run, unlike playwright.config.ts, which every worker loads.
 */
import { existsSync, rmSync } from "node:fs";

for (const path of [process.env.AK_DATA_DIR, process.env.AK_CHALLENGE_LOG]) {
  if (path) rmSync(path, { recursive: true, force: true });
}

// `npm test` builds first; a bare `npx playwright test` on a fresh clone (or with a new AK_DIST_DIR) builds here.
const outDir = process.env.AK_DIST_DIR ?? "dist";
if (!existsSync(`${outDir}/flow.html`)) {
  const { build } = await import("vite");
  await build({ logLevel: "warn", build: { outDir, emptyOutDir: true } });
}

await import("../../server/main.ts");
