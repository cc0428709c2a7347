import { msg } from "@lit/localize";
import { css, html, LitElement, nothing, type SVGTemplateResult } from "lit";
import { customElement, property } from "lit/decorators.js";
import { signOutIcon, userIcon } from "../../elements/icons/icons.ts";
import { focusRing, visuallyHidden, visuallyHiddenDeclarations } from "../../elements/styles/shared.ts";
import "../../elements/theme-switch/ak-theme-switch.ts";
import type { CurrentBrand } from "../brand.ts";
import { brandTitle } from "../document-title.ts";
import { signOutPath, type UserSelf } from "../session.ts";

/** A link to another interface, shown in the bar (e.g. from the admin interface to the user one). */
export interface InterfaceLink {
  readonly href: string;
  readonly label: string;
  readonly icon: SVGTemplateResult;
}

/**
 * The top bar of the user and admin interfaces: the brand (linking to the interface's home) with
 * the interface's name, the theme choice, the signed-in user, a link to the other interface, and
 * sign-out. Server data (names, the logo address) is only ever rendered as text and attributes.
 *
 * @slot start - before the brand, inside the banner landmark; the shell puts its skip link and menu button here
 *
 * @cssprop --ak-topbar-background - default: the sidebar token, so brand logos made for authentik's dark masthead fit
 * @cssprop --ak-topbar-color - default: the on-sidebar token
 * @cssprop --ak-topbar-height - default 3.5rem
 * @cssprop --ak-topbar-logo-height - default 2rem
 *
 * @csspart bar - the bar's box
 * @csspart logo - the brand logo image
 * @csspart user - the signed-in user's avatar and name
 * @csspart avatar - the user's avatar image
 */
@customElement("ak-topbar")
export class AkTopbar extends LitElement {
  static styles = [
    visuallyHidden,
    focusRing,
    css`
      :host {
        display: block;
        --_color: var(--ak-topbar-color, var(--ak-color-on-sidebar));
        --_accent: #8ec5f8;
      }
      .bar {
        display: flex;
        align-items: center;
        gap: var(--ak-space-3);
        box-sizing: border-box;
        height: var(--ak-topbar-height, 3.5rem);
        padding: 0 var(--ak-space-4);
        background: var(--ak-topbar-background, var(--ak-color-sidebar));
        color: var(--_color);
        border-bottom: 1px solid color-mix(in srgb, var(--_color) 18%, transparent);
      }
      :focus-visible {
        outline-color: var(--_accent);
      }
      a {
        color: var(--_color);
      }
      .brand {
        display: inline-flex;
        align-items: center;
        gap: var(--ak-space-2);
        min-width: 0;
        text-decoration: none;
        font-weight: 700;
      }
      .brand img {
        display: block;
        height: var(--ak-topbar-logo-height, 2rem);
        max-width: 11rem;
        object-fit: contain;
      }
      .brand .title {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .interface {
        padding: 0 var(--ak-space-2);
        border-left: 1px solid color-mix(in srgb, var(--_color) 35%, transparent);
        font-weight: 400;
        font-size: var(--ak-font-size-small);
        white-space: nowrap;
      }
      .spacer {
        flex: 1;
      }
      ak-theme-switch {
        --ak-theme-switch-color: color-mix(in srgb, var(--_color) 82%, transparent);
        --ak-theme-switch-background: transparent;
        --ak-theme-switch-border-color: color-mix(in srgb, var(--_color) 40%, transparent);
        --ak-theme-switch-selected-color: var(--ak-color-sidebar);
        --ak-theme-switch-selected-background: var(--_color);
      }
      .user {
        display: flex;
        align-items: center;
        gap: var(--ak-space-2);
        min-width: 0;
      }
      .avatar {
        width: 2rem;
        height: 2rem;
        flex: none;
        border-radius: 50%;
        background: color-mix(in srgb, var(--_color) 25%, transparent);
        object-fit: cover;
      }
      .names {
        display: grid;
        min-width: 0;
        line-height: 1.2;
      }
      .names span {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        max-width: 12rem;
      }
      .name {
        font-weight: 600;
        font-size: var(--ak-font-size-small);
      }
      .username {
        font-size: 0.75rem;
        color: color-mix(in srgb, var(--_color) 80%, transparent);
      }
      .action {
        display: inline-flex;
        align-items: center;
        gap: var(--ak-space-1);
        padding: var(--ak-space-1) var(--ak-space-2);
        border-radius: var(--ak-radius);
        font-size: var(--ak-font-size-small);
        text-decoration: none;
        white-space: nowrap;
      }
      .action:hover {
        background: color-mix(in srgb, var(--_color) 12%, transparent);
        text-decoration: underline;
      }
      .action svg {
        width: 1.1rem;
        height: 1.1rem;
      }
      @media (max-width: 64rem) {
        .interface {
          display: none;
        }
        .names {
          ${visuallyHiddenDeclarations}
        }
      }
      @media (max-width: 48rem) {
        .bar {
          gap: var(--ak-space-2);
          padding: 0 var(--ak-space-2);
        }
        .action .text {
          ${visuallyHiddenDeclarations}
        }
        ak-theme-switch::part(name) {
          ${visuallyHiddenDeclarations}
        }
        .brand {
          flex: none;
        }
        .brand img {
          height: 1.75rem;
          max-width: 7rem;
          object-position: left center;
        }
        ak-theme-switch::part(option) {
          padding: var(--ak-space-1) var(--ak-space-2);
        }
      }
      @media (max-width: 30rem) {
        .brand img {
          max-width: 5.5rem;
        }
        .avatar {
          display: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) brand?: CurrentBrand;
  @property({ attribute: false }) user?: UserSelf;
  /** Where the brand leads: the interface's home page. */
  @property() home = "/";
  /** The interface's name, beside the brand; none for the user interface. */
  @property({ attribute: "interface-name" }) interfaceName = "";
  @property({ attribute: false }) otherInterface?: InterfaceLink;

  #logoFailed = false;

  render() {
    const title = brandTitle(this.brand);
    const logo = this.brand?.branding_logo;
    const user = this.user;
    const displayName = user ? user.name || user.username : "";
    return html`<header class="bar" part="bar">
      <slot name="start"></slot>
      <a class="brand" href=${this.home}>
        ${logo && !this.#logoFailed
          ? html`<img part="logo" src=${logo} alt=${title} @error=${this.#onLogoError} />`
          : html`<span class="title">${title}</span>`}
        ${this.interfaceName ? html`<span class="interface">${this.interfaceName}</span>` : nothing}
      </a>
      <span class="spacer"></span>
      <ak-theme-switch></ak-theme-switch>
      ${user
        ? html`<div class="user" part="user">
            ${user.avatar
              ? html`<img class="avatar" part="avatar" src=${user.avatar} alt="" />`
              : html`<span class="avatar" part="avatar">${userIcon}</span>`}
            <div class="names">
              <span class="visually-hidden">${msg("Signed in as")}</span>
              <span class="name">${displayName}</span>
              ${user.name && user.name !== user.username ? html`<span class="username">${user.username}</span>` : nothing}
            </div>
          </div>`
        : nothing}
      ${this.otherInterface
        ? html`<a class="action" href=${this.otherInterface.href}><span class="text">${this.otherInterface.label}</span>${this.otherInterface.icon}</a>`
        : nothing}
      <a class="action" href=${signOutPath}>${signOutIcon}<span class="text">${msg("Sign out")}</span></a>
    </header>`;
  }

  #onLogoError = () => {
    this.#logoFailed = true;
    this.requestUpdate();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-topbar": AkTopbar;
  }
}
