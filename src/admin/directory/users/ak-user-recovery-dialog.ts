import { msg, str } from "@lit/localize";
import { Task } from "@lit/task";
import { css, html, LitElement } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import { errorMessage } from "../../../common/error-message.ts";
import "../../../elements/alert/ak-alert.ts";
import "../../../elements/dialog/ak-dialog.ts";
import type { AkDialog } from "../../../elements/dialog/ak-dialog.ts";
import "../../../elements/form/ak-text-field.ts";
import { buttonStyles, focusRing } from "../../../elements/styles/shared.ts";
import { createRecoveryLink, type User } from "./user-api.ts";

/**
 * Creates a recovery link for a user and shows it to copy and hand over. The server refuses when
 * the brand has no recovery flow; its reason is shown.
 */
@customElement("ak-user-recovery-dialog")
export class AkUserRecoveryDialog extends LitElement {
  static styles = [
    buttonStyles,
    focusRing,
    css`
      p {
        margin: 0 0 var(--ak-space-3);
      }
    `,
  ];

  @property({ attribute: false }) user?: User;
  @state() private requested = 0;
  @state() private copied = false;
  @query("ak-dialog") private dialog!: AkDialog;

  readonly #link = new Task(this, {
    task: async ([requested]) => (requested && this.user ? createRecoveryLink(this.user.pk) : undefined),
    args: () => [this.requested] as const,
  });

  async show(): Promise<void> {
    this.copied = false;
    const requested = ++this.requested;
    await this.updateComplete;
    await this.dialog.show();
    // The link arrives after the dialog opened: focus moves to it then, ready to copy.
    await this.#link.taskComplete.catch(() => undefined);
    await this.updateComplete;
    if (this.dialog.open && requested === this.requested) this.dialog.focusFirst();
  }

  render() {
    return html`<ak-dialog heading=${this.user ? msg(str`Recovery link for ${this.user.username}`) : ""}>
      ${this.#link.render({
        pending: () => html`<p role="status">${msg("Creating the link…")}</p>`,
        complete: (link) =>
          link
            ? html`<p>${msg("Anyone with this link can set a new password for this account until it expires. Send it only to the user.")}</p>
                <ak-text-field label=${msg("Recovery link")} readonly autofocus .value=${link.link}></ak-text-field>
                <p role="status">${this.copied ? msg("Copied.") : ""}</p>
                <button slot="actions" class="button primary" type="button" @click=${() => this.#copy(link.link)}>${msg("Copy link")}</button>`
            : "",
        error: (error) => html`<ak-alert variant="danger"><span slot="title">${msg("No link was created.")}</span>${errorMessage(error)}</ak-alert>`,
      })}
      <button slot="actions" class="button" type="button" @click=${() => this.dialog.close()}>${msg("Close")}</button>
    </ak-dialog>`;
  }

  async #copy(link: string): Promise<void> {
    await navigator.clipboard.writeText(link);
    this.copied = true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-user-recovery-dialog": AkUserRecoveryDialog;
  }
}
