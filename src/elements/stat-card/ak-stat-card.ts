import { msg } from "@lit/localize";
import { Task, TaskStatus } from "@lit/task";
import { css, html, LitElement, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { errorMessage } from "../../common/error-message.ts";
import { retryIcon } from "../icons/icons.ts";
import { buttonStyles, focusRing, visuallyHidden } from "../styles/shared.ts";
import "../skeleton/ak-skeleton.ts";

/** What a card shows once loaded: the figure, and optionally a line under it. */
export interface StatFigure {
  readonly value: string;
  readonly detail?: string;
}

/** Loads a card's figure; called again on retry. Should pass `signal` on to `fetch`. */
export type StatLoader = (signal: AbortSignal) => Promise<StatFigure>;

/**
 * A card with one figure loaded from the server (a count, a version), with its own designed states:
 * a skeleton while loading, the figure when done, and a message with a retry button on failure.
 * With `href` the whole card is a link to where the figure comes from.
 *
 * @cssprop --ak-stat-card-background - default: the surface colour
 * @cssprop --ak-stat-card-border-color - default: the border token
 * @cssprop --ak-stat-card-accent - the top edge and the link hover colour (default: primary)
 * @cssprop --ak-stat-card-value-size - the figure's font size (default 2rem)
 *
 * @csspart card - the card's box
 * @csspart label - the heading naming the figure
 * @csspart value - the figure
 * @csspart detail - the line under the figure
 * @csspart error - the failure message
 */
@customElement("ak-stat-card")
export class AkStatCard extends LitElement {
  static styles = [
    visuallyHidden,
    focusRing,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      .card {
        position: relative;
        display: grid;
        align-content: start;
        gap: var(--ak-space-2);
        height: 100%;
        box-sizing: border-box;
        min-height: 7.5rem;
        padding: var(--ak-space-4) var(--ak-space-5);
        background: var(--ak-stat-card-background, var(--ak-color-surface));
        border: 1px solid var(--ak-stat-card-border-color, var(--ak-color-border));
        border-top: 3px solid var(--ak-stat-card-accent, var(--ak-color-primary));
        border-radius: var(--ak-radius);
      }
      .card:has(a:hover) {
        box-shadow: var(--ak-shadow);
      }
      h2 {
        margin: 0;
        font-size: var(--ak-font-size);
        font-weight: 600;
      }
      a {
        color: inherit;
        text-decoration: none;
      }
      a:hover {
        color: var(--ak-stat-card-accent, var(--ak-color-link));
        text-decoration: underline;
      }
      /* The link covers the whole card; the retry button sits above it. */
      a::after {
        content: "";
        position: absolute;
        inset: 0;
      }
      a:focus-visible {
        outline: none;
      }
      .card:has(a:focus-visible) {
        outline: 2px solid var(--ak-color-focus);
        outline-offset: 2px;
      }
      .value {
        margin: 0;
        font-size: var(--ak-stat-card-value-size, 2rem);
        font-weight: 700;
        line-height: 1.1;
        overflow-wrap: anywhere;
      }
      .detail {
        margin: 0;
        color: var(--ak-color-text-muted);
        font-size: var(--ak-font-size-small);
      }
      ak-skeleton {
        --ak-skeleton-width: 6rem;
        --ak-skeleton-height: 2.2rem;
      }
      .error {
        margin: 0;
        color: var(--ak-color-danger);
        font-size: var(--ak-font-size-small);
      }
      .button {
        position: relative;
        z-index: 1;
        justify-self: start;
        padding: var(--ak-space-1) var(--ak-space-3);
        font-size: var(--ak-font-size-small);
      }
    `,
  ];

  /** What the figure is, e.g. "Users". */
  @property() label = "";

  /** Where the card leads (the figure's section); no link when empty. */
  @property() href = "";

  /** Loads the figure; the card reloads when this changes. */
  @property({ attribute: false }) load?: StatLoader;

  readonly #task = new Task(this, {
    task: async ([load], { signal }) => (load ? load(signal) : undefined),
    args: () => [this.load] as const,
  });

  render() {
    const label = this.href ? html`<a href=${this.href}>${this.label}</a>` : this.label;
    const pending = this.#task.status === TaskStatus.INITIAL || this.#task.status === TaskStatus.PENDING;
    return html`<article class="card" part="card" aria-busy=${pending ? "true" : "false"}>
      <h2 part="label">${label}</h2>
      ${this.#task.render({
        initial: () => this.#loading(),
        pending: () => this.#loading(),
        complete: (figure) =>
          figure
            ? html`<p class="value" part="value">${figure.value}</p>
                ${figure.detail ? html`<p class="detail" part="detail">${figure.detail}</p>` : nothing}`
            : nothing,
        error: (err) =>
          html`<p class="error" part="error">${errorMessage(err)}</p>
            <button class="button" type="button" @click=${() => this.#task.run()}>
              ${retryIcon}${msg("Retry")}<span class="visually-hidden"> ${this.label}</span>
            </button>`,
      })}
    </article>`;
  }

  #loading() {
    return html`<ak-skeleton></ak-skeleton><span class="visually-hidden">${msg("Loading…")}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-stat-card": AkStatCard;
  }
}
