import type { ReactiveController, ReactiveControllerHost } from "lit";
import { interceptedUrl } from "./link-interception.ts";
import { announceUrlChange, mayLeave, navigateRequestEvent, urlChangeEvent } from "./navigation-events.ts";
import { absolutePath, normalizeBase, relativePath, resolveRoute, type Route, type RouteMatch } from "./route-match.ts";

export interface RouterOptions<T> {
  /** The pathname every route lives under, e.g. `/if/admin/`. */
  readonly base: string;
  /** Tried in order; the first match wins. */
  readonly routes: readonly Route<T>[];
}

export interface RouterLocation<T> {
  /** The path below the base, without a trailing slash: `/core/users`. */
  readonly path: string;
  /** The query string, with its `?` (or empty). */
  readonly search: string;
  /** The route the path leads to; undefined means not found. */
  readonly match?: RouteMatch<T>;
  /**
   * True when the user moved here inside the app (a link or back/forward), false on the first load.
   * Hosts move focus to the new page's heading only when this is true.
   */
  readonly navigated: boolean;
}

/**
 * A History API router as a reactive controller. It reads the location under `base`, follows
 * redirect routes, intercepts clicks on ordinary `<a href>` links inside its host (including links
 * in nested shadow roots) and turns them into `pushState` navigations, and updates its host on
 * back/forward. Links stay real links: opening one in a new tab, or without JavaScript, still works.
 * Before leaving a URL it asks the page (`mayLeave`), so unsaved changes can keep the user there;
 * back/forward that is refused puts the URL back.
 */
export class RouterController<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #base: string;
  readonly #routes: readonly Route<T>[];
  #location: RouterLocation<T>;
  /** The URL the user is on, to return to when leaving it by back/forward is refused. */
  #current = window.location.href;

  constructor(host: ReactiveControllerHost & HTMLElement, options: RouterOptions<T>) {
    this.#host = host;
    this.#base = normalizeBase(options.base);
    this.#routes = options.routes;
    this.#location = this.#read(false);
    host.addController(this);
  }

  get location(): RouterLocation<T> {
    return this.#location;
  }

  /** The absolute href of a path under the base, for `<a href>`: `/core/users` → `/if/admin/core/users`. */
  href(path: string): string {
    return absolutePath(path, this.#base);
  }

  /**
   * Goes to a path under the base (or an absolute URL inside it), adding a history entry unless
   * `replace`. Returns false when the page refused to be left (unsaved changes).
   */
  navigate(to: string | URL, { replace = false }: { replace?: boolean } = {}): boolean {
    const url = to instanceof URL ? to : new URL(to.startsWith("/") && !to.startsWith(this.#base) ? this.href(to) : to, window.location.href);
    const current = new URL(window.location.href);
    if (url.pathname === current.pathname && url.search === current.search && url.hash === current.hash) return true;
    if (!mayLeave()) return false;
    if (replace) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
    this.#location = this.#read(true);
    if (!replace) window.scrollTo(0, 0);
    this.#host.requestUpdate();
    announceUrlChange();
    return true;
  }

  hostConnected(): void {
    window.addEventListener("popstate", this.#onPopState);
    window.addEventListener(urlChangeEvent, this.#onUrlChange);
    window.addEventListener(navigateRequestEvent, this.#onNavigateRequest);
    this.#host.addEventListener("click", this.#onClick);
  }

  hostDisconnected(): void {
    window.removeEventListener("popstate", this.#onPopState);
    window.removeEventListener(urlChangeEvent, this.#onUrlChange);
    window.removeEventListener(navigateRequestEvent, this.#onNavigateRequest);
    this.#host.removeEventListener("click", this.#onClick);
  }

  #read(navigated: boolean): RouterLocation<T> {
    this.#current = window.location.href;
    const { pathname, search, hash } = window.location;
    const relative = relativePath(pathname, this.#base);
    if (relative === undefined) return { path: pathname, search, navigated };
    const resolved = resolveRoute(this.#routes, relative);
    if (resolved.redirected) {
      window.history.replaceState(window.history.state, "", this.href(resolved.path) + search + hash);
      this.#current = window.location.href;
    }
    return { path: resolved.path, search, match: resolved.match, navigated };
  }

  #onPopState = (): void => {
    if (window.location.href !== this.#current && !mayLeave()) {
      window.history.pushState(null, "", this.#current);
      announceUrlChange();
      return;
    }
    this.#location = this.#read(true);
    this.#host.requestUpdate();
  };

  /** A page wrote its own query string (table state): that is now the URL to come back to. */
  #onUrlChange = (): void => {
    this.#current = window.location.href;
  };

  #onNavigateRequest = (event: Event): void => {
    this.navigate((event as CustomEvent<string>).detail);
  };

  #onClick = (event: MouseEvent): void => {
    const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!anchor) return;
    const url = interceptedUrl(event, anchor, new URL(window.location.href), this.#base);
    if (!url) return;
    event.preventDefault();
    this.navigate(url);
  };
}
