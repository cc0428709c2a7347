import { html } from "lit";
import { customElement } from "lit/decorators.js";
import { msg } from "@lit/localize";
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import type { components } from "../../api/schema.d.ts";
import { StageElement } from "../stage-element.ts";
import { pendingUser } from "./pending-user.ts";
import { stageStyles } from "./stage-styles.ts";
import { WebAuthnCeremony } from "./webauthn-ceremony.ts";
import { webauthnStyles } from "./webauthn-styles.ts";

type AuthenticatorWebAuthnChallenge = components["schemas"]["AuthenticatorWebAuthnChallenge"];

/**
 * Registers a passkey or security key: asks the browser to create a credential from the server's
 * options as soon as the stage shows, and offers to try again when that fails.
 */
@customElement("ak-stage-authenticator-webauthn")
export class AuthenticatorWebAuthnStage extends StageElement<AuthenticatorWebAuthnChallenge> {
  static styles = [stageStyles, webauthnStyles];

  readonly #ceremony = new WebAuthnCeremony(this, { registering: true });

  firstUpdated(): void {
    void this.#register();
  }

  #register(): Promise<void> {
    return this.#ceremony.run(async () => {
      const optionsJSON = this.challenge.registration as unknown as PublicKeyCredentialCreationOptionsJSON;
      const response = await startRegistration({ optionsJSON });
      this.submit({ component: "ak-stage-authenticator-webauthn", response: response as unknown as Record<string, unknown> });
    });
  }

  render() {
    return html`<form method="dialog" @submit=${(e: SubmitEvent) => e.preventDefault()}>
      ${pendingUser(this.challenge)}
      ${this.#ceremony.render({
        intro: msg("Create a passkey with this device's screen lock or a password manager, or use a security key."),
        action: msg("Create passkey"),
        refused: this.challenge.response_errors?.response,
        submitting: this.submitting,
        start: () => void this.#register(),
      })}
    </form>`;
  }
}
