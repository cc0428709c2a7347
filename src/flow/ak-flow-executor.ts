import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { html as staticHtml, unsafeStatic } from "lit/static-html.js";
import { msg, str } from "@lit/localize";
import type { components } from "../api/schema.d.ts";
import { ApiError } from "../api/errors.ts";
import { brandTitle, documentTitle } from "../common/document-title.ts";
import { fetchBrand, fetchChallenge, slugFromPath, solveChallenge, type Challenge, type ChallengeResponse } from "./flow-api.ts";
import { takeFromPage } from "./page-data.ts";
import { flowLayoutStyles } from "./flow-layout.styles.ts";
import { isKnownStage, loadStage } from "./stage-registry.ts";
import { FlowSubmitEvent, type StageElement } from "./stage-element.ts";
import type { FlowInspector } from "./inspector/ak-flow-inspector.ts";

type Brand = components["schemas"]["CurrentBrand"];

const describe = (error: unknown) =>
  error instanceof ApiError ? error.message : msg("This page could not be loaded. Check your connection and try again.");

/** A CSS `url()` for any string: quotes, backslashes and line breaks cannot end it early. */
const cssUrl = (value: string) => `url("${value.replace(/["\\\n\r]/g, (ch) => `\\${ch.charCodeAt(0).toString(16)} `)}")`;

/**
 * Runs an authentik flow: fetches the current challenge, shows the stage that renders it, and sends
 * the stage's response back, until the flow redirects. The stage element is kept while its
 * challenge comes back (e.g. with errors), so nothing the user typed is lost, also on failures.
 *
 * @cssprop --ak-flow-card-width - Width of the card holding the stage (default 28rem).
 * @cssprop --ak-flow-background-image - The page background; set from the flow's background.
 * @csspart layout - The full-page area carrying the flow's background.
 * @csspart card - The card holding the brand, title and stage.
 * @csspart logo - The brand logo above the title.
 * @csspart title - The flow's title.
 * @csspart footer - The brand's footer links.
 *
 * With `?inspector` in the page's URL, administrators get the flow inspector beside the card.
 */
@customElement("ak-flow-executor")
export class FlowExecutor extends LitElement {
  static styles = [
    flowLayoutStyles,
    css`
      header {
        display: grid;
        justify-items: center;
        gap: var(--ak-space-3);
        margin-bottom: var(--ak-space-5);
      }
      .logo {
        max-height: 3rem;
        max-width: 100%;
      }
      h1 {
        margin: 0;
        font-size: 1.5rem;
        text-align: center;
      }
      .alert {
        margin: 0 0 var(--ak-space-4);
        padding: var(--ak-space-3);
        border-left: 4px solid var(--ak-color-danger);
        background: var(--ak-color-danger-surface);
      }
      .alert p {
        margin: 0 0 var(--ak-space-2);
      }
      .alert button,
      .alert a {
        font: inherit;
        color: var(--ak-color-link);
      }
      .status {
        margin: 0;
        text-align: center;
        color: var(--ak-color-text-muted);
      }
      footer {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ak-space-4);
        padding: var(--ak-space-1) var(--ak-space-3);
        border-radius: var(--ak-radius);
        font-size: var(--ak-font-size-small);
        color: var(--ak-color-text);
        background: var(--ak-color-surface);
      }
      footer a {
        color: inherit;
      }
      @media (min-width: 64rem) {
        ak-flow-inspector[open] ~ .layout {
          padding-inline-end: calc(var(--ak-flow-inspector-width, 26rem) + var(--ak-space-4));
        }
      }
    `,
  ];

  #lastResponse?: ChallengeResponse;
  #redirected = false;
  /** The server rendered the page: where the user already is in its first stage, focus stays. */
  #serverRendered = false;
  #focusStage = false;
  /** The flow inspector, loaded only when the page asks for it. */
  #inspector?: FlowInspector;

  /** The challenge shown; the server sets the first one when it renders the page (server/http/flow-page.ts). */
  @property({ attribute: false }) challenge?: Challenge;
  @property({ attribute: false }) brand?: Brand;
  @state() private submitting = false;
  /** Why the current challenge could not be loaded or answered, if it could not. */
  @state() private failure?: string;

  get #slug() {
    return slugFromPath(location.pathname);
  }

  get #query() {
    return location.search.replace(/^\?/, "");
  }

  connectedCallback(): void {
    // The page's own copies first: the server rendered the page from them, so the first render here
    // must show the same to take over the server's markup (hydration) instead of replacing it.
    this.#serverRendered = Boolean(this.shadowRoot);
    this.brand = takeFromPage("brand");
    const first = takeFromPage("challenge");
    if (first) this.#showRendered(first);
    super.connectedCallback();
    this.addEventListener(FlowSubmitEvent.eventName, (e) => void this.#submit((e as FlowSubmitEvent).response));
    if (!this.brand) {
      fetchBrand().then(
        (brand) => (this.brand = brand),
        () => undefined, // The flow works without branding; the defaults show.
      );
    }
    if (!first) void this.#load();
    if (new URLSearchParams(this.#query).has("inspector")) void this.#loadInspector();
  }

  async #loadInspector(): Promise<void> {
    await import("./inspector/ak-flow-inspector.ts");
    const inspector = document.createElement("ak-flow-inspector");
    inspector.slug = this.#slug;
    this.#inspector = inspector;
    this.requestUpdate();
  }

  async #load(): Promise<void> {
    this.failure = undefined;
    try {
      await this.#show(await fetchChallenge(this.#slug, this.#query));
    } catch (error) {
      this.failure = describe(error);
    }
  }

  async #submit(response: ChallengeResponse): Promise<void> {
    if (this.submitting) return;
    this.#lastResponse = response;
    this.submitting = true;
    this.failure = undefined;
    try {
      await this.#show(await solveChallenge(this.#slug, this.#query, response));
    } catch (error) {
      this.failure = describe(error);
    } finally {
      this.submitting = false;
    }
  }

  #retry(): void {
    if (this.challenge && this.#lastResponse) void this.#submit(this.#lastResponse);
    else void this.#load();
  }

  /** Shows a challenge once its stage's module is loaded, so the stage on screen until then stays. */
  async #show(challenge: Challenge): Promise<void> {
    if (isKnownStage(challenge.component)) await loadStage(challenge.component);
    this.#showRendered(challenge);
  }

  /** Shows a challenge now; a stage whose module is still loading takes over its markup when it arrives. */
  #showRendered(challenge: Challenge): void {
    this.challenge = challenge;
    if (challenge.component === "xak-flow-redirect") {
      if (!this.#redirected) {
        this.#redirected = true;
        location.assign((challenge as components["schemas"]["RedirectChallenge"]).to);
      }
      return;
    }
    if (isKnownStage(challenge.component)) void loadStage(challenge.component);
    this.#focusStage = true;
    this.#inspector?.refresh();
  }

  protected updated(changed: PropertyValues): void {
    if (changed.has("challenge") || changed.has("brand")) this.#updateTitle();
    if (changed.has("challenge")) this.#updateBackground();
    // Once the answer is in: while a response is pending the stage's buttons are disabled and cannot take focus.
    const stage = this.#stageElement();
    if (this.#focusStage && stage && !this.submitting) {
      this.#focusStage = false;
      void this.#focusFirstField(stage);
    }
  }

  #stageElement(): StageElement<unknown> | null {
    const component = this.challenge?.component;
    return component && isKnownStage(component) ? this.renderRoot.querySelector<StageElement<unknown>>(component) : null;
  }

  /** Focuses the stage's first field, unless the user is already in the stage the server rendered. */
  async #focusFirstField(stage: StageElement<unknown>): Promise<void> {
    const keepFocus = this.#serverRendered;
    this.#serverRendered = false;
    await customElements.whenDefined(stage.localName);
    await stage.updateComplete;
    if (!(keepFocus && stage.matches(":focus-within"))) stage.focusFirstField();
  }

  /** Set through the CSSOM: the CSP refuses style attributes written as markup. */
  #updateBackground(): void {
    const background = this.challenge?.flow_info?.background;
    if (background) this.style.setProperty("--ak-flow-background-image", cssUrl(background));
    else this.style.removeProperty("--ak-flow-background-image");
  }

  #updateTitle(): void {
    document.title = documentTitle(this.challenge?.flow_info?.title, this.brand);
  }

  render() {
    const info = this.challenge?.flow_info;
    return html`${this.#inspector ?? nothing}<div part="layout" class="layout ${info?.layout ?? "stacked"}">
      <main part="card" class="card" aria-busy=${this.submitting || !this.challenge ? "true" : "false"}>
        <header>
          <img part="logo" class="logo" src=${this.brand?.branding_logo ?? "/static/dist/brand/logo.svg"} alt=${brandTitle(this.brand)} />
          ${info?.title ? html`<h1 part="title">${info.title}</h1>` : nothing}
        </header>
        ${this.#renderFailure()} ${this.#renderNonFieldErrors()} ${this.#renderBody()}
      </main>
      ${this.#renderFooter()}
    </div>`;
  }

  #renderFailure() {
    if (!this.failure) return nothing;
    return html`<div class="alert" role="alert">
      <p>${this.failure}</p>
      <button type="button" @click=${() => this.#retry()}>${msg("Try again")}</button>
    </div>`;
  }

  #renderNonFieldErrors() {
    const errors = this.challenge?.response_errors?.non_field_errors;
    if (!errors?.length) return nothing;
    return html`<div class="alert" role="alert">${errors.map((e) => html`<p>${e.string}</p>`)}</div>`;
  }

  #renderBody() {
    const challenge = this.challenge;
    if (!challenge) return this.failure ? nothing : html`<p class="status" role="status">${msg("Loading…")}</p>`;
    if (challenge.component === "xak-flow-redirect") {
      const to = (challenge as components["schemas"]["RedirectChallenge"]).to;
      return html`<p class="status" role="status">${msg("Redirecting…")} <a href=${to}>${msg("Continue")}</a></p>`;
    }
    if (!isKnownStage(challenge.component)) {
      const component = challenge.component;
      return html`<div class="alert" role="alert">
        <p>${msg(str`This step of the flow ("${component}") cannot be shown by this version of the interface.`)}</p>
        <a href=${challenge.flow_info?.cancel_url ?? "/flows/-/cancel/"}>${msg("Start over")}</a>
      </div>`;
    }
    // The registry's own tag names only. One template per tag, so the same stage shown again keeps its element and what was typed in it.
    const tag = unsafeStatic(challenge.component);
    return staticHtml`<${tag} .challenge=${challenge} .submitting=${this.submitting}></${tag}>`;
  }

  #renderFooter() {
    const links = this.brand?.ui_footer_links ?? [];
    return html`<footer part="footer">
      ${links.map((link) => (link.href ? html`<a href=${link.href}>${link.name}</a>` : html`<span>${link.name}</span>`))}
      <span>${msg("Powered by authentik")}</span>
    </footer>`;
  }
}
