import { msg } from "@lit/localize";
import { css, html, LitElement } from "lit";
import { customElement } from "lit/decorators.js";
import { absolutePath } from "../../common/router/route-match.ts";
import "../../elements/stat-card/ak-stat-card.ts";
import type { StatLoader } from "../../elements/stat-card/ak-stat-card.ts";
import { adminBase } from "../routes.ts";
import { pageStyles } from "../shell/page-styles.ts";
import { loadApplicationCount, loadFlowCount, loadGroupCount, loadUserCount, loadVersion } from "./overview-data.ts";

interface Card {
  readonly label: () => string;
  readonly load: StatLoader;
  /** The section the figure comes from, under the admin base; none for the version. */
  readonly path?: string;
}

const cards: readonly Card[] = [
  { label: () => msg("Users"), load: loadUserCount, path: "/core/users" },
  { label: () => msg("Groups"), load: loadGroupCount, path: "/core/groups" },
  { label: () => msg("Applications"), load: loadApplicationCount, path: "/core/applications" },
  { label: () => msg("Flows"), load: loadFlowCount, path: "/flow/flows" },
  { label: () => msg("Version"), load: loadVersion },
];

/**
 * The admin overview: live figures from the API (how many users, groups, applications and flows
 * there are, and the running version), each in a card that loads, fails and retries on its own.
 */
@customElement("ak-admin-overview")
export class AkAdminOverview extends LitElement {
  static styles = [
    pageStyles,
    css`
      .cards {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
        gap: var(--ak-space-4);
        margin: 0;
        padding: 0;
        list-style: none;
      }
    `,
  ];

  render() {
    return html`<header class="page-header">
        <h1>${msg("Overview")}</h1>
        <p>${msg("What this authentik holds right now.")}</p>
      </header>
      <div class="page-body">
        <ul class="cards" aria-label=${msg("Summary")}>
          ${cards.map(
            (card) =>
              html`<li>
                <ak-stat-card
                  label=${card.label()}
                  href=${card.path ? absolutePath(card.path, adminBase) : ""}
                  .load=${card.load}
                ></ak-stat-card>
              </li>`,
          )}
        </ul>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-admin-overview": AkAdminOverview;
  }
}
