import { css, html, nothing } from "lit";

/** What every field shares: label, control, help and error lines. */
export const fieldStyles = css`
  :host {
    display: block;
  }
  .field {
    display: grid;
    gap: var(--ak-space-1);
  }
  label,
  legend {
    font-weight: 600;
  }
  .required {
    color: var(--ak-color-danger);
    margin-left: 0.15em;
  }
  input:not([type="checkbox"]):not([type="radio"]),
  select,
  textarea {
    font: inherit;
    color: var(--ak-color-text);
    background: var(--ak-field-background, var(--ak-color-surface));
    border: 1px solid var(--ak-field-border-color, var(--ak-color-border));
    border-radius: var(--ak-radius);
    padding: var(--ak-space-2) var(--ak-space-3);
    width: 100%;
    box-sizing: border-box;
  }
  input[readonly] {
    background: var(--ak-color-surface-raised);
  }
  [aria-invalid="true"] {
    border-color: var(--ak-color-danger) !important;
  }
  input[type="checkbox"],
  input[type="radio"] {
    width: 1.1rem;
    height: 1.1rem;
    margin: 0.2rem 0 0;
    accent-color: var(--ak-color-primary);
  }
  .help {
    margin: 0;
    color: var(--ak-color-text-muted);
    font-size: var(--ak-font-size-small);
  }
  .errors {
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--ak-color-danger);
    font-size: var(--ak-font-size-small);
    font-weight: 600;
  }
`;

/** The required-field marker, beside the label (the control itself carries `required` for assistive technology). */
export const requiredMark = (required: boolean) => (required ? html`<span class="required" aria-hidden="true">*</span>` : nothing);

/** A field's help and error lines, with the ids its control's `aria-describedby` names. */
export function describedBy(help: string, errors: readonly string[]): string | typeof nothing {
  const ids = [errors.length ? "errors" : "", help ? "help" : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : nothing;
}

export function helpAndErrors(help: string, errors: readonly string[]) {
  return html`${errors.length ? html`<ul class="errors" id="errors">${errors.map((error) => html`<li>${error}</li>`)}</ul>` : nothing}
  ${help ? html`<p class="help" id="help">${help}</p>` : nothing}`;
}
