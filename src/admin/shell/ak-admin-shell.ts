import { msg } from "@lit/localize";
import { Task, TaskStatus } from "@lit/task";
import { css, html, LitElement, nothing, unsafeCSS, type PropertyValues } from "lit";
import { customElement, property } from "lit/decorators.js";
import { ApiError } from "../../api/errors.ts";
import type { CurrentBrand } from "../../common/brand.ts";
import { documentTitle } from "../../common/document-title.ts";
import { errorMessage } from "../../common/error-message.ts";
import { focusPageHeading } from "../../common/router/focus.ts";
import { closestWithin } from "../../common/router/route-match.ts";
import { RouterController, type RouterLocation } from "../../common/router/router-controller.ts";
import type { UserSelf } from "../../common/session.ts";
import "../../common/shell/ak-topbar.ts";
import "../../elements/empty-state/ak-empty-state.ts";
import { closeIcon, menuIcon, retryIcon, userIcon } from "../../elements/icons/icons.ts";
import "../../elements/skeleton/ak-skeleton.ts";
import { buttonStyles, focusRing, progressBar, visuallyHidden } from "../../elements/styles/shared.ts";
import { navItems } from "../navigation.ts";
import { PageTitleEvent } from "../page-title.ts";
import { adminBase, adminRoutes, notFoundPage, type AdminPage } from "../routes.ts";
import "./ak-admin-sidebar.ts";
import type { AkAdminSidebar } from "./ak-admin-sidebar.ts";

interface ShownPage {
  readonly page: AdminPage;
  readonly element: HTMLElement;
  readonly location: RouterLocation<AdminPage>;
}

const narrow = "(max-width: 64rem)";

/**
 * The admin interface's frame for a superuser: top bar, sidebar and the routed page. Each route's
 * page module loads on first visit; while it loads the previous page stays (marked busy), and a
 * failed load shows an error with a retry. After every in-app navigation the document title becomes
 * `<Page> - <brand>` and focus moves to the new page's heading. On narrow screens the sidebar
 * collapses behind a menu button (Escape or choosing a page closes it).
 *
 * @cssprop --ak-admin-sidebar-width - the sidebar's width on wide screens (default 16rem)
 *
 * @csspart main - the `<main>` landmark holding the page
 */
@customElement("ak-admin-shell")
export class AkAdminShell extends LitElement {
  static styles = [
    visuallyHidden,
    focusRing,
    buttonStyles,
    progressBar,
    css`
      :host {
        display: block;
        --_topbar: 3.5rem;
        --_sidebar: var(--ak-admin-sidebar-width, 16rem);
      }
      .skip {
        position: absolute;
        z-index: 100;
        top: var(--ak-space-2);
        left: var(--ak-space-2);
        padding: var(--ak-space-2) var(--ak-space-4);
        background: var(--ak-color-surface);
        color: var(--ak-color-link);
        border-radius: var(--ak-radius);
        transform: translateY(-200%);
      }
      .skip:focus {
        transform: none;
      }
      ak-topbar {
        position: sticky;
        top: 0;
        z-index: 20;
        --ak-topbar-height: var(--_topbar);
      }
      .layout {
        display: grid;
        grid-template-columns: var(--_sidebar) minmax(0, 1fr);
        min-height: calc(100vh - var(--_topbar));
      }
      ak-admin-sidebar {
        position: sticky;
        top: var(--_topbar);
        height: calc(100vh - var(--_topbar));
        overflow-y: auto;
        overscroll-behavior: contain;
      }
      main {
        min-width: 0;
        outline: none;
      }
      .menu-toggle {
        display: none;
        padding: var(--ak-space-1);
        border: 1px solid transparent;
        border-radius: var(--ak-radius);
        background: transparent;
        color: inherit;
        cursor: pointer;
      }
      .menu-toggle:hover {
        border-color: currentColor;
      }
      .menu-toggle:focus-visible {
        outline-color: #8ec5f8;
      }
      .menu-toggle svg {
        display: block;
        width: 1.5rem;
        height: 1.5rem;
      }
      .backdrop {
        display: none;
      }
      .progress {
        position: sticky;
        top: var(--_topbar);
        z-index: 5;
      }
      .placeholder {
        display: grid;
        gap: var(--ak-space-3);
        padding: var(--ak-space-5) var(--ak-space-6);
        --ak-skeleton-height: 2rem;
        --ak-skeleton-width: 14rem;
      }
      .placeholder .short {
        --ak-skeleton-height: 1rem;
        --ak-skeleton-width: 22rem;
      }
      h1 {
        outline: none;
      }
      @media ${unsafeCSS(narrow)} {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
        .menu-toggle {
          display: block;
        }
        ak-admin-sidebar {
          display: none;
        }
        .menu-open ak-admin-sidebar {
          display: block;
          position: fixed;
          z-index: 15;
          top: var(--_topbar);
          left: 0;
          bottom: 0;
          width: min(18rem, 85vw);
          height: auto;
          box-shadow: var(--ak-shadow);
        }
        .menu-open .backdrop {
          display: block;
          position: fixed;
          z-index: 14;
          inset: var(--_topbar) 0 0 0;
          background: rgb(0 0 0 / 0.45);
        }
      }
    `,
  ];

  @property({ attribute: false }) user?: UserSelf;
  @property({ attribute: false }) brand?: CurrentBrand;

  readonly #router = new RouterController<AdminPage>(this, { base: adminBase, routes: adminRoutes });

  // Keyed on the path: a page that keeps its state in the query string (a table) stays, and follows the URL itself.
  readonly #page = new Task(this, {
    task: async ([, location]): Promise<ShownPage> => {
      const page = location.match?.route.value ?? notFoundPage;
      await page.load();
      const element = document.createElement(page.tag);
      Object.assign(element, page.props?.(location.match?.params) ?? {});
      if (!location.match) Object.assign(element, { path: window.location.pathname });
      return { page, element, location };
    },
    args: () => [this.#router.location.path, this.#router.location] as const,
    argsEqual: ([a], [b]) => a === b,
  });

  #menuOpen = false;
  /** Where the menu was opened: it closes once the location changes (a page was chosen, or back). */
  #menuOpenedAt?: RouterLocation<AdminPage>;
  /** The page element (or, for a failed load, the location) whose title and focus were last taken care of. */
  #settled?: unknown;

  connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener("keydown", this.#onKeyDown);
    this.addEventListener(PageTitleEvent.eventName, this.#onPageTitle);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener("keydown", this.#onKeyDown);
    this.removeEventListener(PageTitleEvent.eventName, this.#onPageTitle);
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Choosing a page (or going back) closes the narrow-screen menu.
    if (this.#menuOpen && this.#menuOpenedAt !== this.#router.location) this.#menuOpen = false;
  }

  protected updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const shown = this.#page.value;
    if (this.#page.status === TaskStatus.COMPLETE && shown && shown.element !== this.#settled) {
      this.#settled = shown.element;
      document.title = documentTitle(shown.page.title(), this.brand);
      if (shown.location.navigated) void focusPageHeading(shown.element);
    } else if (this.#page.status === TaskStatus.ERROR && this.#settled !== this.#router.location) {
      const location = (this.#settled = this.#router.location);
      document.title = documentTitle(msg("Page could not be loaded"), this.brand);
      const main = this.renderRoot.querySelector("main");
      if (location.navigated && main) void focusPageHeading(main);
    }
    if (changed.has("brand") && shown) document.title = documentTitle(shown.page.title(), this.brand);
  }

  render() {
    const location = this.#router.location;
    const current = location.match ? closestWithin(location.path, navItems.map((item) => item.path)) : undefined;
    const pending = this.#page.status === TaskStatus.PENDING || this.#page.status === TaskStatus.INITIAL;
    return html`<ak-topbar
        .brand=${this.brand}
        .user=${this.user}
        home=${`${adminBase}overview`}
        interface-name=${msg("Admin interface")}
        .otherInterface=${{ href: "/if/user/", label: msg("User interface"), icon: userIcon }}
      >
        <a slot="start" class="skip" href="#main" @click=${this.#skipToMain}>${msg("Skip to content")}</a>
        <button
          slot="start"
          class="menu-toggle"
          type="button"
          aria-controls="sidebar"
          aria-expanded=${this.#menuOpen ? "true" : "false"}
          @click=${this.#toggleMenu}
        >
          ${this.#menuOpen ? closeIcon : menuIcon}<span class="visually-hidden">${msg("Navigation menu")}</span>
        </button>
      </ak-topbar>
      <div class=${this.#menuOpen ? "layout menu-open" : "layout"}>
        <ak-admin-sidebar id="sidebar" current=${current ?? ""}></ak-admin-sidebar>
        <div class="backdrop" @click=${this.#closeMenu}></div>
        <main id="main" part="main" tabindex="-1" aria-busy=${pending ? "true" : "false"}>
          ${pending ? html`<div class="progress" role="status"><span class="visually-hidden">${msg("Loading page…")}</span></div>` : nothing}
          ${this.#page.render({
            initial: () => this.#placeholder(),
            pending: () => this.#page.value?.element ?? this.#placeholder(),
            complete: (shown) => shown.element,
            error: (err) =>
              html`<ak-empty-state icon="alert" variant="danger">
                <h1 slot="heading" tabindex="-1">${msg("This page could not be loaded")}</h1>
                <p>
                  ${err instanceof ApiError
                    ? errorMessage(err)
                    : msg("Its code could not be downloaded. Check your connection, or reload if ak-web was just updated.")}
                </p>
                <button slot="actions" class="button primary" type="button" @click=${() => this.#page.run()}>
                  ${retryIcon}${msg("Try again")}
                </button>
              </ak-empty-state>`,
          })}
        </main>
      </div>`;
  }

  #placeholder() {
    return html`<div class="placeholder"><ak-skeleton></ak-skeleton><ak-skeleton class="short"></ak-skeleton></div>`;
  }

  #toggleMenu = async () => {
    this.#menuOpen = !this.#menuOpen;
    this.#menuOpenedAt = this.#router.location;
    this.requestUpdate();
    if (this.#menuOpen) {
      await this.updateComplete;
      this.renderRoot.querySelector<AkAdminSidebar>("ak-admin-sidebar")?.focusCurrent();
    }
  };

  #closeMenu = () => {
    this.#menuOpen = false;
    this.requestUpdate();
  };

  #onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !this.#menuOpen || !window.matchMedia(narrow).matches) return;
    this.#closeMenu();
    this.renderRoot.querySelector<HTMLElement>(".menu-toggle")?.focus();
  };

  #onPageTitle = (event: Event) => {
    document.title = documentTitle((event as PageTitleEvent).title, this.brand);
  };

  #skipToMain = (event: Event) => {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>("main")?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-admin-shell": AkAdminShell;
  }
}
