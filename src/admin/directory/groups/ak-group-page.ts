import { msg, str } from "@lit/localize";
import { Task } from "@lit/task";
import { css, html, LitElement, nothing } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import { errorMessage } from "../../../common/error-message.ts";
import { formatNumber } from "../../../common/format.ts";
import { memoLast } from "../../../common/memo.ts";
import { requestNavigation } from "../../../common/router/navigation-events.ts";
import { absolutePath } from "../../../common/router/route-match.ts";
import "../../../elements/alert/ak-alert.ts";
import "../../../elements/dialog/ak-confirm-dialog.ts";
import type { AkConfirmDialog } from "../../../elements/dialog/ak-confirm-dialog.ts";
import type { DualSelectOption } from "../../../elements/dual-select/ak-dual-select.ts";
import "../../../elements/empty-state/ak-empty-state.ts";
import "../../../elements/skeleton/ak-skeleton.ts";
import { buttonStyles, focusRing, visuallyHidden } from "../../../elements/styles/shared.ts";
import "../../../elements/tabs/ak-tabs.ts";
import type { TabChangeEvent } from "../../../elements/tabs/ak-tabs.ts";
import { adminBase } from "../../routes.ts";
import { PageTitleEvent } from "../../page-title.ts";
import { pageStyles } from "../../shell/page-styles.ts";
import { attributesToYaml } from "../attributes.ts";
import "../ak-membership-editor.ts";
import { directoryStyles } from "../directory-styles.ts";
import { failedPage, loadingBody } from "../page-loading.ts";
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
      pre {
        margin: 0;
        font-family: var(--ak-font-family-mono);
        font-size: 0.9rem;
        white-space: pre-wrap;
      }
      ul.members {
        columns: 16rem;
        margin: 0;
        padding-left: var(--ak-space-5);
      }
    `,
  ];

  @property() groupId = "";
  @state() private changed?: Group;
  @query("ak-confirm-dialog") private confirm!: AkConfirmDialog;

  readonly #tab = new UrlTab(this, tabIds);
  readonly #membersOf = memoLast((group: Group) => memberOptions(group));

  readonly #group = new Task(this, {
    task: async ([id], { signal }) => {
      this.changed = undefined;
      return loadGroup(id, signal);
    },
    args: () => [this.groupId] as const,
    onComplete: (group) => this.dispatchEvent(new PageTitleEvent(group.name)),
  });

  /** Child groups: the API cannot filter by parent, so every group is read once, when the tab is first shown. */
  readonly #children = new Task(this, {
    task: async ([id, shown], { signal }) => (shown ? (await loadAllGroups(signal)).filter((group) => group.parent === id) : undefined),
    args: () => [this.groupId, this.#tab.current === "children"] as const,
  });

  render() {
    return this.#group.render({
      initial: () => loadingBody(),
      pending: () => (this.#group.value ? this.#page(this.changed ?? this.#group.value) : loadingBody()),
      complete: (group) => this.#page(this.changed ?? group),
      error: (error) => failedPage(error, () => this.#group.run(), { href: groupsHref(), label: msg("Back to groups") }),
    });
  }

  #page(group: Group) {
    const tabs = [
      { id: "overview", label: msg("Overview") },
      { id: "members", label: msg(str`Members (${formatNumber(group.users?.length ?? 0)})`) },
      { id: "children", label: msg("Child groups") },
    ];
    const tab = this.#tab.current;
    return html`<header class="page-header with-actions">
        <div>
          <p class="breadcrumb"><a href=${groupsHref()}>${msg("Groups")}</a></p>
          <h1>${group.name}</h1>
          <p>${group.parent_name ? msg(str`Within ${group.parent_name}`) : msg("A top-level group")} ${superuserBadge(group.is_superuser)}</p>
        </div>
        <div class="header-actions">
          <a class="button" href=${absolutePath(`/core/groups/${group.pk}/edit`, adminBase)}>${msg("Edit")}</a>
          <button class="button danger" type="button" @click=${() => this.#delete(group)}>${msg("Delete")}</button>
        </div>
      </header>
      <div class="page-body">
        <ak-tabs label=${msg(str`About ${group.name}`)} .tabs=${tabs} selected=${tab} @ak-tab-change=${(event: TabChangeEvent) => this.#tab.select(event.id)}>
          ${this.#panel(tab, group)}
        </ak-tabs>
      </div>
      <ak-confirm-dialog></ak-confirm-dialog>`;
  }

  #panel(tab: string, group: Group) {
    switch (tab) {
      case "members":
        return html`<ak-membership-editor
          label=${msg("Members")}
          save-label=${msg("Save members")}
          .source=${userSource}
          .current=${this.#membersOf(group)}
          .save=${async (chosen: readonly DualSelectOption[]) => {
            this.changed = await patchGroup(group.pk, { users: chosen.map((user) => Number(user.key)) });
            return msg(str`Saved: ${group.name} has ${chosen.length} members.`);
          }}
        ></ak-membership-editor>`;
      case "children":
        return this.#childGroups();
      default:
        return this.#overview(group);
    }
  }

  #overview(group: Group) {
    const members = group.users_obj ?? [];
    return html`<section class="card" aria-labelledby="details-heading">
        <h2 id="details-heading">${msg("Details")}</h2>
        <dl class="details">
          <dt>${msg("Name")}</dt>
          <dd>${group.name}</dd>
          <dt>${msg("Parent")}</dt>
          <dd>${group.parent ? html`<a href=${groupHref({ pk: group.parent })}>${group.parent_name}</a>` : msg("None")}</dd>
          <dt>${msg("Superuser")}</dt>
          <dd>${group.is_superuser ? msg("Yes: members can do everything") : msg("No")}</dd>
          <dt>${msg("Roles")}</dt>
          <dd>${group.roles_obj.length ? group.roles_obj.map((role) => role.name).join(", ") : msg("None")}</dd>
          <dt>${msg("Members")}</dt>
          <dd>${formatNumber(group.users?.length ?? 0)}</dd>
        </dl>
      </section>
      <section class="card" aria-labelledby="members-heading">
        <h2 id="members-heading">${msg("Members")}</h2>
        ${members.length
          ? html`<ul class="members">
              ${members.slice(0, 200).map((user) => html`<li><a href=${userHref(user)}>${user.username}</a></li>`)}
            </ul>
            ${members.length > 200 ? html`<p class="muted">${msg(str`and ${formatNumber(members.length - 200)} more (see the Members tab)`)}</p>` : nothing}`
          : html`<p class="muted">${msg("No members yet.")}</p>`}
      </section>
      <section class="card" aria-labelledby="attributes-heading">
        <h2 id="attributes-heading">${msg("Attributes")}</h2>
        ${Object.keys(group.attributes ?? {}).length ? html`<pre>${attributesToYaml(group.attributes)}</pre>` : html`<p class="muted">${msg("None")}</p>`}
      </section>`;
  }

  #childGroups() {
    return this.#children.render({
      pending: () => html`<div aria-busy="true"><ak-skeleton></ak-skeleton><span class="visually-hidden">${msg("Loading…")}</span></div>`,
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

  async #delete(group: Group): Promise<void> {
    const done = await this.confirm.ask({
      heading: msg(str`Delete ${group.name}?`),
      message: msg("The group is deleted; its members stay, but lose what the group gave them. Its child groups lose their parent."),
      confirm: msg("Delete"),
      danger: true,
      action: () => deleteGroup(group.pk),
    });
    if (done) requestNavigation(groupsHref());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-group-page": AkGroupPage;
  }
}
