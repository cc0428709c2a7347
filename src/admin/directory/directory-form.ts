import { msg, str } from "@lit/localize";
import { html, nothing } from "lit";
import { requestNavigation } from "../../common/router/navigation-events.ts";
import "../../elements/alert/ak-alert.ts";
import "../../elements/code-editor/ak-code-editor.ts";
import type { FormController } from "../../elements/form/form-controller.ts";

export interface Link {
  readonly href: string;
  readonly label: string;
}

/** A form page's header: the breadcrumb to the list (and to the object, when editing one) and the title. */
export const formHeader = (title: string, list: Link, object?: Link) =>
  html`<header class="page-header">
    <p class="breadcrumb">
      <a href=${list.href}>${list.label}</a>${object ? html` › <a href=${object.href}>${object.label}</a>` : nothing}
    </p>
    <h1>${title}</h1>
  </header>`;

/** The messages of a failed save that belong to no field, above the form; focused when it fails. */
export const formErrorsAlert = <M extends object>(form: FormController<M>, title: string) =>
  form.formErrors.length
    ? html`<ak-alert class="form-errors" variant="danger" tabindex="-1">
        <span slot="title">${title}</span>
        ${form.formErrors.map((error) => html`<div>${error}</div>`)}
      </ak-alert>`
    : nothing;

export interface FormPageOptions<M extends object, O> {
  readonly form: FormController<M>;
  /** The object being edited; none when the form creates one. */
  readonly editing?: O;
  /** The list of such objects, e.g. Groups. */
  readonly list: Link;
  /** The title and button of the form that creates one, e.g. "Create group". */
  readonly create: string;
  readonly name: (object: O) => string;
  /** An object's page, where Cancel and a successful save lead. */
  readonly href: (object: O) => string;
  /** The alert's title when saving failed, e.g. "The group could not be saved." */
  readonly failed: string;
  readonly save: (model: M) => Promise<O>;
}

/**
 * A directory form page: the title ("Create group", or "Edit" and the object's name) under the
 * breadcrumb, the errors of the last save, the fields, Save and Cancel. Once saved, the object's
 * page is shown.
 */
export function formPage<M extends object, O>(options: FormPageOptions<M, O>, fields: unknown) {
  const { form, editing, list } = options;
  const submit = async (event: Event) => {
    event.preventDefault();
    const saved = await form.submit(options.save);
    if (saved) requestNavigation(options.href(saved));
  };
  return html`${editing
      ? formHeader(msg(str`Edit ${options.name(editing)}`), list, { href: options.href(editing), label: options.name(editing) })
      : formHeader(options.create, list)}
    <div class="page-body">
      <form class="form" novalidate @submit=${submit}>
        ${formErrorsAlert(form, options.failed)} ${fields}
        <div class="form-actions">
          <button class="button primary" type="submit" ?disabled=${form.pending}>
            ${form.pending ? msg("Saving…") : editing ? msg("Save changes") : options.create}
          </button>
          <a class="button" href=${editing ? options.href(editing) : list.href}>${msg("Cancel")}</a>
        </div>
      </form>
    </div>`;
}

/** The attributes field: the object's attributes as YAML, in the code editor. */
export const attributesField = (form: FormController<{ attributes: string }>, help: string) =>
  html`<ak-code-editor
    name="attributes"
    label=${msg("Attributes")}
    language="yaml"
    .value=${form.value.attributes}
    .errors=${form.errors("attributes")}
    help=${help}
    @input=${form.bind("attributes")}
  ></ak-code-editor>`;
