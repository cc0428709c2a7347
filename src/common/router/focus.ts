import { focusElement } from "../../elements/focus/focusable.ts";

type Updating = Partial<{ updateComplete: Promise<unknown> }>;

/**
 * Moves focus to a page's main heading (its first `h1`, in its shadow root or light DOM) once the
 * page has rendered, so keyboard and screen-reader users start reading the new page after a
 * client-side navigation. The heading may be slotted into other elements (an empty state); their
 * first render is awaited too, since an unrendered slot shows nothing to focus. The heading becomes
 * programmatically focusable (`tabindex="-1"`). Returns whether a heading was found.
 */
export async function focusPageHeading(page: Element): Promise<boolean> {
  await (page as Updating).updateComplete;
  const heading = (page.shadowRoot ?? page).querySelector<HTMLElement>("h1");
  if (!heading) return false;
  await focusElement(heading, { preventScroll: true });
  return true;
}
