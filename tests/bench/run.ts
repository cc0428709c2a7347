/**
 * `npm run bench`: builds the UI, starts the reference server on it and prints the login page's and
 * the admin interface's bundle sizes and the login page's load time beside the budgets, then the
 * directory's figures on a seeded database (directory.ts). It prints figures; only the size budgets
 * are asserted, by budgets.test.ts.
 */
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "@playwright/test";
import playwrightConfig from "../../playwright.config.ts";
import { buildUi } from "./build.ts";
import { bundleSizes, type PageSize } from "./bundle-sizes.ts";
import { directoryReport, measureDirectory } from "./directory.ts";
import { coldLoad, type Load } from "./load-time.ts";
import { sizeReport, timingReport } from "./report.ts";
import { startServer } from "./server.ts";

const loads = 15;
const loginPath = "/if/flow/default-authentication-flow/";
const plainPath = "/static/dist/bench-plain-login.html";

const outDir = await mkdtemp(join(tmpdir(), "ak-bench-"));
try {
  console.log("Building the UI…");
  await buildUi(outDir);
  // The plain form is served from the same directory by the same server, so only the page differs.
  await copyFile(new URL("plain-login.html", import.meta.url), join(outDir, "bench-plain-login.html"));
  const sizes = await bundleSizes(outDir);
  console.log(`\n${sizeReport(sizes)}\n`);

  console.log(`Starting the reference server and loading each page ${loads} times…`);
  const server = await startServer(outDir);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch(playwrightConfig.use?.launchOptions);
    const { app, plain } = await measure(browser, server.origin);
    console.log(`\n${timingReport(
      { label: "ak-web login page", path: loginPath, ms: app.map((load) => load.ms) },
      { label: "plain HTML form", path: plainPath, ms: plain.map((load) => load.ms) },
    )}`);
    console.log(crossCheck(app[0].assets, sizes.login));
    // Other work on the machine slows both pages, but not necessarily alike.
    console.log(`  Load average during the run: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores.`);
    console.log("\nSeeding a second server with 10,000 users and 2,000 groups…");
    console.log(`\n${directoryReport(await measureDirectory(browser, outDir))}`);
    console.log(`  Load average during the run: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores.`);
  } finally {
    await browser?.close();
    await server.stop();
  }
} finally {
  await rm(outDir, { recursive: true, force: true });
}

async function measure(browser: Browser, origin: string) {
  // One unmeasured load of each first, so the server's first-request work (JIT, database) is not counted.
  await coldLoad(browser, origin + loginPath);
  await coldLoad(browser, origin + plainPath);
  const app: Load[] = [];
  const plain: Load[] = [];
  // Interleaved, so a change in the machine's load affects both pages alike.
  for (let i = 0; i < loads; i++) {
    app.push(await coldLoad(browser, origin + loginPath));
    plain.push(await coldLoad(browser, origin + plainPath));
  }
  return { app, plain };
}

/** Whether the browser fetched exactly the JS and CSS files the size figures count. */
function crossCheck(fetchedPaths: string[], login: PageSize): string {
  const fetched = new Set(fetchedPaths.map((path) => path.replace("/static/dist/", "")));
  const counted = new Set([...login.js.files, ...login.css.files]);
  const uncounted = [...fetched].filter((file) => !counted.has(file));
  const unfetched = [...counted].filter((file) => !fetched.has(file));
  if (!uncounted.length && !unfetched.length) return `  The browser fetched exactly the ${counted.size} JS and CSS files counted above.`;
  return [
    "  The browser's JS and CSS requests differ from the files counted above:",
    ...uncounted.map((file) => `    fetched, not counted: ${file}`),
    ...unfetched.map((file) => `    counted, not fetched: ${file}`),
  ].join("\n");
}
