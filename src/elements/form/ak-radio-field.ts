import { css, html, nothing, type PropertyValues } from "lit";
import { customElement, property } from "lit/decorators.js";
import { FieldElement } from "./field-element.ts";
import { describedBy, helpAndErrors, requiredMark } from "./field.styles.ts";

export interface RadioOption {
  readonly value: string;
  readonly label: string;
  readonly description?: string;
}

/**
 * A group of radio buttons (a `fieldset` with its `legend`), each choice with an optional line of
 * description. Arrow keys move between choices as in any radio group. Fires the native `input`
 * event; read `value`. Form-associated.
 *
 * @csspart option - each choice's label
 */
@customElement("ak-radio-field")
export class AkRadioField extends FieldElement {
  static styles = [
    FieldElement.styles,
    css`
      fieldset {
        margin: 0;
        padding: 0;
        border: 0;
        display: grid;
        gap: var(--ak-space-2);
      }
      legend {
        padding: 0;
        margin-bottom: var(--ak-space-1);
      }
      label {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0 var(--ak-space-2);
        padding: var(--ak-space-2) var(--ak-space-3);
        border: 1px solid var(--ak-color-border);
        border-radius: var(--ak-radius);
        cursor: pointer;
      }
      label:has(input:checked) {
        border-color: var(--ak-color-primary);
        background: color-mix(in srgb, var(--ak-color-primary) 8%, transparent);
      }
      .name {
        font-weight: 600;
      }
      .description {
        grid-column: 2;
        color: var(--ak-color-text-muted);
        font-size: var(--ak-font-size-small);
        font-weight: 400;
      }
    `,
  ];

  @property() value = "";
  @property({ type: Boolean }) required = false;
  @property({ attribute: false }) options: readonly RadioOption[] = [];

  protected updated(changed: PropertyValues<this>): void {
    if (changed.has("value")) this.internals.setFormValue(this.value);
  }

  render() {
    return html`<div class="field">
      <fieldset aria-describedby=${describedBy(this.help, this.errors)} aria-invalid=${this.errors.length ? "true" : "false"}>
        <legend>${this.label}${requiredMark(this.required)}</legend>
        ${this.options.map(
          (option, index) =>
            html`<label part="option">
              <input
                type="radio"
                name="choice"
                .value=${option.value}
                .checked=${option.value === this.value}
                ?required=${this.required}
                aria-labelledby=${`name-${index}`}
                aria-describedby=${option.description ? `description-${index}` : nothing}
                @input=${() => (this.value = option.value)}
              />
              <span class="name" id=${`name-${index}`}>${option.label}</span>
              ${option.description ? html`<span class="description" id=${`description-${index}`}>${option.description}</span>` : nothing}
            </label>`,
        )}
      </fieldset>
      ${helpAndErrors(this.help, this.errors)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-radio-field": AkRadioField;
  }
}
