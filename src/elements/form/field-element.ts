import { LitElement, type CSSResultGroup } from "lit";
import { property } from "lit/decorators.js";
import { focusRing } from "../styles/shared.ts";
import { fieldStyles } from "./field.styles.ts";

/**
 * What every form field element shares: it takes part in a surrounding `<form>` (form-associated,
 * through `internals`), focusing it focuses its control, and it shows a label, help and errors.
 */
export abstract class FieldElement extends LitElement {
  static formAssociated = true;
  static shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static styles: CSSResultGroup = [fieldStyles, focusRing];

  @property() label = "";
  /** The model field it edits; the form finds it by this name to focus it after an error. */
  @property({ reflect: true }) name = "";
  @property() help = "";
  @property({ attribute: false }) errors: readonly string[] = [];

  protected readonly internals = this.attachInternals();
}
