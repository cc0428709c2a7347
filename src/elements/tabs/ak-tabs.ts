import { css, html, LitElement } from "lit";
import { customElement, property } from "lit/decorators.js";
import { focusRing } from "../styles/shared.ts";

export interface Tab {
  readonly id: string;
  readonly label: string;
}

/** Fired when the user chose another tab; `id` is the new one. The page shows its panel. */
export class TabChangeEvent extends Event {
  static readonly eventName = "ak-tab-change";
  constructor(readonly id: string) {
    super(TabChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * Tabs over one panel (the slotted content), with the ARIA tabs pattern: the arrow keys, Home and
 * End move between tabs and choose them, Tab moves into the panel. The page owns which tab is
 * selected (e.g. from the URL) and renders that tab's content into the slot.
 *
 * @slot - the selected tab's panel content
 *
 * @cssprop --ak-tabs-accent - the selected tab's underline (default: primary)
 *
 * @csspart tablist - the row of tabs
 * @csspart tab - each tab
 * @csspart panel - the panel
 */
@customElement("ak-tabs")
export class AkTabs extends LitElement {
  static styles = [
    focusRing,
    css`
      :host {
        display: block;
      }
      [role="tablist"] {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ak-space-1);
        border-bottom: 1px solid var(--ak-color-border);
      }
      [role="tab"] {
        padding: var(--ak-space-2) var(--ak-space-4);
        border: 0;
        border-bottom: 3px solid transparent;
        background: none;
        font: inherit;
        color: var(--ak-color-text-muted);
        cursor: pointer;
      }
      [role="tab"]:hover {
        color: var(--ak-color-text);
      }
      [role="tab"][aria-selected="true"] {
        color: var(--ak-color-text);
        font-weight: 600;
        border-bottom-color: var(--ak-tabs-accent, var(--ak-color-primary));
      }
      [role="tabpanel"] {
        padding-top: var(--ak-space-4);
      }
      [role="tabpanel"]:focus {
        outline: none;
      }
    `,
  ];

  @property({ attribute: false }) tabs: readonly Tab[] = [];
  @property() selected = "";
  /** Names the tab list, e.g. "alice's details". */
  @property() label = "";

  render() {
    const selected = this.tabs.find((tab) => tab.id === this.selected) ?? this.tabs[0];
    return html`<div role="tablist" part="tablist" aria-label=${this.label} @keydown=${this.#onKeyDown}>
        ${this.tabs.map(
          (tab) =>
            html`<button
              id=${`tab-${tab.id}`}
              part="tab"
              role="tab"
              type="button"
              aria-selected=${tab === selected ? "true" : "false"}
              aria-controls="panel"
              tabindex=${tab === selected ? "0" : "-1"}
              @click=${() => this.#choose(tab.id)}
            >
              ${tab.label}
            </button>`,
        )}
      </div>
      <div id="panel" part="panel" role="tabpanel" aria-labelledby=${`tab-${selected?.id ?? ""}`}><slot></slot></div>`;
  }

  #choose(id: string): void {
    if (id !== this.selected) this.dispatchEvent(new TabChangeEvent(id));
  }

  #onKeyDown = async (event: KeyboardEvent) => {
    const index = this.tabs.findIndex((tab) => tab.id === this.selected);
    const count = this.tabs.length;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1 + count, Home: 0, End: count - 1 }[event.key];
    if (next === undefined || !count) return;
    event.preventDefault();
    const tab = this.tabs[next % count];
    this.#choose(tab.id);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${tab.id}`)?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-tabs": AkTabs;
  }
}
