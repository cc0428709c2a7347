import { msg, str } from "@lit/localize";
import { Task } from "@lit/task";
import { html, LitElement, nothing } from "lit";
import { customElement, property, query } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import { errorMessage } from "../../../common/error-message.ts";
import { formatDateTime } from "../../../common/format.ts";
import "../../../elements/dialog/ak-confirm-dialog.ts";
import type { AkConfirmDialog } from "../../../elements/dialog/ak-confirm-dialog.ts";
import "../../../elements/empty-state/ak-empty-state.ts";
import { retryIcon } from "../../../elements/icons/icons.ts";
import "../../../elements/skeleton/ak-skeleton.ts";
import { buttonStyles, focusRing, visuallyHidden } from "../../../elements/styles/shared.ts";
import { tableStyles } from "../../../elements/table/ak-table.styles.ts";
import { RowFocusController } from "../../../elements/table/row-focus.ts";
import { directoryStyles } from "../directory-styles.ts";
import { canDeleteDevice, deleteDevice, loadDevices, type Device, type User } from "./user-api.ts";

/** A user's MFA devices (authenticator apps, recovery codes, security keys), each deletable. */
@customElement("ak-user-devices")
export class AkUserDevices extends LitElement {
  static styles = [tableStyles, directoryStyles, buttonStyles, focusRing, visuallyHidden];

  @property({ attribute: false }) user?: User;
  @query("ak-confirm-dialog") private confirm!: AkConfirmDialog;

  readonly #devices = new Task(this, {
    task: async ([user], { signal }) => ({ user, devices: user ? await loadDevices(user.pk, signal) : [] }),
    args: () => [this.user] as const,
  });

  constructor() {
    super();
    // A device's Delete button goes with its row: focus moves to the next row's, or the empty state's heading.
    new RowFocusController(this, () => this.renderRoot.querySelector<HTMLElement>("h2") ?? this.renderRoot.querySelector("table"));
  }

  render() {
    const shown = this.#devices.value;
    return html`${this.#devices.render({
        // Reloading the same user's devices (after a delete) keeps the rows in place until the new ones arrive.
        pending: () =>
          shown?.devices.length && shown.user === this.user
            ? this.#table(shown.devices, true)
            : html`<div aria-busy="true"><ak-skeleton></ak-skeleton><span class="visually-hidden">${msg("Loading…")}</span></div>`,
        complete: ({ devices }) => (devices.length ? this.#table(devices) : this.#empty()),
        error: (error) =>
          html`<ak-empty-state icon="alert" variant="danger">
            <h2 slot="heading">${msg("The devices could not be loaded")}</h2>
            <p>${errorMessage(error)}</p>
            <button slot="actions" class="button primary" type="button" @click=${() => this.#devices.run()}>${retryIcon}${msg("Try again")}</button>
          </ak-empty-state>`,
      })}
      <ak-confirm-dialog></ak-confirm-dialog>`;
  }

  #empty() {
    return html`<ak-empty-state>
      <h2 slot="heading">${msg("No MFA devices")}</h2>
      <p>${msg("This user signs in without a second factor.")}</p>
    </ak-empty-state>`;
  }

  #table(devices: readonly Device[], busy = false) {
    return html`<div class="frame" aria-busy=${busy ? "true" : "false"}>
      <table>
        <caption class="visually-hidden">${msg(str`MFA devices of ${this.user?.username ?? ""}`)}</caption>
        <thead>
          <tr>
            <th scope="col">${msg("Name")}</th>
            <th scope="col">${msg("Type")}</th>
            <th scope="col">${msg("Created")}</th>
            <th scope="col">${msg("Last used")}</th>
            <th scope="col">${msg("Actions")}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            devices,
            (device) => `${device.meta_model_name}/${device.pk}`,
            (device) => html`<tr>
              <th scope="row">${device.name}${device.confirmed ? nothing : html` <span class="badge warning">${msg("Unconfirmed")}</span>`}</th>
              <td>${device.verbose_name}</td>
              <td>${formatDateTime(device.created)}</td>
              <td>${formatDateTime(device.last_used)}</td>
              <td>
                ${canDeleteDevice(device)
                  ? html`<button class="button danger" type="button" @click=${() => this.#delete(device)}>
                      ${msg("Delete")}<span class="visually-hidden"> ${device.name}</span>
                    </button>`
                  : nothing}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  async #delete(device: Device): Promise<void> {
    const done = await this.confirm.ask({
      heading: msg(str`Delete ${device.name}?`),
      message: msg("The user can no longer sign in with this device, and must set it up again to use it."),
      confirm: msg("Delete"),
      danger: true,
      action: () => deleteDevice(device),
    });
    if (done) void this.#devices.run();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-user-devices": AkUserDevices;
  }
}
