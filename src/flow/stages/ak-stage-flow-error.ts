import { html } from "lit";
import { customElement } from "lit/decorators.js";
import { msg } from "@lit/localize";
import type { components } from "../../api/schema.d.ts";
import { StageElement } from "../stage-element.ts";
import { stageStyles } from "./stage-styles.ts";

type FlowErrorChallenge = components["schemas"]["FlowErrorChallenge"];

/** The server failed while running a stage; gives the request ID to quote to an administrator. */
@customElement("ak-stage-flow-error")
export class FlowErrorStage extends StageElement<FlowErrorChallenge> {
  static styles = stageStyles;

  render() {
    const c = this.challenge;
    return html`<div class="field" role="alert">
      <p><strong>${msg("Something went wrong.")}</strong> ${c.error ?? ""}</p>
      <p>${msg("Request ID:")} <code>${c.request_id}</code></p>
      <a href=${c.flow_info?.cancel_url ?? "/flows/-/cancel/"}>${msg("Start over")}</a>
    </div>`;
  }
}
