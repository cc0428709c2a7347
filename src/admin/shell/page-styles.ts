import { css } from "lit";

/** What every admin page shares: its header (the `h1` the shell focuses after navigation) and body. */
export const pageStyles = css`
  :host {
    display: block;
  }
  .page-header {
    padding: var(--ak-space-5) var(--ak-space-6) var(--ak-space-4);
    background: var(--ak-color-surface);
    border-bottom: 1px solid var(--ak-color-border);
  }
  .page-header h1 {
    margin: 0;
    font-size: 1.75rem;
    line-height: 1.2;
  }
  .page-header p {
    margin: var(--ak-space-1) 0 0;
    color: var(--ak-color-text-muted);
  }
  h1:focus {
    outline: none;
  }
  h1:focus-visible {
    outline: 2px solid var(--ak-color-focus);
    outline-offset: 4px;
  }
  .page-body {
    padding: var(--ak-space-5) var(--ak-space-6);
  }
  @media (max-width: 48rem) {
    .page-header,
    .page-body {
      padding-inline: var(--ak-space-4);
    }
  }
  code {
    font-family: var(--ak-font-family-mono);
    font-size: 0.9em;
    padding: 0 0.25em;
    border-radius: 3px;
    background: var(--ak-color-surface-raised);
    border: 1px solid var(--ak-color-border);
    overflow-wrap: anywhere;
  }
  a {
    color: var(--ak-color-link);
  }
`;
