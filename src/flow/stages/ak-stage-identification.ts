import { html, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import { msg } from "@lit/localize";
import type { components } from "../../api/schema.d.ts";
import { StageElement } from "../stage-element.ts";
import { formField, passwordField } from "./form-field.ts";
import { loginSourceStyles, loginSources } from "./login-sources.ts";
import { stageStyles } from "./stage-styles.ts";

type IdentificationChallenge = components["schemas"]["IdentificationChallenge"];

function uidLabel(fields: string[]): string {
  const names: Record<string, string> = { username: msg("Username"), email: msg("Email"), upn: msg("UPN") };
  if (fields.length === 2 && fields.includes("username") && fields.includes("email")) return msg("Username or email");
  const known = fields.filter((field) => field in names);
  return known.length ? known.map((field) => names[field]).join(msg(" or ")) : msg("Username");
}

/**
 * Asks who the user is, and their password when the stage is set to ask for both at once. Links to
 * the enrollment, recovery and passwordless flows the stage names, and offers its sources.
 */
@customElement("ak-stage-identification")
export class IdentificationStage extends StageElement<IdentificationChallenge> {
  static styles = [stageStyles, loginSourceStyles];

  @state() private uid = "";
  @state() private password = "";
  @state() private passwordShown = false;

  render() {
    const c = this.challenge;
    const fields = c.user_fields ?? [];
    const emailOnly = fields.length === 1 && fields[0] === "email";
    const errors = c.response_errors ?? {};
    return html`<form method="dialog"
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        this.submit({
          component: "ak-stage-identification",
          uid_field: this.uid,
          ...(c.password_fields ? { password: this.password } : {}),
        });
      }}
    >
      ${formField({
        id: "uid_field",
        label: uidLabel(fields),
        value: this.uid,
        onInput: (v) => (this.uid = v),
        type: emailOnly ? "email" : "text",
        inputmode: emailOnly ? "email" : undefined,
        // With a passwordless flow, browsers may offer the user's passkeys right in this field.
        autocomplete: c.passwordless_url ? "username webauthn" : "username",
        errors: errors.uid_field,
        autofocus: true,
      })}
      ${c.password_fields
        ? passwordField({
            id: "password",
            value: this.password,
            onInput: (v) => (this.password = v),
            errors: errors.password,
            allowShow: Boolean(c.allow_show_password),
            shown: this.passwordShown,
            onToggle: () => (this.passwordShown = !this.passwordShown),
          })
        : nothing}
      <button class="primary" type="submit" ?disabled=${this.submitting}>${c.primary_action}</button>
      ${this.#renderLinks()}
    </form>
    ${loginSources(c.sources, c.show_source_labels)}`;
  }

  #renderLinks() {
    const c = this.challenge;
    if (!c.recovery_url && !c.enroll_url && !c.passwordless_url) return nothing;
    return html`<div class="links">
      ${c.passwordless_url ? html`<a href=${c.passwordless_url}>${msg("Use a security key")}</a>` : nothing}
      ${c.recovery_url ? html`<a href=${c.recovery_url}>${msg("Forgot username or password?")}</a>` : nothing}
      ${c.enroll_url ? html`<a href=${c.enroll_url}>${msg("Need an account? Sign up.")}</a>` : nothing}
    </div>`;
  }
}
