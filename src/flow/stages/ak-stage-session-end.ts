import { css, html, nothing } from "lit";
import { customElement } from "lit/decorators.js";
import { msg, str } from "@lit/localize";
import type { components } from "../../api/schema.d.ts";
import { StageElement } from "../stage-element.ts";
import { pendingUser } from "./pending-user.ts";
import { stageStyles } from "./stage-styles.ts";

type SessionEndChallenge = components["schemas"]["SessionEndChallenge"];

/** The user has signed out of an application: offers to go back to it, to their apps, or to sign out here too. */
@customElement("ak-stage-session-end")
export class SessionEndStage extends StageElement<SessionEndChallenge> {
  static styles = [
    stageStyles,
    css`
      p {
        margin: 0;
      }
      nav {
        display: grid;
        gap: var(--ak-space-2);
      }
    `,
  ];

  render() {
    const c = this.challenge;
    const application = c.application_name;
    return html`<div class="field">
      ${pendingUser(c)}
      <p role="status">
        ${application ? msg(str`You have signed out of ${application}.`) : msg("You have signed out of the application.")}
        ${msg(str`You are still signed in to ${c.brand_name}.`)}
      </p>
      <nav aria-label=${msg("Where next")}>
        ${c.application_launch_url && application
          ? html`<a href=${c.application_launch_url}>${msg(str`Sign in to ${application} again`)}</a>`
          : nothing}
        <a href="/if/user/">${msg("Go to my applications")}</a>
        ${c.invalidation_flow_url ? html`<a href=${c.invalidation_flow_url}>${msg(str`Sign out of ${c.brand_name}`)}</a>` : nothing}
      </nav>
    </div>`;
  }
}
