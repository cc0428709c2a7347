import { css, html, nothing } from "lit";
import { msg } from "@lit/localize";
import type { components } from "../../api/schema.d.ts";

type LoginSource = components["schemas"]["LoginSource"];

/** A redirect's target as a link: a path on this site or an http(s) URL, never a script (works without a window, for server rendering). */
const linkable = (to: string) => (/^(\/(?![/\\])|https?:\/\/)/i.test(to) ? to : undefined);

export const loginSourceStyles = css`
  .sources {
    display: grid;
    gap: var(--ak-space-2);
    margin-top: var(--ak-space-4);
  }
  .sources > p {
    margin: 0;
    text-align: center;
    font-size: var(--ak-font-size-small);
  }
  .sources ul {
    display: grid;
    gap: var(--ak-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .source {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: var(--ak-space-2);
    padding: var(--ak-space-2) var(--ak-space-4);
    border: 1px solid var(--ak-color-border);
    border-radius: var(--ak-radius);
    background: var(--ak-color-surface-raised);
    color: inherit;
    font-weight: 600;
    text-decoration: none;
  }
  .source:hover {
    border-color: var(--ak-color-primary);
  }
  .source img {
    width: 1.25rem;
    height: 1.25rem;
    object-fit: contain;
  }
`;

/**
 * The sources the visitor may sign in with instead, each a link that follows its redirect challenge
 * to the source's login. The source's name is always the link's text; when the stage hides source
 * labels, it is shown only for a source without an icon.
 */
export function loginSources(sources: LoginSource[] | undefined, showLabels: boolean) {
  const links = (sources ?? []).flatMap((source) => {
    const href = source.challenge.component === "xak-flow-redirect" ? linkable(source.challenge.to) : undefined;
    return href ? [{ source, href }] : [];
  });
  if (!links.length) return nothing;
  return html`<div class="sources" role="group" aria-labelledby="sources-label">
    <p id="sources-label">${msg("Or sign in with")}</p>
    <ul>
      ${links.map(
        ({ source, href }) =>
          html`<li>
            <a class="source" href=${href}>
              ${source.icon_url ? html`<img src=${source.icon_url} alt="" />` : nothing}
              <span class=${showLabels || !source.icon_url ? "" : "visually-hidden"}>${source.name}</span>
            </a>
          </li>`,
      )}
    </ul>
  </div>`;
}
