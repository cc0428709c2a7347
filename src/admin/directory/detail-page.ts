import { msg } from "@lit/localize";
import { html, nothing } from "lit";
import { requestNavigation } from "../../common/router/navigation-events.ts";
import type { AkConfirmDialog } from "../../elements/dialog/ak-confirm-dialog.ts";
import { attributesToYaml } from "./attributes.ts";
import type { Link } from "./directory-form.ts";

export interface HeaderActions {
  /** The link to the object's form, e.g. "Edit". */
  readonly edit: Link;
  /** Buttons between Edit and Delete. */
  readonly more?: unknown;
  readonly delete: () => void;
}

/** A detail page's header: the breadcrumb to its list, what the page shows, and what can be done to it. */
export const detailHeader = (list: Link, heading: unknown, actions: HeaderActions) =>
  html`<header class="page-header with-actions">
    <div>
      <p class="breadcrumb"><a href=${list.href}>${list.label}</a></p>
      ${heading}
    </div>
    <div class="header-actions">
      <a class="button" href=${actions.edit.href}>${actions.edit.label}</a>
      ${actions.more ?? nothing}
      <button class="button danger" type="button" @click=${actions.delete}>${msg("Delete")}</button>
    </div>
  </header>`;

export interface Deletion {
  readonly heading: string;
  /** What deleting it does, in a sentence or two. */
  readonly message: string;
  readonly remove: () => Promise<unknown>;
  /** The list to go back to once it is gone. */
  readonly listHref: string;
}

/** Deletes the page's object once the user confirmed, then shows its list. */
export async function confirmDelete(confirm: AkConfirmDialog, deletion: Deletion): Promise<void> {
  const done = await confirm.ask({ heading: deletion.heading, message: deletion.message, confirm: msg("Delete"), danger: true, action: deletion.remove });
  if (done) requestNavigation(deletion.listHref);
}

/** The object's facts, term by term, in the "Details" card. */
export const detailsCard = (details: readonly (readonly [term: string, description: unknown])[]) =>
  html`<section class="card" aria-labelledby="details-heading">
    <h2 id="details-heading">${msg("Details")}</h2>
    <dl class="details">${details.map(([term, description]) => html`<dt>${term}</dt><dd>${description}</dd>`)}</dl>
  </section>`;

/** An object's attributes as YAML, in a card of their own. */
export const attributesCard = (attributes: Readonly<Record<string, unknown>> | undefined) =>
  html`<section class="card" aria-labelledby="attributes-heading">
    <h2 id="attributes-heading">${msg("Attributes")}</h2>
    ${Object.keys(attributes ?? {}).length ? html`<pre>${attributesToYaml(attributes)}</pre>` : html`<p class="muted">${msg("None")}</p>`}
  </section>`;
