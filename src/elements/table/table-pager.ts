import { msg, str } from "@lit/localize";
import { html } from "lit";
import { formatNumber } from "../../common/format.ts";
import { chevronLeftIcon, chevronRightIcon, chevronsLeftIcon, chevronsRightIcon } from "../icons/icons.ts";
import type { Pagination } from "./table-types.ts";

export interface PagerView {
  readonly pagination: Pagination;
  /** The page shown, 1-based. */
  readonly page: number;
  readonly pageSize: number;
  readonly pageSizes: readonly number[];
  /** The table's caption, naming the pager's landmark. */
  readonly caption: string;
  /** Called with a page that exists. */
  readonly turnTo: (page: number) => void;
  readonly choosePageSize: (pageSize: number) => void;
}

/** The rows shown, the page size, and first / previous / page number / next / last. */
export function tablePager(view: PagerView) {
  const { pagination, page } = view;
  const last = Math.max(1, pagination.total_pages);
  const go = (target: number) => view.turnTo(Math.min(Math.max(1, target), last));
  const pageButton = (label: string, icon: unknown, target: number, disabled: boolean) =>
    html`<button class="button" type="button" ?disabled=${disabled} @click=${() => go(target)}>
      ${icon}<span class="visually-hidden">${label}</span>
    </button>`;
  return html`<nav class="pager" part="pager" aria-label=${msg(str`Pages of ${view.caption}`)}>
    <span class="range">
      ${pagination.count
        ? msg(str`${formatNumber(pagination.start_index)}–${formatNumber(pagination.end_index)} of ${formatNumber(pagination.count)}`)
        : ""}
    </span>
    <label>
      ${msg("Rows per page")}
      <select @change=${(event: Event) => view.choosePageSize(Number((event.target as HTMLSelectElement).value))}>
        ${view.pageSizes.map((size) => html`<option value=${size} ?selected=${size === view.pageSize}>${size}</option>`)}
      </select>
    </label>
    <span class="buttons">
      ${pageButton(msg("First page"), chevronsLeftIcon, 1, page <= 1)}
      ${pageButton(msg("Previous page"), chevronLeftIcon, page - 1, page <= 1)}
      <label>
        ${msg("Page")}
        <input
          type="number"
          min="1"
          max=${last}
          .value=${String(page)}
          @change=${(event: Event) => {
            const target = Number((event.target as HTMLInputElement).value);
            if (Number.isInteger(target)) go(target);
          }}
        />
        ${msg(str`of ${formatNumber(last)}`)}
      </label>
      ${pageButton(msg("Next page"), chevronRightIcon, page + 1, page >= last)}
      ${pageButton(msg("Last page"), chevronsRightIcon, last, page >= last)}
    </span>
  </nav>`;
}
