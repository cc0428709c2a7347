import { css, html, type PropertyValues } from "lit";
import { customElement, state } from "lit/decorators.js";
import { msg } from "@lit/localize";
import type { components } from "../../api/schema.d.ts";
import { StageElement } from "../stage-element.ts";
import { initialValue, promptField, type PromptValue, type StagePrompt } from "./prompt-controls.ts";
import { stageStyles } from "./stage-styles.ts";

type PromptChallenge = components["schemas"]["PromptChallenge"];

/** Fields that show something but send nothing. */
const displayOnly = new Set<StagePrompt["type"]>(["static", "separator"]);

const fieldSet = (c: PromptChallenge | undefined) => c?.fields.map((f) => `${f.field_key}:${f.type}`).join("|");

/**
 * Asks for the prompts of a prompt stage, each with the control its type calls for. What the user
 * typed is kept while the same fields come back with errors.
 */
@customElement("ak-stage-prompt")
export class PromptStage extends StageElement<PromptChallenge> {
  static styles = [
    stageStyles,
    css`
      textarea,
      select {
        font: inherit;
        color: inherit;
        background: var(--ak-color-surface);
        border: 1px solid var(--ak-color-border);
        border-radius: var(--ak-radius);
        padding: var(--ak-space-2) var(--ak-space-3);
      }
      textarea {
        resize: vertical;
      }
      [aria-invalid="true"] {
        border-color: var(--ak-color-danger);
      }
      input[readonly],
      textarea[readonly] {
        background: transparent;
        border-style: dashed;
      }
      fieldset {
        margin: 0;
        padding: 0;
        border: 0;
      }
      legend {
        padding: 0;
        margin-bottom: var(--ak-space-1);
        font-weight: 600;
        font-size: var(--ak-font-size-small);
      }
      .choices {
        display: grid;
        gap: var(--ak-space-1);
      }
      label.choice {
        display: flex;
        align-items: center;
        gap: var(--ak-space-2);
        font-weight: normal;
        font-size: inherit;
      }
      label.choice input {
        flex: none;
        width: 1.1rem;
        height: 1.1rem;
        margin: 0;
      }
      .help,
      .static,
      .separator-label {
        margin: 0;
      }
      .help {
        color: var(--ak-color-text-muted);
        font-size: var(--ak-font-size-small);
      }
      .separator-label {
        font-weight: 600;
      }
      hr {
        width: 100%;
        border: 0;
        border-top: 1px solid var(--ak-color-border);
      }
    `,
  ];

  @state() private values: Record<string, PromptValue> = {};

  protected willUpdate(changed: PropertyValues<this>): void {
    // A different set of fields (another prompt stage) starts from its initial values.
    if (changed.has("challenge") && fieldSet(changed.get("challenge")) !== fieldSet(this.challenge)) {
      this.values = Object.fromEntries(this.challenge.fields.map((f) => [f.field_key, initialValue(f)]));
    }
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const fields = this.challenge.fields.filter((f) => !displayOnly.has(f.type));
    this.submit({ component: "ak-stage-prompt", ...Object.fromEntries(fields.map((f) => [f.field_key, this.values[f.field_key]])) });
  }

  render() {
    const errors = this.challenge.response_errors ?? {};
    return html`<form method="dialog" @submit=${(e: SubmitEvent) => this.#submit(e)}>
      ${this.challenge.fields.map((field, index) =>
        promptField({
          field,
          id: `prompt-${index}`,
          value: this.values[field.field_key] ?? "",
          errors: errors[field.field_key],
          onChange: (value) => (this.values = { ...this.values, [field.field_key]: value }),
        }),
      )}
      <button class="primary" type="submit" ?disabled=${this.submitting}>${msg("Continue")}</button>
    </form>`;
  }
}
