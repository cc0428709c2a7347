import { css } from "lit";
import { compactControlDeclarations } from "../styles/shared.ts";

export const dualSelectStyles = css`
  :host {
    display: block;
    --_row: var(--ak-dual-select-row-height, 2.75rem);
    --_height: var(--ak-dual-select-height, 19.25rem);
  }
  .label {
    display: block;
    margin-bottom: var(--ak-space-2);
    font-weight: 600;
  }
  .panes {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr);
    gap: var(--ak-space-3);
    align-items: start;
  }
  @media (max-width: 48rem) {
    .panes {
      grid-template-columns: minmax(0, 1fr);
    }
    .moves {
      flex-direction: row !important;
      flex-wrap: wrap;
    }
  }
  .pane {
    display: grid;
    gap: var(--ak-space-2);
    min-width: 0;
    padding: var(--ak-space-3);
    border: 1px solid var(--ak-color-border);
    border-radius: var(--ak-radius);
    background: var(--ak-dual-select-pane-background, var(--ak-color-surface));
  }
  .pane-title {
    display: flex;
    justify-content: space-between;
    gap: var(--ak-space-2);
    font-weight: 700;
  }
  .pane-title .count {
    font-weight: 400;
    color: var(--ak-color-text-muted);
  }
  label.search {
    display: grid;
    gap: var(--ak-space-1);
    font-size: var(--ak-font-size-small);
    font-weight: 600;
  }
  input[type="search"] {
    ${compactControlDeclarations}
    font-weight: 400;
    width: 100%;
  }
  [role="listbox"] {
    position: relative;
    height: var(--_height);
    overflow-y: auto;
    border: 1px solid var(--ak-color-border);
    border-radius: var(--ak-radius);
    background: var(--ak-color-surface);
    user-select: none;
  }
  [role="listbox"]:focus-visible {
    outline: 2px solid var(--ak-color-focus);
    outline-offset: 2px;
  }
  [role="option"] {
    display: flex;
    flex-direction: column;
    justify-content: center;
    height: var(--_row);
    box-sizing: border-box;
    padding: 0 var(--ak-space-3);
    border-bottom: 1px solid color-mix(in srgb, var(--ak-color-border) 50%, transparent);
    cursor: pointer;
    overflow: hidden;
  }
  [role="option"] > span {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  [role="option"] .description {
    font-size: var(--ak-font-size-small);
    color: var(--ak-color-text-muted);
  }
  [role="option"]:hover {
    background: color-mix(in srgb, var(--ak-color-primary) 6%, transparent);
  }
  [role="option"][aria-selected="true"] {
    background: color-mix(in srgb, var(--ak-color-primary) 16%, var(--ak-color-surface));
    box-shadow: inset 4px 0 0 var(--ak-color-primary);
  }
  [role="option"][aria-disabled="true"] {
    cursor: default;
    color: var(--ak-color-text-muted);
  }
  [role="option"] .added {
    font-size: var(--ak-font-size-small);
    font-weight: 600;
    color: var(--ak-color-success);
  }
  [role="listbox"]:focus-visible [role="option"].active,
  [role="listbox"]:focus [role="option"].active {
    outline: 2px solid var(--ak-color-focus);
    outline-offset: -2px;
  }
  .state {
    display: grid;
    place-items: center;
    height: var(--_height);
    box-sizing: border-box;
    padding: var(--ak-space-4);
    border: 1px dashed var(--ak-color-border);
    border-radius: var(--ak-radius);
    color: var(--ak-color-text-muted);
    text-align: center;
  }
  .state.error {
    color: var(--ak-color-danger);
    border-style: solid;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--ak-space-2);
    font-size: var(--ak-font-size-small);
    color: var(--ak-color-text-muted);
  }
  .pager {
    display: inline-flex;
    align-items: center;
    gap: var(--ak-space-1);
  }
  .pager .button {
    padding: var(--ak-space-1);
  }
  .moves {
    display: flex;
    flex-direction: column;
    gap: var(--ak-space-2);
    padding-top: 5.5rem;
  }
  .moves .button {
    justify-content: flex-start;
    padding: var(--ak-space-1) var(--ak-space-3);
    font-size: var(--ak-font-size-small);
    white-space: nowrap;
  }
  .button[disabled] {
    opacity: 0.55;
    cursor: default;
  }
  .button[disabled]:hover {
    border-color: var(--ak-color-border);
  }
  .spacer {
    pointer-events: none;
  }
`;
