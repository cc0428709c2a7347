import { msg } from "@lit/localize";
import { css, html, LitElement, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { chooseTheme, currentTheme, type ThemeChoice } from "../../common/theme/theme.ts";
import { automaticIcon, moonIcon, sunIcon } from "../icons/icons.ts";
import { visuallyHidden, visuallyHiddenDeclarations } from "../styles/shared.ts";

/** Fired (bubbling, composed) after the user chose a theme; `choice` is the new one. */
export class ThemeChangeEvent extends Event {
  static readonly eventName = "ak-theme-change";
  constructor(readonly choice: ThemeChoice) {
    super(ThemeChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * The theme choice: automatic (follow the system), light or dark, as a group of radio buttons
 * styled as a segmented control. The choice applies at once and is remembered (`chooseTheme`
 * stores it in a cookie the server reads, so the next page renders in it without a flash).
 * Operable by keyboard like any radio group (arrow keys move and choose).
 *
 * @cssprop --ak-theme-switch-color - the text and icon colour of the choices (default: muted text)
 * @cssprop --ak-theme-switch-background - the track's background (default: the raised surface)
 * @cssprop --ak-theme-switch-border-color - the track's border (default: the border token)
 * @cssprop --ak-theme-switch-selected-color - the chosen option's text colour (default: text)
 * @cssprop --ak-theme-switch-selected-background - the chosen option's background (default: the surface)
 *
 * @csspart group - the fieldset holding the choices
 * @csspart option - each choice's label (icon and name)
 * @csspart name - each choice's name (hide it visually with `::part(name)` for an icons-only switch; `compact` does this too)
 */
@customElement("ak-theme-switch")
export class AkThemeSwitch extends LitElement {
  static styles = [
    visuallyHidden,
    css`
      :host {
        display: inline-block;
      }
      fieldset {
        display: inline-flex;
        gap: 2px;
        margin: 0;
        padding: 2px;
        border: 1px solid var(--ak-theme-switch-border-color, var(--ak-color-border));
        border-radius: 999px;
        background: var(--ak-theme-switch-background, var(--ak-color-surface-raised));
      }
      label {
        position: relative;
        display: inline-flex;
        align-items: center;
        gap: var(--ak-space-1);
        padding: var(--ak-space-1) var(--ak-space-3);
        border-radius: 999px;
        font-size: var(--ak-font-size-small);
        line-height: 1.25;
        color: var(--ak-theme-switch-color, var(--ak-color-text-muted));
        cursor: pointer;
      }
      label:has(input:checked) {
        color: var(--ak-theme-switch-selected-color, var(--ak-color-text));
        background: var(--ak-theme-switch-selected-background, var(--ak-color-surface));
        box-shadow: 0 0 0 1px var(--ak-theme-switch-border-color, var(--ak-color-border));
        font-weight: 600;
      }
      label:has(input:focus-visible) {
        outline: 2px solid var(--ak-color-focus);
        outline-offset: 1px;
      }
      input {
        position: absolute;
        inset: 0;
        margin: 0;
        opacity: 0;
        cursor: pointer;
      }
      svg {
        width: 1rem;
        height: 1rem;
        flex: none;
      }
      :host([compact]) .name {
        ${visuallyHiddenDeclarations}
      }
      :host([compact]) label {
        padding: var(--ak-space-1) var(--ak-space-2);
      }
    `,
  ];

  /** Shows icons only; the names stay available to assistive technology. */
  @property({ type: Boolean, reflect: true }) compact = false;

  #choice: ThemeChoice = "automatic";

  connectedCallback(): void {
    super.connectedCallback();
    this.#choice = currentTheme();
  }

  /** The current choice. */
  get choice(): ThemeChoice {
    return this.#choice;
  }

  #choose(choice: ThemeChoice): void {
    this.#choice = choice;
    chooseTheme(choice);
    this.requestUpdate();
    this.dispatchEvent(new ThemeChangeEvent(choice));
  }

  render() {
    const options: [ThemeChoice, string, unknown][] = [
      ["automatic", msg("Automatic"), automaticIcon],
      ["light", msg("Light"), sunIcon],
      ["dark", msg("Dark"), moonIcon],
    ];
    return html`<fieldset part="group">
      <legend class="visually-hidden">${msg("Theme")}</legend>
      ${options.map(
        ([value, name, icon]) =>
          html`<label part="option" title=${this.compact ? name : nothing}>
            <input
              type="radio"
              name="theme"
              .value=${value}
              .checked=${this.#choice === value}
              @change=${() => this.#choose(value)}
            />${icon}<span class="name" part="name">${name}</span>
          </label>`,
      )}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-theme-switch": AkThemeSwitch;
  }
}
