import { msg, str } from "@lit/localize";
import { html, LitElement } from "lit";
import { customElement, property } from "lit/decorators.js";
import type { components } from "../../../api/schema.d.ts";
import "../../../elements/form/ak-text-field.ts";
import { FormController } from "../../../elements/form/form-controller.ts";
import { buttonStyles, focusRing } from "../../../elements/styles/shared.ts";
import { pageStyles } from "../../shell/page-styles.ts";
import { formPage } from "../directory-form.ts";
import { DirectoryObject } from "../directory-object.ts";
import { directoryStyles } from "../directory-styles.ts";
import { createRole, loadRole, updateRole, type Role } from "./role-api.ts";
import { roleHref, rolesHref } from "./role-labels.ts";

type RoleModel = components["schemas"]["RoleRequest"];

/** Creates a role or renames one (`roleId`). */
@customElement("ak-role-form")
export class AkRoleForm extends LitElement {
  static styles = [pageStyles, directoryStyles, buttonStyles, focusRing];

  @property() roleId?: string;

  readonly #form = new FormController<RoleModel>(this, { initial: { name: "" }, fields: ["name"] });

  readonly #role = new DirectoryObject(this, {
    id: () => this.roleId,
    load: (id: string, signal) => loadRole(id, signal),
    loaded: (role) => this.#form.load({ name: role.name }),
    title: (role) => msg(str`Edit ${role.name}`),
    back: () => ({ href: rolesHref(), label: msg("Back to roles") }),
  });

  render() {
    if (this.roleId === undefined) return this.#page(undefined);
    return this.#role.render((role) => this.#page(role));
  }

  #page(role: Role | undefined) {
    const form = this.#form;
    const roleId = this.roleId;
    return formPage(
      {
        form,
        editing: role,
        list: { href: rolesHref(), label: msg("Roles") },
        create: msg("Create role"),
        name: ({ name }) => name,
        href: roleHref,
        failed: msg("The role could not be saved."),
        save: ({ name }) => (roleId === undefined ? createRole(name) : updateRole(roleId, name)),
      },
      html`<ak-text-field
        name="name"
        label=${msg("Name")}
        required
        autocomplete="off"
        .value=${form.value.name}
        .errors=${form.errors("name")}
        help=${msg("Give its permissions on the role's page once it exists, and the role to groups.")}
        @input=${form.bind("name")}
      ></ak-text-field>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-role-form": AkRoleForm;
  }
}
