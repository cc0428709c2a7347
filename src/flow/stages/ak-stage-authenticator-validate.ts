import { css, html, nothing, type PropertyValues } from "lit";
import { customElement, state } from "lit/decorators.js";
import { msg } from "@lit/localize";
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import type { components } from "../../api/schema.d.ts";
import { StageElement } from "../stage-element.ts";
import { formField } from "./form-field.ts";
import { pendingUser } from "./pending-user.ts";
import { stageStyles } from "./stage-styles.ts";
import { WebAuthnCeremony } from "./webauthn-ceremony.ts";
import { webauthnStyles } from "./webauthn-styles.ts";

type AuthenticatorValidationChallenge = components["schemas"]["AuthenticatorValidationChallenge"];
type DeviceChallenge = components["schemas"]["DeviceChallenge"];

/** How each kind of device is offered, by device class or by setup stage model. */
const methods: Record<string, () => { name: string; hint: string }> = {
  webauthn: () => ({ name: msg("Passkey or security key"), hint: msg("Use this device's screen lock or a security key.") }),
  totp: () => ({ name: msg("Authenticator app"), hint: msg("Enter the code your app shows.") }),
  static: () => ({ name: msg("Recovery code"), hint: msg("Use one of the codes you saved.") }),
};
const methodOf = (key: string) => methods[key]?.() ?? { name: key, hint: "" };
const stageMethod = (model: string) => Object.keys(methods).find((key) => model.includes(`authenticator_${key}.`));

/**
 * Asks for a second factor: lets the user choose among their kinds of device, then takes a code
 * (authenticator app, recovery code) or runs a WebAuthn assertion. A user without a device may
 * be offered ways to set one up instead.
 */
@customElement("ak-stage-authenticator-validate")
export class AuthenticatorValidateStage extends StageElement<AuthenticatorValidationChallenge> {
  static styles = [
    stageStyles,
    webauthnStyles,
    css`
      .choices {
        display: grid;
        gap: var(--ak-space-2);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .choices button {
        width: 100%;
        display: grid;
        gap: var(--ak-space-1);
        text-align: start;
      }
      .choices .hint {
        font-size: var(--ak-font-size-small);
        color: var(--ak-color-text-muted);
      }
      .other {
        justify-self: start;
        border: none;
        background: none;
        padding: 0;
        color: var(--ak-color-link);
        text-decoration: underline;
      }
    `,
  ];

  @state() private selected?: DeviceChallenge;
  @state() private code = "";

  readonly #webauthn = new WebAuthnCeremony(this, { registering: false });

  protected willUpdate(changed: PropertyValues): void {
    if (!changed.has("challenge")) return;
    // Shown again (e.g. after a wrong code), the challenge keeps the user's choice of device.
    const challenges = this.challenge.device_challenges;
    const kept = this.selected && challenges.find((c) => c.device_class === this.selected!.device_class);
    this.selected = kept ?? (challenges.length === 1 ? challenges[0] : undefined);
  }

  firstUpdated(): void {
    if (this.selected?.device_class === "webauthn") void this.#assert();
  }

  async #choose(challenge: DeviceChallenge | undefined): Promise<void> {
    this.selected = challenge;
    this.code = "";
    this.#webauthn.reset();
    await this.updateComplete;
    this.focusFirstField();
    if (challenge?.device_class === "webauthn") void this.#assert();
  }

  #assert(): Promise<void> {
    return this.#webauthn.run(async () => {
      const optionsJSON = this.selected!.challenge as unknown as PublicKeyCredentialRequestOptionsJSON;
      const webauthn = await startAuthentication({ optionsJSON });
      this.submit({ component: "ak-stage-authenticator-validate", webauthn: webauthn as unknown as Record<string, unknown> });
    });
  }

  #submitCode(e: SubmitEvent): void {
    e.preventDefault();
    const { device_class, device_uid, last_used } = this.selected!;
    const selected_challenge = { device_class, device_uid, last_used, challenge: {} };
    this.submit({ component: "ak-stage-authenticator-validate", code: this.code.trim(), selected_challenge });
  }

  render() {
    const c = this.challenge;
    return html`<form method="dialog" @submit=${(e: SubmitEvent) => (this.selected ? this.#submitCode(e) : e.preventDefault())}>
      ${c.pending_user ? pendingUser(c) : nothing}
      ${c.configuration_stages.length && !c.device_challenges.length
        ? this.#renderSetupChoice()
        : this.selected
          ? this.#renderSelected(this.selected)
          : this.#renderDeviceChoice()}
    </form>`;
  }

  #renderChoices(items: { key: string; method: { name: string; hint: string }; choose: () => void }[]) {
    return html`<ul class="choices">
      ${items.map(
        ({ key, method, choose }) => html`<li>
          <button type="button" data-method=${key} @click=${choose}>
            <strong>${method.name}</strong>${method.hint ? html`<span class="hint">${method.hint}</span>` : nothing}
          </button>
        </li>`,
      )}
    </ul>`;
  }

  #renderDeviceChoice() {
    return html`<p>${msg("Verify it's you with one of these:")}</p>
      ${this.#renderChoices(
        this.challenge.device_challenges.map((challenge) => ({
          key: challenge.device_class,
          method: methodOf(challenge.device_class),
          choose: () => void this.#choose(challenge),
        })),
      )}`;
  }

  #renderSetupChoice() {
    const errors = this.challenge.response_errors?.selected_stage;
    return html`<p>${msg("Your account needs a second way to verify it's you. Choose one to set up:")}</p>
      ${this.#renderChoices(
        this.challenge.configuration_stages.map((stage) => {
          const key = stageMethod(stage.meta_model_name);
          return {
            key: key ?? stage.name,
            method: key ? methodOf(key) : { name: stage.name, hint: stage.verbose_name },
            choose: () => this.submit({ component: "ak-stage-authenticator-validate", selected_stage: stage.pk }),
          };
        }),
      )}
      ${errors ? html`<p class="failure" role="alert">${errors.map((e) => e.string).join(" ")}</p>` : nothing}`;
  }

  #renderSelected(challenge: DeviceChallenge) {
    const other =
      this.challenge.device_challenges.length > 1
        ? html`<button class="other" type="button" @click=${() => void this.#choose(undefined)}>${msg("Use another method")}</button>`
        : nothing;
    if (challenge.device_class === "webauthn") return html`${this.#renderWebAuthn()}${other}`;
    const app = challenge.device_class === "totp";
    return html`${formField({
        id: "code",
        label: app ? msg("Code from your authenticator app") : msg("Recovery code"),
        value: this.code,
        onInput: (value) => (this.code = value),
        autocomplete: app ? "one-time-code" : "off",
        inputmode: app ? "numeric" : undefined,
        errors: this.challenge.response_errors?.code,
      })}
      <button class="primary" type="submit" ?disabled=${this.submitting}>${msg("Verify")}</button>
      ${other}`;
  }

  #renderWebAuthn() {
    return this.#webauthn.render({
      intro: msg("Use your passkey or security key to continue."),
      action: msg("Use passkey"),
      refused: this.challenge.response_errors?.webauthn,
      submitting: this.submitting,
      start: () => void this.#assert(),
    });
  }
}
