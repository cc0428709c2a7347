import { css, html, type PropertyValues } from "lit";
import { customElement, property } from "lit/decorators.js";
import { FieldElement } from "./field-element.ts";
import { describedBy, helpAndErrors } from "./field.styles.ts";

/**
 * A labelled checkbox with help and errors. Fires the native `input` event; read `checked`.
 * Form-associated (submits "on" when checked).
 *
 * @csspart label - the label (around the checkbox)
 */
@customElement("ak-checkbox-field")
export class AkCheckboxField extends FieldElement {
  static styles = [
    FieldElement.styles,
    css`
      label {
        display: inline-flex;
        align-items: flex-start;
        gap: var(--ak-space-2);
        cursor: pointer;
      }
    `,
  ];

  @property({ type: Boolean }) checked = false;

  protected updated(changed: PropertyValues<this>): void {
    if (changed.has("checked")) this.internals.setFormValue(this.checked ? "on" : null);
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
