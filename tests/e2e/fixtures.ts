import { test as base, expect, type Page } from "@playwright/test";
import { formatFindings, scan } from "./axe.ts";
import { AxeWatcher } from "./axe-watcher.ts";

export { expect };
export { signIn } from "./sign-in.ts";

interface Options {
  /** `test.use({ axeCheck: false })` for the rare spec that must show a deliberately broken page. */
  axeCheck: boolean;
}

/**
 * Playwright's `test`, with an axe check (WCAG 2.1 A and AA) on every page the test visits: each
 * page of the test's context and of any context or page it opens from `browser`, after every
 * navigation and once more at the end. Any violation fails the test.
 */
export const test = base.extend<Options & { axeEveryPage: void }>({
  axeCheck: [true, { option: true }],
  axeEveryPage: [
    async ({ axeCheck, browser, context }, use, testInfo) => {
      if (!axeCheck) return use();
      const watcher = new AxeWatcher();
      watcher.watch(context);
      // Browser has no "context created" event; wrapping newContext (which newPage uses) catches them.
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const created = await newContext.apply(browser, args);
        watcher.watch(created);
        return created;
      };
      try {
        await use();
      } finally {
        delete (browser as Partial<typeof browser>).newContext;
      }
      // After a failure the page may be anywhere, and the test's own error is the one worth reading.
      const passed = testInfo.status === testInfo.expectedStatus;
      const { findings, errors } = await watcher.finish({ finalCheck: passed });
      if (passed && (findings.length || errors.length)) {
        throw new Error([...(findings.length ? [formatFindings(findings)] : []), ...errors].join("\n"));
      }
    },
    { auto: true },
  ],
});

/** Fails with a readable list when the page, as it is now, has any axe violation (e.g. with a dialog open). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const findings = await scan(page);
  expect(findings.length, formatFindings(findings)).toBe(0);
}
