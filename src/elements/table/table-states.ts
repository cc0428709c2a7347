import { msg, str } from "@lit/localize";
import { html } from "lit";
import { errorMessage } from "../../common/error-message.ts";
import "../empty-state/ak-empty-state.ts";
import { retryIcon } from "../icons/icons.ts";

/** No rows at all: the page's `empty` slot, or a plain "Nothing here yet". */
export const nothingYet = () =>
  html`<slot name="empty">
    <ak-empty-state>
      <h2 slot="heading">${msg("Nothing here yet")}</h2>
    </ak-empty-state>
  </slot>`;

/** Rows exist, but none match the search and filters. */
export const noMatches = (search: string, clear: () => void) =>
  html`<ak-empty-state icon="search">
    <h2 slot="heading">${msg("No matches")}</h2>
    <p>${search ? msg(str`Nothing matches “${search}” with the chosen filters.`) : msg("Nothing matches the chosen filters.")}</p>
    <button slot="actions" class="button primary" type="button" @click=${clear}>${msg("Clear search and filters")}</button>
  </ak-empty-state>`;

export const loadFailed = (error: unknown, retry: () => void) =>
  html`<ak-empty-state icon="alert" variant="danger">
    <h2 slot="heading">${msg("The rows could not be loaded")}</h2>
    <p>${errorMessage(error)}</p>
    <button slot="actions" class="button primary" type="button" @click=${retry}>${retryIcon}${msg("Try again")}</button>
  </ak-empty-state>`;

const headings = "h1, h2, h3, h4, h5, h6";

/** The heading of the state the table shows instead of rows: the page's `empty` slot (or its stand-in), no matches, or a failure. */
export function stateHeading(root: HTMLElement | DocumentFragment): HTMLElement | null {
  const slot = root.querySelector<HTMLSlotElement>('slot[name="empty"]');
  const shown = slot ? slot.assignedElements({ flatten: true }) : [root];
  for (const element of shown) {
    const heading = element instanceof HTMLElement && element.matches(headings) ? element : element.querySelector<HTMLElement>(headings);
    if (heading) return heading;
  }
  return null;
}
