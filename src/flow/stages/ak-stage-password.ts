import { html, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import { msg } from "@lit/localize";
import type { components } from "../../api/schema.d.ts";
import { StageElement } from "../stage-element.ts";
import { passwordField } from "./form-field.ts";
import { pendingUser } from "./pending-user.ts";
import { stageStyles } from "./stage-styles.ts";

type PasswordChallenge = components["schemas"]["PasswordChallenge"];

/** Asks for the identified user's password. */
@customElement("ak-stage-password")
export class PasswordStage extends StageElement<PasswordChallenge> {
  static styles = stageStyles;

  @state() private password = "";
  @state() private passwordShown = false;

  render() {
    const c = this.challenge;
    return html`<form method="dialog"
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        this.submit({ component: "ak-stage-password", password: this.password });
      }}
    >
      ${pendingUser(c)}
      <input class="visually-hidden" type="text" name="username" autocomplete="username" .value=${c.pending_user} readonly tabindex="-1" aria-hidden="true" />
      ${passwordField({
        id: "password",
        value: this.password,
        onInput: (v) => (this.password = v),
        errors: c.response_errors?.password,
        allowShow: Boolean(c.allow_show_password),
        shown: this.passwordShown,
        onToggle: () => (this.passwordShown = !this.passwordShown),
      })}
      <button class="primary" type="submit" ?disabled=${this.submitting}>${msg("Continue")}</button>
      ${c.recovery_url
        ? html`<div class="links"><a href=${c.recovery_url}>${msg("Forgot password?")}</a></div>`
        : nothing}
    </form>`;
  }
}
