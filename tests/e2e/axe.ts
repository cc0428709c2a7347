import axe from "axe-core";
import type { Page } from "@playwright/test";

/** The standard every page is held to. */
export const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** One rule broken on one page, with the elements that break it. */
export interface AxeFinding {
  url: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

const running = new WeakMap<Page, Promise<unknown>>();

/**
 * Runs axe on the page as it is now. Runs on one page are queued, because axe refuses to start
 * while it is already running in that document (an automatic check and an explicit one may meet).
 *
 * axe-core is injected once per document rather than through @axe-core/playwright's AxeBuilder,
 * which injects its 500 KB again and opens an extra page on every scan: this way a repeat scan
 * costs ~0.1 s instead of ~0.6 s, and tests that watch their context's pages see none of ours.
 */
export function scan(page: Page): Promise<AxeFinding[]> {
  const previous = running.get(page) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => scanNow(page));
  running.set(page, run);
  return run;
}

async function scanNow(page: Page): Promise<AxeFinding[]> {
  const url = page.url();
  // A navigation between injecting axe and running it leaves a document without axe: inject again.
  for (let attempt = 0; attempt < 3; attempt++) {
    // Frames too: axe looks into same-origin iframes only when it runs inside them.
    for (const frame of page.frames()) {
      if (!(await frame.evaluate(() => "axe" in window))) await frame.evaluate(axe.source);
    }
    const results = await page.evaluate(
      (tags) =>
        (window as unknown as { axe?: typeof axe }).axe?.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
      axeTags,
    );
    if (results) return findingsOf(url, results);
  }
  throw new Error(`axe could not be run on ${url}: the page kept navigating away.`);
}

function findingsOf(url: string, results: axe.AxeResults): AxeFinding[] {
  return results.violations.map((v) => ({
    url,
    id: v.id,
    impact: v.impact ?? "unknown",
    help: v.help,
    // A target is a path through frames, each step a path through shadow roots.
    targets: v.nodes.map((node) => node.target.map((t) => (Array.isArray(t) ? t.join(" >> ") : t)).join(" | in frame | ")),
  }));
}

/** Lists the findings by page, rule and element, for a test failure message. */
export function formatFindings(findings: AxeFinding[]): string {
  const lines = [`${findings.length} accessibility violation(s) (axe: ${axeTags.join(", ")}):`];
  let url = "";
  for (const f of findings) {
    if (f.url !== url) lines.push(`  on ${(url = f.url)}`);
    lines.push(`    ${f.id} [${f.impact}]: ${f.help}`);
    for (const target of f.targets) lines.push(`        ${target}`);
  }
  return lines.join("\n");
}
