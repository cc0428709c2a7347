import { css, html } from "lit";
import { customElement } from "lit/decorators.js";
import { msg } from "@lit/localize";
import type { components } from "../../api/schema.d.ts";
import { StageElement } from "../stage-element.ts";
import { pendingUser } from "./pending-user.ts";
import { stageStyles } from "./stage-styles.ts";

type AccessDeniedChallenge = components["schemas"]["AccessDeniedChallenge"];

/** The flow refused to go on; says why and offers to start over. */
@customElement("ak-stage-access-denied")
export class AccessDeniedStage extends StageElement<AccessDeniedChallenge> {
  static styles = [
    stageStyles,
    css`
      .message {
        margin: 0;
        padding: var(--ak-space-3);
        border-left: 4px solid var(--ak-color-danger);
        background: var(--ak-color-danger-surface);
      }
    `,
  ];

  render() {
    const c = this.challenge;
    return html`<div class="field" role="alert">
      ${c.pending_user ? pendingUser(c) : ""}
      <p class="message"><strong>${msg("Request has been denied.")}</strong> ${c.error_message ?? ""}</p>
      <a href=${c.flow_info?.cancel_url ?? "/flows/-/cancel/"}>${msg("Start over")}</a>
    </div>`;
  }
}
