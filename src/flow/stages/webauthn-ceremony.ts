import { msg } from "@lit/localize";
import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { html, nothing, type ReactiveControllerHost } from "lit";
import { webauthnFailure, webauthnUnavailable } from "./webauthn-errors.ts";

export interface CeremonyPrompt {
  /** What the user is asked to do. */
  readonly intro: string;
  /** The button's label before any failure, e.g. "Use passkey". */
  readonly action: string;
  /** The server's reasons for refusing the last answer. */
  readonly refused?: readonly { readonly string: string }[];
  readonly submitting: boolean;
  readonly start: () => void;
}

/**
 * A stage's WebAuthn ceremony, creating a passkey or using one: whether the browser is waiting for
 * the user's passkey or security key, why the last try failed, and the prompt showing both.
 */
export class WebAuthnCeremony {
  waiting = false;
  failure?: string;

  readonly #host: ReactiveControllerHost;
  readonly #registering: boolean;

  constructor(host: ReactiveControllerHost, { registering }: { registering: boolean }) {
    this.#host = host;
    this.#registering = registering;
  }

  /** Runs `ceremony` (the browser's call, and submitting its answer), keeping why it failed. */
  async run(ceremony: () => Promise<void>): Promise<void> {
    if (!browserSupportsWebAuthn()) {
      this.failure = webauthnUnavailable();
      this.#host.requestUpdate();
      return;
    }
    this.failure = undefined;
    this.waiting = true;
    this.#host.requestUpdate();
    try {
      await ceremony();
    } catch (error) {
      this.failure = webauthnFailure(error, this.#registering);
    } finally {
      this.waiting = false;
      this.#host.requestUpdate();
    }
  }

  /** Forgets the last failure (e.g. when the user chooses another way). */
  reset(): void {
    this.failure = undefined;
    this.#host.requestUpdate();
  }

  /** The prompt: what to do, that the browser waits, why the last try failed, and the button to (re)start. */
  render(prompt: CeremonyPrompt) {
    const refusal = this.failure ?? prompt.refused?.map((e) => e.string).join(" ");
    return html`<p>${prompt.intro}</p>
      ${this.waiting ? html`<p role="status">${msg("Waiting for your passkey or security key…")}</p>` : nothing}
      ${refusal ? html`<p class="failure" role="alert">${refusal}</p>` : nothing}
      <button class="primary" type="button" ?disabled=${this.waiting || prompt.submitting} @click=${prompt.start}>
        ${refusal ? msg("Try again") : prompt.action}
      </button>`;
  }
}
