import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import { customElement, state } from "lit/decorators.js";
import { msg, str } from "@lit/localize";
import type { components } from "../api/schema.d.ts";
import { ApiError } from "../api/errors.ts";
import { brandTitle, documentTitle } from "../common/document-title.ts";
import { fetchBrand, fetchChallenge, slugFromPath, solveChallenge, type Challenge, type ChallengeResponse } from "./flow-api.ts";
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

  readonly #slug = slugFromPath(location.pathname);
  readonly #query = location.search.replace(/^\?/, "");
  #stage?: StageElement<unknown>;
  #lastResponse?: ChallengeResponse;
  #redirected = false;
  #focusStage = false;
  /** The flow inspector, loaded only when the page asks for it. */
  #inspector?: FlowInspector;

  @state() private challenge?: Challenge;
  @state() private brand?: Brand;
  @state() private submitting = false;
  /** Why the current challenge could not be loaded or answered, if it could not. */
  @state() private failure?: string;

  connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(FlowSubmitEvent.eventName, (e) => void this.#submit((e as FlowSubmitEvent).response));
    fetchBrand().then(
      (brand) => (this.brand = brand),
      () => undefined, // The flow works without branding; the defaults show.
    );
    void this.#load();
    // Most flows open with identification: flow.html preloads its chunks, and running them now, while
    // the first challenge is on its way, leaves nothing to do when it arrives.
    void loadStage("ak-stage-identification");
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

  async #show(challenge: Challenge): Promise<void> {
    if (challenge.component === "xak-flow-redirect") {
      this.challenge = challenge;
      if (!this.#redirected) {
        this.#redirected = true;
        location.assign((challenge as components["schemas"]["RedirectChallenge"]).to);
      }
      return;
    }
    if (isKnownStage(challenge.component)) {
      const tag = await loadStage(challenge.component);
      if (this.#stage?.localName !== tag) this.#stage = document.createElement(tag) as StageElement<unknown>;
      this.#stage.challenge = challenge;
    } else {
      this.#stage = undefined;
    }
    this.challenge = challenge;
    this.#focusStage = true;
    this.#inspector?.refresh();
  }

  protected updated(changed: PropertyValues): void {
    if (this.#stage) this.#stage.submitting = this.submitting;
    if (changed.has("challenge") || changed.has("brand")) this.#updateTitle();
    if (changed.has("challenge")) this.#updateBackground();
    // Once the answer is in: while a response is pending the stage's buttons are disabled and cannot take focus.
    if (this.#focusStage && this.#stage && !this.submitting) {
      this.#focusStage = false;
      const stage = this.#stage;
      void stage.updateComplete.then(() => stage.focusFirstField());
    }
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
    if (!this.#stage) {
      const component = challenge.component;
      return html`<div class="alert" role="alert">
        <p>${msg(str`This step of the flow ("${component}") cannot be shown by this version of the interface.`)}</p>
        <a href=${challenge.flow_info?.cancel_url ?? "/flows/-/cancel/"}>${msg("Start over")}</a>
      </div>`;
    }
    return this.#stage;
  }

  #renderFooter() {
    const links = this.brand?.ui_footer_links ?? [];
    return html`<footer part="footer">
      ${links.map((link) => (link.href ? html`<a href=${link.href}>${link.name}</a>` : html`<span>${link.name}</span>`))}
      <span>${msg("Powered by authentik")}</span>
    </footer>`;
  }
}
