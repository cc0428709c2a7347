import { msg, str } from "@lit/localize";
import { html, LitElement } from "lit";
import { customElement } from "lit/decorators.js";
import { absolutePath } from "../../../common/router/route-match.ts";
import "../../../elements/empty-state/ak-empty-state.ts";
import { plusIcon } from "../../../elements/icons/icons.ts";
import { buttonStyles, focusRing } from "../../../elements/styles/shared.ts";
import "../../../elements/table/ak-table.ts";
import type { BulkAction, Column } from "../../../elements/table/table-types.ts";
import { adminBase } from "../../routes.ts";
import { pageStyles } from "../../shell/page-styles.ts";
import { directoryStyles } from "../directory-styles.ts";
import { deleteRole, loadRoles, type Role } from "./role-api.ts";
import { roleHref } from "./role-labels.ts";

/** The roles list: search, sorting, and bulk delete with confirmation. */
@customElement("ak-role-list")
export class AkRoleList extends LitElement {
  static styles = [pageStyles, directoryStyles, buttonStyles, focusRing];

  readonly #columns: readonly Column<Role>[] = [
    { id: "name", label: msg("Name"), sort: "name", rowHeader: true, render: (role) => html`<a href=${roleHref(role)}>${role.name}</a>` },
  ];

  readonly #actions: readonly BulkAction<Role>[] = [
    {
      id: "delete",
      label: msg("Delete"),
      danger: true,
      heading: (count) => msg(str`Delete ${count} roles?`),
      explanation: msg("The roles are deleted, and the groups that had them lose their permissions."),
      run: (role) => deleteRole(role.pk),
      finished: (count) => msg(str`Deleted ${count} roles.`),
    },
  ];

  render() {
    return html`<header class="page-header">
        <h1>${msg("Roles")}</h1>
        <p>${msg("Sets of permissions, given to groups.")}</p>
      </header>
      <div class="page-body">
        <ak-table
          caption=${msg("Roles")}
          search-label=${msg("Search roles")}
          default-ordering="name"
          .columns=${this.#columns}
          .actions=${this.#actions}
          .source=${loadRoles}
          .rowLabel=${(role: Role) => role.name}
        >
          <a slot="toolbar" class="button primary" href=${absolutePath("/identity/roles/new", adminBase)}>${plusIcon}${msg("Create role")}</a>
          <ak-empty-state slot="empty">
            <h2 slot="heading">${msg("No roles yet")}</h2>
          </ak-empty-state>
        </ak-table>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-role-list": AkRoleList;
  }
}
