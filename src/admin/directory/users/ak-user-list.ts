import { msg, str } from "@lit/localize";
import { html, LitElement } from "lit";
import { customElement } from "lit/decorators.js";
import { formatDateTime } from "../../../common/format.ts";
import { absolutePath } from "../../../common/router/route-match.ts";
import "../../../elements/empty-state/ak-empty-state.ts";
import { plusIcon } from "../../../elements/icons/icons.ts";
import { buttonStyles, focusRing } from "../../../elements/styles/shared.ts";
import "../../../elements/table/ak-table.ts";
import type { BulkAction, Column, TableFilter } from "../../../elements/table/table-types.ts";
import { adminBase } from "../../routes.ts";
import { pageStyles } from "../../shell/page-styles.ts";
import { directoryStyles } from "../directory-styles.ts";
import { collectUsers, deleteUser, loadUsers, patchUser, userTypes, type User } from "./user-api.ts";
import { activeBadge, userHref, userLabel, userTypeLabel } from "./user-labels.ts";

/**
 * The users list: search (username, name, email), filters for status and type, sorting, page size,
 * selection across pages or of every match, and bulk activate, deactivate and delete, each
 * confirmed with the list of users it will change. A row expands to show the user's groups.
 */
@customElement("ak-user-list")
export class AkUserList extends LitElement {
  static styles = [pageStyles, directoryStyles, buttonStyles, focusRing];

  readonly #columns: readonly Column<User>[] = [
    {
      id: "username",
      label: msg("Username"),
      sort: "username",
      rowHeader: true,
      render: (user) => html`<a href=${userHref(user)}>${user.username}</a>`,
    },
    { id: "name", label: msg("Name"), sort: "name", render: (user) => user.name },
    { id: "email", label: msg("Email"), sort: "email", render: (user) => user.email ?? "" },
    { id: "active", label: msg("Status"), sort: "is_active", render: (user) => activeBadge(user.is_active) },
    { id: "type", label: msg("Type"), sort: "type", render: (user) => userTypeLabel(user.type) },
    { id: "last_login", label: msg("Last login"), sort: "last_login", render: (user) => formatDateTime(user.last_login) },
  ];

  readonly #filters: readonly TableFilter[] = [
    {
      name: "is_active",
      label: msg("Status"),
      anyLabel: msg("Any status"),
      options: [
        { value: "true", label: msg("Active") },
        { value: "false", label: msg("Inactive") },
      ],
    },
    {
      name: "type",
      label: msg("Type"),
      anyLabel: msg("Any type"),
      options: userTypes.map((type) => ({ value: type, label: userTypeLabel(type) })),
    },
  ];

  readonly #actions: readonly BulkAction<User>[] = [
    {
      id: "activate",
      label: msg("Activate"),
      heading: (count) => msg(str`Activate ${count} users?`),
      explanation: msg("They will be able to sign in again."),
      applies: (user) => user.is_active === false,
      notApplicable: msg("already active"),
      run: (user) => patchUser(user.pk, { is_active: true }),
      finished: (count) => msg(str`Activated ${count} users.`),
    },
    {
      id: "deactivate",
      label: msg("Deactivate"),
      heading: (count) => msg(str`Deactivate ${count} users?`),
      explanation: msg("They will not be able to sign in until activated again. Nothing else about them changes."),
      applies: (user) => user.is_active !== false,
      notApplicable: msg("already inactive"),
      run: (user) => patchUser(user.pk, { is_active: false }),
      finished: (count) => msg(str`Deactivated ${count} users.`),
    },
    {
      id: "delete",
      label: msg("Delete"),
      danger: true,
      heading: (count) => msg(str`Delete ${count} users?`),
      explanation: msg("These users, their sessions and their MFA devices are deleted for good. This cannot be undone."),
      run: (user) => deleteUser(user.pk),
      finished: (count) => msg(str`Deleted ${count} users.`),
    },
  ];

  render() {
    return html`<header class="page-header">
        <h1>${msg("Users")}</h1>
        <p>${msg("Everyone who can sign in, and the service accounts that act for software.")}</p>
      </header>
      <div class="page-body">
        <ak-table
          caption=${msg("Users")}
          search-label=${msg("Search users")}
          default-ordering="username"
          .columns=${this.#columns}
          .filters=${this.#filters}
          .actions=${this.#actions}
          .source=${loadUsers}
          .collectSource=${collectUsers}
          .rowLabel=${userLabel}
          .expand=${(user: User) => this.#details(user)}
        >
          <a slot="toolbar" class="button primary" href=${absolutePath("/core/users/new", adminBase)}>${plusIcon}${msg("Create user")}</a>
          <ak-empty-state slot="empty">
            <h2 slot="heading">${msg("No users yet")}</h2>
            <p>${msg("Create the first one.")}</p>
          </ak-empty-state>
        </ak-table>
      </div>`;
  }

  #details(user: User) {
    const groups = user.groups_obj ?? [];
    return html`<dl class="details">
      <dt>${msg("Groups")}</dt>
      <dd>
        ${groups.length
          ? html`<ul class="chips">
              ${groups.map((group) => html`<li><span class="badge muted">${group.name}</span></li>`)}
            </ul>`
          : msg("None")}
      </dd>
      <dt>${msg("Superuser")}</dt>
      <dd>${user.is_superuser ? msg("Yes, through a group") : msg("No")}</dd>
      <dt>${msg("Path")}</dt>
      <dd>${user.path ?? ""}</dd>
      <dt>${msg("Password changed")}</dt>
      <dd>${formatDateTime(user.password_change_date)}</dd>
      <dt>${msg("UID")}</dt>
      <dd><code>${user.uid}</code></dd>
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-user-list": AkUserList;
  }
}
