import { msg, str } from "@lit/localize";
import { html, nothing } from "lit";
import { styleMap } from "lit/directives/style-map.js";
import { errorMessage } from "../../common/error-message.ts";
import { formatNumber } from "../../common/format.ts";
import { chevronLeftIcon, chevronRightIcon } from "../icons/icons.ts";
import type { AvailableOptions } from "./available-options.ts";
import type { DualSelectOption, Marks } from "./dual-select-model.ts";
import type { VirtualScroll } from "./virtual-scroll.ts";

/** What a pane's listbox tells the dual-select. */
export interface ListboxEvents {
  readonly keydown: (event: KeyboardEvent) => void;
  readonly focus: () => void;
  readonly click: (index: number, event: MouseEvent) => void;
  readonly dblclick: (index: number) => void;
}

/** A pane's marks and active option. */
export interface PaneState {
  readonly marks: Marks;
  readonly active: number;
}

/** A pane's title with its count, and its search box. */
export function paneHeading(id: string, title: string, count: string, searchLabel: string, search: string, onInput: (event: Event) => void) {
  return html`<div class="pane-title">
      <span id=${id}>${title}</span>
      <span class="count">${count}</span>
    </div>
    <label class="search">
      ${searchLabel}
      <input type="search" .value=${search} @input=${onInput} autocomplete="off" spellcheck="false" />
    </label>`;
}

const description = (option: DualSelectOption) => (option.description ? html`<span class="description">${option.description}</span>` : nothing);

/** The available pane's list: its loading, failed and empty states, or the options of the page shown. */
export function availableList(available: AvailableOptions, pane: PaneState, selectedKeys: ReadonlySet<string>, on: ListboxEvents) {
  if (available.error && !available.shown) {
    return html`<div class="state error" role="alert">
      <span>${errorMessage(available.error)}</span>
      <button class="button" type="button" @click=${() => available.load()}>${msg("Try again")}</button>
    </div>`;
  }
  if (!available.shown) return html`<div class="state" aria-busy="true">${msg("Loading…")}</div>`;
  const options = available.options;
  const search = available.search.trim();
  if (!options.length) {
    return html`<div class="state">${search ? msg(str`Nothing matches “${search}”.`) : msg("Nothing to choose from.")}</div>`;
  }
  const { active, marks } = pane;
  return html`<div
    id="available-list"
    role="listbox"
    tabindex="0"
    aria-multiselectable="true"
    aria-labelledby="available-title"
    aria-describedby="keys"
    aria-busy=${available.loading ? "true" : "false"}
    aria-activedescendant=${active >= 0 && active < options.length ? `available-${active}` : nothing}
    @keydown=${on.keydown}
    @focus=${on.focus}
  >
    ${options.map((option, index) => {
      const added = selectedKeys.has(option.key);
      return html`<div
        id=${`available-${index}`}
        role="option"
        class=${index === active ? "active" : ""}
        aria-selected=${marks.keys.has(option.key) ? "true" : "false"}
        aria-disabled=${added ? "true" : "false"}
        @click=${(event: MouseEvent) => on.click(index, event)}
        @dblclick=${() => on.dblclick(index)}
      >
        <span>${option.label}${added ? html` <span class="added">${msg("(selected)")}</span>` : nothing}</span>
        ${description(option)}
      </div>`;
    })}
  </div>`;
}

/**
 * The selected pane's list: the selection as shown (filtered, sorted), rendering only the rows in
 * view, with spacers standing in for the rest so the scrollbar tells the whole length.
 */
export function selectedList(shown: readonly DualSelectOption[], emptyMessage: string, pane: PaneState, scroll: VirtualScroll, on: ListboxEvents) {
  if (!shown.length) return html`<div id="selected-list" class="state">${emptyMessage}</div>`;
  const rows = scroll.rows(shown.length);
  const { active, marks } = pane;
  const spacer = (count: number) => html`<div role="none" class="spacer" style=${styleMap({ height: `${count * scroll.rowHeight}px` })}></div>`;
  return html`<div
    id="selected-list"
    role="listbox"
    tabindex="0"
    aria-multiselectable="true"
    aria-labelledby="selected-title"
    aria-describedby="keys"
    aria-activedescendant=${active >= rows.start && active < rows.end ? `selected-${active}` : nothing}
    @keydown=${on.keydown}
    @focus=${on.focus}
    @scroll=${scroll.onScroll}
  >
    ${spacer(rows.start)}
    ${shown.slice(rows.start, rows.end).map((option, offset) => {
      const index = rows.start + offset;
      return html`<div
        id=${`selected-${index}`}
        role="option"
        class=${index === active ? "active" : ""}
        aria-selected=${marks.keys.has(option.key) ? "true" : "false"}
        aria-setsize=${shown.length}
        aria-posinset=${index + 1}
        @click=${(event: MouseEvent) => on.click(index, event)}
        @dblclick=${() => on.dblclick(index)}
      >
        <span>${option.label}</span>
        ${description(option)}
      </div>`;
    })}
    ${spacer(shown.length - rows.end)}
  </div>`;
}

/** The available pane's page turner. */
export function pager(page: number, totalPages: number, turnTo: (page: number) => void) {
  return html`<span class="pager">
    <button class="button" type="button" ?disabled=${page <= 1} @click=${() => turnTo(page - 1)}>
      ${chevronLeftIcon}<span class="visually-hidden">${msg("Previous page")}</span>
    </button>
    <span>${msg(str`Page ${page} of ${formatNumber(totalPages)}`)}</span>
    <button class="button" type="button" ?disabled=${page >= totalPages} @click=${() => turnTo(page + 1)}>
      ${chevronRightIcon}<span class="visually-hidden">${msg("Next page")}</span>
    </button>
  </span>`;
}
