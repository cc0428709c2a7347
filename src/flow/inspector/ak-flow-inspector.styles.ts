import { css } from "lit";

export const inspectorStyles = css`
  :host {
    --ak-flow-inspector-width: min(26rem, 100vw);
  }
  aside {
    position: fixed;
    inset-block: 0;
    inset-inline-end: 0;
    z-index: 10;
    box-sizing: border-box;
    width: var(--ak-flow-inspector-width);
    overflow-y: auto;
    padding: var(--ak-space-4);
    background: var(--ak-color-surface);
    color: var(--ak-color-text);
    border-inline-start: 1px solid var(--ak-color-border);
    box-shadow: var(--ak-shadow);
    font-size: var(--ak-font-size-small);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--ak-space-2);
  }
  h2 {
    margin: 0;
    font-size: 1.125rem;
  }
  h3 {
    margin: var(--ak-space-4) 0 var(--ak-space-2);
    font-size: 1rem;
  }
  h2:focus-visible {
    outline: 2px solid var(--ak-color-primary);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--ak-radius);
    padding: var(--ak-space-1) var(--ak-space-3);
    border: 1px solid var(--ak-color-border);
    background: var(--ak-color-surface-raised);
    color: inherit;
  }
  .open {
    position: fixed;
    inset-block-end: var(--ak-space-4);
    inset-inline-end: var(--ak-space-4);
    z-index: 10;
    box-shadow: var(--ak-shadow);
  }
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: var(--ak-space-1);
  }
  li {
    display: flex;
    justify-content: space-between;
    gap: var(--ak-space-2);
    padding: var(--ak-space-2);
    border: 1px solid var(--ak-color-border);
    border-radius: var(--ak-radius);
  }
  li[aria-current="step"] {
    border-color: var(--ak-color-primary);
    box-shadow: inset 4px 0 0 var(--ak-color-primary);
    font-weight: 600;
  }
  .state {
    color: var(--ak-color-text-muted);
    white-space: nowrap;
  }
  dl {
    margin: 0;
    display: grid;
    gap: var(--ak-space-1) var(--ak-space-3);
    grid-template-columns: minmax(6rem, max-content) 1fr;
  }
  dt {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  dd {
    margin: 0;
    min-width: 0;
  }
  pre {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-family: ui-monospace, monospace;
  }
  .muted {
    color: var(--ak-color-text-muted);
  }
  .error {
    color: var(--ak-color-danger);
  }
`;
