import { msg } from "@lit/localize";
import { html, LitElement } from "lit";
import { customElement, property } from "lit/decorators.js";
import "../../elements/empty-state/ak-empty-state.ts";
import { buttonStyles, focusRing } from "../../elements/styles/shared.ts";
import { adminBase } from "../routes.ts";
import { pageStyles } from "./page-styles.ts";

/** The page for an admin path no route knows: says so, shows the path, and leads back to the overview. */
@customElement("ak-admin-not-found")
export class AkAdminNotFound extends LitElement {
  static styles = [pageStyles, buttonStyles, focusRing];

  /** The path that was asked for (shown as text). */
  @property() path = "";

  render() {
    return html`<div class="page-body">
      <ak-empty-state icon="search">
        <h1 slot="heading">${msg("Page not found")}</h1>
        <p>${msg("There is no admin page at")} <code>${this.path}</code>.</p>
        <p>${msg("The link may be out of date, or the address mistyped. Choose a page from the menu, or start again from the overview.")}</p>
        <a slot="actions" class="button primary" href=${`${adminBase}overview`}>${msg("Go to the overview")}</a>
      </ak-empty-state>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-admin-not-found": AkAdminNotFound;
  }
}
