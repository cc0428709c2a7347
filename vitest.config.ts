import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/{unit,api,contract,bench}/**/*.test.ts"],
    globalSetup: ["tests/support/template.ts"],
    environment: "node",
    // The JSON report is what .ci/run counts.
    reporters: ["default", "json"],
    outputFile: { json: ".tmp/vitest.json" },
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
