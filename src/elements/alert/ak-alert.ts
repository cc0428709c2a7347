import { css, html, LitElement } from "lit";
import { customElement, property } from "lit/decorators.js";
import { alertIcon } from "../icons/icons.ts";

/**
 * A message inside a page or form: an error that stops the user (`danger`), a warning, a success,
 * or information. Danger and warning alerts are announced when they appear (`role="alert"`);
 * the others are polite (`role="status"`).
 *
 * @slot - the message
 * @slot title - an optional bold first line
 *
 * @cssprop --ak-alert-color - the text and border colour (default: per variant)
 * @cssprop --ak-alert-background - default: per variant
 *
 * @csspart base - the alert's box
 */
@customElement("ak-alert")
export class AkAlert extends LitElement {
  static styles = css`
    :host {
      display: block;
      --_color: var(--ak-alert-color, var(--ak-color-text));
      --_background: var(--ak-alert-background, var(--ak-color-surface-raised));
    }
    :host([variant="danger"]) {
      --_color: var(--ak-alert-color, var(--ak-color-danger));
      --_background: var(--ak-alert-background, var(--ak-color-danger-surface));
    }
    :host([variant="warning"]) {
      --_color: var(--ak-alert-color, var(--ak-color-warning));
      --_background: var(--ak-alert-background, var(--ak-color-warning-surface));
    }
    :host([variant="success"]) {
      --_color: var(--ak-alert-color, var(--ak-color-success));
      --_background: var(--ak-alert-background, var(--ak-color-success-surface));
    }
    .base {
      display: flex;
      gap: var(--ak-space-3);
      padding: var(--ak-space-3) var(--ak-space-4);
      border: 1px solid var(--_color);
      border-left-width: 4px;
      border-radius: var(--ak-radius);
      background: var(--_background);
    }
    svg {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      margin-top: 0.1rem;
      color: var(--_color);
    }
    .text {
      min-width: 0;
      overflow-wrap: anywhere;
      color: var(--ak-color-text);
    }
    ::slotted([slot="title"]) {
      display: block;
      font-weight: 700;
    }
  `;

  @property({ reflect: true }) variant: "info" | "success" | "warning" | "danger" = "info";

  render() {
    const urgent = this.variant === "danger" || this.variant === "warning";
    return html`<div class="base" part="base" role=${urgent ? "alert" : "status"}>
      ${alertIcon}
      <div class="text"><slot name="title"></slot><slot></slot></div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-alert": AkAlert;
  }
}
