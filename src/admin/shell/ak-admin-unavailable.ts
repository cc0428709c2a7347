import { msg, str } from "@lit/localize";
import { html, LitElement } from "lit";
import { customElement, property } from "lit/decorators.js";
import "../../elements/empty-state/ak-empty-state.ts";
import { buttonStyles, focusRing } from "../../elements/styles/shared.ts";
import { adminBase } from "../routes.ts";
import { pageStyles } from "./page-styles.ts";

/**
 * The page of an admin section this version does not have yet. It says so plainly and names the
 * authentik API area the page will use, so nobody mistakes it for a broken or empty list.
 */
@customElement("ak-admin-unavailable")
export class AkAdminUnavailable extends LitElement {
  static styles = [pageStyles, buttonStyles, focusRing];

  /** The section's page name, e.g. "Providers". */
  @property() feature = "";

  /** The sidebar group it belongs to, e.g. "Applications". */
  @property() section = "";

  /** The API area the page will use, e.g. `/api/v3/providers/all/`. */
  @property() api = "";

  render() {
    return html`<header class="page-header">
        <h1>${this.feature}</h1>
        ${this.section ? html`<p>${this.section}</p>` : ""}
      </header>
      <div class="page-body">
        <ak-empty-state icon="build">
          <h2 slot="heading">${msg("Not available in this version yet")}</h2>
          <p>${msg(str`This version of the admin interface does not have the ${this.feature} page yet. Nothing is broken and nothing was changed.`)}</p>
          <p>${msg("When it is built, this page will use the authentik API area")} <code>${this.api}</code>.</p>
          <a slot="actions" class="button primary" href=${`${adminBase}overview`}>${msg("Go to the overview")}</a>
        </ak-empty-state>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-admin-unavailable": AkAdminUnavailable;
  }
}
