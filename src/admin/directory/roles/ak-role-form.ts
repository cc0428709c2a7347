import { msg, str } from "@lit/localize";
import { Task } from "@lit/task";
import { html, LitElement, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { requestNavigation } from "../../../common/router/navigation-events.ts";
import "../../../elements/alert/ak-alert.ts";
import "../../../elements/form/ak-text-field.ts";
import { FormController } from "../../../elements/form/form-controller.ts";
import { buttonStyles, focusRing } from "../../../elements/styles/shared.ts";
import { PageTitleEvent } from "../../page-title.ts";
import { pageStyles } from "../../shell/page-styles.ts";
import { directoryStyles } from "../directory-styles.ts";
import { failedPage, loadingBody } from "../page-loading.ts";
import type { components } from "../../../api/schema.d.ts";
import { createRole, loadRole, updateRole, type Role } from "./role-api.ts";
import { roleHref, rolesHref } from "./role-labels.ts";

type RoleModel = components["schemas"]["RoleRequest"];

/** Creates a role or renames one (`roleId`). */
@customElement("ak-role-form")
export class AkRoleForm extends LitElement {
  static styles = [pageStyles, directoryStyles, buttonStyles, focusRing];

  @property() roleId?: string;

  readonly #form = new FormController<RoleModel>(this, { initial: { name: "" }, fields: ["name"] });

  readonly #role = new Task(this, {
    task: async ([id], { signal }) => {
      if (id === undefined) return undefined;
      const role = await loadRole(id, signal);
      this.#form.load({ name: role.name });
      return role;
    },
    args: () => [this.roleId] as const,
    onComplete: (role) => {
      if (role) this.dispatchEvent(new PageTitleEvent(msg(str`Edit ${role.name}`)));
    },
  });

  render() {
    if (this.roleId === undefined) return this.#page(undefined);
    return this.#role.render({
      pending: () => loadingBody(),
      complete: (role) => this.#page(role),
      error: (error) => failedPage(error, () => this.#role.run(), { href: rolesHref(), label: msg("Back to roles") }),
    });
  }

  #page(role: Role | undefined) {
    const form = this.#form;
    return html`<header class="page-header">
        <p class="breadcrumb"><a href=${rolesHref()}>${msg("Roles")}</a>${role ? html` › <a href=${roleHref(role)}>${role.name}</a>` : nothing}</p>
        <h1>${role ? msg(str`Edit ${role.name}`) : msg("Create role")}</h1>
      </header>
      <div class="page-body">
        <form class="form" novalidate @submit=${this.#submit}>
          ${form.formErrors.length
            ? html`<ak-alert class="form-errors" variant="danger" tabindex="-1">
                <span slot="title">${msg("The role could not be saved.")}</span>
                ${form.formErrors.map((error) => html`<div>${error}</div>`)}
              </ak-alert>`
            : nothing}
          <ak-text-field
            name="name"
            label=${msg("Name")}
            required
            autocomplete="off"
            .value=${form.value.name}
            .errors=${form.errors("name")}
            help=${msg("Give its permissions on the role's page once it exists, and the role to groups.")}
            @input=${form.bind("name")}
          ></ak-text-field>
          <div class="form-actions">
            <button class="button primary" type="submit" ?disabled=${form.pending}>
              ${form.pending ? msg("Saving…") : role ? msg("Save changes") : msg("Create role")}
            </button>
            <a class="button" href=${role ? roleHref(role) : rolesHref()}>${msg("Cancel")}</a>
          </div>
        </form>
      </div>`;
  }

  #submit = async (event: Event) => {
    event.preventDefault();
    const roleId = this.roleId;
    const saved = await this.#form.submit(({ name }) => (roleId === undefined ? createRole(name) : updateRole(roleId, name)));
    if (saved) requestNavigation(roleHref(saved));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-role-form": AkRoleForm;
  }
}
