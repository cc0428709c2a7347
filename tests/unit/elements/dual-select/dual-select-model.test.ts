import { describe, expect, it } from "vitest";
import {
  addOptions,
  keepShown,
  mark,
  markAll,
  nextActive,
  noMarks,
  removeKeys,
  shownSelection,
} from "../../../../src/elements/dual-select/dual-select-model.ts";
import { scrollToRow, visibleRows } from "../../../../src/elements/dual-select/virtual-window.ts";

const order = ["a", "b", "c", "d", "e"];
const keys = (marks: { keys: ReadonlySet<string> }) => [...marks.keys].sort();
const option = (key: string, label = key.toUpperCase(), description?: string) => ({ key, label, description });

describe("marking", () => {
  it("marks one option with a plain click", () => {
    const marks = mark(mark(noMarks, order, "b"), order, "d");
    expect(keys(marks)).toEqual(["d"]);
    expect(marks.anchor).toBe("d");
  });

  it("toggles with Ctrl-click", () => {
    let marks = mark(noMarks, order, "b");
    marks = mark(marks, order, "d", { toggle: true });
    expect(keys(marks)).toEqual(["b", "d"]);
    marks = mark(marks, order, "b", { toggle: true });
    expect(keys(marks)).toEqual(["d"]);
  });

  it("marks a range with Shift-click from the anchor, in either direction", () => {
    let marks = mark(noMarks, order, "b");
    marks = mark(marks, order, "d", { range: true });
    expect(keys(marks)).toEqual(["b", "c", "d"]);
    marks = mark(marks, order, "a", { range: true });
    expect(keys(marks)).toEqual(["a", "b"]);
    expect(marks.anchor).toBe("b");
  });

  it("adds a range to the marks with Ctrl+Shift", () => {
    let marks = mark(noMarks, order, "a");
    marks = mark(marks, order, "d", { toggle: true });
    marks = mark(marks, order, "e", { range: true, toggle: true });
    expect(keys(marks)).toEqual(["a", "d", "e"]);
  });

  it("marks all, and forgets marks on options no longer shown", () => {
    const all = markAll(order);
    expect(keys(all)).toEqual(order);
    const kept = keepShown(all, ["a", "c"]);
    expect(keys(kept)).toEqual(["a", "c"]);
    const lost = keepShown(mark(noMarks, order, "e"), ["a"]);
    expect(lost.anchor).toBeUndefined();
  });
});

describe("the selection", () => {
  it("adds at the end without duplicates and removes by key", () => {
    const selected = addOptions([option("a"), option("b")], [option("b"), option("c"), option("c")]);
    expect(selected.map((o) => o.key)).toEqual(["a", "b", "c"]);
    expect(removeKeys(selected, new Set(["a", "c"])).map((o) => o.key)).toEqual(["b"]);
  });

  it("shows the selection filtered by label or description, sorted by label", () => {
    const selected = [option("3", "zeta", "z@example.com"), option("1", "Alpha"), option("2", "beta", "alpha team")];
    expect(shownSelection(selected, "").map((o) => o.label)).toEqual(["Alpha", "beta", "zeta"]);
    expect(shownSelection(selected, " ALPHA ").map((o) => o.key)).toEqual(["1", "2"]);
    expect(shownSelection(selected, "example").map((o) => o.key)).toEqual(["3"]);
  });
});

describe("keyboard movement", () => {
  it("moves the active option within bounds", () => {
    expect(nextActive("ArrowDown", -1, 5, 3)).toBe(0);
    expect(nextActive("ArrowDown", 4, 5, 3)).toBe(4);
    expect(nextActive("ArrowUp", 0, 5, 3)).toBe(0);
    expect(nextActive("Home", 3, 5, 3)).toBe(0);
    expect(nextActive("End", 0, 5, 3)).toBe(4);
    expect(nextActive("PageDown", 1, 5, 3)).toBe(4);
    expect(nextActive("PageUp", 4, 5, 3)).toBe(1);
    expect(nextActive("x", 1, 5, 3)).toBeUndefined();
    expect(nextActive("ArrowDown", 0, 0, 3)).toBeUndefined();
  });
});

describe("virtual window", () => {
  it("renders the rows in view plus an overscan", () => {
    expect(visibleRows(0, 300, 30, 10_000, 5)).toEqual({ start: 0, end: 16 });
    expect(visibleRows(3000, 300, 30, 10_000, 5)).toEqual({ start: 95, end: 116 });
    expect(visibleRows(299_700, 300, 30, 10_000, 5)).toEqual({ start: 9985, end: 10_000 });
    expect(visibleRows(0, 300, 30, 0)).toEqual({ start: 0, end: 0 });
  });

  it("scrolls as little as needed to show a row", () => {
    expect(scrollToRow(5, 0, 300, 30)).toBe(0);
    expect(scrollToRow(12, 0, 300, 30)).toBe(90);
    expect(scrollToRow(2, 150, 300, 30)).toBe(60);
  });
});
