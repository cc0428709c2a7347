import { css, html } from "lit";
import { customElement, state } from "lit/decorators.js";
import { msg } from "@lit/localize";
import type { components } from "../../api/schema.d.ts";
import { StageElement } from "../stage-element.ts";
import { pendingUser } from "./pending-user.ts";
import { stageStyles } from "./stage-styles.ts";

type UserLoginChallenge = components["schemas"]["UserLoginChallenge"];

/** Asks whether to stay signed in on this device, which makes the session outlast the browser. */
@customElement("ak-stage-user-login")
export class UserLoginStage extends StageElement<UserLoginChallenge> {
  static styles = [
    stageStyles,
    css`
      .check {
        display: flex;
        align-items: flex-start;
        gap: var(--ak-space-2);
        font-weight: normal;
        font-size: inherit;
      }
      .check input {
        flex: none;
        width: 1.125rem;
        height: 1.125rem;
        margin: 0.125rem 0 0;
      }
      .hint {
        margin: 0;
        color: var(--ak-color-text-muted);
        font-size: var(--ak-font-size-small);
      }
    `,
  ];

  @state() private rememberMe = false;

  render() {
    return html`<form method="dialog"
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        this.submit({ component: "ak-stage-user-login", remember_me: this.rememberMe });
      }}
    >
      ${pendingUser(this.challenge)}
      <div class="field">
        <label class="check">
          <input
            type="checkbox"
            name="remember_me"
            aria-describedby="remember-hint"
            .checked=${this.rememberMe}
            @change=${(e: Event) => (this.rememberMe = (e.target as HTMLInputElement).checked)}
          />
          <span>${msg("Stay signed in on this device")}</span>
        </label>
        <p class="hint" id="remember-hint">${msg("You will be asked to sign in less often. Do not use this on a shared device.")}</p>
      </div>
      <button class="primary" type="submit" ?disabled=${this.submitting}>${msg("Continue")}</button>
    </form>`;
  }
}
