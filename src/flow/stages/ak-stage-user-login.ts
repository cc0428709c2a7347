import { html } from "lit";
import { customElement } from "lit/decorators.js";
import { msg } from "@lit/localize";
import type { components } from "../../api/schema.d.ts";
import { StageElement } from "../stage-element.ts";
import { pendingUser } from "./pending-user.ts";
import { stageStyles } from "./stage-styles.ts";

type UserLoginChallenge = components["schemas"]["UserLoginChallenge"];

/** Asks whether to stay signed in after the browser closes. */
@customElement("ak-stage-user-login")
export class UserLoginStage extends StageElement<UserLoginChallenge> {
  static styles = stageStyles;

  render() {
    const answer = (remember: boolean) => this.submit({ component: "ak-stage-user-login", remember_me: remember });
    return html`<form @submit=${(e: SubmitEvent) => e.preventDefault()}>
      ${pendingUser(this.challenge)}
      <p id="question">${msg("Stay signed in on this device?")}</p>
      <button class="primary" type="button" ?disabled=${this.submitting} @click=${() => answer(true)}>
        ${msg("Yes, stay signed in")}
      </button>
      <button type="button" ?disabled=${this.submitting} @click=${() => answer(false)}>${msg("No")}</button>
    </form>`;
  }
}
