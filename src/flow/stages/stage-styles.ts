import { css } from "lit";

/**
 * The look every stage shares: fields, buttons, errors and the pending-user row. Its own
 * `.visually-hidden` rule, as the one in elements/styles would add a chunk to the login page.
 */
export const stageStyles = css`
  :host {
    display: block;
  }
  form {
    display: grid;
    gap: var(--ak-space-4);
  }
  .field {
    display: grid;
    gap: var(--ak-space-1);
  }
  label {
    font-weight: 600;
    font-size: var(--ak-font-size-small);
  }
  .input-row {
    display: flex;
    gap: var(--ak-space-2);
  }
  input {
    flex: 1;
    min-width: 0;
    font: inherit;
    color: inherit;
    background: var(--ak-color-surface);
    border: 1px solid var(--ak-color-border);
    border-radius: var(--ak-radius);
    padding: var(--ak-space-2) var(--ak-space-3);
  }
  input[aria-invalid="true"] {
    border-color: var(--ak-color-danger);
  }
  .error {
    margin: 0;
    color: var(--ak-color-danger);
    font-size: var(--ak-font-size-small);
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--ak-radius);
    padding: var(--ak-space-2) var(--ak-space-4);
    border: 1px solid var(--ak-color-border);
    background: var(--ak-color-surface-raised);
    color: inherit;
  }
  button.primary {
    width: 100%;
    font-weight: 600;
    border-color: var(--ak-color-primary);
    background: var(--ak-color-primary);
    color: var(--ak-color-on-primary);
  }
  button.primary:hover:not([disabled]) {
    background: var(--ak-color-primary-hover);
  }
  button[disabled] {
    cursor: progress;
    opacity: 0.7;
  }
  a {
    color: var(--ak-color-link);
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--ak-space-2);
    font-size: var(--ak-font-size-small);
  }
  .user {
    display: flex;
    align-items: center;
    gap: var(--ak-space-3);
    padding: var(--ak-space-2) var(--ak-space-3);
    border: 1px solid var(--ak-color-border);
    border-radius: 999px;
  }
  .user img {
    width: 2rem;
    height: 2rem;
    border-radius: 50%;
  }
  .user .name {
    flex: 1;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .user a {
    font-size: var(--ak-font-size-small);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** A stage that is mostly a message: its heading and paragraphs. */
export const messageStyles = css`
  h2,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.15rem;
  }
`;
