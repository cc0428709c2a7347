import { msg, str } from "@lit/localize";
import { html, LitElement, nothing } from "lit";
import { customElement, property, query } from "lit/decorators.js";
import { ValidationError } from "../../../api/errors.ts";
import "../../../elements/alert/ak-alert.ts";
import "../../../elements/dialog/ak-dialog.ts";
import type { AkDialog } from "../../../elements/dialog/ak-dialog.ts";
import "../../../elements/form/ak-text-field.ts";
import { FormController } from "../../../elements/form/form-controller.ts";
import { buttonStyles, focusRing } from "../../../elements/styles/shared.ts";
import { setPassword, type User } from "./user-api.ts";

interface PasswordModel {
  password: string;
  confirm: string;
}

const empty: PasswordModel = { password: "", confirm: "" };

/** Fired after a password was set. */
export class PasswordSetEvent extends Event {
  static readonly eventName = "ak-password-set";
  constructor() {
    super(PasswordSetEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Sets a user's password: typed twice, checked to match, and sent; the server's policy messages show at the field. */
@customElement("ak-user-password-dialog")
export class AkUserPasswordDialog extends LitElement {
  static styles = [buttonStyles, focusRing];

  @property({ attribute: false }) user?: User;
  @query("ak-dialog") private dialog!: AkDialog;

  readonly #form = new FormController<PasswordModel>(this, { initial: empty, fields: ["password", "confirm"] });

  async show(): Promise<void> {
    this.#form.load(empty);
    await this.updateComplete;
    await this.dialog.show();
  }

  render() {
    const form = this.#form;
    return html`<ak-dialog heading=${this.user ? msg(str`Set the password of ${this.user.username}`) : ""} ?busy=${form.pending} @close=${() => this.#form.load(empty)}>
      <form id="password-form" novalidate @submit=${this.#submit}>
        ${form.formErrors.length
          ? html`<ak-alert class="form-errors" variant="danger" tabindex="-1">${form.formErrors.map((e) => html`<div>${e}</div>`)}</ak-alert>`
          : nothing}
        <ak-text-field
          name="password"
          type="password"
          label=${msg("New password")}
          required
          autofocus
          autocomplete="new-password"
          .value=${form.value.password}
          .errors=${form.errors("password")}
          @input=${form.bind("password")}
        ></ak-text-field>
        <ak-text-field
          name="confirm"
          type="password"
          label=${msg("New password again")}
          required
          autocomplete="new-password"
          .value=${form.value.confirm}
          .errors=${form.errors("confirm")}
          @input=${form.bind("confirm")}
        ></ak-text-field>
      </form>
      <button slot="actions" class="button" type="button" @click=${() => this.dialog.close()}>${msg("Cancel")}</button>
      <button slot="actions" class="button primary" type="submit" form="password-form" ?disabled=${form.pending}>
        ${form.pending ? msg("Saving…") : msg("Set password")}
      </button>
    </ak-dialog>`;
  }

  #submit = async (event: Event) => {
    event.preventDefault();
    const user = this.user;
    if (!user) return;
    const done = await this.#form.submit(async ({ password, confirm }) => {
      if (!password) throw new ValidationError({ password: [msg("Enter a password.")] }, []);
      if (password !== confirm) throw new ValidationError({ confirm: [msg("The passwords do not match.")] }, []);
      await setPassword(user.pk, password);
      return true;
    });
    if (done) {
      this.#form.load(empty);
      this.dialog.close();
      this.dispatchEvent(new PasswordSetEvent());
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-user-password-dialog": AkUserPasswordDialog;
  }
}
