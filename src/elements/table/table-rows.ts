import { msg, str } from "@lit/localize";
import { html, nothing } from "lit";
import { repeat } from "lit/directives/repeat.js";
import "../skeleton/ak-skeleton.ts";
import { arrowUpIcon, chevronRightIcon } from "../icons/icons.ts";
import type { PageSelectionState, RowSelection } from "./row-selection.ts";
import { sortDirection } from "./table-query.ts";
import type { Column } from "./table-types.ts";

/** What the table's head and body render from. */
export interface RowsView<T> {
  readonly columns: readonly Column<T>[];
  readonly rowKey: (row: T) => string;
  readonly rowLabel: (row: T) => string;
  /** Rows have checkboxes (the table has bulk actions). */
  readonly selectable: boolean;
  readonly selection: RowSelection<T>;
  readonly expand?: (row: T) => unknown;
  readonly expanded: ReadonlySet<string>;
}

/** How many cells a row spans: the columns, plus the checkbox and expander columns when shown. */
export const columnCount = <T>(view: RowsView<T>) => view.columns.length + (view.selectable ? 1 : 0) + (view.expand ? 1 : 0);

/** The head row: "select all on this page", the expander column, and each column's (sort) header. */
export function headerRow<T>(
  view: RowsView<T>,
  page: { readonly state: PageSelectionState; readonly empty: boolean; readonly select: (selected: boolean) => void },
  ordering: string,
  sortBy: (field: string) => void,
) {
  return html`<tr>
    ${view.selectable
      ? html`<th scope="col" class="narrow">
          <input
            type="checkbox"
            aria-label=${msg("Select all rows on this page")}
            .checked=${page.state === "all"}
            .indeterminate=${page.state === "some"}
            ?disabled=${page.empty}
            @change=${(event: Event) => page.select((event.target as HTMLInputElement).checked)}
          />
        </th>`
      : nothing}
    ${view.expand ? html`<th scope="col" class="narrow"><span class="visually-hidden">${msg("Details")}</span></th>` : nothing}
    ${view.columns.map((column) => {
      const field = column.sort;
      if (!field) return html`<th scope="col">${column.label}</th>`;
      return html`<th scope="col" aria-sort=${sortDirection(ordering, field)}>
        <button class="sort" type="button" @click=${() => sortBy(field)}>
          ${column.label}${arrowUpIcon}
        </button>
      </th>`;
    })}
  </tr>`;
}

/** The rows of one page, each with its checkbox and expander when shown, and its details when expanded. */
export function bodyRows<T>(
  view: RowsView<T>,
  rows: readonly T[],
  on: { readonly toggleSelected: (key: string, row: T) => void; readonly toggleExpanded: (key: string) => void },
) {
  return repeat(rows, view.rowKey, (row) => {
    const key = view.rowKey(row);
    const label = view.rowLabel(row);
    const selected = view.selection.has(key);
    const expanded = view.expanded.has(key);
    const detailId = `detail-${key}`;
    return html`<tr class=${selected ? "selected" : ""}>
        ${view.selectable
          ? html`<td>
              <input type="checkbox" aria-label=${msg(str`Select ${label}`)} .checked=${selected} @change=${() => on.toggleSelected(key, row)} />
            </td>`
          : nothing}
        ${view.expand
          ? html`<td>
              <button
                class="expand"
                type="button"
                aria-expanded=${expanded ? "true" : "false"}
                aria-controls=${expanded ? detailId : nothing}
                aria-label=${msg(str`Details of ${label}`)}
                @click=${() => on.toggleExpanded(key)}
              >
                ${chevronRightIcon}
              </button>
            </td>`
          : nothing}
        ${view.columns.map((column) => (column.rowHeader ? html`<th scope="row">${column.render(row)}</th>` : html`<td>${column.render(row)}</td>`))}
      </tr>
      ${expanded && view.expand ? html`<tr class="detail" id=${detailId}><td colspan=${columnCount(view)}>${view.expand(row)}</td></tr>` : nothing}`;
  });
}

/** Stand-ins for the first page's rows while it loads. */
export const skeletonRows = (columns: number) =>
  Array.from(
    { length: 5 },
    () => html`<tr class="skeleton">
      <td colspan=${columns}><ak-skeleton></ak-skeleton></td>
    </tr>`,
  );
