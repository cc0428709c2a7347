import { msg, str } from "@lit/localize";
import { css, html, LitElement, nothing } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import { formatDateTime } from "../../../common/format.ts";
import { memoLast } from "../../../common/memo.ts";
import { absolutePath } from "../../../common/router/route-match.ts";
import "../../../elements/alert/ak-alert.ts";
import "../../../elements/dialog/ak-confirm-dialog.ts";
import type { AkConfirmDialog } from "../../../elements/dialog/ak-confirm-dialog.ts";
import { buttonStyles, focusRing, visuallyHidden } from "../../../elements/styles/shared.ts";
import { adminBase } from "../../routes.ts";
import { pageStyles } from "../../shell/page-styles.ts";
import { attributesCard, confirmDelete, detailHeader, detailsCard } from "../detail-page.ts";
import { DirectoryObject } from "../directory-object.ts";
import { directoryStyles } from "../directory-styles.ts";
import { UrlTab } from "../url-tab.ts";
import "./ak-user-devices.ts";
import "../ak-membership-editor.ts";
import "./ak-user-password-dialog.ts";
import type { AkUserPasswordDialog } from "./ak-user-password-dialog.ts";
import "./ak-user-recovery-dialog.ts";
import type { AkUserRecoveryDialog } from "./ak-user-recovery-dialog.ts";
import "./ak-user-sessions.ts";
import { groupOption, groupSource } from "../groups/group-api.ts";
import { deleteUser, loadUser, patchUser, type User } from "./user-api.ts";
import { activeBadge, usersHref, userTypeLabel } from "./user-labels.ts";

const tabIds = ["overview", "groups", "sessions", "devices"] as const;

/**
 * One user: who they are, and what an admin does to an account — edit, set a password, create a
 * recovery link, activate or deactivate, delete — with tabs for their groups (dual-select),
 * sessions (revocable) and MFA devices (deletable). The tab is in the URL.
 */
@customElement("ak-user-page")
export class AkUserPage extends LitElement {
  static styles = [
    pageStyles,
    directoryStyles,
    buttonStyles,
    focusRing,
    visuallyHidden,
    css`
      .identity {
        display: flex;
        align-items: center;
        gap: var(--ak-space-3);
      }
      .identity img {
        width: 3rem;
        height: 3rem;
        border-radius: 50%;
      }
      ak-alert {
        margin-bottom: var(--ak-space-4);
      }
    `,
  ];

  @property({ type: Number }) userId = 0;
  @state() private notice = "";
  @query("ak-confirm-dialog") private confirm!: AkConfirmDialog;
  @query("ak-user-password-dialog") private passwordDialog!: AkUserPasswordDialog;
  @query("ak-user-recovery-dialog") private recoveryDialog!: AkUserRecoveryDialog;

  readonly #tab = new UrlTab(this, tabIds);
  readonly #groupsOf = memoLast((user: User) => (user.groups_obj ?? []).map(groupOption));

  readonly #user = new DirectoryObject(this, {
    id: () => this.userId,
    load: (id, signal) => loadUser(id, signal),
    title: (user) => user.username,
    back: () => ({ href: usersHref(), label: msg("Back to users") }),
  });

  render() {
    return this.#user.render((user) => this.#page(user));
  }

  #page(user: User) {
    const tabs = [
      { id: "overview", label: msg("Overview"), panel: () => this.#overview(user) },
      { id: "groups", label: msg("Groups"), panel: () => this.#groups(user) },
      { id: "sessions", label: msg("Sessions"), panel: () => html`<ak-user-sessions .user=${user}></ak-user-sessions>` },
      { id: "devices", label: msg("MFA devices"), panel: () => html`<ak-user-devices .user=${user}></ak-user-devices>` },
    ];
    return html`${detailHeader(
        { href: usersHref(), label: msg("Users") },
        html`<div class="identity">
          <img src=${user.avatar} alt="" />
          <div>
            <h1>${user.username}</h1>
            <p>${user.name || msg("No name")} ${activeBadge(user.is_active)}</p>
          </div>
        </div>`,
        {
          edit: { href: absolutePath(`/core/users/${user.pk}/edit`, adminBase), label: msg("Edit") },
          more: html`<button class="button" type="button" @click=${() => this.passwordDialog.show()}>${msg("Set password")}</button>
            <button class="button" type="button" @click=${() => this.recoveryDialog.show()}>${msg("Create recovery link")}</button>
            ${user.is_active === false
              ? html`<button class="button" type="button" @click=${() => this.#setActive(user, true)}>${msg("Activate")}</button>`
              : html`<button class="button" type="button" @click=${() => this.#setActive(user, false)}>${msg("Deactivate")}</button>`}`,
          delete: () =>
            confirmDelete(this.confirm, {
              heading: msg(str`Delete ${user.username}?`),
              message: msg("The user, their sessions and their MFA devices are deleted for good. This cannot be undone. Deactivating keeps their history."),
              remove: () => deleteUser(user.pk),
              listHref: usersHref(),
            }),
        },
      )}
      <div class="page-body">
        ${this.notice ? html`<ak-alert variant="success">${this.notice}</ak-alert>` : nothing}
        ${this.#tab.render(msg(str`About ${user.username}`), tabs)}
      </div>
      <ak-user-password-dialog .user=${user} @ak-password-set=${() => (this.notice = msg(str`The password of ${user.username} was set.`))}></ak-user-password-dialog>
      <ak-user-recovery-dialog .user=${user}></ak-user-recovery-dialog>
      <ak-confirm-dialog></ak-confirm-dialog>`;
  }

  #groups(user: User) {
    return html`<ak-membership-editor
      label=${msg("Groups")}
      save-label=${msg("Save groups")}
      .source=${groupSource}
      .current=${this.#groupsOf(user)}
      .save=${async (chosen: readonly { key: string }[]) => {
        this.#user.changed = await patchUser(user.pk, { groups: chosen.map((group) => group.key) });
        return msg(str`Saved: ${user.username} is in ${chosen.length} groups.`);
      }}
    ></ak-membership-editor>`;
  }

  #overview(user: User) {
    const groups = user.groups_obj ?? [];
    return html`${detailsCard([
        [msg("Username"), user.username],
        [msg("Name"), user.name],
        [msg("Email"), user.email || msg("None")],
        [msg("Type"), userTypeLabel(user.type)],
        [msg("Status"), activeBadge(user.is_active)],
        [msg("Superuser"), user.is_superuser ? msg("Yes, through a group") : msg("No")],
        [msg("Groups"), groups.length ? groups.map((group) => group.name).join(", ") : msg("None")],
        [msg("Path"), user.path],
        [msg("Last login"), formatDateTime(user.last_login)],
        [msg("Password changed"), formatDateTime(user.password_change_date)],
        [msg("UID"), html`<code>${user.uid}</code>`],
      ])}
      ${attributesCard(user.attributes)}`;
  }

  async #setActive(user: User, active: boolean): Promise<void> {
    await this.confirm.ask({
      heading: active ? msg(str`Activate ${user.username}?`) : msg(str`Deactivate ${user.username}?`),
      message: active
        ? msg("They will be able to sign in again.")
        : msg("They will not be able to sign in until activated again. Nothing else about them changes."),
      confirm: active ? msg("Activate") : msg("Deactivate"),
      danger: !active,
      action: async () => {
        this.#user.changed = await patchUser(user.pk, { is_active: active });
        this.notice = active ? msg(str`${user.username} was activated.`) : msg(str`${user.username} was deactivated.`);
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-user-page": AkUserPage;
  }
}
