import { msg, str } from "@lit/localize";
import { css, html, LitElement, nothing } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import { errorMessage } from "../../common/error-message.ts";
import "../alert/ak-alert.ts";
import { runEach, type RunOutcome } from "../async/run-each.ts";
import "../dialog/ak-dialog.ts";
import type { AkDialog } from "../dialog/ak-dialog.ts";
import { buttonStyles, focusRing, visuallyHidden } from "../styles/shared.ts";
import type { BulkAction } from "./table-types.ts";

/** How many names the confirmation lists before summing up the rest. */
const listed = 50;

type Phase<T> =
  | { readonly kind: "resolving" }
  | { readonly kind: "confirm"; readonly change: readonly T[]; readonly skip: readonly T[] }
  | { readonly kind: "running"; readonly total: number; readonly finished: number }
  | { readonly kind: "failed"; readonly outcome: RunOutcome<T> }
  | { readonly kind: "error"; readonly error: unknown };

/** Fired when a bulk action has run (completely or not); the table reloads and keeps the rows not changed selected. */
export class BulkFinishedEvent<T> extends Event {
  static readonly eventName = "ak-bulk-finished";
  constructor(
    readonly rows: readonly T[],
    readonly outcome: RunOutcome<T>,
  ) {
    super(BulkFinishedEvent.eventName);
  }
}

/**
 * The confirmation and progress of one bulk action: it finds the selected rows (for "all
 * matching", every page of them from the server), lists the ones that will change and the ones
 * left alone, runs the action on each with a progress bar (which can be stopped), and lists any
 * failures with the server's reason.
 *
 * @csspart list - the list of rows that will change
 */
@customElement("ak-table-bulk-dialog")
export class AkTableBulkDialog<T> extends LitElement {
  static styles = [
    visuallyHidden,
    focusRing,
    buttonStyles,
    css`
      .button.danger {
        border-color: var(--ak-color-danger);
        background: var(--ak-color-danger);
        color: var(--ak-color-surface);
      }
      ul {
        max-height: 16rem;
        overflow: auto;
        margin: var(--ak-space-2) 0;
        padding: var(--ak-space-2) var(--ak-space-2) var(--ak-space-2) var(--ak-space-5);
        border: 1px solid var(--ak-color-border);
        border-radius: var(--ak-radius);
        background: var(--ak-color-surface-raised);
      }
      li {
        overflow-wrap: anywhere;
      }
      progress {
        width: 100%;
        height: 0.75rem;
        accent-color: var(--ak-color-primary);
      }
      p {
        margin: var(--ak-space-2) 0;
      }
      .muted {
        color: var(--ak-color-text-muted);
      }
    `,
  ];

  @property({ attribute: false }) action?: BulkAction<T>;
  @property({ attribute: false }) rowLabel: (row: T) => string = String;

  @state() private phase: Phase<T> = { kind: "resolving" };
  @query("ak-dialog") private dialog!: AkDialog;

  #controller?: AbortController;

  /** Opens the dialog for `rows` (a promise when they must be fetched first). */
  async start(rows: (signal: AbortSignal) => Promise<readonly T[]>): Promise<void> {
    const controller = (this.#controller = new AbortController());
    this.phase = { kind: "resolving" };
    await this.updateComplete;
    await this.dialog.show();
    try {
      const all = await rows(controller.signal);
      if (controller.signal.aborted) return;
      const applies = this.action?.applies ?? (() => true);
      this.phase = { kind: "confirm", change: all.filter(applies), skip: all.filter((row) => !applies(row)) };
      await this.updateComplete;
      this.dialog.focusFirst();
    } catch (error) {
      if (!controller.signal.aborted) this.phase = { kind: "error", error };
    }
  }

  render() {
    const action = this.action;
    const heading = this.phase.kind === "confirm" && action ? action.heading(this.phase.change.length) : (action?.label ?? "");
    return html`<ak-dialog heading=${heading} ?busy=${this.phase.kind === "running"} @close=${this.#onClose}>
      ${this.#body()}
    </ak-dialog>`;
  }

  #body() {
    const action = this.action;
    if (!action) return nothing;
    const phase = this.phase;
    const close = html`<button slot="actions" class="button" type="button" autofocus @click=${() => this.dialog.close()}>${msg("Close")}</button>`;
    switch (phase.kind) {
      case "resolving":
        return html`<p role="status">${msg("Finding the selected rows…")}</p>
          <progress aria-label=${msg("Finding the selected rows")}></progress>
          <button slot="actions" class="button" type="button" @click=${() => this.dialog.close()}>${msg("Cancel")}</button>`;
      case "error":
        return html`<ak-alert variant="danger">${errorMessage(phase.error)}</ak-alert>${close}`;
      case "confirm":
        return this.#confirm(action, phase.change, phase.skip);
      case "running":
        return html`<p id="progress-label">${msg(str`${action.label}: ${phase.finished} of ${phase.total} done.`)}</p>
          <progress aria-labelledby="progress-label" max=${phase.total} .value=${phase.finished}></progress>
          <button slot="actions" class="button" type="button" @click=${() => this.#controller?.abort()}>${msg("Stop")}</button>`;
      case "failed":
        return html`${phase.outcome.done.length
            ? html`<p>${action.finished(phase.outcome.done.length)}</p>`
            : nothing}
          ${phase.outcome.failed.length
            ? html`<ak-alert variant="danger">${msg(str`${phase.outcome.failed.length} could not be changed:`)}</ak-alert>
                <ul part="list" tabindex="0" aria-label=${msg("Rows that could not be changed")}>
                  ${phase.outcome.failed.map(({ item, error }) => html`<li>${this.rowLabel(item)}: ${errorMessage(error)}</li>`)}
                </ul>`
            : nothing}
          ${phase.outcome.aborted ? html`<p>${msg("Stopped before the rest were changed; they stay selected.")}</p>` : nothing} ${close}`;
    }
  }

  #confirm(action: BulkAction<T>, change: readonly T[], skip: readonly T[]) {
    // The list scrolls, so it takes focus (to scroll it by keyboard) and needs a name.
    const names = (rows: readonly T[]) => html`<ul part="list" tabindex="0" aria-label=${msg("Rows that will change")}>
      ${rows.slice(0, listed).map((row) => html`<li>${this.rowLabel(row)}</li>`)}
      ${rows.length > listed ? html`<li class="muted">${msg(str`and ${rows.length - listed} more`)}</li>` : nothing}
    </ul>`;
    return html`${action.explanation && change.length ? html`<p>${action.explanation}</p>` : nothing}
      ${change.length ? names(change) : html`<p>${msg("None of the selected rows would change.")}</p>`}
      ${skip.length
        ? html`<p class="muted">${msg(str`Left as they are (${action.notApplicable ?? msg("not applicable")}): ${skip.length}`)}</p>`
        : nothing}
      <button slot="actions" class="button" type="button" autofocus @click=${() => this.dialog.close()}>${msg("Cancel")}</button>
      ${change.length
        ? html`<button slot="actions" class=${action.danger ? "button danger" : "button primary"} type="button" @click=${() => this.#run(action, change)}>
            ${action.label} (${change.length})
          </button>`
        : nothing}`;
  }

  async #run(action: BulkAction<T>, rows: readonly T[]): Promise<void> {
    const controller = (this.#controller = new AbortController());
    this.phase = { kind: "running", total: rows.length, finished: 0 };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>("ak-dialog button[slot=actions]")?.focus();
    const outcome = await runEach(rows, (row) => action.run(row), {
      signal: controller.signal,
      onProgress: (finished) => (this.phase = { kind: "running", total: rows.length, finished }),
    });
    this.dispatchEvent(new BulkFinishedEvent(rows, outcome));
    if (outcome.failed.length || outcome.aborted) {
      this.phase = { kind: "failed", outcome };
      await this.updateComplete;
      this.dialog.focusFirst();
    } else {
      this.dialog.close();
    }
  }

  #onClose = () => {
    this.#controller?.abort();
    this.phase = { kind: "resolving" };
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-table-bulk-dialog": AkTableBulkDialog<unknown>;
  }
}
