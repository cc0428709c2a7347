import { css, html, nothing, type PropertyValues } from "lit";
import { customElement, state } from "lit/decorators.js";
import { msg } from "@lit/localize";
import type { components } from "../../api/schema.d.ts";
import { StageElement } from "../stage-element.ts";
import { messageStyles, stageStyles } from "./stage-styles.ts";

type EmailChallenge = components["schemas"]["EmailChallenge"];

/**
 * Tells the user to follow the link mailed to them, which continues the flow in this browser or
 * another; they may ask for the mail again.
 */
@customElement("ak-stage-email")
export class EmailStage extends StageElement<EmailChallenge> {
  static styles = [
    stageStyles,
    messageStyles,
    css`
      .status {
        color: var(--ak-color-text-muted);
      }
    `,
  ];

  /** Whether the last answer from the server followed a request to send the mail again. */
  #resending = false;
  @state() private resent = false;

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("challenge") && this.#resending) {
      this.#resending = false;
      const errors = this.challenge.response_errors ?? {};
      this.resent = Object.keys(errors).length === 0;
    }
  }

  #resend(event: SubmitEvent): void {
    event.preventDefault();
    if (this.submitting) return;
    this.#resending = true;
    this.resent = false;
    this.submit({ component: "ak-stage-email" });
  }

  render() {
    return html`<form method="dialog" @submit=${(e: SubmitEvent) => this.#resend(e)}>
      <h2>${msg("Check your inbox")}</h2>
      <p>${msg("We sent you an email with a link. Open it to continue — here or on another device.")}</p>
      <p>${msg("It can take a minute to arrive. If it does not, look in your spam folder, or send it again.")}</p>
      <p class="status" role="status">${this.resent ? msg("A new email is on its way.") : nothing}</p>
      <button type="submit" ?disabled=${this.submitting}>${msg("Send the email again")}</button>
    </form>`;
  }
}
