import { html, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import { msg } from "@lit/localize";
import { browserSupportsWebAuthn, startRegistration, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import type { components } from "../../api/schema.d.ts";
import { StageElement } from "../stage-element.ts";
import { pendingUser } from "./pending-user.ts";
import { stageStyles } from "./stage-styles.ts";
import { webauthnFailure, webauthnUnavailable } from "./webauthn-errors.ts";
import { webauthnStyles } from "./webauthn-styles.ts";

type AuthenticatorWebAuthnChallenge = components["schemas"]["AuthenticatorWebAuthnChallenge"];

/**
 * Registers a passkey or security key: asks the browser to create a credential from the server's
 * options as soon as the stage shows, and offers to try again when that fails.
 */
@customElement("ak-stage-authenticator-webauthn")
export class AuthenticatorWebAuthnStage extends StageElement<AuthenticatorWebAuthnChallenge> {
  static styles = [stageStyles, webauthnStyles];

  @state() private waiting = false;
  @state() private failure?: string;

  firstUpdated(): void {
    void this.#register();
  }

  async #register(): Promise<void> {
    if (!browserSupportsWebAuthn()) {
      this.failure = webauthnUnavailable();
      return;
    }
    this.failure = undefined;
    this.waiting = true;
    try {
      const optionsJSON = this.challenge.registration as unknown as PublicKeyCredentialCreationOptionsJSON;
      const response = await startRegistration({ optionsJSON });
      this.submit({ component: "ak-stage-authenticator-webauthn", response: response as unknown as Record<string, unknown> });
    } catch (error) {
      this.failure = webauthnFailure(error, true);
    } finally {
      this.waiting = false;
    }
  }

  render() {
    const refusal = this.failure ?? this.challenge.response_errors?.response?.map((e) => e.string).join(" ");
    return html`<form @submit=${(e: SubmitEvent) => e.preventDefault()}>
      ${pendingUser(this.challenge)}
      <p>${msg("Create a passkey with this device's screen lock or a password manager, or use a security key.")}</p>
      ${this.waiting ? html`<p role="status">${msg("Waiting for your passkey or security key…")}</p>` : nothing}
      ${refusal ? html`<p class="failure" role="alert">${refusal}</p>` : nothing}
      <button class="primary" type="button" ?disabled=${this.waiting || this.submitting} @click=${() => this.#register()}>
        ${refusal ? msg("Try again") : msg("Create passkey")}
      </button>
    </form>`;
  }
}
