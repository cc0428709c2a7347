import type { ReactiveController, ReactiveControllerHost } from "lit";
import { allPages } from "../async/all-pages.ts";
import { Latest } from "../async/latest.ts";
import type { Pagination } from "../table/table-types.ts";
import type { DualSelectOption } from "./dual-select-model.ts";

export interface DualSelectQuery {
  readonly search: string;
  readonly page: number;
  readonly pageSize: number;
}

export interface DualSelectPage {
  readonly pagination: Pagination;
  readonly options: readonly DualSelectOption[];
}

/** One page of candidates from the server; should pass `signal` on to `fetch`. */
export type DualSelectSource = (query: DualSelectQuery, signal: AbortSignal) => Promise<DualSelectPage>;

export interface AvailableConfig {
  readonly source: () => DualSelectSource | undefined;
  readonly pageSize: () => number;
  /** Called with each page once it is shown. */
  readonly loaded: (page: DualSelectPage) => void;
}

/**
 * The dual-select's available pane: one page of a search on the server. A new search starts again
 * at page 1, and an answer for an older search is never shown.
 */
export class AvailableOptions implements ReactiveController {
  /** The search as typed. */
  search = "";
  page = 1;
  /** The page shown; it stays while the next one loads. */
  shown?: DualSelectPage;
  error?: unknown;
  loading = false;

  readonly #host: ReactiveControllerHost;
  readonly #config: AvailableConfig;
  readonly #latest = new Latest();
  readonly #collect = new Latest();

  constructor(host: ReactiveControllerHost, config: AvailableConfig) {
    this.#host = host;
    this.#config = config;
    host.addController(this);
  }

  get options(): readonly DualSelectOption[] {
    return this.shown?.options ?? [];
  }

  async load(): Promise<void> {
    const source = this.#config.source();
    if (!source) return;
    const query = { search: this.search.trim(), page: this.page, pageSize: this.#config.pageSize() };
    this.loading = true;
    this.#host.requestUpdate();
    try {
      const result = await this.#latest.run((signal) => source(query, signal));
      if (!result) return;
      this.shown = result.value;
      this.error = undefined;
      this.loading = false;
      this.#config.loaded(result.value);
    } catch (error) {
      this.error = error;
      this.loading = false;
    }
    this.#host.requestUpdate();
  }

  /** Searches anew, from page 1. */
  searchFor(search: string): void {
    this.search = search;
    this.page = 1;
    void this.load();
  }

  /** Shows page `page` (or the nearest there is); false when that is the page already shown. */
  turnTo(page: number): boolean {
    const last = this.shown?.pagination.total_pages ?? 1;
    const target = Math.min(Math.max(1, page), last);
    if (target === this.page) return false;
    this.page = target;
    void this.load();
    return true;
  }

  /** Every candidate the search matches, from every page; undefined when a newer call superseded it. */
  async allMatching(source: DualSelectSource): Promise<DualSelectOption[] | undefined> {
    const search = this.search.trim();
    const result = await this.#collect.run((signal) =>
      allPages(async (page, pageSize) => {
        const answer = await source({ search, page, pageSize }, signal);
        return { pagination: answer.pagination, results: answer.options };
      }),
    );
    return result?.value;
  }

  hostDisconnected(): void {
    this.#latest.cancel();
    this.#collect.cancel();
  }
}
