import { msg, str } from "@lit/localize";
import { css, html, LitElement } from "lit";
import { customElement, property } from "lit/decorators.js";
import type { CurrentBrand } from "../../common/brand.ts";
import { brandTitle } from "../../common/document-title.ts";
import { signOutPath, type UserSelf } from "../../common/session.ts";
import "../../elements/empty-state/ak-empty-state.ts";
import { buttonStyles, focusRing } from "../../elements/styles/shared.ts";

/**
 * What a signed-in user who is not a superuser sees at `/if/admin/`: a plain refusal naming the
 * account they are signed in with, and the ways on (their own user interface, or signing out to
 * switch accounts). The admin shell is never rendered for them.
 *
 * @csspart logo - the brand logo
 */
@customElement("ak-admin-refusal")
export class AkAdminRefusal extends LitElement {
  static styles = [
    buttonStyles,
    focusRing,
    css`
      :host {
        display: grid;
        place-items: center;
        min-height: 100vh;
        box-sizing: border-box;
        padding: var(--ak-space-4);
      }
      .card {
        width: min(36rem, 100%);
        padding: var(--ak-space-5) var(--ak-space-4);
        background: var(--ak-color-surface);
        border: 1px solid var(--ak-color-border);
        border-radius: var(--ak-radius);
        box-shadow: var(--ak-shadow);
        text-align: center;
      }
      img {
        height: 2.5rem;
        max-width: 12rem;
        object-fit: contain;
      }
      .who {
        color: var(--ak-color-text);
        font-weight: 600;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) user?: UserSelf;
  @property({ attribute: false }) brand?: CurrentBrand;

  render() {
    const title = brandTitle(this.brand);
    const who = this.user ? (this.user.name ? `${this.user.name} (${this.user.username})` : this.user.username) : "";
    return html`<main class="card">
      ${this.brand?.branding_logo ? html`<img part="logo" src=${this.brand.branding_logo} alt=${title} />` : ""}
      <ak-empty-state icon="lock">
        <h1 slot="heading">${msg("You don't have access to the admin interface")}</h1>
        <p>${msg("You are signed in as")} <span class="who">${who}</span>.</p>
        <p>${msg(str`Only administrators (superusers) can manage ${title} here. If you need access, ask one of them.`)}</p>
        <a slot="actions" class="button primary" href="/if/user/">${msg("Go to your user interface")}</a>
        <a slot="actions" class="button" href=${signOutPath}>${msg("Sign out")}</a>
      </ak-empty-state>
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-admin-refusal": AkAdminRefusal;
  }
}
