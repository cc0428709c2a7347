import { msg } from "@lit/localize";
import { css, html, LitElement, nothing } from "lit";
import { customElement, query, state } from "lit/decorators.js";
import { errorMessage } from "../../common/error-message.ts";
import "../alert/ak-alert.ts";
import { buttonStyles, focusRing } from "../styles/shared.ts";
import "./ak-dialog.ts";
import type { AkDialog } from "./ak-dialog.ts";

export interface Confirmation {
  readonly heading: string;
  /** What will happen, in a sentence or two. */
  readonly message: string;
  /** The confirm button's label, e.g. "Delete". */
  readonly confirm: string;
  readonly danger?: boolean;
  /** Runs once confirmed; a failure is shown in the dialog, which stays open to retry or cancel. */
  readonly action: () => Promise<unknown>;
}

/**
 * Asks before one consequential action (delete, revoke, deactivate), runs it with the confirm
 * button disabled, and shows its failure in place. Focus starts on Cancel, the safe choice.
 */
@customElement("ak-confirm-dialog")
export class AkConfirmDialog extends LitElement {
  static styles = [
    buttonStyles,
    focusRing,
    css`
      .button.danger {
        border-color: var(--ak-color-danger);
        background: var(--ak-color-danger);
        color: var(--ak-color-surface);
      }
      .button[disabled] {
        opacity: 0.6;
        cursor: default;
      }
      p {
        margin: 0 0 var(--ak-space-3);
      }
    `,
  ];

  @state() private confirmation?: Confirmation;
  @state() private pending = false;
  @state() private error?: unknown;
  @query("ak-dialog") private dialog!: AkDialog;

  #resolve?: (done: boolean) => void;

  /** Opens the dialog; resolves true once the action succeeded, false when the user cancelled. */
  ask(confirmation: Confirmation): Promise<boolean> {
    this.#resolve?.(false);
    this.confirmation = confirmation;
    this.error = undefined;
    this.pending = false;
    const answer = new Promise<boolean>((resolve) => (this.#resolve = resolve));
    void this.updateComplete.then(() => this.dialog.show());
    return answer;
  }

  render() {
    const c = this.confirmation;
    return html`<ak-dialog heading=${c?.heading ?? ""} ?busy=${this.pending} @close=${this.#onClose}>
      ${c
        ? html`<p>${c.message}</p>
            ${this.error ? html`<ak-alert variant="danger">${errorMessage(this.error)}</ak-alert>` : nothing}
            <button slot="actions" class="button" type="button" autofocus ?disabled=${this.pending} @click=${() => this.dialog.close()}>
              ${msg("Cancel")}
            </button>
            <button slot="actions" class=${c.danger ? "button danger" : "button primary"} type="button" ?disabled=${this.pending} @click=${this.#confirm}>
              ${this.pending ? msg("Working…") : c.confirm}
            </button>`
        : nothing}
    </ak-dialog>`;
  }

  #confirm = async () => {
    const c = this.confirmation;
    if (!c || this.pending) return;
    this.pending = true;
    this.error = undefined;
    try {
      await c.action();
      this.pending = false;
      const resolve = this.#resolve;
      this.#resolve = undefined;
      this.dialog.close();
      resolve?.(true);
    } catch (error) {
      this.error = error;
      this.pending = false;
    }
  };

  #onClose = () => {
    this.#resolve?.(false);
    this.#resolve = undefined;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-confirm-dialog": AkConfirmDialog;
  }
}
