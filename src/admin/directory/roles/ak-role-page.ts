import { msg, str } from "@lit/localize";
import { Task, TaskStatus } from "@lit/task";
import { html, LitElement } from "lit";
import { customElement, property, query } from "lit/decorators.js";
import { errorMessage } from "../../../common/error-message.ts";
import { absolutePath } from "../../../common/router/route-match.ts";
import "../../../elements/alert/ak-alert.ts";
import "../../../elements/dialog/ak-confirm-dialog.ts";
import type { AkConfirmDialog } from "../../../elements/dialog/ak-confirm-dialog.ts";
import type { DualSelectOption } from "../../../elements/dual-select/ak-dual-select.ts";
import { buttonStyles, focusRing, visuallyHidden } from "../../../elements/styles/shared.ts";
import { adminBase } from "../../routes.ts";
import { pageStyles } from "../../shell/page-styles.ts";
import "../ak-membership-editor.ts";
import { confirmDelete, detailHeader } from "../detail-page.ts";
import { DirectoryObject } from "../directory-object.ts";
import { directoryStyles } from "../directory-styles.ts";
import { groupOption, groupSource } from "../groups/group-api.ts";
import { loadingPanel } from "../page-loading.ts";
import { UrlTab } from "../url-tab.ts";
import { deleteRole, loadRole, loadRoleGroups, loadRolePermissions, permissionSource, saveGroupsOfRole, savePermissions, type Role } from "./role-api.ts";
import { rolesHref } from "./role-labels.ts";

const tabIds = ["groups", "permissions"] as const;

/**
 * One role: the groups that have it (its members; each member of those groups gets its
 * permissions) and its permissions, each edited with the dual-select. The tab is in the URL.
 */
@customElement("ak-role-page")
export class AkRolePage extends LitElement {
  static styles = [pageStyles, directoryStyles, buttonStyles, focusRing, visuallyHidden];

  @property() roleId = "";
  @query("ak-confirm-dialog") private confirm!: AkConfirmDialog;

  readonly #tab = new UrlTab(this, tabIds);

  readonly #role = new DirectoryObject(this, {
    id: () => this.roleId,
    load: (id, signal) => loadRole(id, signal),
    title: (role) => role.name,
    back: () => ({ href: rolesHref(), label: msg("Back to roles") }),
  });

  /** What the shown tab edits, as saved now; loaded when the tab is shown, and again after a save. */
  readonly #current = new Task(this, {
    task: async ([id, tab], { signal }) => {
      if (tab === "permissions") return { tab, options: await loadRolePermissions(id, signal), groups: [] };
      const groups = await loadRoleGroups(id, signal);
      return { tab, options: groups.map(groupOption), groups };
    },
    args: () => [this.roleId, this.#tab.current] as const,
  });

  render() {
    return this.#role.render((role) => this.#page(role));
  }

  #page(role: Role) {
    const tabs = [
      { id: "groups", label: msg("Groups"), panel: () => this.#panel(role) },
      { id: "permissions", label: msg("Permissions"), panel: () => this.#panel(role) },
    ];
    return html`${detailHeader(
        { href: rolesHref(), label: msg("Roles") },
        html`<h1>${role.name}</h1>
          <p>${msg("Every member of the groups that have this role gets its permissions.")}</p>`,
        {
          edit: { href: absolutePath(`/identity/roles/${role.pk}/edit`, adminBase), label: msg("Rename") },
          delete: () =>
            confirmDelete(this.confirm, {
              heading: msg(str`Delete ${role.name}?`),
              message: msg("The role is deleted, and the groups that had it lose its permissions."),
              remove: () => deleteRole(role.pk),
              listHref: rolesHref(),
            }),
        },
      )}
      <div class="page-body">${this.#tab.render(msg(str`About ${role.name}`), tabs)}</div>
      <ak-confirm-dialog></ak-confirm-dialog>`;
  }

  #panel(role: Role) {
    const current = this.#current.value;
    if (this.#current.status === TaskStatus.ERROR) return html`<ak-alert variant="danger">${errorMessage(this.#current.error)}</ak-alert>`;
    // While reloading after a save the editor stays, so its "Saved" message does too.
    if (!current || current.tab !== this.#tab.current) return loadingPanel();
    const saved = async (message: string) => {
      await this.#current.run();
      return message;
    };
    return current.tab === "permissions"
      ? html`<ak-membership-editor
          label=${msg("Permissions")}
          save-label=${msg("Save permissions")}
          .source=${permissionSource}
          .current=${current.options}
          .save=${async (chosen: readonly DualSelectOption[]) => {
            await savePermissions(role.pk, current.options, chosen);
            return saved(msg(str`Saved: ${role.name} has ${chosen.length} permissions.`));
          }}
        ></ak-membership-editor>`
      : html`<ak-membership-editor
          label=${msg("Groups")}
          save-label=${msg("Save groups")}
          .source=${groupSource}
          .current=${current.options}
          .save=${async (chosen: readonly DualSelectOption[]) => {
            await saveGroupsOfRole(role.pk, current.groups, chosen);
            return saved(msg(str`Saved: ${chosen.length} groups have ${role.name}.`));
          }}
        ></ak-membership-editor>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-role-page": AkRolePage;
  }
}
