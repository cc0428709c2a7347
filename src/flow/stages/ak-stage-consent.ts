import { css, html, nothing } from "lit";
import { customElement } from "lit/decorators.js";
import { msg } from "@lit/localize";
import type { components } from "../../api/schema.d.ts";
import { StageElement } from "../stage-element.ts";
import { pendingUser } from "./pending-user.ts";
import { stageStyles } from "./stage-styles.ts";

type ConsentChallenge = components["schemas"]["ConsentChallenge"];
type ConsentPermission = components["schemas"]["ConsentPermission"];

const permissionList = (heading: string, permissions: ConsentPermission[]) =>
  permissions.length
    ? html`<section>
        <h2>${heading}</h2>
        <ul>
          ${permissions.map((p) => html`<li>${p.name || p.id}</li>`)}
        </ul>
      </section>`
    : nothing;

/** Asks the user to let an application have what it asks for; consenting sends the challenge's token back. */
@customElement("ak-stage-consent")
export class ConsentStage extends StageElement<ConsentChallenge> {
  static styles = [
    stageStyles,
    css`
      p,
      h2 {
        margin: 0;
      }
      h2 {
        font-size: 1rem;
        margin-bottom: var(--ak-space-1);
      }
      ul {
        margin: 0;
        padding-left: var(--ak-space-5);
      }
      .actions {
        display: grid;
        gap: var(--ak-space-2);
        justify-items: center;
      }
    `,
  ];

  render() {
    const c = this.challenge;
    const returning = c.additional_permissions.length > 0;
    return html`<form method="dialog"
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        this.submit({ component: "ak-stage-consent", token: c.token });
      }}
    >
      ${pendingUser(c)}
      <p>${c.header_text || msg("An application asks for your consent to continue.")}</p>
      ${permissionList(returning ? msg("You already allowed it:") : msg("It will be able to access:"), c.permissions)}
      ${permissionList(msg("It now also asks for:"), c.additional_permissions)}
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.submitting}>${msg("Continue")}</button>
        <a href=${c.flow_info?.cancel_url ?? "/flows/-/cancel/"}>${msg("Cancel")}</a>
      </div>
    </form>`;
  }
}
