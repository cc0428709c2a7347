import { css, html, LitElement } from "lit";
import { customElement } from "lit/decorators.js";

/**
 * A placeholder block shown where content is loading. It is decorative (`aria-hidden`): pair it
 * with `aria-busy` on the region and a visually hidden "Loading…" text. The shimmer stops for users
 * who ask for reduced motion.
 *
 * @cssprop --ak-skeleton-width - default 100%
 * @cssprop --ak-skeleton-height - default 1em
 * @cssprop --ak-skeleton-color - the block's colour; defaults to the raised surface mixed with the border colour
 *
 * @csspart block - the grey block
 */
@customElement("ak-skeleton")
export class AkSkeleton extends LitElement {
  static styles = css`
    :host {
      display: block;
    }
    .block {
      width: var(--ak-skeleton-width, 100%);
      height: var(--ak-skeleton-height, 1em);
      border-radius: var(--ak-radius);
      background: var(--ak-skeleton-color, color-mix(in srgb, var(--ak-color-border) 55%, var(--ak-color-surface-raised)));
      animation: pulse 1.4s ease-in-out infinite;
    }
    @keyframes pulse {
      50% {
        opacity: 0.45;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .block {
        animation: none;
      }
    }
  `;

  connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute("aria-hidden", "true");
  }

  render() {
    return html`<div class="block" part="block"></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-skeleton": AkSkeleton;
  }
}
