import { msg, str } from "@lit/localize";
import { html, LitElement } from "lit";
import { customElement } from "lit/decorators.js";
import { formatNumber } from "../../../common/format.ts";
import { absolutePath } from "../../../common/router/route-match.ts";
import "../../../elements/empty-state/ak-empty-state.ts";
import { plusIcon } from "../../../elements/icons/icons.ts";
import { buttonStyles, focusRing } from "../../../elements/styles/shared.ts";
import "../../../elements/table/ak-table.ts";
import type { BulkAction, Column, TableFilter } from "../../../elements/table/table-types.ts";
import { adminBase } from "../../routes.ts";
import { pageStyles } from "../../shell/page-styles.ts";
import { directoryStyles } from "../directory-styles.ts";
import { deleteGroup, loadGroups, type Group } from "./group-api.ts";
import { groupHref, superuserBadge } from "./group-labels.ts";

/** The groups list: search, a superuser filter, sorting, and bulk delete with confirmation. */
@customElement("ak-group-list")
export class AkGroupList extends LitElement {
  static styles = [pageStyles, directoryStyles, buttonStyles, focusRing];

  readonly #columns: readonly Column<Group>[] = [
    { id: "name", label: msg("Name"), sort: "name", rowHeader: true, render: (group) => html`<a href=${groupHref(group)}>${group.name}</a>` },
    { id: "parent", label: msg("Parent"), render: (group) => group.parent_name ?? "" },
    { id: "members", label: msg("Members"), render: (group) => formatNumber(group.users?.length ?? 0) },
    { id: "superuser", label: msg("Superuser"), sort: "is_superuser", render: (group) => superuserBadge(group.is_superuser) },
    { id: "roles", label: msg("Roles"), render: (group) => group.roles_obj.map((role) => role.name).join(", ") },
  ];

  readonly #filters: readonly TableFilter[] = [
    {
      name: "is_superuser",
      label: msg("Superuser"),
      anyLabel: msg("Any"),
      options: [
        { value: "true", label: msg("Superuser groups") },
        { value: "false", label: msg("Other groups") },
      ],
    },
  ];

  readonly #actions: readonly BulkAction<Group>[] = [
    {
      id: "delete",
      label: msg("Delete"),
      danger: true,
      heading: (count) => msg(str`Delete ${count} groups?`),
      explanation: msg("The groups are deleted; their members stay, but lose what the groups gave them. Child groups lose their parent."),
      run: (group) => deleteGroup(group.pk),
      finished: (count) => msg(str`Deleted ${count} groups.`),
    },
  ];

  render() {
    return html`<header class="page-header">
        <h1>${msg("Groups")}</h1>
        <p>${msg("Sets of users, given roles, superuser rights and access to applications together.")}</p>
      </header>
      <div class="page-body">
        <ak-table
          caption=${msg("Groups")}
          search-label=${msg("Search groups")}
          default-ordering="name"
          .columns=${this.#columns}
          .filters=${this.#filters}
          .actions=${this.#actions}
          .source=${loadGroups}
          .rowLabel=${(group: Group) => group.name}
        >
          <a slot="toolbar" class="button primary" href=${absolutePath("/core/groups/new", adminBase)}>${plusIcon}${msg("Create group")}</a>
          <ak-empty-state slot="empty">
            <h2 slot="heading">${msg("No groups yet")}</h2>
          </ak-empty-state>
        </ak-table>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-group-list": AkGroupList;
  }
}
