import { css, html, nothing, type PropertyValues } from "lit";
import { customElement, query, state } from "lit/decorators.js";
import { msg } from "@lit/localize";
import type { components } from "../../api/schema.d.ts";
import { StageElement } from "../stage-element.ts";
import { copyText } from "./clipboard.ts";
import { formField } from "./form-field.ts";
import { pendingUser } from "./pending-user.ts";
import { drawQrCode } from "./qr-code.ts";
import { stageStyles } from "./stage-styles.ts";

type AuthenticatorTOTPChallenge = components["schemas"]["AuthenticatorTOTPChallenge"];

/** The secret of an otpauth:// URL, in groups of four so it can be typed reliably. */
const setupKey = (configUrl: string) => (new URL(configUrl).searchParams.get("secret") ?? "").replace(/(.{4})(?=.)/g, "$1 ");

/**
 * Sets up an authenticator app: a QR code drawn in the browser from `config_url`, the same key as
 * text to copy or type, and a field for the first code the app shows.
 */
@customElement("ak-stage-authenticator-totp")
export class AuthenticatorTotpStage extends StageElement<AuthenticatorTOTPChallenge> {
  static styles = [
    stageStyles,
    css`
      p {
        margin: 0;
      }
      .qr {
        justify-self: center;
        display: grid;
        place-items: center;
        width: 12rem;
        height: 12rem;
        margin: 0;
        color: var(--ak-color-text-muted);
        text-align: center;
      }
      canvas {
        width: 100%;
        height: 100%;
        image-rendering: pixelated;
      }
      .key {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--ak-space-2);
      }
      code {
        font-size: 1.05rem;
        letter-spacing: 0.05em;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @state() private code = "";
  @state() private localError?: string;
  @state() private qrFailed = false;
  @state() private copied?: boolean;
  @query("canvas") private canvas?: HTMLCanvasElement;

  protected updated(changed: PropertyValues): void {
    super.updated(changed);
    const previous = changed.get("challenge") as AuthenticatorTOTPChallenge | undefined;
    if (changed.has("challenge") && previous?.config_url !== this.challenge.config_url) void this.#drawQr();
  }

  async #drawQr(): Promise<void> {
    this.qrFailed = false;
    await this.updateComplete;
    try {
      if (this.canvas) await drawQrCode(this.canvas, this.challenge.config_url);
    } catch {
      this.qrFailed = true;
    }
  }

  async #copyKey(): Promise<void> {
    this.copied = await copyText(setupKey(this.challenge.config_url).replaceAll(" ", ""));
  }

  #submit(e: SubmitEvent): void {
    e.preventDefault();
    const code = this.code.replace(/\s+/g, "");
    this.localError = /^\d{6,8}$/.test(code) ? undefined : msg("Enter the code your app shows, digits only.");
    if (!this.localError) this.submit({ component: "ak-stage-authenticator-totp", code: Number(code) });
  }

  render() {
    const c = this.challenge;
    const errors = this.localError ? [{ string: this.localError, code: "invalid" }] : c.response_errors?.code;
    return html`<form method="dialog" @submit=${(e: SubmitEvent) => this.#submit(e)}>
      ${pendingUser(c)}
      <p id="instructions">${msg("Scan this QR code with an authenticator app, then enter the code the app shows.")}</p>
      <figure class="qr">
        ${this.qrFailed
          ? html`<figcaption>${msg("The QR code could not be drawn. Enter the setup key below instead.")}</figcaption>`
          : html`<canvas role="img" aria-label=${msg("QR code to scan with your authenticator app. The same setup key is given as text below.")}></canvas>`}
      </figure>
      <div class="field">
        <p id="key-label">${msg("Can't scan it? Enter this setup key in your app:")}</p>
        <div class="key">
          <code aria-labelledby="key-label">${setupKey(c.config_url)}</code>
          <button type="button" @click=${() => this.#copyKey()}>${msg("Copy key")}</button>
        </div>
        <p role="status">
          ${this.copied === undefined ? nothing : this.copied ? msg("Setup key copied.") : msg("Copying failed: select the key and copy it yourself.")}
        </p>
        <a class="config-url" href=${c.config_url}>${msg("Open in an authenticator app on this device")}</a>
      </div>
      ${formField({
        id: "code",
        label: msg("Code from the app"),
        value: this.code,
        onInput: (value) => (this.code = value),
        autocomplete: "one-time-code",
        inputmode: "numeric",
        errors,
      })}
      <button class="primary" type="submit" ?disabled=${this.submitting}>${msg("Confirm")}</button>
    </form>`;
  }
}
