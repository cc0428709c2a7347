import { html, nothing } from "lit";
import { ifDefined } from "lit/directives/if-defined.js";
import { msg } from "@lit/localize";
import type { components } from "../../api/schema.d.ts";

type ErrorDetail = components["schemas"]["ErrorDetail"];

export interface FieldOptions {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  errors?: ErrorDetail[];
  /** Focus it when the page loads: the server-rendered page then has a usable field before any script has run. */
  autofocus?: boolean;
  /** Rendered after the input inside the same row, e.g. a show-password button. */
  after?: unknown;
}

/** A labelled input whose errors are announced with it and shown beneath it. */
export function formField(o: FieldOptions) {
  const errorId = `${o.id}-error`;
  const invalid = Boolean(o.errors?.length);
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    <div class="input-row">
      <input
        id=${o.id}
        name=${o.id}
        type=${o.type ?? "text"}
        autocomplete=${ifDefined(o.autocomplete)}
        inputmode=${ifDefined(o.inputmode)}
        autocapitalize="none"
        spellcheck="false"
        required
        ?autofocus=${o.autofocus ?? false}
        .value=${o.value}
        @input=${(e: InputEvent) => o.onInput((e.target as HTMLInputElement).value)}
        aria-invalid=${invalid ? "true" : "false"}
        aria-describedby=${ifDefined(invalid ? errorId : undefined)}
      />
      ${o.after ?? nothing}
    </div>
    ${invalid ? html`<p class="error" id=${errorId}>${o.errors!.map((e) => e.string).join(" ")}</p>` : nothing}
  </div>`;
}

export interface PasswordFieldOptions extends Omit<FieldOptions, "type" | "after" | "label"> {
  /** Offer a button that shows the password as plain text. */
  allowShow: boolean;
  shown: boolean;
  onToggle: () => void;
}

/** A current-password field, with an optional show/hide button. */
export function passwordField(o: PasswordFieldOptions) {
  const toggle = o.allowShow
    ? html`<button type="button" aria-pressed=${o.shown ? "true" : "false"} aria-controls=${o.id} @click=${o.onToggle}>
        ${o.shown ? msg("Hide") : msg("Show")}<span class="visually-hidden"> ${msg("password")}</span>
      </button>`
    : undefined;
  return formField({
    ...o,
    label: msg("Password"),
    type: o.allowShow && o.shown ? "text" : "password",
    autocomplete: o.autocomplete ?? "current-password",
    after: toggle,
  });
}
