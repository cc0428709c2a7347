import { msg, str } from "@lit/localize";
import { Task, TaskStatus } from "@lit/task";
import { html, LitElement, nothing, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import { errorMessage } from "../../common/error-message.ts";
import { onUrlChange, writeQuery as writeUrlQuery } from "../../common/router/navigation-events.ts";
import "../alert/ak-alert.ts";
import "../empty-state/ak-empty-state.ts";
import { arrowUpIcon, chevronLeftIcon, chevronRightIcon, chevronsLeftIcon, chevronsRightIcon, retryIcon } from "../icons/icons.ts";
import "../skeleton/ak-skeleton.ts";
import { buttonStyles, contentStyles, focusRing, visuallyHidden } from "../styles/shared.ts";
import "./ak-table-bulk-dialog.ts";
import { BulkFinishedEvent, type AkTableBulkDialog } from "./ak-table-bulk-dialog.ts";
import { tableStyles } from "./ak-table.styles.ts";
import { RowSelection } from "./row-selection.ts";
import {
  matchingKey,
  queryKey,
  readQuery,
  sortDirection,
  toggledOrdering,
  withChange,
  writeQuery,
  type TableQuery,
  type TableQueryOptions,
} from "./table-query.ts";
import type { BulkAction, Column, TableFilter, TablePage, TableSource } from "./table-types.ts";

/** How long typing in the search box pauses before the table asks the server. */
const searchDelay = 300;
/** The page size used to collect every matching row for "all matching" bulk actions. */
const collectPageSize = 1000;

const formatNumber = (n: number) => new Intl.NumberFormat().format(n);

/**
 * A table of server-paged rows. The server pages, searches, sorts and filters (authentik's
 * `pagination` object and `page`, `page_size`, `search`, `ordering` parameters); all of that state
 * lives in the URL, so a reload, a shared link and back/forward show the same rows. Rows can be
 * selected across pages, or all rows matching the search at once, and bulk actions confirm a list
 * of what will change before they run. Rows can expand to show details. Loading, empty, no-match
 * and failure each have their own designed state, and a polite live region says what is shown.
 *
 * The table knows nothing of what its rows are: the page gives it `columns`, a `source` function
 * (query → page of rows), and how to key and name a row. Cells render in the table's shadow root,
 * styled with the shared content styles (links, `code`, `.badge`).
 *
 * @slot toolbar - buttons beside the search box (e.g. "Create")
 * @slot empty - what to show when there are no rows at all (not merely no matches)
 *
 * @cssprop --ak-table-background - default: the surface colour
 * @cssprop --ak-table-row-hover-background - default: a faint primary tint
 * @cssprop --ak-table-row-selected-background - default: a light primary tint
 *
 * @csspart table - the `<table>`
 * @csspart toolbar - search, filters and the toolbar slot
 * @csspart bulk - the bar shown while rows are selected
 * @csspart pager - the pagination controls
 */
@customElement("ak-table")
export class AkTable<T> extends LitElement {
  static styles = [visuallyHidden, focusRing, buttonStyles, contentStyles, tableStyles];

  /** Names the table for assistive technology (its `<caption>`). */
  @property() caption = "";

  /** The search box's label, e.g. "Search users"; no search box when empty. */
  @property({ attribute: "search-label" }) searchLabel = "";

  @property({ attribute: false }) columns: readonly Column<T>[] = [];
  @property({ attribute: false }) source?: TableSource<T>;
  /** Used instead of `source` to collect every matching row for a bulk action (e.g. a lighter listing). */
  @property({ attribute: false }) collectSource?: TableSource<T>;
  @property({ attribute: false }) rowKey: (row: T) => string = (row) => String((row as { pk?: unknown }).pk);
  /** A row's name, for its checkbox's label and the bulk confirmation. */
  @property({ attribute: false }) rowLabel: (row: T) => string = (row) => this.rowKey(row);
  @property({ attribute: false }) filters: readonly TableFilter[] = [];
  /** Bulk actions; without any, rows cannot be selected. */
  @property({ attribute: false }) actions: readonly BulkAction<T>[] = [];
  /** Renders a row's details; without it, rows do not expand. */
  @property({ attribute: false }) expand?: (row: T) => unknown;
  @property({ attribute: false }) pageSizes: readonly number[] = [10, 20, 50, 100];
  @property({ type: Number, attribute: "default-page-size" }) defaultPageSize = 20;
  @property({ attribute: "default-ordering" }) defaultOrdering = "";
  /** Prefixes the table's URL parameters, for a second table on the same page. */
  @property() prefix = "";

  @state() private query: TableQuery = { page: 1, pageSize: 20, search: "", ordering: "", filters: {} };
  @state() private selection = new RowSelection<T>();
  @state() private expanded: ReadonlySet<string> = new Set();
  @state() private announcement = "";
  @state() private searchDraft = "";
  @state() private bulkAction?: BulkAction<T>;
  /** What the last bulk action did, shown until the user moves on. */
  @state() private notice = "";

  #lastPage?: TablePage<T>;
  #searchTimer?: ReturnType<typeof setTimeout>;
  #unsubscribe?: () => void;
  #writing = false;

  readonly #task = new Task(this, {
    task: async ([, source], { signal }) => {
      if (!source) return undefined;
      return source(this.query, signal);
    },
    args: () => [queryKey(this.query), this.source] as const,
    onComplete: (page) => {
      if (!page) return;
      this.#lastPage = page;
      this.#afterLoad(page);
    },
  });

  /** Loads the current page again (e.g. after the page changed rows itself). */
  reload(): void {
    void this.#task.run();
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe = onUrlChange(() => {
      if (!this.#writing) this.#readUrl();
    });
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    clearTimeout(this.#searchTimer);
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    const optionChanged = ["columns", "filters", "pageSizes", "defaultPageSize", "defaultOrdering", "prefix"].some((name) =>
      changed.has(name as keyof AkTable<T>),
    );
    if (optionChanged) this.#readUrl();
  }

  protected updated(): void {
    // A pager button that just became disabled (the last page reached) would drop focus to the body.
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (active instanceof HTMLButtonElement && active.disabled) this.renderRoot.querySelector<HTMLElement>(".pager input")?.focus();
  }

  get #options(): TableQueryOptions {
    return {
      pageSizes: this.pageSizes,
      defaultPageSize: this.defaultPageSize,
      defaultOrdering: this.defaultOrdering,
      sortFields: this.columns.flatMap((column) => (column.sort ? [column.sort] : [])),
      filters: Object.fromEntries(this.filters.map((filter) => [filter.name, filter.options.map((option) => option.value)])),
      prefix: this.prefix,
    };
  }

  #readUrl(): void {
    this.query = readQuery(new URLSearchParams(window.location.search), this.#options);
    this.searchDraft = this.query.search;
    this.selection = this.selection.forMatching(matchingKey(this.query));
  }

  /** Applies a change the user asked for and records it in the URL (a history entry when `push`). */
  #change(change: Partial<TableQuery>, { push }: { push: boolean }): void {
    const next = withChange(this.query, change);
    this.query = next;
    this.notice = "";
    this.selection = this.selection.forMatching(matchingKey(next));
    const params = writeQuery(new URLSearchParams(window.location.search), next, this.#options);
    // Our own write is not news to us.
    this.#writing = true;
    try {
      writeUrlQuery(params, { push });
    } finally {
      this.#writing = false;
    }
  }

  #afterLoad(page: TablePage<T>): void {
    const { pagination } = page;
    if (page.results.length === 0 && pagination.count > 0 && this.query.page > pagination.total_pages) {
      this.#change({ page: pagination.total_pages }, { push: false });
      return;
    }
    this.announcement =
      pagination.count === 0
        ? msg("No rows to show.")
        : msg(str`Showing ${formatNumber(pagination.start_index)}–${formatNumber(pagination.end_index)} of ${formatNumber(pagination.count)}.`);
  }

  render() {
    const pending = this.#task.status === TaskStatus.PENDING || this.#task.status === TaskStatus.INITIAL;
    return html`${this.#toolbar()} ${this.#bulkBar()}
      ${this.notice ? html`<ak-alert class="notice" variant="success">${this.notice}</ak-alert>` : nothing}
      <div class="status visually-hidden" role="status">${this.announcement}</div>
      ${this.#task.status === TaskStatus.ERROR ? this.#failed(this.#task.error) : this.#content(pending)}
      <ak-table-bulk-dialog .action=${this.bulkAction} .rowLabel=${this.rowLabel} @ak-bulk-finished=${this.#onBulkFinished}></ak-table-bulk-dialog>`;
  }

  #toolbar() {
    return html`<div class="toolbar" part="toolbar">
      ${this.searchLabel
        ? html`<label class="control">
            ${this.searchLabel}
            <input
              type="search"
              .value=${this.searchDraft}
              @input=${this.#onSearchInput}
              @keydown=${this.#onSearchKeyDown}
              autocomplete="off"
              spellcheck="false"
            />
          </label>`
        : nothing}
      ${this.filters.map(
        (filter) =>
          html`<label class="control">
            ${filter.label}
            <select @change=${(event: Event) => this.#setFilter(filter.name, (event.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!this.query.filters[filter.name]}>${filter.anyLabel}</option>
              ${filter.options.map(
                (option) => html`<option value=${option.value} ?selected=${this.query.filters[filter.name] === option.value}>${option.label}</option>`,
              )}
            </select>
          </label>`,
      )}
      <div class="end"><slot name="toolbar"></slot></div>
    </div>`;
  }

  #setFilter(name: string, value: string): void {
    const filters = { ...this.query.filters };
    if (value) filters[name] = value;
    else delete filters[name];
    this.#change({ filters }, { push: true });
  }

  #onSearchInput = (event: Event) => {
    this.searchDraft = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#commitSearch(), searchDelay);
  };

  #onSearchKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Enter") return;
    clearTimeout(this.#searchTimer);
    this.#commitSearch();
  };

  #commitSearch(): void {
    const search = this.searchDraft.trim();
    if (search !== this.query.search) this.#change({ search }, { push: false });
  }

  #bulkBar() {
    const selection = this.selection;
    if (!this.actions.length || selection.size === 0) return nothing;
    const page = this.#lastPage;
    const keys = page?.results.map(this.rowKey) ?? [];
    const count = page?.pagination.count ?? 0;
    const offerAll = !selection.allMatching && selection.pageState(keys) === "all" && count > keys.length;
    return html`<div class="bulk" part="bulk">
      <span class="count">
        ${selection.allMatching ? msg(str`All ${formatNumber(selection.size)} matching rows selected.`) : msg(str`${formatNumber(selection.size)} selected.`)}
      </span>
      ${offerAll
        ? html`<button class="link-button" type="button" @click=${() => (this.selection = this.selection.selectAllMatching(matchingKey(this.query), count))}>
            ${msg(str`Select all ${formatNumber(count)} matching`)}
          </button>`
        : nothing}
      <button class="link-button" type="button" @click=${() => (this.selection = this.selection.clear())}>${msg("Clear selection")}</button>
      <span class="actions">
        ${this.actions.map(
          (action) =>
            html`<button class=${action.danger ? "button small danger" : "button small"} type="button" @click=${() => this.#startBulk(action)}>
              ${action.label}
            </button>`,
        )}
      </span>
    </div>`;
  }

  async #startBulk(action: BulkAction<T>): Promise<void> {
    this.bulkAction = action;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<AkTableBulkDialog<T>>("ak-table-bulk-dialog")!;
    const selection = this.selection;
    const query = this.query;
    await dialog.start(async (signal) => (selection.allMatching ? this.#collect(query, selection.except, signal) : selection.rows));
  }

  /** Every row the query matches, from every page, less the unticked ones. */
  async #collect(query: TableQuery, except: ReadonlySet<string>, signal: AbortSignal): Promise<T[]> {
    const source = this.collectSource ?? this.source;
    if (!source) return [];
    const rows: T[] = [];
    for (let page = 1; ; page++) {
      const result = await source({ ...query, page, pageSize: collectPageSize }, signal);
      rows.push(...result.results.filter((row) => !except.has(this.rowKey(row))));
      if (page >= result.pagination.total_pages || result.results.length === 0) return rows;
    }
  }

  #onBulkFinished = (event: Event) => {
    const { rows, outcome } = event as BulkFinishedEvent<T>;
    const done = new Set(outcome.done);
    this.selection = RowSelection.of(rows.filter((row) => !done.has(row)).map((row) => [this.rowKey(row), row] as const));
    this.notice = outcome.done.length && this.bulkAction ? this.bulkAction.finished(outcome.done.length) : "";
    this.reload();
  };

  #content(pending: boolean) {
    const page = this.#lastPage;
    if (page && page.pagination.count === 0 && !pending) return this.#empty();
    const selectable = this.actions.length > 0;
    const keys = page?.results.map(this.rowKey) ?? [];
    const pageState = this.selection.pageState(keys);
    const columnCount = this.columns.length + (selectable ? 1 : 0) + (this.expand ? 1 : 0);
    return html`<div class="frame" aria-busy=${pending ? "true" : "false"}>
        ${pending && page ? html`<div class="progress"></div>` : nothing}
        <table part="table">
          <caption class="visually-hidden">${this.caption}</caption>
          <thead>
            <tr>
              ${selectable
                ? html`<th scope="col" class="narrow">
                    <input
                      type="checkbox"
                      aria-label=${msg("Select all rows on this page")}
                      .checked=${pageState === "all"}
                      .indeterminate=${pageState === "some"}
                      ?disabled=${!keys.length}
                      @change=${(event: Event) => this.#selectPage((event.target as HTMLInputElement).checked)}
                    />
                  </th>`
                : nothing}
              ${this.expand ? html`<th scope="col" class="narrow"><span class="visually-hidden">${msg("Details")}</span></th>` : nothing}
              ${this.columns.map((column) => this.#header(column))}
            </tr>
          </thead>
          <tbody>
            ${page ? this.#rows(page.results, columnCount) : this.#skeletonRows(columnCount)}
          </tbody>
        </table>
      </div>
      ${page ? this.#pager(page) : nothing}`;
  }

  #header(column: Column<T>) {
    if (!column.sort) return html`<th scope="col">${column.label}</th>`;
    const direction = sortDirection(this.query.ordering, column.sort);
    const field = column.sort;
    return html`<th scope="col" aria-sort=${direction}>
      <button class="sort" type="button" @click=${() => this.#change({ ordering: toggledOrdering(this.query.ordering, field) }, { push: true })}>
        ${column.label}${arrowUpIcon}
      </button>
    </th>`;
  }

  #rows(rows: readonly T[], columnCount: number) {
    return repeat(rows, this.rowKey, (row) => {
      const key = this.rowKey(row);
      const label = this.rowLabel(row);
      const selected = this.selection.has(key);
      const expanded = this.expanded.has(key);
      const detailId = `detail-${key}`;
      return html`<tr class=${selected ? "selected" : ""}>
          ${this.actions.length
            ? html`<td>
                <input type="checkbox" aria-label=${msg(str`Select ${label}`)} .checked=${selected} @change=${() => (this.selection = this.selection.toggle(key, row))} />
              </td>`
            : nothing}
          ${this.expand
            ? html`<td>
                <button
                  class="expand"
                  type="button"
                  aria-expanded=${expanded ? "true" : "false"}
                  aria-controls=${expanded ? detailId : nothing}
                  aria-label=${msg(str`Details of ${label}`)}
                  @click=${() => this.#toggleExpanded(key)}
                >
                  ${chevronRightIcon}
                </button>
              </td>`
            : nothing}
          ${this.columns.map((column) =>
            column.rowHeader ? html`<th scope="row">${column.render(row)}</th>` : html`<td>${column.render(row)}</td>`,
          )}
        </tr>
        ${expanded && this.expand ? html`<tr class="detail" id=${detailId}><td colspan=${columnCount}>${this.expand(row)}</td></tr>` : nothing}`;
    });
  }

  #skeletonRows(columnCount: number) {
    return Array.from(
      { length: 5 },
      () => html`<tr class="skeleton">
        <td colspan=${columnCount}><ak-skeleton></ak-skeleton></td>
      </tr>`,
    );
  }

  #toggleExpanded(key: string): void {
    const expanded = new Set(this.expanded);
    if (expanded.has(key)) expanded.delete(key);
    else expanded.add(key);
    this.expanded = expanded;
  }

  #selectPage(selected: boolean): void {
    const rows = this.#lastPage?.results ?? [];
    this.selection = this.selection.set(
      rows.map((row) => [this.rowKey(row), row] as const),
      selected,
    );
  }

  #pager(page: TablePage<T>) {
    const { pagination } = page;
    const current = this.query.page;
    const last = Math.max(1, pagination.total_pages);
    const go = (target: number) => this.#change({ page: Math.min(Math.max(1, target), last) }, { push: true });
    const pageButton = (label: string, icon: unknown, target: number, disabled: boolean) =>
      html`<button class="button" type="button" ?disabled=${disabled} @click=${() => go(target)}>
        ${icon}<span class="visually-hidden">${label}</span>
      </button>`;
    return html`<nav class="pager" part="pager" aria-label=${msg(str`Pages of ${this.caption}`)}>
      <span class="range">
        ${pagination.count
          ? msg(str`${formatNumber(pagination.start_index)}–${formatNumber(pagination.end_index)} of ${formatNumber(pagination.count)}`)
          : ""}
      </span>
      <label>
        ${msg("Rows per page")}
        <select @change=${(event: Event) => this.#change({ pageSize: Number((event.target as HTMLSelectElement).value) }, { push: true })}>
          ${this.pageSizes.map((size) => html`<option value=${size} ?selected=${size === this.query.pageSize}>${size}</option>`)}
        </select>
      </label>
      <span class="buttons">
        ${pageButton(msg("First page"), chevronsLeftIcon, 1, current <= 1)}
        ${pageButton(msg("Previous page"), chevronLeftIcon, current - 1, current <= 1)}
        <label>
          ${msg("Page")}
          <input
            type="number"
            min="1"
            max=${last}
            .value=${String(current)}
            @change=${(event: Event) => {
              const target = Number((event.target as HTMLInputElement).value);
              if (Number.isInteger(target)) go(target);
            }}
          />
          ${msg(str`of ${formatNumber(last)}`)}
        </label>
        ${pageButton(msg("Next page"), chevronRightIcon, current + 1, current >= last)}
        ${pageButton(msg("Last page"), chevronsRightIcon, last, current >= last)}
      </span>
    </nav>`;
  }

  #empty() {
    const narrowed = this.query.search !== "" || Object.keys(this.query.filters).length > 0;
    if (!narrowed) {
      return html`<slot name="empty">
        <ak-empty-state>
          <h2 slot="heading">${msg("Nothing here yet")}</h2>
        </ak-empty-state>
      </slot>`;
    }
    return html`<ak-empty-state icon="search">
      <h2 slot="heading">${msg("No matches")}</h2>
      <p>${this.query.search ? msg(str`Nothing matches “${this.query.search}” with the chosen filters.`) : msg("Nothing matches the chosen filters.")}</p>
      <button slot="actions" class="button primary" type="button" @click=${() => this.#change({ search: "", filters: {} }, { push: true })}>
        ${msg("Clear search and filters")}
      </button>
    </ak-empty-state>`;
  }

  #failed(error: unknown) {
    return html`<ak-empty-state icon="alert" variant="danger">
      <h2 slot="heading">${msg("The rows could not be loaded")}</h2>
      <p>${errorMessage(error)}</p>
      <button slot="actions" class="button primary" type="button" @click=${() => this.reload()}>${retryIcon}${msg("Try again")}</button>
    </ak-empty-state>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-table": AkTable<unknown>;
  }
}
