import { msg } from "@lit/localize";
import { html, LitElement, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import "../../elements/dual-select/ak-dual-select.ts";
import type { AkDualSelect, DualSelectOption, DualSelectSource } from "../../elements/dual-select/ak-dual-select.ts";
import { FormController } from "../../elements/form/form-controller.ts";
import { buttonStyles, focusRing } from "../../elements/styles/shared.ts";
import { formErrorsAlert } from "./directory-form.ts";
import { directoryStyles } from "./directory-styles.ts";

interface Membership {
  /** Sorted by key, so the same choice in another order is not a change. */
  chosen: readonly DualSelectOption[];
}

const byKey = (options: readonly DualSelectOption[]) => [...options].sort((a, b) => a.key.localeCompare(b.key));

/**
 * Edits who or what belongs to an object (a user's groups, a group's members, a role's groups or
 * permissions) with the dual-select, and saves the whole choice at once. Unsaved changes are
 * guarded like any form's, and can be undone.
 */
@customElement("ak-membership-editor")
export class AkMembershipEditor extends LitElement {
  static styles = [directoryStyles, buttonStyles, focusRing];

  /** What is chosen, e.g. "Groups". */
  @property() label = "";
  /** The save button's label, e.g. "Save groups". */
  @property({ attribute: "save-label" }) saveLabel = "";
  @property({ attribute: false }) source?: DualSelectSource;
  /** What is saved now; the editor starts over from it whenever it changes. */
  @property({ attribute: false }) current: readonly DualSelectOption[] = [];
  /** Saves the choice; resolves with what to say afterwards (the caller then updates `current`). */
  @property({ attribute: false }) save?: (chosen: readonly DualSelectOption[]) => Promise<string>;

  @state() private saved = "";

  readonly #form = new FormController<Membership>(this, { initial: { chosen: [] }, fields: ["chosen"] });

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("current")) this.#form.load({ chosen: byKey(this.current) });
  }

  render() {
    const form = this.#form;
    return html`${formErrorsAlert(form, msg("The changes could not be saved."))}
      <ak-dual-select
        name="chosen"
        label=${this.label}
        .source=${this.source}
        .selected=${form.value.chosen}
        @change=${(event: Event) => {
          this.saved = "";
          form.set("chosen", byKey((event.target as AkDualSelect).selected));
        }}
      ></ak-dual-select>
      <div class="save-bar">
        <button class="button primary" type="button" ?disabled=${!form.dirty || form.pending} @click=${this.#save}>
          ${form.pending ? msg("Saving…") : this.saveLabel}
        </button>
        <button class="button" type="button" ?disabled=${!form.dirty || form.pending} @click=${() => this.#form.load({ chosen: byKey(this.current) })}>
          ${msg("Undo changes")}
        </button>
        <span role="status">${form.dirty ? msg("Unsaved changes.") : this.saved}</span>
      </div>`;
  }

  #save = async () => {
    const save = this.save;
    if (!save) return;
    const said = await this.#form.submit(({ chosen }) => save(chosen));
    if (said !== undefined) this.saved = said;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-membership-editor": AkMembershipEditor;
  }
}
