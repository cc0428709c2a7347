import type { ReactiveController, ReactiveControllerHost } from "lit";
import { onUrlChange, writeQuery } from "../../common/router/navigation-events.ts";

/**
 * A detail page's current tab, kept in the URL's `tab` parameter so that a reload, a shared link
 * and back/forward show the same tab. The first tab is the default and leaves the URL clean.
 */
export class UrlTab implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #ids: readonly string[];
  #unsubscribe?: () => void;

  constructor(host: ReactiveControllerHost, ids: readonly string[]) {
    this.#host = host;
    this.#ids = ids;
    host.addController(this);
  }

  get current(): string {
    const tab = new URLSearchParams(window.location.search).get("tab");
    return tab && this.#ids.includes(tab) ? tab : this.#ids[0];
  }

  /** Shows another tab, as a new history entry; other tabs' parameters (their tables' state) go. */
  select(id: string): void {
    const params = new URLSearchParams();
    if (id !== this.#ids[0]) params.set("tab", id);
    writeQuery(params, { push: true });
  }

  hostConnected(): void {
    this.#unsubscribe = onUrlChange(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
  }
}
