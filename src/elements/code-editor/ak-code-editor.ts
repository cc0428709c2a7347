import { msg } from "@lit/localize";
import { css, html, nothing, type PropertyValues } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import "../skeleton/ak-skeleton.ts";
import { visuallyHidden } from "../styles/shared.ts";
import { FieldElement } from "../form/field-element.ts";
import { describedBy, helpAndErrors, requiredMark } from "../form/field.styles.ts";
import type { CodeLanguage, EditorHandle } from "./codemirror-view.ts";

/**
 * A code editor for YAML or JSON (CodeMirror 6). CodeMirror is a lazy chunk: it is downloaded the
 * first time an editor is shown, and a skeleton stands in meanwhile; should the download fail, a
 * plain textarea takes its place, so the value can still be edited. The editing area is labelled by
 * the visible label and described by the help and errors. Tab moves focus on (it does not indent),
 * so keyboard users are never trapped. Fires `input` as the text changes; read `value`.
 * Form-associated.
 *
 * @cssprop --ak-code-editor-min-height - the editing area's smallest height (default 8rem)
 * @cssprop --ak-code-key - the colour of keys / property names
 * @cssprop --ak-code-string - the colour of strings
 * @cssprop --ak-code-literal - the colour of numbers, booleans and null
 * @cssprop --ak-code-comment - the colour of comments
 *
 * @csspart label - the label
 * @csspart editor - the editor's frame
 */
@customElement("ak-code-editor")
export class AkCodeEditor extends FieldElement {
  static styles = [
    FieldElement.styles,
    visuallyHidden,
    css`
      :host {
        --ak-code-key: light-dark(#0b5394, #8ecbff);
        --ak-code-string: light-dark(#2d6a1e, #9ad98b);
        --ak-code-literal: light-dark(#8a3b00, #ffb370);
        --ak-code-comment: light-dark(#5a5d62, #a9adb3);
      }
      .editor {
        border: 1px solid var(--ak-color-border);
        border-radius: var(--ak-radius);
        overflow: hidden;
      }
      .editor.invalid {
        border-color: var(--ak-color-danger);
      }
      .loading {
        padding: var(--ak-space-3);
        --ak-skeleton-height: 6rem;
      }
      textarea {
        min-height: 8rem;
        font-family: var(--ak-font-family-mono);
        border: 0 !important;
      }
    `,
  ];

  @property() value = "";
  @property() language: CodeLanguage = "yaml";
  @property({ type: Boolean }) readonly = false;
  @property({ type: Boolean }) required = false;

  @state() private phase: "loading" | "ready" | "failed" = "loading";
  @query(".host") private mount?: HTMLElement;

  #editor?: EditorHandle;

  protected firstUpdated(): void {
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      const { createEditor } = await import("./codemirror-view.ts");
      this.phase = "ready";
      await this.updateComplete;
      if (!this.isConnected || !this.mount) return;
      this.#editor = createEditor({
        parent: this.mount,
        root: this.renderRoot as ShadowRoot,
        doc: this.value,
        language: this.language,
        labelledBy: "label",
        describedBy: this.#describedBy(),
        readonly: this.readonly,
        onChange: (doc) => this.#changed(doc),
      });
    } catch {
      this.phase = "failed";
    }
  }

  protected updated(changed: PropertyValues<this>): void {
    if (changed.has("value")) {
      this.internals.setFormValue(this.value);
      this.#editor?.setValue(this.value);
    }
    if (changed.has("readonly")) this.#editor?.setReadonly(this.readonly);
    if (changed.has("errors") || changed.has("help")) this.#editor?.setDescribedBy(this.#describedBy());
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#editor?.destroy();
    this.#editor = undefined;
    if (this.phase === "ready") this.phase = "loading";
  }

  connectedCallback(): void {
    super.connectedCallback();
    // Moved in the DOM after the first load: build the view again.
    if (this.hasUpdated && !this.#editor) void this.#load();
  }

  #describedBy(): string | undefined {
    const ids = describedBy(this.help, this.errors);
    return typeof ids === "string" ? ids : undefined;
  }

  #changed(doc: string): void {
    this.value = doc;
    this.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
  }

  render() {
    const invalid = this.errors.length ? "true" : "false";
    return html`<div class="field">
      <span class="label-row"><label id="label" part="label" for=${this.phase === "failed" ? "fallback" : nothing}>${this.label}</label>${requiredMark(this.required)}</span>
      <div class=${invalid === "true" ? "editor invalid" : "editor"} part="editor">
        ${this.phase === "loading"
          ? html`<div class="loading" aria-busy="true"><ak-skeleton></ak-skeleton><span class="visually-hidden">${msg("Loading the editor…")}</span></div>`
          : nothing}
        ${this.phase === "ready" ? html`<div class="host"></div>` : nothing}
        ${this.phase === "failed"
          ? html`<textarea
              id="fallback"
              .value=${this.value}
              ?readonly=${this.readonly}
              spellcheck="false"
              aria-invalid=${invalid}
              aria-describedby=${describedBy(this.help, this.errors)}
              @input=${(event: Event) => this.#changed((event.target as HTMLTextAreaElement).value)}
            ></textarea>`
          : nothing}
      </div>
      ${helpAndErrors(this.help, this.errors)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-code-editor": AkCodeEditor;
  }
}
