import { msg, str } from "@lit/localize";
import { Task, TaskStatus } from "@lit/task";
import { html, LitElement } from "lit";
import { customElement, property, query } from "lit/decorators.js";
import { errorMessage } from "../../../common/error-message.ts";
import { requestNavigation } from "../../../common/router/navigation-events.ts";
import { absolutePath } from "../../../common/router/route-match.ts";
import "../../../elements/alert/ak-alert.ts";
import "../../../elements/dialog/ak-confirm-dialog.ts";
import type { AkConfirmDialog } from "../../../elements/dialog/ak-confirm-dialog.ts";
import type { DualSelectOption } from "../../../elements/dual-select/ak-dual-select.ts";
import "../../../elements/skeleton/ak-skeleton.ts";
import { buttonStyles, focusRing, visuallyHidden } from "../../../elements/styles/shared.ts";
import "../../../elements/tabs/ak-tabs.ts";
import type { TabChangeEvent } from "../../../elements/tabs/ak-tabs.ts";
import { adminBase } from "../../routes.ts";
import { PageTitleEvent } from "../../page-title.ts";
import { pageStyles } from "../../shell/page-styles.ts";
import "../ak-membership-editor.ts";
import { directoryStyles } from "../directory-styles.ts";
import { groupOption, groupSource } from "../groups/group-api.ts";
import { failedPage, loadingBody } from "../page-loading.ts";
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

  readonly #role = new Task(this, {
    task: ([id], { signal }) => loadRole(id, signal),
    args: () => [this.roleId] as const,
    onComplete: (role) => this.dispatchEvent(new PageTitleEvent(role.name)),
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
    return this.#role.render({
      initial: () => loadingBody(),
      pending: () => loadingBody(),
      complete: (role) => this.#page(role),
      error: (error) => failedPage(error, () => this.#role.run(), { href: rolesHref(), label: msg("Back to roles") }),
    });
  }

  #page(role: Role) {
    const tabs = [
      { id: "groups", label: msg("Groups") },
      { id: "permissions", label: msg("Permissions") },
    ];
    return html`<header class="page-header with-actions">
        <div>
          <p class="breadcrumb"><a href=${rolesHref()}>${msg("Roles")}</a></p>
          <h1>${role.name}</h1>
          <p>${msg("Every member of the groups that have this role gets its permissions.")}</p>
        </div>
        <div class="header-actions">
          <a class="button" href=${absolutePath(`/identity/roles/${role.pk}/edit`, adminBase)}>${msg("Rename")}</a>
          <button class="button danger" type="button" @click=${() => this.#delete(role)}>${msg("Delete")}</button>
        </div>
      </header>
      <div class="page-body">
        <ak-tabs label=${msg(str`About ${role.name}`)} .tabs=${tabs} selected=${this.#tab.current} @ak-tab-change=${(event: TabChangeEvent) => this.#tab.select(event.id)}>
          ${this.#panel(role)}
        </ak-tabs>
      </div>
      <ak-confirm-dialog></ak-confirm-dialog>`;
  }

  #panel(role: Role) {
    const current = this.#current.value;
    const loading = html`<div aria-busy="true"><ak-skeleton></ak-skeleton><span class="visually-hidden">${msg("Loading…")}</span></div>`;
    if (this.#current.status === TaskStatus.ERROR) return html`<ak-alert variant="danger">${errorMessage(this.#current.error)}</ak-alert>`;
    // While reloading after a save the editor stays, so its "Saved" message does too.
    if (!current || current.tab !== this.#tab.current) return loading;
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

  async #delete(role: Role): Promise<void> {
    const done = await this.confirm.ask({
      heading: msg(str`Delete ${role.name}?`),
      message: msg("The role is deleted, and the groups that had it lose its permissions."),
      confirm: msg("Delete"),
      danger: true,
      action: () => deleteRole(role.pk),
    });
    if (done) requestNavigation(rolesHref());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-role-page": AkRolePage;
  }
}
