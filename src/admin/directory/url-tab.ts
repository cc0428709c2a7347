import { html, type ReactiveController, type ReactiveControllerHost } from "lit";
import { onUrlChange, writeQuery } from "../../common/router/navigation-events.ts";
import "../../elements/tabs/ak-tabs.ts";
import type { Tab, TabChangeEvent } from "../../elements/tabs/ak-tabs.ts";

export interface TabWithPanel extends Tab {
  readonly panel: () => unknown;
}

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

  /** The tabs, following and setting the URL, with the current tab's panel. */
  render(label: string, tabs: readonly TabWithPanel[]) {
    const current = this.current;
    const shown = tabs.find((tab) => tab.id === current) ?? tabs[0];
    return html`<ak-tabs label=${label} .tabs=${tabs} selected=${current} @ak-tab-change=${(event: TabChangeEvent) => this.select(event.id)}>
      ${shown.panel()}
    </ak-tabs>`;
  }

  hostConnected(): void {
    this.#unsubscribe = onUrlChange(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
  }
}
