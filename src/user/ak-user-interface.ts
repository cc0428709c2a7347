import { msg } from "@lit/localize";
import { css, html, LitElement } from "lit";
import { customElement } from "lit/decorators.js";
import { documentTitle } from "../common/document-title.ts";
import "../common/shell/ak-topbar.ts";
import { InterfaceLoader, interfaceRootStyles } from "../common/shell/interface-loader.ts";
import { adminIcon } from "../elements/icons/icons.ts";
import "../elements/skeleton/ak-skeleton.ts";
import "./library/ak-library.ts";

/**
 * The user interface's root (`<ak-user-interface>` in user.html): the top bar with the signed-in
 * user and sign-out, and their application library. A signed-out visitor is sent to sign in and back.
 */
@customElement("ak-user-interface")
export class AkUserInterface extends LitElement {
  static styles = [
    interfaceRootStyles,
    css`
      ak-topbar {
        position: sticky;
        top: 0;
        z-index: 20;
      }
      main {
        box-sizing: border-box;
        width: min(80rem, 100%);
        margin: 0 auto;
        padding: var(--ak-space-6);
      }
      @media (max-width: 48rem) {
        main {
          padding: var(--ak-space-4);
        }
      }
      .loading-bar {
        height: 3.5rem;
        background: var(--ak-color-sidebar);
      }
      .loading ak-skeleton {
        --ak-skeleton-width: min(20rem, 80%);
        --ak-skeleton-height: 2rem;
      }
    `,
  ];

  readonly #loader = new InterfaceLoader(this, () => msg("Your user interface could not be loaded"));

  protected updated(): void {
    document.title = documentTitle(msg("My applications"), this.#loader.value?.brand);
  }

  render() {
    return this.#loader.render(
      () =>
        html`<div class="loading-bar"></div>
          <main class="loading">
            <ak-skeleton></ak-skeleton>
            <span class="visually-hidden" role="status">${msg("Loading…")}</span>
          </main>`,
      ({ session, brand }) =>
        html`<ak-topbar
            .brand=${brand}
            .user=${session.user}
            home="/if/user/"
            .otherInterface=${session.user.is_superuser ? { href: "/if/admin/", label: msg("Admin interface"), icon: adminIcon } : undefined}
          ></ak-topbar>
          <main id="main">
            <ak-library></ak-library>
          </main>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-user-interface": AkUserInterface;
  }
}
