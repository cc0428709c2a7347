import { msg, str } from "@lit/localize";
import { Task, TaskStatus } from "@lit/task";
import { html, LitElement, nothing, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { formatNumber } from "../../common/format.ts";
import "../alert/ak-alert.ts";
import { allPages } from "../async/all-pages.ts";
import { buttonStyles, contentStyles, focusRing, progressBar, visuallyHidden } from "../styles/shared.ts";
import "./ak-table-bulk-dialog.ts";
import { BulkFinishedEvent, type AkTableBulkDialog } from "./ak-table-bulk-dialog.ts";
import { tableStyles } from "./ak-table.styles.ts";
import { bulkBar } from "./table-bulk-bar.ts";
import { RowFocusController } from "./row-focus.ts";
import { RowSelection } from "./row-selection.ts";
import { matchingKey, queryKey, toggledOrdering, type TableQuery, type TableQueryOptions } from "./table-query.ts";
import { tablePager } from "./table-pager.ts";
import { bodyRows, columnCount, headerRow, skeletonRows, type RowsView } from "./table-rows.ts";
import { loadFailed, noMatches, nothingYet, stateHeading } from "./table-states.ts";
import { TableUrlQuery, type QuerySource } from "./table-url-query.ts";
import type { BulkAction, Column, TableFilter, TablePage, TableSource } from "./table-types.ts";

/** How long typing in the search box pauses before the table asks the server. */
const searchDelay = 300;

/**
 * A table of server-paged rows. The server pages, searches, sorts and filters (authentik's
 * `pagination` object and `page`, `page_size`, `search`, `ordering` parameters); all of that state
 * lives in the URL, so a reload, a shared link and back/forward show the same rows. Rows can be
 * selected across pages, or all rows matching the search at once, and bulk actions confirm a list
 * of what will change before they run. Rows can expand to show details. Loading, empty, no-match
 * and failure each have their own designed state, and a polite live region says what is shown.
 * When a reload removes the row holding focus (its Delete button, say), focus moves to the same
 * control in the next row, or to the heading of the state shown instead of rows.
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
  static styles = [visuallyHidden, focusRing, buttonStyles, contentStyles, progressBar, tableStyles];

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

  @state() private selection = new RowSelection<T>();
  @state() private expanded: ReadonlySet<string> = new Set();
  @state() private announcement = "";
  @state() private searchDraft = "";
  @state() private bulkAction?: BulkAction<T>;
  /** What the last bulk action did, shown until the user moves on. */
  @state() private notice = "";

  #lastPage?: TablePage<T>;
  #searchTimer?: ReturnType<typeof setTimeout>;

  readonly #url = new TableUrlQuery(this, { options: () => this.#options, changed: (query, from) => this.#onQuery(query, from) });

  readonly #task = new Task(this, {
    task: async ([, source], { signal }) => {
      if (!source) return undefined;
      return source(this.#query, signal);
    },
    args: () => [queryKey(this.#query), this.source] as const,
    onComplete: (page) => {
      if (!page) return;
      this.#lastPage = page;
      this.#afterLoad(page);
    },
  });

  constructor() {
    super();
    // A row's Delete or Revoke button goes with its row: focus stays in the table.
    new RowFocusController(this, () => stateHeading(this.renderRoot));
  }

  /** Loads the current page again (e.g. after the page changed rows itself). */
  reload(): void {
    void this.#task.run();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    const optionChanged = ["columns", "filters", "pageSizes", "defaultPageSize", "defaultOrdering", "prefix"].some((name) =>
      changed.has(name as keyof AkTable<T>),
    );
    if (optionChanged) this.#url.read();
  }

  protected updated(): void {
    // A pager button that just became disabled (the last page reached) would drop focus to the body.
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (active instanceof HTMLButtonElement && active.disabled) this.renderRoot.querySelector<HTMLElement>(".pager input")?.focus();
  }

  get #query(): TableQuery {
    return this.#url.query;
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

  #onQuery(query: TableQuery, from: QuerySource): void {
    this.selection = this.selection.forMatching(matchingKey(query));
    if (from === "url") this.searchDraft = query.search;
    else this.notice = "";
  }

  #change(change: Partial<TableQuery>): void {
    this.#url.change(change, { push: true });
  }

  #afterLoad(page: TablePage<T>): void {
    const { pagination } = page;
    if (page.results.length === 0 && pagination.count > 0 && this.#query.page > pagination.total_pages) {
      this.#url.change({ page: pagination.total_pages }, { push: false });
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
      ${this.#task.status === TaskStatus.ERROR ? loadFailed(this.#task.error, () => this.reload()) : this.#content(pending)}
      <ak-table-bulk-dialog .action=${this.bulkAction} .rowLabel=${this.rowLabel} @ak-bulk-finished=${this.#onBulkFinished}></ak-table-bulk-dialog>`;
  }

  #toolbar() {
    const query = this.#query;
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
              <option value="" ?selected=${!query.filters[filter.name]}>${filter.anyLabel}</option>
              ${filter.options.map(
                (option) => html`<option value=${option.value} ?selected=${query.filters[filter.name] === option.value}>${option.label}</option>`,
              )}
            </select>
          </label>`,
      )}
      <div class="end"><slot name="toolbar"></slot></div>
    </div>`;
  }

  #setFilter(name: string, value: string): void {
    const filters = { ...this.#query.filters };
    if (value) filters[name] = value;
    else delete filters[name];
    this.#change({ filters });
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
    if (search !== this.#query.search) this.#url.change({ search }, { push: false });
  }

  #bulkBar() {
    if (!this.actions.length || this.selection.size === 0) return nothing;
    const page = this.#lastPage;
    return bulkBar(this.selection, this.actions, page?.results.map(this.rowKey) ?? [], page?.pagination.count ?? 0, {
      selectAllMatching: (count) => (this.selection = this.selection.selectAllMatching(matchingKey(this.#query), count)),
      clear: () => (this.selection = this.selection.clear()),
      start: (action) => this.#startBulk(action),
    });
  }

  async #startBulk(action: BulkAction<T>): Promise<void> {
    this.bulkAction = action;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<AkTableBulkDialog<T>>("ak-table-bulk-dialog")!;
    const selection = this.selection;
    const query = this.#query;
    await dialog.start(async (signal) => (selection.allMatching ? this.#collect(query, selection.except, signal) : selection.rows));
  }

  /** Every row the query matches, from every page, less the unticked ones. */
  async #collect(query: TableQuery, except: ReadonlySet<string>, signal: AbortSignal): Promise<T[]> {
    const source = this.collectSource ?? this.source;
    if (!source) return [];
    const rows = await allPages((page, pageSize) => source({ ...query, page, pageSize }, signal));
    return rows.filter((row) => !except.has(this.rowKey(row)));
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
    const query = this.#query;
    if (page && page.pagination.count === 0 && !pending) {
      const narrowed = query.search !== "" || Object.keys(query.filters).length > 0;
      return narrowed ? noMatches(query.search, () => this.#change({ search: "", filters: {} })) : nothingYet();
    }
    const view: RowsView<T> = {
      columns: this.columns,
      rowKey: this.rowKey,
      rowLabel: this.rowLabel,
      selectable: this.actions.length > 0,
      selection: this.selection,
      expand: this.expand,
      expanded: this.expanded,
    };
    const rows = page?.results ?? [];
    const pageSelection = {
      state: this.selection.pageState(rows.map(this.rowKey)),
      empty: !rows.length,
      select: (selected: boolean) => (this.selection = this.selection.set(rows.map((row) => [this.rowKey(row), row] as const), selected)),
    };
    return html`<div class="frame" aria-busy=${pending ? "true" : "false"}>
        ${pending && page ? html`<div class="progress"></div>` : nothing}
        <table part="table">
          <caption class="visually-hidden">${this.caption}</caption>
          <thead>
            ${headerRow(view, pageSelection, query.ordering, (field) => this.#change({ ordering: toggledOrdering(query.ordering, field) }))}
          </thead>
          <tbody>
            ${page
              ? bodyRows(view, page.results, {
                  toggleSelected: (key, row) => (this.selection = this.selection.toggle(key, row)),
                  toggleExpanded: (key) => this.#toggleExpanded(key),
                })
              : skeletonRows(columnCount(view))}
          </tbody>
        </table>
      </div>
      ${page
        ? tablePager({
            pagination: page.pagination,
            page: query.page,
            pageSize: query.pageSize,
            pageSizes: this.pageSizes,
            caption: this.caption,
            turnTo: (target) => this.#change({ page: target }),
            choosePageSize: (pageSize) => this.#change({ pageSize }),
          })
        : nothing}`;
  }

  #toggleExpanded(key: string): void {
    const expanded = new Set(this.expanded);
    if (expanded.has(key)) expanded.delete(key);
    else expanded.add(key);
    this.expanded = expanded;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-table": AkTable<unknown>;
  }
}
