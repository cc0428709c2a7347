import { svg, type SVGTemplateResult } from "lit";

/**
 * A small set of line icons drawn for ak-web (24×24, `currentColor`). They are decorative: always
 * pair one with visible or visually hidden text.
 */
function icon(content: SVGTemplateResult): SVGTemplateResult {
  return svg`<svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${content}</svg>`;
}

export const menuIcon = icon(svg`<path d="M4 6h16M4 12h16M4 18h16"/>`);
export const closeIcon = icon(svg`<path d="M6 6l12 12M18 6L6 18"/>`);
export const sunIcon = icon(
  svg`<circle cx="12" cy="12" r="4"/><path d="M12 2v2M12 20v2M2 12h2M20 12h2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4"/>`,
);
export const moonIcon = icon(svg`<path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z"/>`);
export const automaticIcon = icon(svg`<circle cx="12" cy="12" r="9"/><path d="M12 3v18" /><path d="M12 3a9 9 0 0 1 0 18z" fill="currentColor"/>`);
export const signOutIcon = icon(svg`<path d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 17l-5-5 5-5M5 12h11"/>`);
export const userIcon = icon(svg`<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>`);
export const searchIcon = icon(svg`<circle cx="11" cy="11" r="7"/><path d="M20 20l-4-4"/>`);
export const lockIcon = icon(svg`<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/>`);
export const buildIcon = icon(svg`<path d="M3 21h18M5 21V10l7-5 7 5v11M9 21v-6h6v6"/>`);
export const alertIcon = icon(svg`<path d="M12 3l10 18H2z"/><path d="M12 10v4M12 17.5v.01"/>`);
export const retryIcon = icon(svg`<path d="M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7"/>`);
export const adminIcon = icon(
  svg`<path d="M4 6h8M16 6h4M4 12h2M10 12h10M4 18h10M18 18h2"/><circle cx="14" cy="6" r="2"/><circle cx="8" cy="12" r="2"/><circle cx="16" cy="18" r="2"/>`,
);
export const chevronRightIcon = icon(svg`<path d="M9 5l7 7-7 7"/>`);
export const chevronLeftIcon = icon(svg`<path d="M15 5l-7 7 7 7"/>`);
export const chevronsLeftIcon = icon(svg`<path d="M18 5l-7 7 7 7M11 5l-7 7 7 7"/>`);
export const chevronsRightIcon = icon(svg`<path d="M6 5l7 7-7 7M13 5l7 7-7 7"/>`);
export const arrowUpIcon = icon(svg`<path d="M12 19V5M6 11l6-6 6 6"/>`);
export const plusIcon = icon(svg`<path d="M12 5v14M5 12h14"/>`);
