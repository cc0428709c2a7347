import { msg, str } from "@lit/localize";
import { html, LitElement, nothing, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { styleMap } from "lit/directives/style-map.js";
import { errorMessage } from "../../common/error-message.ts";
import { Latest } from "../async/latest.ts";
import { chevronLeftIcon, chevronRightIcon, chevronsLeftIcon, chevronsRightIcon } from "../icons/icons.ts";
import type { Pagination } from "../table/table-types.ts";
import { buttonStyles, focusRing, visuallyHidden } from "../styles/shared.ts";
import { dualSelectStyles } from "./ak-dual-select.styles.ts";
import {
  addOptions,
  keepShown,
  mark,
  markAll,
  nextActive,
  noMarks,
  removeKeys,
  shownSelection,
  type DualSelectOption,
  type Marks,
} from "./dual-select-model.ts";
import { scrollToRow, visibleRows } from "./virtual-window.ts";

export type { DualSelectOption } from "./dual-select-model.ts";

export interface DualSelectQuery {
  readonly search: string;
  readonly page: number;
  readonly pageSize: number;
}

/** One page of candidates from the server; should pass `signal` on to `fetch`. */
export type DualSelectSource = (query: DualSelectQuery, signal: AbortSignal) => Promise<{ pagination: Pagination; options: readonly DualSelectOption[] }>;

type Pane = "available" | "selected";

/** The page size used to collect every match for "Add all matching". */
const collectPageSize = 1000;
const formatNumber = (n: number) => new Intl.NumberFormat().format(n);

/**
 * Chooses many among thousands: an "available" pane searched and paged on the server, and a
 * "selected" pane holding the whole selection (also what is on no page shown), with its own filter.
 * A new search starts again at page 1, and an answer for an older search is never shown.
 *
 * Mark options with a click, Ctrl-click (toggle) and Shift-click (range); move them with a
 * double-click, Enter, or the buttons between the panes (add marked, add all matching — every page,
 * from the server —, remove marked, remove all). Each pane is a multi-select listbox operated from
 * the keyboard: arrows and Home/End move, Shift+arrow extends the marks, Space marks, Ctrl+A marks
 * all, Enter moves, Page Up/Down turn the available pane's pages, Delete removes from the selection,
 * and Tab goes between the panes and controls. Moves and search results are announced.
 *
 * The selected pane renders only the rows in view, so a selection of 10,000 stays fast.
 *
 * @fires change - after the selection changed; read `selected`
 *
 * @cssprop --ak-dual-select-height - each list's height (default 19.25rem: seven rows)
 * @cssprop --ak-dual-select-row-height - each option's height (default 2.75rem)
 * @cssprop --ak-dual-select-pane-background - default: the surface colour
 *
 * @csspart available - the available pane
 * @csspart selected - the selected pane
 * @csspart moves - the buttons between the panes
 */
@customElement("ak-dual-select")
export class AkDualSelect extends LitElement {
  static formAssociated = true;
  static styles = [visuallyHidden, focusRing, buttonStyles, dualSelectStyles];

  /** What is being chosen, e.g. "Groups". */
  @property() label = "";
  @property({ reflect: true }) name = "";
  @property({ attribute: false }) source?: DualSelectSource;
  /** The selection, in the order it was made. */
  @property({ attribute: false }) selected: readonly DualSelectOption[] = [];
  @property({ type: Number, attribute: "page-size" }) pageSize = 50;

  @state() private search = "";
  @state() private page = 1;
  @state() private available?: { pagination: Pagination; options: readonly DualSelectOption[] };
  @state() private loadError?: unknown;
  @state() private loading = false;
  @state() private filter = "";
  @state() private marks: Readonly<Record<Pane, Marks>> = { available: noMarks, selected: noMarks };
  @state() private active: Readonly<Record<Pane, number>> = { available: -1, selected: -1 };
  @state() private announcement = "";
  @state() private collecting = false;
  @state() private listScroll = 0;
  @state() private viewport = 0;

  readonly #internals = this.attachInternals();
  readonly #latest = new Latest();
  readonly #collect = new Latest();
  #rowHeight = 44;
  #shownCache?: { selected: readonly DualSelectOption[]; filter: string; shown: DualSelectOption[] };
  readonly #resize = new ResizeObserver(() => this.#measure());
  #observed?: HTMLElement;

  /** The selection as the selected pane shows it (filtered, sorted by label). */
  get #shown(): DualSelectOption[] {
    const cache = this.#shownCache;
    if (cache && cache.selected === this.selected && cache.filter === this.filter) return cache.shown;
    const shown = shownSelection(this.selected, this.filter);
    this.#shownCache = { selected: this.selected, filter: this.filter, shown };
    return shown;
  }

  get #selectedKeys(): ReadonlySet<string> {
    return new Set(this.selected.map((option) => option.key));
  }

  /** The available options that can still be added (not already selected). */
  #addable(options: readonly DualSelectOption[]): DualSelectOption[] {
    const have = this.#selectedKeys;
    return options.filter((option) => !have.has(option.key));
  }

  protected firstUpdated(): void {
    void this.#load();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#latest.cancel();
    this.#collect.cancel();
    this.#resize.disconnect();
    this.#observed = undefined;
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("selected")) {
      const data = new FormData();
      for (const option of this.selected) data.append(this.name, option.key);
      this.#internals.setFormValue(data);
    }
    if (changed.has("source") && changed.get("source") !== undefined) void this.#load();
  }

  protected updated(): void {
    const list = this.renderRoot.querySelector<HTMLElement>("#selected-list");
    // The selected pane is a listbox or an empty state: measure whichever is shown.
    if (list && list !== this.#observed) {
      if (this.#observed) this.#resize.unobserve(this.#observed);
      this.#resize.observe(list);
      this.#observed = list;
    }
    if (list && Math.abs(list.scrollTop - this.listScroll) > 1) list.scrollTop = this.listScroll;
    this.renderRoot.querySelector("#available-list .active")?.scrollIntoView({ block: "nearest" });
  }

  #measure(): void {
    const list = this.renderRoot.querySelector<HTMLElement>("#selected-list");
    const option = this.renderRoot.querySelector<HTMLElement>("[role=option]");
    if (option) this.#rowHeight = option.getBoundingClientRect().height || this.#rowHeight;
    if (list) this.viewport = list.clientHeight;
  }

  async #load(): Promise<void> {
    const source = this.source;
    if (!source) return;
    const query = { search: this.search.trim(), page: this.page, pageSize: this.pageSize };
    this.loading = true;
    try {
      const result = await this.#latest.run((signal) => source(query, signal));
      if (!result) return;
      this.available = result.value;
      this.loadError = undefined;
      this.loading = false;
      const order = result.value.options.map((option) => option.key);
      this.marks = { ...this.marks, available: keepShown(this.marks.available, order) };
      this.active = { ...this.active, available: Math.min(this.active.available, order.length - 1) };
      this.announcement = msg(str`${formatNumber(result.value.pagination.count)} available.`);
    } catch (error) {
      this.loadError = error;
      this.loading = false;
    }
  }

  #onSearch = (event: Event) => {
    this.search = (event.target as HTMLInputElement).value;
    this.page = 1;
    this.active = { ...this.active, available: -1 };
    void this.#load();
  };

  #turnPage(page: number): void {
    const last = this.available?.pagination.total_pages ?? 1;
    const target = Math.min(Math.max(1, page), last);
    if (target === this.page) return;
    this.page = target;
    this.active = { ...this.active, available: this.active.available >= 0 ? 0 : -1 };
    void this.#load();
  }

  #setSelection(next: readonly DualSelectOption[], announcement: string): void {
    this.selected = next;
    const order = this.#shown.map((option) => option.key);
    this.marks = { available: noMarks, selected: keepShown(this.marks.selected, order) };
    this.active = {
      available: this.active.available,
      selected: Math.min(this.active.selected, order.length - 1),
    };
    this.announcement = `${announcement} ${msg(str`${formatNumber(next.length)} selected.`)}`;
    this.dispatchEvent(new Event("change", { bubbles: true, composed: true }));
  }

  #add(options: readonly DualSelectOption[]): void {
    const adding = this.#addable(options);
    if (!adding.length) return;
    this.#setSelection(addOptions(this.selected, adding), msg(str`Added ${formatNumber(adding.length)}.`));
  }

  #remove(keys: ReadonlySet<string>): void {
    if (!keys.size) return;
    const next = removeKeys(this.selected, keys);
    this.#setSelection(next, msg(str`Removed ${formatNumber(this.selected.length - next.length)}.`));
  }

  #addMarked(): void {
    const marked = this.marks.available.keys;
    this.#add((this.available?.options ?? []).filter((option) => marked.has(option.key)));
  }

  #removeMarked(): void {
    this.#remove(this.marks.selected.keys);
  }

  #removeAllShown(): void {
    this.#remove(new Set(this.#shown.map((option) => option.key)));
  }

  async #addAllMatching(): Promise<void> {
    const source = this.source;
    if (!source) return;
    const search = this.search.trim();
    this.collecting = true;
    this.announcement = msg("Adding every match…");
    try {
      const result = await this.#collect.run(async (signal) => {
        const options: DualSelectOption[] = [];
        for (let page = 1; ; page++) {
          const answer = await source({ search, page, pageSize: collectPageSize }, signal);
          options.push(...answer.options);
          if (page >= answer.pagination.total_pages || answer.options.length === 0) return options;
        }
      });
      if (result) this.#add(result.value);
    } catch (error) {
      this.announcement = errorMessage(error);
    } finally {
      this.collecting = false;
    }
  }

  /** The keys a pane shows, in order. */
  #order(pane: Pane): string[] {
    return pane === "available" ? (this.available?.options ?? []).map((option) => option.key) : this.#shown.map((option) => option.key);
  }

  #optionAt(pane: Pane, index: number): DualSelectOption | undefined {
    return pane === "available" ? this.available?.options[index] : this.#shown[index];
  }

  /** Moves what is marked in a pane (or, with nothing marked, its active option) to the other pane. */
  #moveFrom(pane: Pane): void {
    const marked = this.marks[pane].keys;
    const active = this.#optionAt(pane, this.active[pane]);
    if (pane === "available") {
      if (marked.size) this.#addMarked();
      else if (active) this.#add([active]);
    } else if (marked.size) {
      this.#removeMarked();
    } else if (active) {
      this.#remove(new Set([active.key]));
    }
  }

  #setActive(pane: Pane, index: number): void {
    this.active = { ...this.active, [pane]: index };
    if (pane === "selected") this.listScroll = scrollToRow(index, this.listScroll, this.viewport || this.#rowHeight * 7, this.#rowHeight);
  }

  #onClick(pane: Pane, index: number, event: MouseEvent): void {
    const option = this.#optionAt(pane, index);
    if (!option || (pane === "available" && this.#selectedKeys.has(option.key))) return;
    this.marks = {
      ...this.marks,
      [pane]: mark(this.marks[pane], this.#order(pane), option.key, { range: event.shiftKey, toggle: event.ctrlKey || event.metaKey }),
    };
    this.#setActive(pane, index);
  }

  #onDoubleClick(pane: Pane, index: number): void {
    const option = this.#optionAt(pane, index);
    if (!option) return;
    if (pane === "available") this.#add([option]);
    else this.#remove(new Set([option.key]));
  }

  #onFocus(pane: Pane): void {
    if (this.active[pane] < 0 && this.#order(pane).length) this.#setActive(pane, 0);
  }

  #onKeyDown(pane: Pane, event: KeyboardEvent): void {
    const order = this.#order(pane);
    const active = this.active[pane];
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "a") {
      event.preventDefault();
      const markable = pane === "available" ? this.#addable(this.available?.options ?? []).map((option) => option.key) : order;
      this.marks = { ...this.marks, [pane]: markAll(markable) };
      return;
    }
    if (pane === "available" && (event.key === "PageDown" || event.key === "PageUp")) {
      event.preventDefault();
      this.#turnPage(this.page + (event.key === "PageDown" ? 1 : -1));
      return;
    }
    const rowsPerView = Math.max(1, Math.floor((this.viewport || this.#rowHeight * 7) / this.#rowHeight));
    const next = nextActive(event.key, active, order.length, rowsPerView);
    if (next !== undefined) {
      event.preventDefault();
      this.#setActive(pane, next);
      if (event.shiftKey && this.#markable(pane, order[next])) {
        this.marks = { ...this.marks, [pane]: mark(this.marks[pane], order, order[next], { range: true }) };
      }
      return;
    }
    switch (event.key) {
      case " ":
        event.preventDefault();
        if (active >= 0 && this.#markable(pane, order[active])) {
          this.marks = { ...this.marks, [pane]: mark(this.marks[pane], order, order[active], { toggle: true, range: event.shiftKey }) };
        }
        return;
      case "Enter":
        event.preventDefault();
        this.#moveFrom(pane);
        return;
      case "Delete":
      case "Backspace":
        if (pane !== "selected") return;
        event.preventDefault();
        this.#moveFrom(pane);
    }
  }

  #markable(pane: Pane, key: string | undefined): boolean {
    return key !== undefined && (pane === "selected" || !this.#selectedKeys.has(key));
  }

  #onScroll = (event: Event) => {
    this.listScroll = (event.target as HTMLElement).scrollTop;
  };

  render() {
    const available = this.available;
    const markedAvailable = this.marks.available.keys.size;
    const markedSelected = this.marks.selected.keys.size;
    const shown = this.#shown;
    const count = available?.pagination.count ?? 0;
    return html`<div role="group" aria-labelledby="label">
      <span class="label" id="label">${this.label}</span>
      <div class="panes">
        <div class="pane" part="available">
          <div class="pane-title">
            <span id="available-title">${msg("Available")}</span>
            <span class="count">${available ? msg(str`${formatNumber(count)} matching`) : ""}</span>
          </div>
          <label class="search">
            ${msg(str`Search available ${this.label.toLocaleLowerCase()}`)}
            <input type="search" .value=${this.search} @input=${this.#onSearch} autocomplete="off" spellcheck="false" />
          </label>
          ${this.#availableList(available?.options ?? [])}
          <div class="footer">
            <span>${msg(str`${markedAvailable} marked`)}</span>
            ${available && available.pagination.total_pages > 1 ? this.#pager(available.pagination) : nothing}
          </div>
        </div>
        <div class="moves" part="moves" role="group" aria-label=${msg("Move between the lists")}>
          <button class="button" type="button" ?disabled=${!markedAvailable} @click=${() => this.#addMarked()}>
            ${chevronRightIcon}${msg("Add marked")}
          </button>
          <button class="button" type="button" ?disabled=${!count || this.collecting} @click=${() => this.#addAllMatching()}>
            ${chevronsRightIcon}${this.collecting ? msg("Adding…") : msg(str`Add all ${formatNumber(count)} matching`)}
          </button>
          <button class="button" type="button" ?disabled=${!markedSelected} @click=${() => this.#removeMarked()}>
            ${chevronLeftIcon}${msg("Remove marked")}
          </button>
          <button class="button" type="button" ?disabled=${!shown.length} @click=${() => this.#removeAllShown()}>
            ${chevronsLeftIcon}${this.filter.trim() ? msg(str`Remove all ${formatNumber(shown.length)} shown`) : msg("Remove all")}
          </button>
        </div>
        <div class="pane" part="selected">
          <div class="pane-title">
            <span id="selected-title">${msg("Selected")}</span>
            <span class="count">${msg(str`${formatNumber(this.selected.length)} selected`)}</span>
          </div>
          <label class="search">
            ${msg(str`Filter selected ${this.label.toLocaleLowerCase()}`)}
            <input
              type="search"
              .value=${this.filter}
              @input=${(event: Event) => {
                this.filter = (event.target as HTMLInputElement).value;
                this.listScroll = 0;
                this.active = { ...this.active, selected: -1 };
                this.marks = { ...this.marks, selected: keepShown(this.marks.selected, this.#order("selected")) };
              }}
              autocomplete="off"
              spellcheck="false"
            />
          </label>
          ${this.#selectedList(shown)}
          <div class="footer">
            <span>${msg(str`${markedSelected} marked`)}</span>
            ${this.filter.trim() ? html`<span>${msg(str`${formatNumber(shown.length)} shown`)}</span>` : nothing}
          </div>
        </div>
      </div>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      <p class="visually-hidden" id="keys">
        ${msg("Space marks, Shift with the arrows marks a range, Ctrl+A marks all, Enter moves the marked options to the other list.")}
      </p>
    </div>`;
  }

  #availableList(options: readonly DualSelectOption[]) {
    if (this.loadError && !this.available) {
      return html`<div class="state error" role="alert">
        <span>${errorMessage(this.loadError)}</span>
        <button class="button" type="button" @click=${() => this.#load()}>${msg("Try again")}</button>
      </div>`;
    }
    if (!this.available) return html`<div class="state" aria-busy="true">${msg("Loading…")}</div>`;
    if (!options.length) {
      return html`<div class="state">${this.search.trim() ? msg(str`Nothing matches “${this.search.trim()}”.`) : msg("Nothing to choose from.")}</div>`;
    }
    const have = this.#selectedKeys;
    const active = this.active.available;
    return html`<div
      id="available-list"
      role="listbox"
      tabindex="0"
      aria-multiselectable="true"
      aria-labelledby="available-title"
      aria-describedby="keys"
      aria-busy=${this.loading ? "true" : "false"}
      aria-activedescendant=${active >= 0 && active < options.length ? `available-${active}` : nothing}
      @keydown=${(event: KeyboardEvent) => this.#onKeyDown("available", event)}
      @focus=${() => this.#onFocus("available")}
    >
      ${options.map((option, index) => {
        const added = have.has(option.key);
        return html`<div
          id=${`available-${index}`}
          role="option"
          class=${index === active ? "active" : ""}
          aria-selected=${this.marks.available.keys.has(option.key) ? "true" : "false"}
          aria-disabled=${added ? "true" : "false"}
          @click=${(event: MouseEvent) => this.#onClick("available", index, event)}
          @dblclick=${() => this.#onDoubleClick("available", index)}
        >
          <span>${option.label}${added ? html` <span class="added">${msg("(selected)")}</span>` : nothing}</span>
          ${option.description ? html`<span class="description">${option.description}</span>` : nothing}
        </div>`;
      })}
    </div>`;
  }

  #selectedList(shown: readonly DualSelectOption[]) {
    if (!shown.length) {
      return html`<div id="selected-list" class="state">
        ${this.selected.length ? msg(str`Nothing selected matches “${this.filter.trim()}”.`) : msg("Nothing selected yet.")}
      </div>`;
    }
    const viewport = this.viewport || this.#rowHeight * 7;
    const rows = visibleRows(this.listScroll, viewport, this.#rowHeight, shown.length);
    const active = this.active.selected;
    return html`<div
      id="selected-list"
      role="listbox"
      tabindex="0"
      aria-multiselectable="true"
      aria-labelledby="selected-title"
      aria-describedby="keys"
      aria-activedescendant=${active >= rows.start && active < rows.end ? `selected-${active}` : nothing}
      @keydown=${(event: KeyboardEvent) => this.#onKeyDown("selected", event)}
      @focus=${() => this.#onFocus("selected")}
      @scroll=${this.#onScroll}
    >
      <div role="none" class="spacer" style=${styleMap({ height: `${rows.start * this.#rowHeight}px` })}></div>
      ${shown.slice(rows.start, rows.end).map((option, offset) => {
        const index = rows.start + offset;
        return html`<div
          id=${`selected-${index}`}
          role="option"
          class=${index === active ? "active" : ""}
          aria-selected=${this.marks.selected.keys.has(option.key) ? "true" : "false"}
          aria-setsize=${shown.length}
          aria-posinset=${index + 1}
          @click=${(event: MouseEvent) => this.#onClick("selected", index, event)}
          @dblclick=${() => this.#onDoubleClick("selected", index)}
        >
          <span>${option.label}</span>
          ${option.description ? html`<span class="description">${option.description}</span>` : nothing}
        </div>`;
      })}
      <div role="none" class="spacer" style=${styleMap({ height: `${(shown.length - rows.end) * this.#rowHeight}px` })}></div>
    </div>`;
  }

  #pager(pagination: Pagination) {
    return html`<span class="pager">
      <button class="button" type="button" ?disabled=${this.page <= 1} @click=${() => this.#turnPage(this.page - 1)}>
        ${chevronLeftIcon}<span class="visually-hidden">${msg("Previous page")}</span>
      </button>
      <span>${msg(str`Page ${this.page} of ${formatNumber(pagination.total_pages)}`)}</span>
      <button class="button" type="button" ?disabled=${this.page >= pagination.total_pages} @click=${() => this.#turnPage(this.page + 1)}>
        ${chevronRightIcon}<span class="visually-hidden">${msg("Next page")}</span>
      </button>
    </span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-dual-select": AkDualSelect;
  }
}
