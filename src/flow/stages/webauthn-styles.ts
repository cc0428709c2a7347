import { css } from "lit";

/** The look of a WebAuthn ceremony's status and failure messages. */
export const webauthnStyles = css`
  p {
    margin: 0;
  }
  .failure {
    margin: 0;
    padding: var(--ak-space-3);
    border-left: 4px solid var(--ak-color-danger);
    background: var(--ak-color-danger-surface);
  }
`;
