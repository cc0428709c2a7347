import { css, html, LitElement, type PropertyValues } from "lit";
import { customElement, property } from "lit/decorators.js";
import { focusRing } from "../styles/shared.ts";
import { describedBy, fieldStyles, helpAndErrors } from "./field.styles.ts";

/**
 * A labelled checkbox with help and errors. Fires the native `input` event; read `checked`.
 * Form-associated (submits "on" when checked).
 *
 * @csspart label - the label (around the checkbox)
 */
@customElement("ak-checkbox-field")
export class AkCheckboxField extends LitElement {
  static formAssociated = true;
  static shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static styles = [
    fieldStyles,
    focusRing,
    css`
      label {
        display: inline-flex;
        align-items: flex-start;
        gap: var(--ak-space-2);
        cursor: pointer;
      }
    `,
  ];

  @property() label = "";
  @property({ reflect: true }) name = "";
  @property({ type: Boolean }) checked = false;
  @property() help = "";
  @property({ attribute: false }) errors: readonly string[] = [];

  readonly #internals = this.attachInternals();

  protected updated(changed: PropertyValues<this>): void {
    if (changed.has("checked")) this.#internals.setFormValue(this.checked ? "on" : null);
  }

  render() {
    return html`<div class="field">
      <label part="label">
        <input
          type="checkbox"
          .checked=${this.checked}
          aria-invalid=${this.errors.length ? "true" : "false"}
          aria-describedby=${describedBy(this.help, this.errors)}
          @input=${(event: Event) => (this.checked = (event.target as HTMLInputElement).checked)}
        />
        <span>${this.label}</span>
      </label>
      ${helpAndErrors(this.help, this.errors)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-checkbox-field": AkCheckboxField;
  }
}
