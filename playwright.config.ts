import { defineConfig } from "@playwright/test";
import { adminPassword } from "./tests/support/constants.ts";

/**
 * Uncommon, so a developer's own `npm start` on :9000 never meets the test server. E2E_PORT runs a
 * second suite beside the first, with its own server, database and (via AK_DIST_DIR) build.
 */
const port = Number(process.env.E2E_PORT ?? 9321);
const runDir = port === 9321 ? ".tmp" : `.tmp/e2e-${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  // Two cores: two workers, each with its own Chromium, both against one server process.
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: `${runDir}/test-results`,
  // The JSON report is what .ci/run counts.
  reporter: [["list"], ["json", { outputFile: `${runDir}/playwright.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // No animations, so axe never measures contrast halfway through a fade.
    reducedMotion: "reduce",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium; Playwright's own browser downloads are not available here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // The real reference server, on a fresh database (see tests/e2e/server.ts).
    command: "node --import tsx tests/e2e/server.ts",
    url: `http://127.0.0.1:${port}/if/flow/default-authentication-flow/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    env: {
      AK_PORT: String(port),
      AK_HOST: "127.0.0.1",
      AK_DATA_DIR: `${runDir}/e2e-data`,
      AK_CHALLENGE_LOG: `${runDir}/e2e-challenges.jsonl`,
      AK_DIST_DIR: process.env.AK_DIST_DIR ?? "dist",
      AUTHENTIK_BOOTSTRAP_PASSWORD: adminPassword,
    },
  },
});
