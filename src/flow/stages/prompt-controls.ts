import { html, nothing, type TemplateResult } from "lit";
import { ifDefined } from "lit/directives/if-defined.js";
import { live } from "lit/directives/live.js";
import { msg } from "@lit/localize";
import type { components } from "../../api/schema.d.ts";

export type StagePrompt = components["schemas"]["StagePrompt"];
type ErrorDetail = components["schemas"]["ErrorDetail"];
export type PromptValue = string | boolean;

export interface ControlOptions {
  field: StagePrompt;
  /** A unique element id for the field (field keys may hold dots). */
  id: string;
  value: PromptValue;
  errors?: ErrorDetail[];
  onChange: (value: PromptValue) => void;
}

/** The locales a user may choose, each named in its own language. */
const locales = ["en", "cs", "de", "es", "fi", "fr", "it", "ko", "nl", "pl", "pt", "pt-BR", "ru", "tr", "zh-Hans", "zh-Hant"];
const localeName = (code: string) => new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code;

/** What the browser may fill a field with, from its type and the usual field keys. */
function autocomplete(field: StagePrompt): string | undefined {
  switch (field.type) {
    case "username":
      return "username";
    case "email":
      return "email";
    case "password":
      return "new-password";
    default:
      return field.field_key === "name" ? "name" : undefined;
  }
}

const inputTypes: Partial<Record<StagePrompt["type"], string>> = {
  email: "email",
  password: "password",
  number: "number",
  date: "date",
  "date-time": "datetime-local",
};

const text = (event: Event) => (event.target as HTMLInputElement).value;

function readFile(event: Event, onChange: (value: string) => void): void {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (!file) return onChange("");
  const reader = new FileReader();
  reader.addEventListener("load", () => onChange(String(reader.result)));
  reader.readAsDataURL(file);
}

/** The input itself, described by the field's help and errors. */
function control(o: ControlOptions, describedBy: string | undefined): TemplateResult {
  const { field, id } = o;
  const invalid = o.errors?.length ? "true" : "false";
  const value = String(o.value);
  const described = ifDefined(describedBy);
  switch (field.type) {
    case "text_area":
    case "text_area_read_only":
      return html`<textarea
        id=${id}
        name=${field.field_key}
        rows="4"
        ?required=${field.required}
        ?readonly=${field.type === "text_area_read_only"}
        placeholder=${field.placeholder || nothing}
        aria-invalid=${invalid}
        aria-describedby=${described}
        .value=${live(value)}
        @input=${(e: Event) => o.onChange(text(e))}
      ></textarea>`;
    case "dropdown":
    case "ak-locale": {
      const options = field.type === "dropdown" ? (field.choices ?? []).map((c) => [c, c]) : locales.map((c) => [c, localeName(c)]);
      const empty = field.type === "ak-locale" ? msg("Automatic (from the browser)") : msg("Choose an option");
      return html`<select
        id=${id}
        name=${field.field_key}
        ?required=${field.required}
        aria-invalid=${invalid}
        aria-describedby=${described}
        @change=${(e: Event) => o.onChange(text(e))}
      >
        <option value="" ?selected=${value === ""}>${empty}</option>
        ${options.map(([option, label]) => html`<option value=${option} ?selected=${option === value}>${label}</option>`)}
      </select>`;
    }
    case "file":
      return html`<input
        id=${id}
        name=${field.field_key}
        type="file"
        ?required=${field.required && !value}
        aria-invalid=${invalid}
        aria-describedby=${described}
        @change=${(e: Event) => readFile(e, o.onChange)}
      />`;
    default:
      return html`<input
        id=${id}
        name=${field.field_key}
        type=${inputTypes[field.type] ?? "text"}
        autocomplete=${ifDefined(autocomplete(field))}
        autocapitalize=${ifDefined(field.type === "username" || field.type === "email" ? "none" : undefined)}
        spellcheck=${ifDefined(field.type === "username" || field.type === "email" ? "false" : undefined)}
        ?required=${field.required}
        ?readonly=${field.type === "text_read_only"}
        placeholder=${field.placeholder || nothing}
        aria-invalid=${invalid}
        aria-describedby=${described}
        .value=${live(value)}
        @input=${(e: Event) => o.onChange(text(e))}
      />`;
  }
}

function messages(o: ControlOptions) {
  const helpId = o.field.sub_text ? `${o.id}-help` : undefined;
  const errorId = o.errors?.length ? `${o.id}-error` : undefined;
  return {
    describedBy: [helpId, errorId].filter(Boolean).join(" ") || undefined,
    help: helpId ? html`<p class="help" id=${helpId}>${o.field.sub_text}</p>` : nothing,
    error: errorId ? html`<p class="error" id=${errorId}>${o.errors!.map((e) => e.string).join(" ")}</p>` : nothing,
  };
}

function radios(o: ControlOptions, describedBy: string | undefined) {
  return html`<div class="choices">
    ${(o.field.choices ?? []).map(
      (choice, index) => html`<label class="choice">
        <input
          type="radio"
          id=${index === 0 ? o.id : nothing}
          name=${o.field.field_key}
          value=${choice}
          ?required=${o.field.required}
          .checked=${live(o.value === choice)}
          aria-invalid=${o.errors?.length ? "true" : "false"}
          aria-describedby=${ifDefined(describedBy)}
          @change=${() => o.onChange(choice)}
        />
        ${choice}
      </label>`,
    )}
  </div>`;
}

/** One prompt as its proper control, with its label, help text and errors. Hidden prompts render nothing. */
export function promptField(o: ControlOptions): TemplateResult | typeof nothing {
  const { field } = o;
  const { describedBy, help, error } = messages(o);
  switch (field.type) {
    case "hidden":
      return nothing;
    case "static":
      return html`<p class="static">${field.initial_value}</p>`;
    case "separator":
      return html`<div class="separator">
        <hr />
        ${field.label ? html`<p class="separator-label">${field.label}</p>` : nothing} ${help}
      </div>`;
    case "checkbox":
      return html`<div class="field">
        <label class="choice">
          <input
            type="checkbox"
            id=${o.id}
            name=${field.field_key}
            ?required=${field.required}
            .checked=${live(o.value === true)}
            aria-invalid=${o.errors?.length ? "true" : "false"}
            aria-describedby=${ifDefined(describedBy)}
            @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)}
          />
          ${field.label}
        </label>
        ${help} ${error}
      </div>`;
    case "radio-button-group":
      return html`<fieldset class="field">
        <legend>${field.label}</legend>
        ${radios(o, describedBy)} ${help} ${error}
      </fieldset>`;
    default:
      return html`<div class="field">
        <label for=${o.id}>${field.label}</label>
        ${control(o, describedBy)} ${help} ${error}
      </div>`;
  }
}

/** What a field starts with: checkboxes as booleans, everything else as text. */
export function initialValue(field: StagePrompt): PromptValue {
  if (field.type === "checkbox") return !["", "false", "0", "off", "no"].includes(field.initial_value.trim().toLowerCase());
  return field.initial_value;
}
