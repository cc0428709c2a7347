import { msg, str } from "@lit/localize";
import { Task } from "@lit/task";
import { css, html, LitElement, nothing } from "lit";
import { customElement, property, query } from "lit/decorators.js";
import { errorMessage } from "../../../common/error-message.ts";
import { formatNumber } from "../../../common/format.ts";
import { memoLast } from "../../../common/memo.ts";
import { absolutePath } from "../../../common/router/route-match.ts";
import "../../../elements/alert/ak-alert.ts";
import "../../../elements/dialog/ak-confirm-dialog.ts";
import type { AkConfirmDialog } from "../../../elements/dialog/ak-confirm-dialog.ts";
import type { DualSelectOption } from "../../../elements/dual-select/ak-dual-select.ts";
import "../../../elements/empty-state/ak-empty-state.ts";
import { buttonStyles, focusRing, visuallyHidden } from "../../../elements/styles/shared.ts";
import { adminBase } from "../../routes.ts";
import { pageStyles } from "../../shell/page-styles.ts";
import "../ak-membership-editor.ts";
import { attributesCard, confirmDelete, detailHeader, detailsCard } from "../detail-page.ts";
import { DirectoryObject } from "../directory-object.ts";
import { directoryStyles } from "../directory-styles.ts";
import { loadingPanel } from "../page-loading.ts";
import { UrlTab } from "../url-tab.ts";
import { userHref } from "../users/user-labels.ts";
import { deleteGroup, loadAllGroups, loadGroup, memberOptions, patchGroup, userSource, type Group } from "./group-api.ts";
import { groupHref, groupsHref, superuserBadge } from "./group-labels.ts";

const tabIds = ["overview", "members", "children"] as const;

/**
 * One group: its settings, its members (a dual-select over every user, saved at once) and its
 * child groups. The tab is in the URL.
 */
@customElement("ak-group-page")
export class AkGroupPage extends LitElement {
  static styles = [
    pageStyles,
    directoryStyles,
    buttonStyles,
    focusRing,
    visuallyHidden,
    css`
      ul.members {
        columns: 16rem;
        margin: 0;
        padding-left: var(--ak-space-5);
      }
    `,
  ];

  @property() groupId = "";
  @query("ak-confirm-dialog") private confirm!: AkConfirmDialog;

  readonly #tab = new UrlTab(this, tabIds);
  readonly #membersOf = memoLast((group: Group) => memberOptions(group));

  readonly #group = new DirectoryObject(this, {
    id: () => this.groupId,
    load: (id, signal) => loadGroup(id, signal),
    title: (group) => group.name,
    back: () => ({ href: groupsHref(), label: msg("Back to groups") }),
  });

  /** Child groups: the API cannot filter by parent, so every group is read once, when the tab is first shown. */
  readonly #children = new Task(this, {
    task: async ([id, shown], { signal }) => (shown ? (await loadAllGroups(signal)).filter((group) => group.parent === id) : undefined),
    args: () => [this.groupId, this.#tab.current === "children"] as const,
  });

  render() {
    return this.#group.render((group) => this.#page(group));
  }

  #page(group: Group) {
    const tabs = [
      { id: "overview", label: msg("Overview"), panel: () => this.#overview(group) },
      { id: "members", label: msg(str`Members (${formatNumber(group.users?.length ?? 0)})`), panel: () => this.#members(group) },
      { id: "children", label: msg("Child groups"), panel: () => this.#childGroups() },
    ];
    return html`${detailHeader(
        { href: groupsHref(), label: msg("Groups") },
        html`<h1>${group.name}</h1>
          <p>${group.parent_name ? msg(str`Within ${group.parent_name}`) : msg("A top-level group")} ${superuserBadge(group.is_superuser)}</p>`,
        {
          edit: { href: absolutePath(`/core/groups/${group.pk}/edit`, adminBase), label: msg("Edit") },
          delete: () =>
            confirmDelete(this.confirm, {
              heading: msg(str`Delete ${group.name}?`),
              message: msg("The group is deleted; its members stay, but lose what the group gave them. Its child groups lose their parent."),
              remove: () => deleteGroup(group.pk),
              listHref: groupsHref(),
            }),
        },
      )}
      <div class="page-body">${this.#tab.render(msg(str`About ${group.name}`), tabs)}</div>
      <ak-confirm-dialog></ak-confirm-dialog>`;
  }

  #members(group: Group) {
    return html`<ak-membership-editor
      label=${msg("Members")}
      save-label=${msg("Save members")}
      .source=${userSource}
      .current=${this.#membersOf(group)}
      .save=${async (chosen: readonly DualSelectOption[]) => {
        this.#group.changed = await patchGroup(group.pk, { users: chosen.map((user) => Number(user.key)) });
        return msg(str`Saved: ${group.name} has ${chosen.length} members.`);
      }}
    ></ak-membership-editor>`;
  }

  #overview(group: Group) {
    const members = group.users_obj ?? [];
    return html`${detailsCard([
        [msg("Name"), group.name],
        [msg("Parent"), group.parent ? html`<a href=${groupHref({ pk: group.parent })}>${group.parent_name}</a>` : msg("None")],
        [msg("Superuser"), group.is_superuser ? msg("Yes: members can do everything") : msg("No")],
        [msg("Roles"), group.roles_obj.length ? group.roles_obj.map((role) => role.name).join(", ") : msg("None")],
        [msg("Members"), formatNumber(group.users?.length ?? 0)],
      ])}
      <section class="card" aria-labelledby="members-heading">
        <h2 id="members-heading">${msg("Members")}</h2>
        ${members.length
          ? html`<ul class="members">
              ${members.slice(0, 200).map((user) => html`<li><a href=${userHref(user)}>${user.username}</a></li>`)}
            </ul>
            ${members.length > 200 ? html`<p class="muted">${msg(str`and ${formatNumber(members.length - 200)} more (see the Members tab)`)}</p>` : nothing}`
          : html`<p class="muted">${msg("No members yet.")}</p>`}
      </section>
      ${attributesCard(group.attributes)}`;
  }

  #childGroups() {
    return this.#children.render({
      pending: loadingPanel,
      complete: (children) =>
        children?.length
          ? html`<ul>
              ${children.map((child) => html`<li><a href=${groupHref(child)}>${child.name}</a> ${superuserBadge(child.is_superuser)}</li>`)}
            </ul>`
          : html`<ak-empty-state>
              <h2 slot="heading">${msg("No child groups")}</h2>
              <p>${msg("Choose this group as the parent of another group to nest it here.")}</p>
            </ak-empty-state>`,
      error: (error) => html`<ak-alert variant="danger">${errorMessage(error)}</ak-alert>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-group-page": AkGroupPage;
  }
}
