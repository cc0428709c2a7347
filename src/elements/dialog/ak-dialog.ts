import { msg } from "@lit/localize";
import { css, html, LitElement } from "lit";
import { customElement, property, query } from "lit/decorators.js";
import { closeIcon } from "../icons/icons.ts";
import { focusable } from "../focus/focusable.ts";
import { focusRing, visuallyHidden } from "../styles/shared.ts";

/**
 * A modal dialog on the native `<dialog>`: the rest of the page is inert while it is open, Escape
 * and the close button dismiss it (unless `busy`), and focus goes to the first field or button in
 * it (or the one marked `autofocus`) and back to where it was when it closes.
 *
 * @slot - the dialog's body
 * @slot actions - its buttons, laid out at the bottom
 *
 * @fires close - after the dialog closed, however it was closed
 *
 * @cssprop --ak-dialog-width - its width (default min(36rem, 100vw - 2rem))
 * @cssprop --ak-dialog-background - default: the surface colour
 * @cssprop --ak-dialog-backdrop - the backdrop's colour (default: black at 45%)
 *
 * @csspart dialog - the `<dialog>`
 * @csspart heading - the heading
 * @csspart body - the body's container
 * @csspart actions - the actions' container
 */
@customElement("ak-dialog")
export class AkDialog extends LitElement {
  static styles = [
    visuallyHidden,
    focusRing,
    css`
      dialog {
        width: var(--ak-dialog-width, min(36rem, calc(100vw - 2rem)));
        max-height: calc(100vh - 4rem);
        box-sizing: border-box;
        padding: 0;
        border: 1px solid var(--ak-color-border);
        border-radius: var(--ak-radius);
        background: var(--ak-dialog-background, var(--ak-color-surface));
        color: var(--ak-color-text);
        box-shadow: var(--ak-shadow);
      }
      dialog::backdrop {
        background: var(--ak-dialog-backdrop, rgb(0 0 0 / 0.45));
      }
      .frame {
        display: grid;
        grid-template-rows: auto minmax(0, 1fr) auto;
        max-height: calc(100vh - 4rem);
      }
      header {
        display: flex;
        align-items: start;
        justify-content: space-between;
        gap: var(--ak-space-3);
        padding: var(--ak-space-4) var(--ak-space-5) 0;
      }
      h2 {
        margin: 0;
        font-size: 1.25rem;
        line-height: 1.3;
      }
      .close {
        flex: none;
        padding: var(--ak-space-1);
        border: 1px solid transparent;
        border-radius: var(--ak-radius);
        background: transparent;
        color: inherit;
        cursor: pointer;
      }
      .close:hover {
        border-color: var(--ak-color-border);
      }
      .close svg {
        display: block;
        width: 1.25rem;
        height: 1.25rem;
      }
      .body {
        overflow: auto;
        padding: var(--ak-space-3) var(--ak-space-5);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        gap: var(--ak-space-3);
        padding: var(--ak-space-3) var(--ak-space-5) var(--ak-space-4);
        border-top: 1px solid var(--ak-color-border);
      }
    `,
  ];

  /** The dialog's title. */
  @property() heading = "";

  /** While busy (an action running) it cannot be dismissed. */
  @property({ type: Boolean, reflect: true }) busy = false;

  @query("dialog") private dialog!: HTMLDialogElement;

  #returnFocus?: HTMLElement;

  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the dialog and moves focus into it. */
  async show(): Promise<void> {
    await this.updateComplete;
    if (this.dialog.open) return;
    this.#returnFocus = deepActiveElement();
    this.dialog.showModal();
    this.focusFirst();
  }

  /** Moves focus to the first field or button of the body, else of the actions, else the close button. */
  focusFirst(): void {
    const target =
      this.querySelector<HTMLElement>("[autofocus]") ??
      [...this.querySelectorAll<HTMLElement>(focusable)].find((el) => !el.closest("[hidden]")) ??
      this.renderRoot.querySelector<HTMLElement>(".close");
    target?.focus();
  }

  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  render() {
    return html`<dialog part="dialog" aria-labelledby="heading" @cancel=${this.#onCancel} @close=${this.#onClose}>
      <div class="frame">
        <header>
          <h2 id="heading" part="heading">${this.heading}</h2>
          <button class="close" type="button" ?disabled=${this.busy} @click=${() => this.close()}>
            ${closeIcon}<span class="visually-hidden">${msg("Close")}</span>
          </button>
        </header>
        <div class="body" part="body"><slot></slot></div>
        <div class="actions" part="actions"><slot name="actions"></slot></div>
      </div>
    </dialog>`;
  }

  #onCancel = (event: Event) => {
    if (this.busy) event.preventDefault();
  };

  #onClose = () => {
    this.#returnFocus?.focus();
    this.#returnFocus = undefined;
    this.dispatchEvent(new Event("close"));
  };
}

/** The focused element, looking into shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-dialog": AkDialog;
  }
}
