import { css } from "lit";
import { contentStyles } from "../../elements/styles/shared.ts";

/** What the directory's pages share beyond `pageStyles`: header actions, badges, detail lists, attributes and forms. */
export const directoryStyles = [
  contentStyles,
  css`
  .page-header.with-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--ak-space-3);
  }
  .header-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ak-space-2);
  }
  .breadcrumb {
    margin: 0 0 var(--ak-space-1);
    font-size: var(--ak-font-size-small);
  }
  .secondary {
    display: block;
    color: var(--ak-color-text-muted);
    font-size: var(--ak-font-size-small);
    font-weight: 400;
  }
  .card {
    padding: var(--ak-space-4) var(--ak-space-5);
    border: 1px solid var(--ak-color-border);
    border-radius: var(--ak-radius);
    background: var(--ak-color-surface);
  }
  .card + .card {
    margin-top: var(--ak-space-4);
  }
  .card h2 {
    margin: 0 0 var(--ak-space-3);
    font-size: 1.15rem;
  }
  form.form {
    display: grid;
    gap: var(--ak-space-4);
    max-width: 48rem;
  }
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ak-space-3);
    align-items: center;
  }
  .button.danger {
    border-color: var(--ak-color-danger);
    color: var(--ak-color-danger);
  }
  .button.danger.solid {
    background: var(--ak-color-danger);
    color: var(--ak-color-surface);
  }
  .button[disabled] {
    opacity: 0.6;
    cursor: default;
  }
  .muted {
    color: var(--ak-color-text-muted);
  }
  pre {
    margin: 0;
    font-family: var(--ak-font-family-mono);
    font-size: 0.9rem;
    white-space: pre-wrap;
  }
  .save-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--ak-space-3);
    margin-top: var(--ak-space-4);
  }
`,
];
