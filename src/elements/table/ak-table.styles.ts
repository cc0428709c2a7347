import { css } from "lit";
import { compactControlDeclarations } from "../styles/shared.ts";

export const tableStyles = css`
  :host {
    display: block;
    --_row-hover: var(--ak-table-row-hover-background, color-mix(in srgb, var(--ak-color-primary) 6%, transparent));
    --_selected: var(--ak-table-row-selected-background, color-mix(in srgb, var(--ak-color-primary) 12%, transparent));
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--ak-space-3);
    margin-bottom: var(--ak-space-3);
  }
  .toolbar .end {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ak-space-2);
    margin-left: auto;
  }
  label.control {
    display: grid;
    gap: var(--ak-space-1);
    font-size: var(--ak-font-size-small);
    font-weight: 600;
  }
  input,
  select {
    ${compactControlDeclarations}
  }
  input[type="search"] {
    width: min(22rem, 80vw);
  }
  input[type="checkbox"] {
    width: 1.1rem;
    height: 1.1rem;
    min-height: 0;
    margin: 0;
    accent-color: var(--ak-color-primary);
  }
  .bulk {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--ak-space-2) var(--ak-space-3);
    margin-bottom: var(--ak-space-3);
    padding: var(--ak-space-2) var(--ak-space-3);
    border: 1px solid var(--ak-color-primary);
    border-radius: var(--ak-radius);
    background: var(--_selected);
  }
  .bulk .count {
    font-weight: 600;
  }
  .bulk .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ak-space-2);
    margin-left: auto;
  }
  .notice {
    margin-bottom: var(--ak-space-3);
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    color: var(--ak-color-link);
    text-decoration: underline;
    cursor: pointer;
  }
  .button.small {
    padding: var(--ak-space-1) var(--ak-space-3);
    font-size: var(--ak-font-size-small);
  }
  .button.danger {
    border-color: var(--ak-color-danger);
    color: var(--ak-color-danger);
  }
  .frame {
    position: relative;
    overflow-x: auto;
    border: 1px solid var(--ak-color-border);
    border-radius: var(--ak-radius);
    background: var(--ak-table-background, var(--ak-color-surface));
  }
  .progress {
    position: absolute;
    inset: 0 0 auto 0;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  /* Stale rows stay fully legible while the next page loads (dimming them fails contrast); the bar shows the wait. */
  [aria-busy="true"] tbody {
    cursor: progress;
  }
  th,
  td {
    padding: var(--ak-space-2) var(--ak-space-3);
    text-align: left;
    vertical-align: middle;
    border-bottom: 1px solid var(--ak-color-border);
    overflow-wrap: break-word;
  }
  thead th {
    font-size: var(--ak-font-size-small);
    font-weight: 700;
    white-space: nowrap;
    background: var(--ak-color-surface-raised);
  }
  tbody th {
    font-weight: 600;
  }
  tbody tr:hover {
    background: var(--_row-hover);
  }
  tbody tr.selected {
    background: var(--_selected);
  }
  tbody tr:last-child > * {
    border-bottom: 0;
  }
  .narrow {
    width: 2.5rem;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: var(--ak-space-1);
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  .sort svg {
    width: 0.9rem;
    height: 0.9rem;
    opacity: 0.35;
  }
  [aria-sort="ascending"] .sort svg,
  [aria-sort="descending"] .sort svg {
    opacity: 1;
  }
  [aria-sort="descending"] .sort svg {
    transform: rotate(180deg);
  }
  .expand {
    display: grid;
    place-items: center;
    width: 1.75rem;
    height: 1.75rem;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--ak-radius);
    background: none;
    color: inherit;
    cursor: pointer;
  }
  .expand:hover {
    border-color: var(--ak-color-border);
  }
  .expand svg {
    width: 1rem;
    height: 1rem;
    transition: transform 0.15s;
  }
  .expand[aria-expanded="true"] svg {
    transform: rotate(90deg);
  }
  tr.detail > td {
    padding: var(--ak-space-3) var(--ak-space-5);
    background: var(--ak-color-surface-raised);
  }
  tr.skeleton td {
    --ak-skeleton-height: 1.25rem;
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--ak-space-2) var(--ak-space-4);
    margin-top: var(--ak-space-3);
    font-size: var(--ak-font-size-small);
  }
  .pager .range {
    margin-right: auto;
  }
  .pager label {
    display: inline-flex;
    align-items: center;
    gap: var(--ak-space-2);
  }
  .pager input[type="number"] {
    width: 5rem;
  }
  .pager .buttons {
    display: inline-flex;
    align-items: center;
    gap: var(--ak-space-1);
  }
  .pager .button {
    padding: var(--ak-space-1) var(--ak-space-2);
  }
  .pager .button[disabled] {
    opacity: 0.5;
    cursor: default;
  }
  .pager .button[disabled]:hover {
    border-color: var(--ak-color-border);
  }
`;
