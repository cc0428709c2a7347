import { describe, expect, it } from "vitest";
import { RowSelection } from "../../../../src/elements/table/row-selection.ts";

const row = (key: string) => ({ key });
const entries = (...keys: string[]) => keys.map((key) => [key, row(key)] as const);

describe("row selection", () => {
  it("remembers rows ticked on different pages, with their data", () => {
    let selection = new RowSelection<{ key: string }>();
    selection = selection.toggle("a", row("a")).set(entries("x", "y"), true);
    expect(selection.size).toBe(3);
    expect(selection.rows.map((r) => r.key)).toEqual(["a", "x", "y"]);
    expect(selection.toggle("a", row("a")).has("a")).toBe(false);
  });

  it("reports the state of a page's checkbox", () => {
    const selection = RowSelection.of(entries("a", "b"));
    expect(selection.pageState(["a", "b"])).toBe("all");
    expect(selection.pageState(["a", "c"])).toBe("some");
    expect(selection.pageState(["c"])).toBe("none");
    expect(selection.pageState([])).toBe("none");
  });

  it("selects all matching rows, minus those unticked afterwards", () => {
    let selection = RowSelection.of(entries("a")).selectAllMatching("q1", 10_000);
    expect(selection.allMatching).toBe(true);
    expect(selection.size).toBe(10_000);
    expect(selection.has("anything")).toBe(true);
    selection = selection.toggle("b", row("b"));
    expect(selection.size).toBe(9_999);
    expect(selection.has("b")).toBe(false);
    expect([...selection.except]).toEqual(["b"]);
    expect(selection.toggle("b", row("b")).size).toBe(10_000);
  });

  it("ends all-matching when the query matches other rows, and only then", () => {
    const all = new RowSelection().selectAllMatching("q1", 5);
    expect(all.forMatching("q1")).toBe(all);
    expect(all.forMatching("q2").size).toBe(0);
    const some = RowSelection.of(entries("a"));
    expect(some.forMatching("q2").size).toBe(1);
  });

  it("becomes empty when every matching row was unticked, or nothing matched", () => {
    const all = new RowSelection<{ key: string }>().selectAllMatching("q", 2);
    expect(all.set(entries("a", "b"), false).allMatching).toBe(false);
    expect(new RowSelection().selectAllMatching("q", 0).allMatching).toBe(false);
  });
});
