/**
 * Window events that let parts of a page take part in client-side navigation without knowing the
 * router: a form with unsaved changes can hold the user back, and an element that keeps its state
 * in the query string (a table) hears when the URL changed under it.
 */

/** Fired (cancelable) before the router leaves the current URL; `preventDefault()` keeps the user here. */
export const beforeNavigateEvent = "ak-before-navigate";

/** Fired after the URL changed in place (router navigation or an element's own history entry). */
export const urlChangeEvent = "ak-url-change";

/** Asks every listener whether the user may leave the current URL. */
export function mayLeave(): boolean {
  return window.dispatchEvent(new Event(beforeNavigateEvent, { cancelable: true }));
}

/** Tells listeners that the URL changed without a `popstate`. */
export function announceUrlChange(): void {
  window.dispatchEvent(new Event(urlChangeEvent));
}

/**
 * Writes a new query string for the current path: a new history entry when `push`, else in place.
 * Hash and history state are kept; listeners hear of it unless nothing changed.
 */
export function writeQuery(params: URLSearchParams, { push }: { push: boolean }): void {
  const url = new URL(window.location.href);
  const search = params.toString();
  if (url.search.replace(/^\?/, "") === search) return;
  url.search = search;
  if (push) window.history.pushState(window.history.state, "", url);
  else window.history.replaceState(window.history.state, "", url);
  announceUrlChange();
}

/** Calls `listener` after every change of the URL (back/forward included); returns the unsubscribe. */
export function onUrlChange(listener: () => void): () => void {
  window.addEventListener("popstate", listener);
  window.addEventListener(urlChangeEvent, listener);
  return () => {
    window.removeEventListener("popstate", listener);
    window.removeEventListener(urlChangeEvent, listener);
  };
}

/** Asks the router to go to an href inside its base (e.g. after a form created an object). */
export const navigateRequestEvent = "ak-navigate-request";

export function requestNavigation(href: string): void {
  window.dispatchEvent(new CustomEvent<string>(navigateRequestEvent, { detail: href }));
}
