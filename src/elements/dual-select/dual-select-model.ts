/**
 * The dual-select's logic, DOM-free so it is unit-tested in Node: marking options in a pane the
 * way file managers do (click, Ctrl-click, Shift-click ranges), and the selection itself.
 */

export interface DualSelectOption {
  readonly key: string;
  readonly label: string;
  /** A second line, e.g. an email address or a parent group. */
  readonly description?: string;
}

/** The dual-select's two lists: the candidates on the server, and the selection. */
export type Pane = "available" | "selected";

/** The options marked in one pane, and where a Shift range starts. */
export interface Marks {
  readonly keys: ReadonlySet<string>;
  readonly anchor?: string;
}

export const noMarks: Marks = { keys: new Set() };

export interface Modifiers {
  /** Shift: mark the range from the anchor. */
  readonly range?: boolean;
  /** Ctrl / Cmd: toggle one option, or add a range to the marks. */
  readonly toggle?: boolean;
}

/** The keys from `from` to `to` in `order` (either direction), or just `to` when `from` is not there. */
function range(order: readonly string[], from: string | undefined, to: string): string[] {
  const end = order.indexOf(to);
  const start = from === undefined ? -1 : order.indexOf(from);
  if (end < 0) return [];
  if (start < 0) return [to];
  return order.slice(Math.min(start, end), Math.max(start, end) + 1);
}

/** What a click (or Space / Shift+arrow) on `key` does to the marks, given the pane's order. */
export function mark(marks: Marks, order: readonly string[], key: string, modifiers: Modifiers = {}): Marks {
  if (modifiers.range) {
    const keys = range(order, marks.anchor ?? key, key);
    return { keys: new Set(modifiers.toggle ? [...marks.keys, ...keys] : keys), anchor: marks.anchor ?? key };
  }
  if (modifiers.toggle) {
    const keys = new Set(marks.keys);
    if (keys.has(key)) keys.delete(key);
    else keys.add(key);
    return { keys, anchor: key };
  }
  return { keys: new Set([key]), anchor: key };
}

/** Marks every option shown. */
export function markAll(order: readonly string[]): Marks {
  return { keys: new Set(order), anchor: order[0] };
}

/** Forgets marks on options that are no longer shown (moved away, or filtered out). */
export function keepShown(marks: Marks, order: readonly string[]): Marks {
  const shown = new Set(order);
  const keys = new Set([...marks.keys].filter((key) => shown.has(key)));
  if (keys.size === marks.keys.size && (marks.anchor === undefined || shown.has(marks.anchor))) return marks;
  return { keys, anchor: marks.anchor !== undefined && shown.has(marks.anchor) ? marks.anchor : undefined };
}

/** The selection with `options` added at the end (those already in it stay where they are). */
export function addOptions(selected: readonly DualSelectOption[], options: readonly DualSelectOption[]): DualSelectOption[] {
  const have = new Set(selected.map((option) => option.key));
  const added: DualSelectOption[] = [];
  for (const option of options) {
    if (have.has(option.key)) continue;
    have.add(option.key);
    added.push(option);
  }
  return added.length ? [...selected, ...added] : [...selected];
}

/** The selection without the options whose keys are given. */
export function removeKeys(selected: readonly DualSelectOption[], keys: ReadonlySet<string>): DualSelectOption[] {
  return selected.filter((option) => !keys.has(option.key));
}

/** The options whose label or description contains `filter` (any case), sorted by label. */
export function shownSelection(selected: readonly DualSelectOption[], filter: string): DualSelectOption[] {
  const term = filter.trim().toLocaleLowerCase();
  const matches = term
    ? selected.filter((option) => option.label.toLocaleLowerCase().includes(term) || option.description?.toLocaleLowerCase().includes(term))
    : [...selected];
  const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
  return matches.sort((a, b) => collator.compare(a.label, b.label));
}

/** The next active index after a key press in a list of `count` options, or undefined for other keys. */
export function nextActive(key: string, active: number, count: number, pageRows: number): number | undefined {
  if (count === 0) return undefined;
  const clamp = (index: number) => Math.min(Math.max(index, 0), count - 1);
  switch (key) {
    case "ArrowDown":
      return clamp(active + 1);
    case "ArrowUp":
      return clamp(active < 0 ? 0 : active - 1);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    case "PageDown":
      return clamp(active + pageRows);
    case "PageUp":
      return clamp(active - pageRows);
    default:
      return undefined;
  }
}
