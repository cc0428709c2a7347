import type { BrowserContext, Page } from "@playwright/test";
import { scan, type AxeFinding } from "./axe.ts";

/** Errors that only mean the page moved on or went away while axe was looking at it. */
const gone = /closed|destroyed|navigat|detached|Target crashed/i;

/**
 * Checks every page of the watched contexts with axe: after each navigation (including client-side
 * route changes) once the page has settled, before `page.goto` leaves a page not yet checked, and
 * once more in each page's final state. A page the browser leaves on its own (a click, a redirect)
 * before it settles is checked as far as it got, or not at all; the final check always runs.
 */
export class AxeWatcher {
  readonly #findings = new Map<string, AxeFinding>();
  readonly #errors: string[] = [];
  readonly #contexts = new WeakSet<BrowserContext>();
  readonly #pages = new Set<Page>();
  /** The check waiting for each page's current document or route to settle. */
  readonly #settling = new Map<Page, Promise<void>>();
  /** Bumped on every navigation, so a check still waiting for an older document is dropped. */
  readonly #generation = new WeakMap<Page, number>();

  watch(context: BrowserContext): void {
    if (this.#contexts.has(context)) return;
    this.#contexts.add(context);
    for (const page of context.pages()) this.#watchPage(page);
    context.on("page", (page) => this.#watchPage(page));
  }

  /** Waits for the checks under way, checks every open page once more, and returns all findings. */
  async finish({ finalCheck }: { finalCheck: boolean }): Promise<{ findings: AxeFinding[]; errors: string[] }> {
    await Promise.all(this.#settling.values());
    if (finalCheck) await Promise.all([...this.#pages].map((page) => this.#check(page)));
    return { findings: [...this.#findings.values()], errors: this.#errors };
  }

  #watchPage(page: Page): void {
    if (this.#pages.has(page)) return;
    this.#pages.add(page);
    page.on("close", () => this.#pages.delete(page));
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame()) return;
      const settled = this.#afterNavigation(page);
      this.#settling.set(page, settled);
      void settled.finally(() => this.#settling.get(page) === settled && this.#settling.delete(page));
    });
    // A test's own `goto` waits until the page it leaves has been checked.
    const goto = page.goto;
    page.goto = async (...args) => {
      await this.#settling.get(page);
      return goto.apply(page, args);
    };
  }

  async #afterNavigation(page: Page): Promise<void> {
    const generation = (this.#generation.get(page) ?? 0) + 1;
    this.#generation.set(page, generation);
    // Let the interface fetch and render what it shows first; a bounded wait, never a failure.
    await page.waitForLoadState("load", { timeout: 10_000 }).catch(() => undefined);
    await page.waitForLoadState("networkidle", { timeout: 2_000 }).catch(() => undefined);
    if (this.#generation.get(page) === generation) await this.#check(page);
  }

  async #check(page: Page): Promise<void> {
    if (page.isClosed() || !/^https?:/.test(page.url())) return;
    try {
      // A JSON or image response shown by the browser is not a page of ours.
      if ((await page.evaluate(() => document.contentType)) !== "text/html") return;
      for (const f of await scan(page)) this.#findings.set(`${f.url} ${f.id} ${f.targets.join()}`, f);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!page.isClosed() && !gone.test(message)) this.#errors.push(`axe could not check ${page.url()}: ${message}`);
    }
  }
}
