import { css, html, LitElement, type TemplateResult } from "lit";
import { customElement, property } from "lit/decorators.js";
import { alertIcon, buildIcon, lockIcon, searchIcon } from "../icons/icons.ts";

export type EmptyStateIcon = "none" | "search" | "lock" | "build" | "alert";

const icons: Record<EmptyStateIcon, TemplateResult | undefined> = {
  none: undefined,
  search: html`${searchIcon}`,
  lock: html`${lockIcon}`,
  build: html`${buildIcon}`,
  alert: html`${alertIcon}`,
};

/**
 * A whole-area message: nothing here yet, not found, not allowed, or failed. The heading is
 * slotted, so the page chooses its level (an `h1` for a page, an `h2` inside one) and it stays in
 * the page's own tree for focus management.
 *
 * @slot heading - the heading element, e.g. `<h1 slot="heading">`
 * @slot - the explanation (paragraphs)
 * @slot actions - links or buttons that lead on
 * @slot icon - a custom icon, replacing the one chosen by the `icon` attribute
 *
 * @cssprop --ak-empty-state-icon-color - the icon's colour; defaults to the muted text colour, or the danger colour when `variant="danger"`
 * @cssprop --ak-empty-state-max-width - the widest the text runs (default 40rem)
 *
 * @csspart base - the centred container
 * @csspart icon - the icon's container
 * @csspart body - the explanation's container
 * @csspart actions - the actions' container
 */
@customElement("ak-empty-state")
export class AkEmptyState extends LitElement {
  static styles = css`
    :host {
      display: block;
      --_icon-color: var(--ak-empty-state-icon-color, var(--ak-color-text-muted));
    }
    :host([variant="danger"]) {
      --_icon-color: var(--ak-empty-state-icon-color, var(--ak-color-danger));
    }
    .base {
      display: grid;
      justify-items: center;
      gap: var(--ak-space-3);
      max-width: var(--ak-empty-state-max-width, 40rem);
      margin: 0 auto;
      padding: var(--ak-space-6) var(--ak-space-4);
      text-align: center;
    }
    .icon {
      color: var(--_icon-color);
    }
    .icon svg,
    ::slotted([slot="icon"]) {
      width: 3rem;
      height: 3rem;
    }
    ::slotted([slot="heading"]) {
      margin: 0;
      font-size: 1.5rem;
      line-height: 1.25;
    }
    .body {
      color: var(--ak-color-text-muted);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: var(--ak-space-3);
      margin-top: var(--ak-space-2);
    }
  `;

  /** The built-in icon to show above the heading. */
  @property({ reflect: true }) icon: EmptyStateIcon = "none";

  /** `danger` colours the icon for failures. */
  @property({ reflect: true }) variant: "neutral" | "danger" = "neutral";

  render() {
    return html`<div class="base" part="base">
      <div class="icon" part="icon"><slot name="icon">${icons[this.icon]}</slot></div>
      <slot name="heading"></slot>
      <div class="body" part="body"><slot></slot></div>
      <div class="actions" part="actions"><slot name="actions"></slot></div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-empty-state": AkEmptyState;
  }
}
