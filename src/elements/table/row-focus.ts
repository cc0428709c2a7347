import type { ReactiveController, ReactiveControllerHost } from "lit";
import { focusable, focusElement } from "../focus/focusable.ts";

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/** A focused control in a table body: the control, and where it sits (row, cell). */
interface HeldFocus {
  readonly control: Element;
  readonly row: number;
  readonly cell: number;
}

/** The table's data rows (no detail or skeleton rows). */
const rowsIn = (root: HTMLElement | DocumentFragment) => [...root.querySelectorAll("tbody > tr:not(.detail, .skeleton)")];

/**
 * Keeps keyboard focus in a table when the row holding it goes away, e.g. its Delete button once
 * the row is deleted and the rows are shown again, instead of letting it drop to `<body>`. Focus
 * moves to the same cell's control in the row that took its place (or the new last row); with no
 * rows left, to `fallback()` (e.g. the empty state's heading), made focusable from script.
 */
export class RowFocusController implements ReactiveController {
  #held?: HeldFocus;

  constructor(
    private readonly host: Host,
    private readonly fallback: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const root = this.host.renderRoot;
    const active = root instanceof ShadowRoot ? root.activeElement : null;
    const row = active?.closest("tbody > tr");
    this.#held =
      active && row ? { control: active, row: rowsIn(root).indexOf(row), cell: [...row.children].findIndex((cell) => cell.contains(active)) } : undefined;
  }

  hostUpdated(): void {
    const held = this.#held;
    this.#held = undefined;
    if (!held || held.control.isConnected) return;
    const rows = rowsIn(this.host.renderRoot);
    const row = rows[Math.min(Math.max(held.row, 0), rows.length - 1)];
    const target = row?.children[held.cell]?.querySelector<HTMLElement>(focusable) ?? row?.querySelector<HTMLElement>(focusable) ?? this.fallback();
    if (target) void focusElement(target);
  }
}
