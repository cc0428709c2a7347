import { LitElement, type PropertyValues } from "lit";
import { property } from "lit/decorators.js";
import type { ChallengeResponse } from "./flow-api.ts";
import { restoreTypedValues, typedValues } from "./typed-values.ts";

/** Fired by a stage with the response to send to the server. */
declare global {
  interface Window {
    /** Forms submitted before the scripts took over a server-rendered stage (public/early-submit.js). */
    akEarlySubmissions?: WeakSet<EventTarget>;
  }
}

export class FlowSubmitEvent extends Event {
  static readonly eventName = "ak-flow-submit";
  constructor(readonly response: ChallengeResponse) {
    super(FlowSubmitEvent.eventName, { bubbles: true, composed: true });
  }
}

const focusOrder = [
  "[aria-invalid='true']",
  "input:not([type=hidden]):not([tabindex='-1']), select, textarea",
  "button:not([disabled])",
  "a[href]",
];

/**
 * What every stage element shares: the challenge it renders, whether its response is being sent,
 * and how it hands a response to the executor. The element instance stays while the same stage is
 * shown again (e.g. with errors), so what the user typed survives.
 */
export class StageElement<C> extends LitElement {
  @property({ attribute: false }) challenge!: C;
  @property({ type: Boolean }) submitting = false;

  protected update(changed: PropertyValues): void {
    if (this.hasUpdated) return super.update(changed);
    const typed = typedValues(this.shadowRoot);
    const submitted = [...(this.shadowRoot?.querySelectorAll("form") ?? [])].find((form) => window.akEarlySubmissions?.has(form));
    super.update(changed);
    if (typed.size) restoreTypedValues(this.renderRoot, typed);
    if (submitted) void this.updateComplete.then(() => submitted.requestSubmit());
  }

  protected submit(response: ChallengeResponse): void {
    if (!this.submitting) this.dispatchEvent(new FlowSubmitEvent(response));
  }

  /** Moves focus to the first field with an error, else the first field, button or link. */
  focusFirstField(): void {
    const root = this.renderRoot as ParentNode;
    for (const selector of focusOrder) {
      const target = root.querySelector<HTMLElement>(selector);
      if (target) return target.focus();
    }
  }
}
