import { LitElement, html, nothing, type PropertyValues } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import { msg } from "@lit/localize";
import { Task, TaskStatus } from "@lit/task";
import { ApiError } from "../../api/errors.ts";
import { inspectorStyles } from "./ak-flow-inspector.styles.ts";
import {
  contextText,
  fetchInspection,
  planSteps,
  type InspectedBinding,
  type InspectedPlan,
  type Inspection,
  type InspectionResult,
  type StepState,
} from "./inspector-api.ts";

const stateLabels = (): Record<StepState, string> => ({ done: msg("Done"), current: msg("Current"), next: msg("Next") });

/**
 * The flow inspector, for administrators: a drawer beside the flow showing the plan (the stages
 * passed, the current one and the next), the current stage and the plan's context. The executor
 * calls `refresh()` after every step. Shows nothing to anyone the API refuses.
 *
 * @csspart drawer - The drawer panel.
 * @cssprop --ak-flow-inspector-width - Width of the drawer (default 26rem, at most the viewport).
 */
@customElement("ak-flow-inspector")
export class FlowInspector extends LitElement {
  static styles = inspectorStyles;

  @property() slug = "";
  /** Whether the drawer is open; reflected so the executor can make room for it. */
  @property({ type: Boolean, reflect: true }) open = true;

  @state() private tick = 0;
  @query("h2") private heading?: HTMLElement;
  @query(".open") private opener?: HTMLButtonElement;
  #focusAfterUpdate?: "heading" | "opener";
  /** The last inspection shown, kept on screen while the next one loads. */
  #last?: InspectionResult;

  readonly #task = new Task(this, {
    task: async ([slug]) => (this.#last = await fetchInspection(slug)),
    args: () => [this.slug, this.tick] as const,
  });

  refresh(): void {
    this.tick += 1;
  }

  #setOpen(open: boolean): void {
    this.open = open;
    this.#focusAfterUpdate = open ? "heading" : "opener";
  }

  protected updated(_changed: PropertyValues): void {
    const target = this.#focusAfterUpdate === "heading" ? this.heading : this.#focusAfterUpdate === "opener" ? this.opener : undefined;
    this.#focusAfterUpdate = undefined;
    target?.focus();
  }

  render() {
    const result = this.#task.status === TaskStatus.COMPLETE ? this.#task.value : this.#last;
    if (result?.kind === "forbidden") return nothing;
    if (!this.open) {
      return html`<button class="open" type="button" aria-expanded="false" @click=${() => this.#setOpen(true)}>
        ${msg("Flow inspector")}
      </button>`;
    }
    const busy = this.#task.status === TaskStatus.PENDING;
    return html`<aside
      id="inspector"
      part="drawer"
      aria-labelledby="inspector-title"
      aria-busy=${busy ? "true" : "false"}
      @keydown=${(e: KeyboardEvent) => e.key === "Escape" && this.#setOpen(false)}
    >
      <header>
        <h2 id="inspector-title" tabindex="-1">${msg("Flow inspector")}</h2>
        <button type="button" aria-expanded="true" aria-controls="inspector" @click=${() => this.#setOpen(false)}>${msg("Close")}</button>
      </header>
      ${this.#renderBody(result)}
    </aside>`;
  }

  #renderBody(result: InspectionResult | undefined) {
    if (this.#task.status === TaskStatus.ERROR) {
      const error = this.#task.error;
      return html`<p class="error" role="alert">${error instanceof ApiError ? error.message : msg("The inspection could not be loaded.")}</p>
        <button type="button" @click=${() => this.refresh()}>${msg("Try again")}</button>`;
    }
    if (!result) return html`<p class="muted" role="status">${msg("Loading…")}</p>`;
    if (result.kind !== "plans") return html`<p class="muted">${msg("This flow has not started in this session yet.")}</p>`;
    return this.#renderInspection(result.inspection);
  }

  #renderInspection(inspection: Inspection) {
    const plan = inspection.current_plan;
    const labels = stateLabels();
    return html`${inspection.is_completed ? html`<p role="status">${msg("The flow is complete.")}</p>` : nothing}
      <h3>${msg("Plan")}</h3>
      <ol>
        ${planSteps(inspection).map(
          ({ binding, state }) =>
            html`<li aria-current=${state === "current" ? "step" : nothing}>
              <span>${binding.stage_obj.name} <span class="muted">(${binding.stage_obj.verbose_name})</span></span>
              <span class="state">${labels[state]}</span>
            </li>`,
        )}
      </ol>
      ${plan && !inspection.is_completed ? this.#renderStage(plan.current_stage) : nothing} ${plan ? this.#renderContext(plan) : nothing}`;
  }

  #renderStage(binding: InspectedBinding) {
    const yesNo = (value: boolean | undefined) => (value ? msg("Yes") : msg("No"));
    return html`<h3>${msg("Current stage")}</h3>
      <dl>
        <dt>${msg("Name")}</dt>
        <dd>${binding.stage_obj.name}</dd>
        <dt>${msg("Type")}</dt>
        <dd>${binding.stage_obj.verbose_name}</dd>
        <dt>${msg("Order")}</dt>
        <dd>${binding.order}</dd>
        <dt>${msg("Evaluate when planned")}</dt>
        <dd>${yesNo(binding.evaluate_on_plan)}</dd>
        <dt>${msg("Re-evaluate policies")}</dt>
        <dd>${yesNo(binding.re_evaluate_policies)}</dd>
        <dt>${msg("Invalid response action")}</dt>
        <dd>${binding.invalid_response_action ?? "retry"}</dd>
      </dl>`;
  }

  #renderContext(plan: InspectedPlan) {
    const entries = Object.entries(plan.plan_context);
    return html`<h3>${msg("Plan context")}</h3>
      ${entries.length
        ? html`<dl>
            ${entries.map(([key, value]) => html`<dt>${key}</dt><dd><pre>${contextText(value)}</pre></dd>`)}
          </dl>`
        : html`<p class="muted">${msg("The context is empty.")}</p>`}
      <h3>${msg("Session ID")}</h3>
      <p><code>${plan.session_id}</code></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-flow-inspector": FlowInspector;
  }
}
