import { msg } from "@lit/localize";
import { css, html, LitElement } from "lit";
import { customElement } from "lit/decorators.js";
import { documentTitle } from "../../common/document-title.ts";
import { InterfaceLoader, interfaceRootStyles } from "../../common/shell/interface-loader.ts";
import "../../elements/skeleton/ak-skeleton.ts";
import "./ak-admin-refusal.ts";
import "./ak-admin-shell.ts";

/**
 * The admin interface's root (`<ak-admin-interface>` in admin.html). It asks who is signed in
 * (and loads the brand alongside), then shows the admin shell to a superuser, a refusal to anyone
 * else, and sends a signed-out visitor to sign in and back. It provides the session and brand as
 * contexts (`sessionContext`, `brandContext`) to every element below it.
 */
@customElement("ak-admin-interface")
export class AkAdminInterface extends LitElement {
  static styles = [
    interfaceRootStyles,
    css`
      .loading {
        display: grid;
        grid-template-rows: 3.5rem 1fr;
        min-height: 100vh;
      }
      .loading .bar {
        background: var(--ak-color-sidebar);
      }
      .loading .body {
        display: grid;
        align-content: start;
        gap: var(--ak-space-3);
        padding: var(--ak-space-6);
        --ak-skeleton-width: min(20rem, 80%);
        --ak-skeleton-height: 2rem;
      }
    `,
  ];

  readonly #loader = new InterfaceLoader(this, () => msg("The admin interface could not be loaded"));

  protected updated(): void {
    const value = this.#loader.value;
    if (value?.session && !value.session.user.is_superuser) {
      document.title = documentTitle(msg("Access denied"), value.brand);
    }
  }

  render() {
    return this.#loader.render(
      () => this.#loading(),
      ({ session, brand }) =>
        session.user.is_superuser
          ? html`<ak-admin-shell .user=${session.user} .brand=${brand}></ak-admin-shell>`
          : html`<ak-admin-refusal .user=${session.user} .brand=${brand}></ak-admin-refusal>`,
    );
  }

  #loading() {
    return html`<div class="loading">
      <div class="bar"></div>
      <main class="body">
        <ak-skeleton></ak-skeleton>
        <span class="visually-hidden" role="status">${msg("Loading the admin interface…")}</span>
      </main>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-admin-interface": AkAdminInterface;
  }
}
