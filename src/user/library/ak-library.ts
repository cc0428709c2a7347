import { consume } from "@lit/context";
import { msg, str } from "@lit/localize";
import { Task } from "@lit/task";
import { css, html, LitElement, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import { errorMessage } from "../../common/error-message.ts";
import { sessionContext, type SessionUser } from "../../common/session.ts";
import "../../elements/empty-state/ak-empty-state.ts";
import { retryIcon, searchIcon } from "../../elements/icons/icons.ts";
import "../../elements/skeleton/ak-skeleton.ts";
import { buttonStyles, focusRing, visuallyHidden } from "../../elements/styles/shared.ts";
import "./ak-app-card.ts";
import { filterApplications, groupApplications, loadApplications, type Application } from "./library-data.ts";

/** The search is kept in the address, so a reload or a shared link shows the same results. */
const searchParam = "search";

/**
 * The application library: every application the signed-in user may open, grouped as the admins
 * grouped them, with a search that filters as you type.
 */
@customElement("ak-library")
export class AkLibrary extends LitElement {
  static styles = [
    visuallyHidden,
    focusRing,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        justify-content: space-between;
        gap: var(--ak-space-4);
        margin-bottom: var(--ak-space-5);
      }
      h1 {
        margin: 0;
        font-size: 1.75rem;
        line-height: 1.2;
      }
      h1:focus {
        outline: none;
      }
      h2 {
        margin: var(--ak-space-5) 0 var(--ak-space-3);
        font-size: 1.1rem;
      }
      .search {
        position: relative;
        width: min(22rem, 100%);
      }
      .search svg {
        position: absolute;
        left: var(--ak-space-2);
        top: 50%;
        width: 1.1rem;
        height: 1.1rem;
        transform: translateY(-50%);
        color: var(--ak-color-text-muted);
      }
      input {
        box-sizing: border-box;
        width: 100%;
        padding: var(--ak-space-2) var(--ak-space-2) var(--ak-space-2) 2rem;
        font: inherit;
        color: var(--ak-color-text);
        background: var(--ak-color-surface);
        border: 1px solid var(--ak-color-border);
        border-radius: var(--ak-radius);
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
        gap: var(--ak-space-4);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .grid ak-skeleton {
        --ak-skeleton-height: 5.5rem;
      }
      .count {
        margin: 0;
        color: var(--ak-color-text-muted);
        font-size: var(--ak-font-size-small);
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private session?: SessionUser;

  @state() private search = new URLSearchParams(window.location.search).get(searchParam) ?? "";

  readonly #applications = new Task(this, {
    task: (_args, { signal }) => loadApplications(signal),
    args: () => [],
  });

  render() {
    return html`<header>
        <div>
          <h1 tabindex="-1">${msg("My applications")}</h1>
          ${this.#count()}
        </div>
        <div class="search">
          ${searchIcon}
          <label class="visually-hidden" for="search">${msg("Search applications")}</label>
          <input
            id="search"
            type="search"
            .value=${this.search}
            placeholder=${msg("Search applications")}
            autocomplete="off"
            @input=${this.#onSearch}
          />
        </div>
      </header>
      ${this.#applications.render({
        initial: () => this.#loading(),
        pending: () => this.#loading(),
        error: (err) => this.#failed(err),
        complete: (apps) => this.#library(apps),
      })}`;
  }

  #count() {
    const apps = this.#applications.value;
    if (!apps?.length) return nothing;
    const shown = filterApplications(apps, this.search).length;
    const text = shown === apps.length ? msg(str`${apps.length} applications`) : msg(str`${shown} of ${apps.length} applications`);
    return html`<p class="count" role="status">${text}</p>`;
  }

  #library(apps: Application[]) {
    if (!apps.length) return this.#empty();
    const shown = filterApplications(apps, this.search);
    if (!shown.length) {
      return html`<ak-empty-state icon="search">
        <h2 slot="heading">${msg(str`No applications match “${this.search.trim()}”`)}</h2>
        <p>${msg("Try another word, or clear the search to see them all.")}</p>
        <button slot="actions" class="button" type="button" @click=${this.#clearSearch}>${msg("Clear the search")}</button>
      </ak-empty-state>`;
    }
    return groupApplications(shown).map(
      (group) => html`<section aria-label=${group.name || msg("Applications")}>
        ${group.name ? html`<h2>${group.name}</h2>` : nothing}
        <ul class="grid">
          ${group.applications.map((app) => html`<li><ak-app-card .application=${app}></ak-app-card></li>`)}
        </ul>
      </section>`,
    );
  }

  #empty() {
    const isAdmin = this.session?.user.is_superuser;
    return html`<ak-empty-state icon="build">
      <h2 slot="heading">${msg("No applications yet")}</h2>
      <p>
        ${isAdmin
          ? msg("Applications you add in the admin interface appear here for the people allowed to use them.")
          : msg("The applications you may use will appear here. If you expected some, ask an administrator.")}
      </p>
      ${isAdmin ? html`<a slot="actions" class="button primary" href="/if/admin/">${msg("Open the admin interface")}</a>` : nothing}
    </ak-empty-state>`;
  }

  #loading() {
    return html`<ul class="grid" aria-busy="true">
        ${[1, 2, 3].map(() => html`<li><ak-skeleton></ak-skeleton></li>`)}
      </ul>
      <span class="visually-hidden" role="status">${msg("Loading your applications…")}</span>`;
  }

  #failed(err: unknown) {
    return html`<ak-empty-state icon="alert" variant="danger">
      <h2 slot="heading">${msg("Your applications could not be loaded")}</h2>
      <p role="alert">${errorMessage(err)}</p>
      <button slot="actions" class="button primary" type="button" @click=${() => this.#applications.run()}>
        ${retryIcon}${msg("Try again")}
      </button>
    </ak-empty-state>`;
  }

  #onSearch = (event: InputEvent) => {
    this.#setSearch((event.target as HTMLInputElement).value);
  };

  #clearSearch = () => {
    this.#setSearch("");
    this.renderRoot.querySelector<HTMLInputElement>("#search")?.focus();
  };

  #setSearch(value: string) {
    this.search = value;
    const url = new URL(window.location.href);
    if (value.trim()) url.searchParams.set(searchParam, value);
    else url.searchParams.delete(searchParam);
    window.history.replaceState(window.history.state, "", url);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-library": AkLibrary;
  }
}
