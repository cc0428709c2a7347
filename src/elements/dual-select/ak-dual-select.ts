import { msg, str } from "@lit/localize";
import { html, LitElement, nothing, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { errorMessage } from "../../common/error-message.ts";
import { formatNumber } from "../../common/format.ts";
import { chevronLeftIcon, chevronRightIcon, chevronsLeftIcon, chevronsRightIcon } from "../icons/icons.ts";
import { buttonStyles, focusRing, visuallyHidden } from "../styles/shared.ts";
import { dualSelectStyles } from "./ak-dual-select.styles.ts";
import { AvailableOptions, type DualSelectPage, type DualSelectSource } from "./available-options.ts";
import { availableList, pager, paneHeading, selectedList, type ListboxEvents } from "./dual-select-lists.ts";
import { paneKeyAction } from "./dual-select-keys.ts";
import {
  addOptions,
  keepShown,
  mark,
  markAll,
  noMarks,
  removeKeys,
  shownSelection,
  type DualSelectOption,
  type Marks,
  type Pane,
} from "./dual-select-model.ts";
import { VirtualScroll } from "./virtual-scroll.ts";

export type { DualSelectQuery, DualSelectSource } from "./available-options.ts";
export type { DualSelectOption } from "./dual-select-model.ts";

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

  @state() private filter = "";
  @state() private marks: Readonly<Record<Pane, Marks>> = { available: noMarks, selected: noMarks };
  @state() private active: Readonly<Record<Pane, number>> = { available: -1, selected: -1 };
  @state() private announcement = "";
  @state() private collecting = false;

  readonly #internals = this.attachInternals();
  readonly #available = new AvailableOptions(this, {
    source: () => this.source,
    pageSize: () => this.pageSize,
    loaded: (page) => this.#onLoaded(page),
  });
  readonly #scroll = new VirtualScroll(this, "#selected-list");
  #shownCache?: { selected: readonly DualSelectOption[]; filter: string; shown: DualSelectOption[] };

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
    void this.#available.load();
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("selected")) {
      const data = new FormData();
      for (const option of this.selected) data.append(this.name, option.key);
      this.#internals.setFormValue(data);
    }
    if (changed.has("source") && changed.get("source") !== undefined) void this.#available.load();
  }

  protected updated(): void {
    this.renderRoot.querySelector("#available-list .active")?.scrollIntoView({ block: "nearest" });
  }

  #onLoaded(page: DualSelectPage): void {
    const order = page.options.map((option) => option.key);
    this.marks = { ...this.marks, available: keepShown(this.marks.available, order) };
    this.active = { ...this.active, available: Math.min(this.active.available, order.length - 1) };
    this.announcement = msg(str`${formatNumber(page.pagination.count)} available.`);
  }

  #onSearch = (event: Event) => {
    this.active = { ...this.active, available: -1 };
    this.#available.searchFor((event.target as HTMLInputElement).value);
  };

  #onFilter = (event: Event) => {
    this.filter = (event.target as HTMLInputElement).value;
    this.#scroll.reset();
    this.active = { ...this.active, selected: -1 };
    this.marks = { ...this.marks, selected: keepShown(this.marks.selected, this.#order("selected")) };
  };

  #turnPage(page: number): void {
    if (this.#available.turnTo(page)) this.active = { ...this.active, available: this.active.available >= 0 ? 0 : -1 };
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
    this.#add(this.#available.options.filter((option) => marked.has(option.key)));
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
    this.collecting = true;
    this.announcement = msg("Adding every match…");
    try {
      const options = await this.#available.allMatching(source);
      if (options) this.#add(options);
    } catch (error) {
      this.announcement = errorMessage(error);
    } finally {
      this.collecting = false;
    }
  }

  /** The keys a pane shows, in order. */
  #order(pane: Pane): string[] {
    return (pane === "available" ? this.#available.options : this.#shown).map((option) => option.key);
  }

  #optionAt(pane: Pane, index: number): DualSelectOption | undefined {
    return pane === "available" ? this.#available.options[index] : this.#shown[index];
  }

  #markable(pane: Pane, key: string | undefined): boolean {
    return key !== undefined && (pane === "selected" || !this.#selectedKeys.has(key));
  }

  /** The keys a pane can mark, in order: a Shift range skips available options already selected. */
  #markOrder(pane: Pane): string[] {
    return pane === "available" ? this.#addable(this.#available.options).map((option) => option.key) : this.#order(pane);
  }

  /** Shift+arrow: marks the range up to `key`, from the anchor or else from the option the move started at. */
  #extendTo(pane: Pane, key: string, from: string | undefined): void {
    const marks = this.marks[pane];
    const anchor = marks.anchor ?? (this.#markable(pane, from) ? from : undefined);
    this.#mark(pane, mark({ ...marks, anchor }, this.#markOrder(pane), key, { range: true }));
  }

  #mark(pane: Pane, marks: Marks): void {
    this.marks = { ...this.marks, [pane]: marks };
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
    if (pane === "selected") this.#scroll.reveal(index);
  }

  #onClick(pane: Pane, index: number, event: MouseEvent): void {
    const option = this.#optionAt(pane, index);
    if (!option || (pane === "available" && this.#selectedKeys.has(option.key))) return;
    this.#mark(pane, mark(this.marks[pane], this.#markOrder(pane), option.key, { range: event.shiftKey, toggle: event.ctrlKey || event.metaKey }));
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
    const action = paneKeyAction(pane, event, active, order.length, this.#scroll.rowsPerView);
    if (!action) return;
    event.preventDefault();
    switch (action.kind) {
      case "mark-all":
        this.#mark(pane, markAll(this.#markOrder(pane)));
        return;
      case "turn-page":
        this.#turnPage(this.#available.page + action.by);
        return;
      case "go":
        this.#setActive(pane, action.index);
        if (action.extend && this.#markable(pane, order[action.index])) this.#extendTo(pane, order[action.index], order[active]);
        return;
      case "mark":
        if (active >= 0 && this.#markable(pane, order[active])) {
          this.#mark(pane, mark(this.marks[pane], this.#markOrder(pane), order[active], { toggle: true, range: action.range }));
        }
        return;
      case "move":
        this.#moveFrom(pane);
    }
  }

  #listboxEvents(pane: Pane): ListboxEvents {
    return {
      keydown: (event) => this.#onKeyDown(pane, event),
      focus: () => this.#onFocus(pane),
      click: (index, event) => this.#onClick(pane, index, event),
      dblclick: (index) => this.#onDoubleClick(pane, index),
    };
  }

  render() {
    const available = this.#available.shown;
    const markedAvailable = this.marks.available.keys.size;
    const markedSelected = this.marks.selected.keys.size;
    const shown = this.#shown;
    const filter = this.filter.trim();
    const count = available?.pagination.count ?? 0;
    return html`<div role="group" aria-labelledby="label">
      <span class="label" id="label">${this.label}</span>
      <div class="panes">
        <div class="pane" part="available">
          ${paneHeading(
            "available-title",
            msg("Available"),
            available ? msg(str`${formatNumber(count)} matching`) : "",
            msg(str`Search available ${this.label.toLocaleLowerCase()}`),
            this.#available.search,
            this.#onSearch,
          )}
          ${availableList(this.#available, { marks: this.marks.available, active: this.active.available }, this.#selectedKeys, this.#listboxEvents("available"))}
          <div class="footer">
            <span>${msg(str`${markedAvailable} marked`)}</span>
            ${available && available.pagination.total_pages > 1
              ? pager(this.#available.page, available.pagination.total_pages, (page) => this.#turnPage(page))
              : nothing}
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
            ${chevronsLeftIcon}${filter ? msg(str`Remove all ${formatNumber(shown.length)} shown`) : msg("Remove all")}
          </button>
        </div>
        <div class="pane" part="selected">
          ${paneHeading(
            "selected-title",
            msg("Selected"),
            msg(str`${formatNumber(this.selected.length)} selected`),
            msg(str`Filter selected ${this.label.toLocaleLowerCase()}`),
            this.filter,
            this.#onFilter,
          )}
          ${selectedList(
            shown,
            this.selected.length ? msg(str`Nothing selected matches “${filter}”.`) : msg("Nothing selected yet."),
            { marks: this.marks.selected, active: this.active.selected },
            this.#scroll,
            this.#listboxEvents("selected"),
          )}
          <div class="footer">
            <span>${msg(str`${markedSelected} marked`)}</span>
            ${filter ? html`<span>${msg(str`${formatNumber(shown.length)} shown`)}</span>` : nothing}
          </div>
        </div>
      </div>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      <p class="visually-hidden" id="keys">
        ${msg("Space marks, Shift with the arrows marks a range, Ctrl+A marks all, Enter moves the marked options to the other list.")}
      </p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-dual-select": AkDualSelect;
  }
}
