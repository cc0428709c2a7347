import { msg } from "@lit/localize";
import { html } from "lit";
import { errorMessage } from "../../common/error-message.ts";
import "../../elements/empty-state/ak-empty-state.ts";
import { retryIcon } from "../../elements/icons/icons.ts";
import "../../elements/skeleton/ak-skeleton.ts";

/** A detail page's body while its object loads. */
export const loadingBody = () =>
  html`<div class="page-body" aria-busy="true">
    <ak-skeleton></ak-skeleton>
    <p class="muted">${msg("Loading…")}</p>
  </div>`;

/** A tab's panel while what it shows loads. */
export const loadingPanel = () =>
  html`<div aria-busy="true"><ak-skeleton></ak-skeleton><span class="visually-hidden">${msg("Loading…")}</span></div>`;

/** A detail page whose object could not be loaded: the heading stays the page's `h1`. */
export const failedPage = (error: unknown, retry: () => void, back: { href: string; label: string }) =>
  html`<div class="page-body">
    <ak-empty-state icon="alert" variant="danger">
      <h1 slot="heading">${msg("This could not be loaded")}</h1>
      <p>${errorMessage(error)}</p>
      <button slot="actions" class="button primary" type="button" @click=${retry}>${retryIcon}${msg("Try again")}</button>
      <a slot="actions" class="button" href=${back.href}>${back.label}</a>
    </ak-empty-state>
  </div>`;
