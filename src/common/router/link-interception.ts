import { normalizeBase, normalizePath, relativePath } from "./route-match.ts";

/** The parts of a click the router looks at (a MouseEvent has them all). */
export interface ClickLike {
  readonly button: number;
  readonly metaKey: boolean;
  readonly ctrlKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  readonly defaultPrevented: boolean;
}

/** The parts of a link the router looks at (an HTMLAnchorElement has them all). */
export interface AnchorLike {
  readonly href: string;
  readonly target: string;
  hasAttribute(name: string): boolean;
}

/**
 * The URL a click on a link should navigate to inside the app, or undefined when the browser
 * should follow the link itself: a modified or non-primary click (new tab, download), a link with a
 * target or `download`, another origin, a path outside the router's base, or a jump within the
 * current page (`#…`). DOM-free, so it is unit-tested in Node.
 */
export function interceptedUrl(click: ClickLike, anchor: AnchorLike, current: URL, base: string): URL | undefined {
  if (click.defaultPrevented || click.button !== 0) return undefined;
  if (click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return undefined;
  if (anchor.hasAttribute("download") || (anchor.target !== "" && anchor.target !== "_self")) return undefined;
  if (!anchor.href) return undefined;
  let url: URL;
  try {
    url = new URL(anchor.href, current);
  } catch {
    return undefined;
  }
  if (url.origin !== current.origin) return undefined;
  if (relativePath(url.pathname, normalizeBase(base)) === undefined) return undefined;
  const samePage = normalizePath(url.pathname) === normalizePath(current.pathname) && url.search === current.search;
  if (samePage && url.hash !== "") return undefined;
  return url;
}
