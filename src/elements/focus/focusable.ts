/** What takes focus by itself: enabled fields and buttons, links, and anything with a tabindex of its own. */
export const focusable =
  "input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex='-1'])";

type Updating = Partial<{ updateComplete: Promise<unknown> }>;

/**
 * Focuses `element` once the elements around it have rendered (a slotted element, e.g. an empty
 * state's heading, shows and takes focus only once its slot is rendered), first making it
 * focusable from script (`tabindex="-1"`) when it is not, e.g. a heading.
 */
export async function focusElement(element: HTMLElement, options?: FocusOptions): Promise<void> {
  for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
    await (ancestor as Updating).updateComplete;
  }
  if (!element.matches(focusable) && !element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
  element.focus(options);
}
