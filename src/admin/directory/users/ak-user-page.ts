import { msg, str } from "@lit/localize";
import { Task } from "@lit/task";
import { css, html, LitElement, nothing } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import { formatDateTime } from "../../../common/format.ts";
import { memoLast } from "../../../common/memo.ts";
import { requestNavigation } from "../../../common/router/navigation-events.ts";
import { absolutePath } from "../../../common/router/route-match.ts";
import "../../../elements/alert/ak-alert.ts";
import "../../../elements/dialog/ak-confirm-dialog.ts";
import type { AkConfirmDialog } from "../../../elements/dialog/ak-confirm-dialog.ts";
import { buttonStyles, focusRing, visuallyHidden } from "../../../elements/styles/shared.ts";
import "../../../elements/tabs/ak-tabs.ts";
import type { TabChangeEvent } from "../../../elements/tabs/ak-tabs.ts";
import { adminBase } from "../../routes.ts";
import { PageTitleEvent } from "../../page-title.ts";
import { pageStyles } from "../../shell/page-styles.ts";
import { attributesToYaml } from "../attributes.ts";
import { directoryStyles } from "../directory-styles.ts";
import { failedPage, loadingBody } from "../page-loading.ts";
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
import { activeBadge, userTypeLabel } from "./user-labels.ts";

const tabIds = ["overview", "groups", "sessions", "devices"] as const;
const usersHref = () => absolutePath("/core/users", adminBase);

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
      pre {
        margin: 0;
        font-family: var(--ak-font-family-mono);
        font-size: 0.9rem;
        white-space: pre-wrap;
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
  /** The user as last saved here, replacing what was loaded. */
  @state() private changed?: User;

  readonly #user = new Task(this, {
    task: async ([id], { signal }) => {
      this.changed = undefined;
      return loadUser(id, signal);
    },
    args: () => [this.userId] as const,
    onComplete: (user) => this.dispatchEvent(new PageTitleEvent(user.username)),
  });

  render() {
    return this.#user.render({
      initial: () => loadingBody(),
      pending: () => (this.#user.value ? this.#page(this.changed ?? this.#user.value) : loadingBody()),
      complete: (user) => this.#page(this.changed ?? user),
      error: (error) => failedPage(error, () => this.#user.run(), { href: usersHref(), label: msg("Back to users") }),
    });
  }

  #page(user: User) {
    const tabs = [
      { id: "overview", label: msg("Overview") },
      { id: "groups", label: msg("Groups") },
      { id: "sessions", label: msg("Sessions") },
      { id: "devices", label: msg("MFA devices") },
    ];
    const tab = this.#tab.current;
    return html`<header class="page-header with-actions">
        <div>
          <p class="breadcrumb"><a href=${usersHref()}>${msg("Users")}</a></p>
          <div class="identity">
            <img src=${user.avatar} alt="" />
            <div>
              <h1>${user.username}</h1>
              <p>${user.name || msg("No name")} ${activeBadge(user.is_active)}</p>
            </div>
          </div>
        </div>
        <div class="header-actions">
          <a class="button" href=${absolutePath(`/core/users/${user.pk}/edit`, adminBase)}>${msg("Edit")}</a>
          <button class="button" type="button" @click=${() => this.passwordDialog.show()}>${msg("Set password")}</button>
          <button class="button" type="button" @click=${() => this.recoveryDialog.show()}>${msg("Create recovery link")}</button>
          ${user.is_active === false
            ? html`<button class="button" type="button" @click=${() => this.#setActive(user, true)}>${msg("Activate")}</button>`
            : html`<button class="button" type="button" @click=${() => this.#setActive(user, false)}>${msg("Deactivate")}</button>`}
          <button class="button danger" type="button" @click=${() => this.#delete(user)}>${msg("Delete")}</button>
        </div>
      </header>
      <div class="page-body">
        ${this.notice ? html`<ak-alert variant="success">${this.notice}</ak-alert>` : nothing}
        <ak-tabs
          label=${msg(str`About ${user.username}`)}
          .tabs=${tabs}
          selected=${tab}
          @ak-tab-change=${(event: TabChangeEvent) => this.#tab.select(event.id)}
        >
          ${this.#panel(tab, user)}
        </ak-tabs>
      </div>
      <ak-user-password-dialog .user=${user} @ak-password-set=${() => (this.notice = msg(str`The password of ${user.username} was set.`))}></ak-user-password-dialog>
      <ak-user-recovery-dialog .user=${user}></ak-user-recovery-dialog>
      <ak-confirm-dialog></ak-confirm-dialog>`;
  }

  #panel(tab: string, user: User) {
    switch (tab) {
      case "groups":
        return html`<ak-membership-editor
          label=${msg("Groups")}
          save-label=${msg("Save groups")}
          .source=${groupSource}
          .current=${this.#groupsOf(user)}
          .save=${async (chosen: readonly { key: string }[]) => {
            this.changed = await patchUser(user.pk, { groups: chosen.map((group) => group.key) });
            return msg(str`Saved: ${user.username} is in ${chosen.length} groups.`);
          }}
        ></ak-membership-editor>`;
      case "sessions":
        return html`<ak-user-sessions .user=${user}></ak-user-sessions>`;
      case "devices":
        return html`<ak-user-devices .user=${user}></ak-user-devices>`;
      default:
        return this.#overview(user);
    }
  }

  #overview(user: User) {
    const groups = user.groups_obj ?? [];
    return html`<section class="card" aria-labelledby="details-heading">
        <h2 id="details-heading">${msg("Details")}</h2>
        <dl class="details">
          <dt>${msg("Username")}</dt>
          <dd>${user.username}</dd>
          <dt>${msg("Name")}</dt>
          <dd>${user.name}</dd>
          <dt>${msg("Email")}</dt>
          <dd>${user.email || msg("None")}</dd>
          <dt>${msg("Type")}</dt>
          <dd>${userTypeLabel(user.type)}</dd>
          <dt>${msg("Status")}</dt>
          <dd>${activeBadge(user.is_active)}</dd>
          <dt>${msg("Superuser")}</dt>
          <dd>${user.is_superuser ? msg("Yes, through a group") : msg("No")}</dd>
          <dt>${msg("Groups")}</dt>
          <dd>${groups.length ? groups.map((group) => group.name).join(", ") : msg("None")}</dd>
          <dt>${msg("Path")}</dt>
          <dd>${user.path}</dd>
          <dt>${msg("Last login")}</dt>
          <dd>${formatDateTime(user.last_login)}</dd>
          <dt>${msg("Password changed")}</dt>
          <dd>${formatDateTime(user.password_change_date)}</dd>
          <dt>${msg("UID")}</dt>
          <dd><code>${user.uid}</code></dd>
        </dl>
      </section>
      <section class="card" aria-labelledby="attributes-heading">
        <h2 id="attributes-heading">${msg("Attributes")}</h2>
        ${Object.keys(user.attributes ?? {}).length ? html`<pre>${attributesToYaml(user.attributes)}</pre>` : html`<p class="muted">${msg("None")}</p>`}
      </section>`;
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
        this.changed = await patchUser(user.pk, { is_active: active });
        this.notice = active ? msg(str`${user.username} was activated.`) : msg(str`${user.username} was deactivated.`);
      },
    });
  }

  async #delete(user: User): Promise<void> {
    const done = await this.confirm.ask({
      heading: msg(str`Delete ${user.username}?`),
      message: msg("The user, their sessions and their MFA devices are deleted for good. This cannot be undone. Deactivating keeps their history."),
      confirm: msg("Delete"),
      danger: true,
      action: () => deleteUser(user.pk),
    });
    if (done) requestNavigation(usersHref());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-user-page": AkUserPage;
  }
}
