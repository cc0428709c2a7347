import { msg } from "@lit/localize";
import { css, html, LitElement, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { absolutePath } from "../../common/router/route-match.ts";
import { visuallyHidden } from "../../elements/styles/shared.ts";
import { navigation } from "../navigation.ts";
import { adminBase } from "../routes.ts";

/**
 * The admin sidebar: authentik's sections as lists of ordinary links, the current page marked
 * with `aria-current="page"`. Items whose page this version does not have yet carry a visible
 * "Not yet" badge (and say so to assistive technology); they lead to a page explaining it.
 *
 * @cssprop --ak-admin-sidebar-background - default: the sidebar token
 * @cssprop --ak-admin-sidebar-color - the link colour (default: the on-sidebar token)
 * @cssprop --ak-admin-sidebar-muted-color - section labels and badges (default: a muted on-sidebar colour)
 * @cssprop --ak-admin-sidebar-accent - the current page's marker and the focus ring (default: a light blue)
 *
 * @csspart nav - the `<nav>` landmark
 * @csspart section-label - each section's name
 * @csspart link - each page's link
 * @csspart badge - the "Not yet" badge
 */
@customElement("ak-admin-sidebar")
export class AkAdminSidebar extends LitElement {
  static styles = [
    visuallyHidden,
    css`
      :host {
        display: block;
        --_color: var(--ak-admin-sidebar-color, var(--ak-color-on-sidebar));
        --_muted: var(--ak-admin-sidebar-muted-color, color-mix(in srgb, var(--ak-color-on-sidebar) 72%, transparent));
        --_accent: var(--ak-admin-sidebar-accent, #8ec5f8);
        background: var(--ak-admin-sidebar-background, var(--ak-color-sidebar));
        color: var(--_color);
      }
      nav {
        padding: var(--ak-space-3) 0 var(--ak-space-6);
      }
      .section + .section {
        margin-top: var(--ak-space-3);
      }
      .section-label {
        display: block;
        padding: var(--ak-space-2) var(--ak-space-4) var(--ak-space-1);
        font-size: 0.75rem;
        font-weight: 700;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--_muted);
      }
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      a {
        display: flex;
        align-items: center;
        gap: var(--ak-space-2);
        padding: var(--ak-space-2) var(--ak-space-4) var(--ak-space-2) calc(var(--ak-space-4) + 2px);
        border-left: 4px solid transparent;
        color: var(--_color);
        text-decoration: none;
        font-size: var(--ak-font-size-small);
      }
      a:hover {
        background: color-mix(in srgb, var(--_color) 10%, transparent);
      }
      a:focus-visible {
        outline: 2px solid var(--_accent);
        outline-offset: -2px;
      }
      a[aria-current="page"] {
        border-left-color: var(--_accent);
        background: color-mix(in srgb, var(--_color) 14%, transparent);
        font-weight: 700;
      }
      .label {
        flex: 1;
      }
      .badge {
        flex: none;
        padding: 0 var(--ak-space-2);
        border: 1px solid currentColor;
        border-radius: 999px;
        font-size: 0.6875rem;
        line-height: 1.4;
        color: var(--_muted);
        white-space: nowrap;
      }
    `,
  ];

  /** The path (under the admin base) of the item to mark as the current page; none when empty. */
  @property() current = "";

  /** Moves focus to the current page's link (or the first link), e.g. when the narrow-screen menu opens. */
  focusCurrent(): void {
    const links = this.renderRoot.querySelectorAll<HTMLAnchorElement>("a");
    (this.renderRoot.querySelector<HTMLAnchorElement>("a[aria-current='page']") ?? links[0])?.focus();
  }

  render() {
    return html`<nav part="nav" aria-label=${msg("Admin")}>
      ${navigation.map(
        (section) =>
          html`<div class="section">
            <span class="section-label" part="section-label" id=${`section-${section.id}`}>${section.label()}</span>
            <ul aria-labelledby=${`section-${section.id}`}>
              ${section.items.map(
                (item) =>
                  html`<li>
                    <a part="link" href=${absolutePath(item.path, adminBase)} aria-current=${this.current === item.path ? "page" : nothing}>
                      <span class="label">${item.label()}</span>
                      ${item.page
                        ? nothing
                        : html`<span class="badge" part="badge" aria-hidden="true">${msg("Not yet")}</span
                            ><span class="visually-hidden">${msg("(not available in this version yet)")}</span>`}
                    </a>
                  </li>`,
              )}
            </ul>
          </div>`,
      )}
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ak-admin-sidebar": AkAdminSidebar;
  }
}
