import { css } from "lit";

/**
 * The five authentik layouts. "stacked" centres the card over the background; "content_*" puts it
 * in a column on one side; "sidebar_*" gives it a full-height panel. Narrow screens always stack.
 */
export const flowLayoutStyles = css`
  :host {
    display: block;
    min-height: 100vh;
  }
  .layout {
    box-sizing: border-box;
    min-height: 100vh;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--ak-space-4);
    padding: var(--ak-space-5) var(--ak-space-4);
    background-color: var(--ak-color-background);
    background-image: var(--ak-flow-background-image, none);
    background-size: cover;
    background-position: center;
  }
  .card {
    box-sizing: border-box;
    width: 100%;
    max-width: var(--ak-flow-card-width, 28rem);
    padding: var(--ak-space-6);
    background: var(--ak-color-surface);
    border-radius: var(--ak-radius);
    box-shadow: var(--ak-shadow);
  }
  @media (min-width: 768px) {
    .layout.content_left,
    .layout.sidebar_left {
      align-items: flex-start;
    }
    .layout.content_right,
    .layout.sidebar_right {
      align-items: flex-end;
    }
    .layout.content_left,
    .layout.content_right {
      padding-inline: 6vw;
    }
    .layout[class*="sidebar_"] {
      padding: 0;
    }
    .layout[class*="sidebar_"] .card {
      min-height: 100vh;
      border-radius: 0;
      display: flex;
      flex-direction: column;
      justify-content: center;
    }
  }
`;
