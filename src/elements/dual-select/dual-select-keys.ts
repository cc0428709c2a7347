import { nextActive, type Pane } from "./dual-select-model.ts";

/** The parts of a key press a pane's listbox reads. */
export interface PaneKey {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

/** What a key press in a pane's listbox asks for. */
export type PaneKeyAction =
  | { readonly kind: "mark-all" }
  | { readonly kind: "turn-page"; readonly by: 1 | -1 }
  /** Make option `index` active; with `extend`, mark the range up to it too. */
  | { readonly kind: "go"; readonly index: number; readonly extend: boolean }
  /** Toggle the active option's mark; with `range`, mark from the anchor. */
  | { readonly kind: "mark"; readonly range: boolean }
  /** Move the marked (or the active) options to the other pane. */
  | { readonly kind: "move" };

/**
 * The listbox keys: arrows, Home/End and Page Up/Down move (Page Up/Down turn the available
 * pane's pages), Shift extends the marks, Space marks, Ctrl/Cmd+A marks all, Enter moves, and
 * Delete or Backspace removes from the selection. `undefined` for keys left to the browser (Tab).
 * DOM-free, so it is unit-tested in Node.
 */
export function paneKeyAction(pane: Pane, event: PaneKey, active: number, count: number, rowsPerView: number): PaneKeyAction | undefined {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "a") return { kind: "mark-all" };
  if (pane === "available" && (event.key === "PageDown" || event.key === "PageUp")) {
    return { kind: "turn-page", by: event.key === "PageDown" ? 1 : -1 };
  }
  const next = nextActive(event.key, active, count, rowsPerView);
  if (next !== undefined) return { kind: "go", index: next, extend: event.shiftKey };
  switch (event.key) {
    case " ":
      return { kind: "mark", range: event.shiftKey };
    case "Enter":
      return { kind: "move" };
    case "Delete":
    case "Backspace":
      return pane === "selected" ? { kind: "move" } : undefined;
    default:
      return undefined;
  }
}
