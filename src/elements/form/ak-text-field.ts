import { css, html, nothing, type PropertyValues } from "lit";
import { customElement, property } from "lit/decorators.js";
import { ifDefined } from "lit/directives/if-defined.js";
import { FieldElement } from "./field-element.ts";
import { describedBy, helpAndErrors, requiredMark } from "./field.styles.ts";

/**
 * A labelled text input (or `multiline` textarea) that shows its help and its errors, and is
 * described by them for assistive technology. It fires the native `input` event; read `value`.
 * Form-associated, so it also works inside a plain `<form>`, and Enter submits that form as a
 * native input would. Focusing it focuses the input.
 *
 * @cssprop --ak-field-background - the input's background (default: the surface colour)
 * @cssprop --ak-field-border-color - the input's border (default: the border token)
 *
 * @csspart label - the label
 * @csspart input - the input or textarea
 */
@customElement("ak-text-field")
export class AkTextField extends FieldElement {
  static styles = [
    FieldElement.styles,
    css`
      textarea {
        min-height: 5rem;
        resize: vertical;
      }
    `,
  ];

  @property() value = "";
  @property() type: "text" | "email" | "password" | "url" | "number" | "datetime-local" = "text";
  @property({ type: Boolean }) required = false;
  @property({ type: Boolean }) readonly = false;
  @property({ type: Boolean }) multiline = false;
  @property() autocomplete?: string;

  protected updated(changed: PropertyValues<this>): void {
    if (changed.has("value")) this.internals.setFormValue(this.value);
  }

  render() {
    const invalid = this.errors.length > 0;
    const described = describedBy(this.help, this.errors);
    return html`<div class="field">
      <span class="label-row"><label for="input" part="label">${this.label}</label>${requiredMark(this.required)}</span>
      ${this.multiline
        ? html`<textarea
            id="input"
            part="input"
            .value=${this.value}
            ?required=${this.required}
            ?readonly=${this.readonly}
            aria-invalid=${invalid ? "true" : "false"}
            aria-describedby=${described}
            @input=${this.#onInput}
          ></textarea>`
        : html`<input
            id="input"
            part="input"
            type=${this.type}
            .value=${this.value}
            ?required=${this.required}
            ?readonly=${this.readonly}
            autocomplete=${ifDefined(this.autocomplete)}
            spellcheck=${this.type === "text" ? nothing : "false"}
            aria-invalid=${invalid ? "true" : "false"}
            aria-describedby=${described}
            @input=${this.#onInput}
            @keydown=${this.#onKeyDown}
          />`}
      ${helpAndErrors(this.help, this.errors)}
    </div>`;
  }

  /** Enter submits the form the field belongs to, as in a plain input (implicit submission stops at the shadow root). */
  #onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Enter" || event.isComposing) return;
    const form = this.internals.form;
    if (!form) return;
    event.preventDefault();
    form.requestSubmit();
  };

  #onInput = (event: Event) => {
    this.value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-text-field": AkTextField;
  }
}
