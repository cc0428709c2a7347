import { html, type PropertyValues } from "lit";
import { customElement, query } from "lit/decorators.js";
import { msg } from "@lit/localize";
import type { components } from "../../api/schema.d.ts";
import { StageElement } from "../stage-element.ts";
import { messageStyles, stageStyles } from "./stage-styles.ts";

type AutosubmitChallenge = components["schemas"]["AutosubmitChallenge"];

/**
 * Sends the browser on with an HTML form POST of the challenge's fields to its URL (e.g. a SAML
 * response to a service provider), once, as soon as it is shown; the button does it by hand if the
 * browser does not go.
 */
@customElement("ak-stage-autosubmit")
export class AutosubmitStage extends StageElement<AutosubmitChallenge> {
  static styles = [stageStyles, messageStyles];

  @query("form") private form!: HTMLFormElement;
  #submitted?: AutosubmitChallenge;

  protected updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#submitted !== this.challenge) {
      this.#submitted = this.challenge;
      this.form.submit();
    }
  }

  render() {
    const c = this.challenge;
    return html`<form method="post" action=${c.url}>
      <h2>${c.title || msg("Continuing…")}</h2>
      <p role="status">${msg("You are being sent on to the application. If nothing happens, continue by hand.")}</p>
      ${Object.entries(c.attrs).map(([name, value]) => html`<input type="hidden" name=${name} .value=${value} />`)}
      <button class="primary" type="submit">${msg("Continue")}</button>
    </form>`;
  }
}
