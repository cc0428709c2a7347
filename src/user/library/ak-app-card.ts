import { msg } from "@lit/localize";
import { css, html, LitElement, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { safeLinkUrl } from "../../common/safe-url.ts";
import { focusRing, visuallyHidden } from "../../elements/styles/shared.ts";
import type { Application } from "./library-data.ts";

/**
 * One application in the library: its icon (or initial), name, publisher and description. The
 * whole card is the launch link; an application without a usable launch URL says so instead.
 *
 * @cssprop --ak-app-card-icon-size - default 3rem
 *
 * @csspart card - the card's box (the link, when there is one)
 * @csspart icon - the icon or initial
 */
@customElement("ak-app-card")
export class AkAppCard extends LitElement {
  static styles = [
    visuallyHidden,
    focusRing,
    css`
      :host {
        display: block;
        --_icon: var(--ak-app-card-icon-size, 3rem);
      }
      .card {
        display: grid;
        grid-template-columns: var(--_icon) minmax(0, 1fr);
        gap: var(--ak-space-3);
        align-items: start;
        box-sizing: border-box;
        height: 100%;
        padding: var(--ak-space-4);
        background: var(--ak-color-surface);
        border: 1px solid var(--ak-color-border);
        border-radius: var(--ak-radius);
        color: var(--ak-color-text);
        text-decoration: none;
      }
      a.card:hover {
        border-color: var(--ak-color-primary);
        box-shadow: var(--ak-shadow);
      }
      a.card:hover .name {
        text-decoration: underline;
      }
      .icon {
        display: grid;
        place-items: center;
        width: var(--_icon);
        height: var(--_icon);
        border-radius: var(--ak-radius);
        background: var(--ak-color-surface-raised);
        border: 1px solid var(--ak-color-border);
        font-size: 1.4rem;
        font-weight: 700;
        color: var(--ak-color-primary);
        object-fit: contain;
        box-sizing: border-box;
      }
      .text {
        display: grid;
        gap: var(--ak-space-1);
        min-width: 0;
      }
      .name {
        font-weight: 600;
        color: var(--ak-color-link);
        overflow-wrap: anywhere;
      }
      div.card .name {
        color: var(--ak-color-text);
      }
      .publisher,
      .note {
        font-size: var(--ak-font-size-small);
        color: var(--ak-color-text-muted);
      }
      .description {
        font-size: var(--ak-font-size-small);
        overflow-wrap: anywhere;
        display: -webkit-box;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
    `,
  ];

  @property({ attribute: false }) application?: Application;

  render() {
    const app = this.application;
    if (!app) return nothing;
    const href = safeLinkUrl(app.launch_url);
    const body = html`${this.#icon(app)}
      <span class="text">
        <span class="name">${app.name}</span>
        ${app.meta_publisher ? html`<span class="publisher">${app.meta_publisher}</span>` : nothing}
        ${app.meta_description ? html`<span class="description">${app.meta_description}</span>` : nothing}
        ${href ? nothing : html`<span class="note">${msg("This application has no launch address.")}</span>`}
        ${href && app.open_in_new_tab ? html`<span class="visually-hidden">${msg("(opens in a new tab)")}</span>` : nothing}
      </span>`;
    if (!href) return html`<div class="card" part="card">${body}</div>`;
    return app.open_in_new_tab
      ? html`<a class="card" part="card" href=${href} target="_blank" rel="noopener noreferrer">${body}</a>`
      : html`<a class="card" part="card" href=${href}>${body}</a>`;
  }

  #icon(app: Application) {
    const icon = safeLinkUrl(app.meta_icon);
    if (icon) return html`<img class="icon" part="icon" src=${icon} alt="" />`;
    return html`<span class="icon" part="icon" aria-hidden="true">${[...app.name.trim()][0]?.toLocaleUpperCase() ?? "?"}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-app-card": AkAppCard;
  }
}
