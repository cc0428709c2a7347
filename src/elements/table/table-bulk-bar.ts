import { msg, str } from "@lit/localize";
import { html, nothing } from "lit";
import { formatNumber } from "../../common/format.ts";
import type { RowSelection } from "./row-selection.ts";
import type { BulkAction } from "./table-types.ts";

export interface BulkBarEvents<T> {
  readonly selectAllMatching: (count: number) => void;
  readonly clear: () => void;
  readonly start: (action: BulkAction<T>) => void;
}

/**
 * The bar shown while rows are selected: how many, the offer to select every matching row once the
 * whole page is, clearing the selection, and the bulk actions.
 */
export function bulkBar<T>(selection: RowSelection<T>, actions: readonly BulkAction<T>[], pageKeys: readonly string[], count: number, on: BulkBarEvents<T>) {
  const offerAll = !selection.allMatching && selection.pageState(pageKeys) === "all" && count > pageKeys.length;
  return html`<div class="bulk" part="bulk">
    <span class="count">
      ${selection.allMatching ? msg(str`All ${formatNumber(selection.size)} matching rows selected.`) : msg(str`${formatNumber(selection.size)} selected.`)}
    </span>
    ${offerAll
      ? html`<button class="link-button" type="button" @click=${() => on.selectAllMatching(count)}>
          ${msg(str`Select all ${formatNumber(count)} matching`)}
        </button>`
      : nothing}
    <button class="link-button" type="button" @click=${on.clear}>${msg("Clear selection")}</button>
    <span class="actions">
      ${actions.map(
        (action) =>
          html`<button class=${action.danger ? "button small danger" : "button small"} type="button" @click=${() => on.start(action)}>
            ${action.label}
          </button>`,
      )}
    </span>
  </div>`;
}
