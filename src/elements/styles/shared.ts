import { css } from "lit";

/**
 * The declarations that hide an element visually while keeping it for assistive technology, for
 * a rule of another name (e.g. a label hidden only on narrow screens).
 */
export const visuallyHiddenDeclarations = css`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`;

/** `.visually-hidden`: text for assistive technology only. */
export const visuallyHidden = css`
  .visually-hidden {
    ${visuallyHiddenDeclarations}
  }
`;

/** The focus ring (the document's `:focus-visible` rule does not reach into shadow roots). */
export const focusRing = css`
  :focus-visible {
    outline: 2px solid var(--ak-color-focus);
    outline-offset: 2px;
  }
`;

/** Buttons and button-like links: `.button`, `.button.primary`, `.button.plain`. */
export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--ak-space-2);
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    text-decoration: none;
    cursor: pointer;
    border-radius: var(--ak-radius);
    padding: var(--ak-space-2) var(--ak-space-4);
    border: 1px solid var(--ak-color-border);
    background: var(--ak-color-surface-raised);
    color: var(--ak-color-text);
  }
  .button:hover {
    border-color: var(--ak-color-primary);
  }
  .button.primary {
    border-color: var(--ak-color-primary);
    background: var(--ak-color-primary);
    color: var(--ak-color-on-primary);
  }
  .button.primary:hover {
    background: var(--ak-color-primary-hover);
  }
  .button svg {
    width: 1.1em;
    height: 1.1em;
    flex: none;
  }
`;

/** The declarations of a compact input or select in an element's own toolbar (a table's search, a list's filter). */
export const compactControlDeclarations = css`
  font: inherit;
  color: var(--ak-color-text);
  background: var(--ak-color-surface);
  border: 1px solid var(--ak-color-border);
  border-radius: var(--ak-radius);
  padding: var(--ak-space-1) var(--ak-space-2);
  min-height: 2.25rem;
  box-sizing: border-box;
`;

/**
 * What content inside an element may use: links, `code`, small state labels (`.badge.good`,
 * `.badge.muted`, `.badge.warning`), a term/description list (`dl.details`) and a row of chips (`.chips`).
 */
export const contentStyles = css`
  a {
    color: var(--ak-color-link);
  }
  code {
    font-family: var(--ak-font-family-mono);
    font-size: 0.9em;
  }
  .badge {
    display: inline-block;
    padding: 0 var(--ak-space-2);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.8rem;
    font-weight: 600;
    line-height: 1.5;
    white-space: nowrap;
  }
  .badge.good {
    color: var(--ak-color-success);
    background: var(--ak-color-success-surface);
  }
  .badge.muted {
    color: var(--ak-color-text-muted);
  }
  .badge.warning {
    color: var(--ak-color-warning);
    background: var(--ak-color-warning-surface);
  }
  dl.details {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) minmax(0, 1fr);
    gap: var(--ak-space-2) var(--ak-space-5);
    margin: 0;
  }
  dl.details dt {
    font-weight: 600;
  }
  dl.details dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ak-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
`;

/**
 * `.progress`: a thin bar with a light sliding along it, for a wait of unknown length (standing
 * still where motion is reduced). Where it sits is up to the element.
 */
export const progressBar = css`
  .progress {
    height: 3px;
    background: linear-gradient(90deg, transparent, var(--ak-color-primary), transparent) 0 0 / 40% 100% no-repeat;
    animation: slide 1s linear infinite;
  }
  @keyframes slide {
    from {
      background-position: -40% 0;
    }
    to {
      background-position: 140% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .progress {
      animation: none;
      background: var(--ak-color-primary);
    }
  }
`;
