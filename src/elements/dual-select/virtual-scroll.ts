import type { ReactiveController, ReactiveElement } from "lit";
import { scrollToRow, visibleRows, type RowWindow } from "./virtual-window.ts";

/** Rows shown before the list has been measured. */
const assumedRows = 7;

/**
 * The scroll state of a long list that renders only the rows in view: it measures the list and a
 * row as their sizes change, keeps the list's scroll position, and brings the active row into view.
 */
export class VirtualScroll implements ReactiveController {
  readonly #host: ReactiveElement;
  /** The list's selector in the host's shadow root. */
  readonly #list: string;
  readonly #resize = new ResizeObserver(() => this.#measure());
  #observed?: HTMLElement;
  #rowHeight = 44;
  #viewport = 0;
  #scrollTop = 0;

  constructor(host: ReactiveElement, list: string) {
    this.#host = host;
    this.#list = list;
    host.addController(this);
  }

  get rowHeight(): number {
    return this.#rowHeight;
  }

  get #viewportHeight(): number {
    return this.#viewport || this.#rowHeight * assumedRows;
  }

  /** How many rows a Page Up or Down moves by. */
  get rowsPerView(): number {
    return Math.max(1, Math.floor(this.#viewportHeight / this.#rowHeight));
  }

  /** The rows to render of a list of `count`. */
  rows(count: number): RowWindow {
    return visibleRows(this.#scrollTop, this.#viewportHeight, this.#rowHeight, count);
  }

  /** Scrolls as little as needed to show row `index`. */
  reveal(index: number): void {
    this.#setScrollTop(scrollToRow(index, this.#scrollTop, this.#viewportHeight, this.#rowHeight));
  }

  /** Back to the top (e.g. when the list is filtered anew). */
  reset(): void {
    this.#setScrollTop(0);
  }

  /** The list's `scroll` listener. */
  readonly onScroll = (event: Event) => this.#setScrollTop((event.target as HTMLElement).scrollTop);

  hostUpdated(): void {
    const list = this.#host.renderRoot.querySelector<HTMLElement>(this.#list);
    // The list may be replaced (e.g. by an empty state and back): measure whichever is shown.
    if (list && list !== this.#observed) {
      if (this.#observed) this.#resize.unobserve(this.#observed);
      this.#resize.observe(list);
      this.#observed = list;
    }
    if (list && Math.abs(list.scrollTop - this.#scrollTop) > 1) list.scrollTop = this.#scrollTop;
  }

  hostDisconnected(): void {
    this.#resize.disconnect();
    this.#observed = undefined;
  }

  #setScrollTop(scrollTop: number): void {
    if (scrollTop === this.#scrollTop) return;
    this.#scrollTop = scrollTop;
    this.#host.requestUpdate();
  }

  #measure(): void {
    const root = this.#host.renderRoot;
    const list = root.querySelector<HTMLElement>(this.#list);
    const row = root.querySelector<HTMLElement>("[role=option]");
    if (row) this.#rowHeight = row.getBoundingClientRect().height || this.#rowHeight;
    if (list && list.clientHeight !== this.#viewport) {
      this.#viewport = list.clientHeight;
      this.#host.requestUpdate();
    }
  }
}
