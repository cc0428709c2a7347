import { html } from "lit";
import { customElement } from "lit/decorators.js";
import { msg } from "@lit/localize";
import type { components } from "../../api/schema.d.ts";
import { StageElement } from "../stage-element.ts";
import { stageStyles } from "./stage-styles.ts";

type DummyChallenge = components["schemas"]["DummyChallenge"];

/** A placeholder step, for building and testing flows: names the stage and goes on. */
@customElement("ak-stage-dummy")
export class DummyStage extends StageElement<DummyChallenge> {
  static styles = stageStyles;

  render() {
    return html`<form method="dialog"
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        this.submit({ component: "ak-stage-dummy" });
      }}
    >
      <p>${this.challenge.name}</p>
      <button class="primary" type="submit" ?disabled=${this.submitting}>${msg("Continue")}</button>
    </form>`;
  }
}
