import { msg, str } from "@lit/localize";
import { css, html, nothing, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { errorMessage } from "../../common/error-message.ts";
import { Latest } from "../async/latest.ts";
import { visuallyHidden } from "../styles/shared.ts";
import { FieldElement } from "./field-element.ts";
import { describedBy, helpAndErrors, requiredMark } from "./field.styles.ts";

export interface SelectOption {
  readonly key: string;
  readonly label: string;
  readonly description?: string;
}

/** Finds the options matching a search (the server searches); should pass `signal` on to `fetch`. */
export type OptionSearch = (search: string, signal: AbortSignal) => Promise<readonly SelectOption[]>;

const searchDelay = 150;

/**
 * A single choice among many that live on the server (a combobox): typing searches, the arrow keys
 * move through the matches, Enter or a click chooses, Escape closes and leaves the choice as it
 * was. With `empty-label` the first match is "none" (e.g. "No parent"). Fires the native-like
 * `input` event after a choice; read `value` (the key, or null) and `valueLabel`. Form-associated.
 *
 * @cssprop --ak-search-select-max-height - the list's tallest (default 16rem)
 *
 * @csspart input - the text input
 * @csspart listbox - the list of matches
 * @csspart option - each match
 */
@customElement("ak-search-select")
export class AkSearchSelect extends FieldElement {
  static styles = [
    FieldElement.styles,
    visuallyHidden,
    css`
      .combo {
        position: relative;
      }
      [role="listbox"] {
        position: absolute;
        z-index: 10;
        inset: calc(100% + 2px) 0 auto 0;
        max-height: var(--ak-search-select-max-height, 16rem);
        overflow: auto;
        margin: 0;
        padding: var(--ak-space-1) 0;
        list-style: none;
        background: var(--ak-color-surface);
        border: 1px solid var(--ak-color-border);
        border-radius: var(--ak-radius);
        box-shadow: var(--ak-shadow);
      }
      [role="option"] {
        padding: var(--ak-space-2) var(--ak-space-3);
        cursor: pointer;
      }
      [role="option"][aria-selected="true"] {
        background: color-mix(in srgb, var(--ak-color-primary) 14%, transparent);
        outline: 2px solid var(--ak-color-focus);
        outline-offset: -2px;
      }
      .chosen::after {
        content: " ✓";
      }
      .description {
        display: block;
        color: var(--ak-color-text-muted);
        font-size: var(--ak-font-size-small);
      }
      .note {
        margin: var(--ak-space-1) 0 0;
        color: var(--ak-color-text-muted);
        font-size: var(--ak-font-size-small);
      }
    `,
  ];

  /** The chosen option's key, or null for none. */
  @property({ attribute: false }) value: string | null = null;
  /** The chosen option's label (shown in the input). */
  @property({ attribute: false }) valueLabel = "";
  @property({ attribute: "empty-label" }) emptyLabel = "";
  @property({ type: Boolean }) required = false;
  @property({ attribute: false }) source?: OptionSearch;

  @state() private text = "";
  @state() private open = false;
  @state() private options: readonly SelectOption[] = [];
  @state() private active = -1;
  @state() private note = "";

  readonly #latest = new Latest();
  #timer?: ReturnType<typeof setTimeout>;

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("valueLabel") || changed.has("value")) this.text = this.value === null ? "" : this.valueLabel;
  }

  protected updated(changed: PropertyValues): void {
    if (changed.has("value")) this.internals.setFormValue(this.value);
    if (changed.has("active") && this.active >= 0) this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView({ block: "nearest" });
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#latest.cancel();
  }

  render() {
    const shown = this.open ? this.#choices() : [];
    return html`<div class="field">
      <span class="label-row"><label for="input">${this.label}</label>${requiredMark(this.required)}</span>
      <div class="combo">
        <input
          id="input"
          part="input"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${this.open ? "true" : "false"}
          aria-controls="listbox"
          aria-activedescendant=${this.open && this.active >= 0 ? `option-${this.active}` : nothing}
          aria-invalid=${this.errors.length ? "true" : "false"}
          aria-describedby=${describedBy(this.help, this.errors)}
          ?required=${this.required}
          .value=${this.text}
          @input=${this.#onInput}
          @keydown=${this.#onKeyDown}
          @click=${() => this.#openList()}
          @blur=${this.#onBlur}
        />
        <ul id="listbox" part="listbox" role="listbox" aria-label=${this.label} ?hidden=${!this.open || shown.length === 0}>
          ${shown.map(
            (option, index) =>
              html`<li
                id=${`option-${index}`}
                part="option"
                role="option"
                class=${option.key === (this.value ?? "") ? "chosen" : ""}
                aria-selected=${index === this.active ? "true" : "false"}
                @mousedown=${(event: Event) => event.preventDefault()}
                @click=${() => this.#choose(option)}
              >
                ${option.label}${option.description ? html`<span class="description">${option.description}</span>` : nothing}
              </li>`,
          )}
        </ul>
      </div>
      <p class="note" role="status">${this.open ? this.note : ""}</p>
      ${helpAndErrors(this.help, this.errors)}
    </div>`;
  }

  /** The matches, after the "none" choice when there is one. */
  #choices(): readonly SelectOption[] {
    return this.emptyLabel ? [{ key: "", label: this.emptyLabel }, ...this.options] : this.options;
  }

  #openList(): void {
    if (this.open) return;
    this.open = true;
    this.#search(this.text === this.valueLabel ? "" : this.text);
  }

  #search(term: string): void {
    const source = this.source;
    if (!source) return;
    this.note = msg("Searching…");
    this.#latest
      .run((signal) => source(term.trim(), signal))
      .then(
        (result) => {
          if (!result) return;
          this.options = result.value;
          this.active = this.#choices().length ? 0 : -1;
          this.note = result.value.length ? msg(str`${result.value.length} matches`) : msg("No matches");
        },
        (error: unknown) => {
          this.options = [];
          this.active = -1;
          this.note = errorMessage(error);
        },
      );
  }

  #onInput = (event: Event) => {
    event.stopPropagation();
    this.text = (event.target as HTMLInputElement).value;
    this.open = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#search(this.text), searchDelay);
  };

  #onKeyDown = (event: KeyboardEvent) => {
    const count = this.#choices().length;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
        event.preventDefault();
        if (!this.open) return this.#openList();
        if (count) this.active = (this.active + (event.key === "ArrowDown" ? 1 : count - 1)) % count;
        return;
      case "Home":
      case "End":
        if (!this.open || !count) return;
        event.preventDefault();
        this.active = event.key === "Home" ? 0 : count - 1;
        return;
      case "Enter": {
        const option = this.open ? this.#choices()[this.active] : undefined;
        if (!option) return;
        event.preventDefault();
        this.#choose(option);
        return;
      }
      case "Escape":
        if (!this.open) return;
        event.preventDefault();
        event.stopPropagation();
        this.#close();
    }
  };

  #onBlur = () => this.#close();

  #close(): void {
    clearTimeout(this.#timer);
    this.#latest.cancel();
    this.open = false;
    this.text = this.value === null ? "" : this.valueLabel;
  }

  #choose(option: SelectOption): void {
    this.value = option.key === "" ? null : option.key;
    this.valueLabel = option.key === "" ? "" : option.label;
    this.#close();
    this.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-search-select": AkSearchSelect;
  }
}
