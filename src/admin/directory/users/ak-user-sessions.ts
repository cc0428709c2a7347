import { msg, str } from "@lit/localize";
import { html, LitElement, nothing } from "lit";
import { customElement, property, query } from "lit/decorators.js";
import { formatDateTime } from "../../../common/format.ts";
import { memoLast } from "../../../common/memo.ts";
import "../../../elements/dialog/ak-confirm-dialog.ts";
import type { AkConfirmDialog } from "../../../elements/dialog/ak-confirm-dialog.ts";
import "../../../elements/empty-state/ak-empty-state.ts";
import { buttonStyles, focusRing, visuallyHidden } from "../../../elements/styles/shared.ts";
import "../../../elements/table/ak-table.ts";
import type { AkTable } from "../../../elements/table/ak-table.ts";
import type { TableQuery } from "../../../elements/table/table-query.ts";
import type { BulkAction, Column } from "../../../elements/table/table-types.ts";
import { directoryStyles } from "../directory-styles.ts";
import { loadSessions, revokeSession, type Session, type User } from "./user-api.ts";

const browserOf = (session: Session) => {
  const agent = session.user_agent;
  const browser = agent.user_agent.family || msg("Unknown browser");
  return agent.os.family ? msg(str`${browser} on ${agent.os.family}`) : browser;
};

const sessionLabel = (session: Session) => `${browserOf(session)} (${session.last_ip})`;

/** A user's sessions: where and when they are signed in, each revocable (signing that browser out). */
@customElement("ak-user-sessions")
export class AkUserSessions extends LitElement {
  static styles = [directoryStyles, buttonStyles, focusRing, visuallyHidden];

  @property({ attribute: false }) user?: User;
  @query("ak-table") private table?: AkTable<Session>;
  @query("ak-confirm-dialog") private confirm!: AkConfirmDialog;

  readonly #columns: readonly Column<Session>[] = [
    {
      id: "browser",
      label: msg("Browser"),
      rowHeader: true,
      render: (session) => html`${browserOf(session)}${session.current ? html` <span class="badge good">${msg("This session")}</span>` : nothing}`,
    },
    { id: "ip", label: msg("IP address"), sort: "last_ip", render: (session) => session.last_ip },
    { id: "last_used", label: msg("Last used"), sort: "last_used", render: (session) => formatDateTime(session.last_used) },
    { id: "expires", label: msg("Expires"), render: (session) => (session.expires ? formatDateTime(session.expires) : msg("With the browser")) },
    {
      id: "revoke",
      label: msg("Actions"),
      render: (session) =>
        html`<button class="button danger" type="button" @click=${() => this.#revoke(session)}>
          ${msg("Revoke")}<span class="visually-hidden"> ${sessionLabel(session)}</span>
        </button>`,
    },
  ];

  readonly #actions: readonly BulkAction<Session>[] = [
    {
      id: "revoke",
      label: msg("Revoke"),
      danger: true,
      heading: (count) => msg(str`Revoke ${count} sessions?`),
      explanation: msg("Those browsers are signed out at their next request."),
      run: (session) => revokeSession(session.uuid!),
      finished: (count) => msg(str`Revoked ${count} sessions.`),
    },
  ];

  /** One source per user: a new function would make the table load again. */
  readonly #sourceFor = memoLast((user: User) => (query: TableQuery, signal: AbortSignal) => loadSessions(user.username, query, signal));

  render() {
    const user = this.user;
    if (!user) return nothing;
    return html`<ak-table
        caption=${msg(str`Sessions of ${user.username}`)}
        prefix="sessions_"
        default-ordering="-last_used"
        .columns=${this.#columns}
        .actions=${this.#actions}
        .source=${this.#sourceFor(user)}
        .rowKey=${(session: Session) => session.uuid ?? ""}
        .rowLabel=${sessionLabel}
      >
        <ak-empty-state slot="empty">
          <h2 slot="heading">${msg("No sessions")}</h2>
          <p>${msg("This user is not signed in anywhere.")}</p>
        </ak-empty-state>
      </ak-table>
      <ak-confirm-dialog></ak-confirm-dialog>`;
  }

  async #revoke(session: Session): Promise<void> {
    const done = await this.confirm.ask({
      heading: msg("Revoke this session?"),
      message: msg(str`${sessionLabel(session)} will be signed out at its next request.`),
      confirm: msg("Revoke"),
      danger: true,
      action: () => revokeSession(session.uuid!),
    });
    if (done) this.table?.reload();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-user-sessions": AkUserSessions;
  }
}
