import { css, html, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import { msg, str } from "@lit/localize";
import type { components } from "../../api/schema.d.ts";
import { StageElement } from "../stage-element.ts";
import { copyText } from "./clipboard.ts";
import { pendingUser } from "./pending-user.ts";
import { stageStyles } from "./stage-styles.ts";

type AuthenticatorStaticChallenge = components["schemas"]["AuthenticatorStaticChallenge"];

/**
 * Shows new recovery codes once, with ways to keep them (copy, download as a text file), and saves
 * them only after the user confirms they have.
 */
@customElement("ak-stage-authenticator-static")
export class AuthenticatorStaticStage extends StageElement<AuthenticatorStaticChallenge> {
  static styles = [
    stageStyles,
    css`
      p {
        margin: 0;
      }
      ol {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
        gap: var(--ak-space-2);
        margin: 0;
        padding: var(--ak-space-3);
        list-style-position: inside;
        border: 1px solid var(--ak-color-border);
        border-radius: var(--ak-radius);
        font-family: ui-monospace, monospace;
        font-size: 1.05rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ak-space-2);
      }
      .confirm {
        display: flex;
        gap: var(--ak-space-2);
        align-items: flex-start;
        font-weight: normal;
        font-size: inherit;
      }
      .confirm input {
        flex: none;
        margin-top: 0.2rem;
      }
    `,
  ];

  @state() private saved = false;
  @state() private status?: string;

  /** Starts at the codes' first action, so the codes are read before the confirmation. */
  focusFirstField(): void {
    this.renderRoot.querySelector<HTMLElement>(".actions button")?.focus();
  }

  #text(): string {
    const header = msg(str`Recovery codes for ${this.challenge.pending_user}. Each code works once.`);
    return [header, "", ...this.challenge.codes, ""].join("\n");
  }

  async #copy(): Promise<void> {
    this.status = (await copyText(this.challenge.codes.join("\n")))
      ? msg("Codes copied.")
      : msg("Copying failed: select the codes and copy them yourself.");
  }

  #download(): void {
    const url = URL.createObjectURL(new Blob([this.#text()], { type: "text/plain" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: "recovery-codes.txt" });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    this.status = msg("Codes downloaded as recovery-codes.txt.");
  }

  render() {
    const c = this.challenge;
    return html`<form method="dialog"
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        if (this.saved) this.submit({ component: "ak-stage-authenticator-static" });
      }}
    >
      ${pendingUser(c)}
      <p id="codes-intro">
        ${msg("Keep these recovery codes somewhere safe. Each one signs you in once if you lose your other devices. They are shown only now, and replace any codes you saved before.")}
      </p>
      <ol aria-labelledby="codes-intro">
        ${c.codes.map((code) => html`<li><code>${code}</code></li>`)}
      </ol>
      <div class="actions">
        <button type="button" @click=${() => this.#copy()}>${msg("Copy codes")}</button>
        <button type="button" @click=${() => this.#download()}>${msg("Download as text file")}</button>
      </div>
      <p role="status">${this.status ?? nothing}</p>
      <label class="confirm">
        <input type="checkbox" .checked=${this.saved} @change=${(e: Event) => (this.saved = (e.target as HTMLInputElement).checked)} />
        ${msg("I have saved these codes")}
      </label>
      <button class="primary" type="submit" ?disabled=${this.submitting || !this.saved}>${msg("Continue")}</button>
    </form>`;
  }
}
