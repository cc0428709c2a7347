// Counts the tests of one `npm test` run from the runners' JSON reports and prints
// `N passed, N failed` as the last line of stdout; details go to stderr, so that line is the only
// one of its kind. A report that is missing or unreadable counts as a failure, and so does a
// non-zero exit of a step that no failed test explains (a type check or a build), so a broken run
// never reads "0 failed".
//
// Usage: node .ci/summary.mjs "<step>=<exit code>"...
import { readFileSync } from "node:fs";

// Where playwright.config.ts puts its report: a suite on another E2E_PORT keeps its own directory.
const e2ePort = process.env.E2E_PORT ?? "9321";
const reports = {
  vitest: { path: ".tmp/vitest.json", count: countVitest },
  playwright: { path: e2ePort === "9321" ? ".tmp/playwright.json" : `.tmp/e2e-${e2ePort}/playwright.json`, count: countPlaywright },
  // The check of the flow traffic the e2e run recorded against authentik's schema.
  challenges: { path: ".tmp/vitest-challenges.json", count: countVitest },
};

let passed = 0;
let failed = 0;
for (const [name, { path, count }] of Object.entries(reports)) {
  let result;
  try {
    result = count(JSON.parse(readFileSync(path, "utf8")));
  } catch (err) {
    console.error(`${name}: no usable report at ${path} (${err.code ?? err.message}); it did not run or did not finish: 1 failure`);
    failed += 1;
    continue;
  }
  console.error(`${name}: ${result.passed} tests passed, ${result.failed} failing${result.note ? ` (${result.note})` : ""}`);
  passed += result.passed;
  failed += result.failed;
}

for (const arg of process.argv.slice(2)) {
  const [step, code] = arg.split("=");
  if (code !== "0" && failed === 0) {
    console.error(`${step} exited with ${code} though no test failed: 1 failure`);
    failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;

/** Vitest's JSON reporter: a file that fails to load has no failed test of its own, so count it once. */
function countVitest(report) {
  const brokenFiles = report.testResults.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
  ).length;
  let failures = report.numFailedTests + brokenFiles;
  const note = [];
  if (brokenFiles) note.push(`${brokenFiles} test file(s) failed outside any test`);
  if (!report.success && failures === 0) {
    failures = 1;
    note.push("the run failed outside any test, e.g. an unhandled error");
  }
  return { passed: report.numPassedTests, failed: failures, note: note.join("; ") };
}

/** Playwright's JSON reporter: `errors` are failures outside any test, e.g. a web server that did not start. */
function countPlaywright(report) {
  const { expected, unexpected, flaky } = report.stats;
  const errors = report.errors?.length ?? 0;
  return {
    passed: expected + flaky,
    failed: unexpected + errors,
    note: [flaky && `${flaky} flaky`, errors && `${errors} error(s) outside any test`].filter(Boolean).join("; "),
  };
}
