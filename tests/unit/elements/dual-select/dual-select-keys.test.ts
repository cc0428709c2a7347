import { describe, expect, it } from "vitest";
import { paneKeyAction } from "../../../../src/elements/dual-select/dual-select-keys.ts";

const key = (name: string, modifiers: { ctrl?: boolean; meta?: boolean; shift?: boolean } = {}) => ({
  key: name,
  ctrlKey: modifiers.ctrl ?? false,
  metaKey: modifiers.meta ?? false,
  shiftKey: modifiers.shift ?? false,
});

describe("paneKeyAction", () => {
  it("marks all with Ctrl+A or Cmd+A", () => {
    expect(paneKeyAction("available", key("a", { ctrl: true }), 0, 5, 3)).toEqual({ kind: "mark-all" });
    expect(paneKeyAction("selected", key("A", { meta: true }), 0, 5, 3)).toEqual({ kind: "mark-all" });
  });

  it("turns the available pane's pages with Page Up/Down, and pages through the selection", () => {
    expect(paneKeyAction("available", key("PageDown"), 0, 5, 3)).toEqual({ kind: "turn-page", by: 1 });
    expect(paneKeyAction("available", key("PageUp"), 0, 5, 3)).toEqual({ kind: "turn-page", by: -1 });
    expect(paneKeyAction("selected", key("PageDown"), 0, 5, 3)).toEqual({ kind: "go", index: 3, extend: false });
  });

  it("moves the active option, extending the marks with Shift", () => {
    expect(paneKeyAction("available", key("ArrowDown"), 1, 5, 3)).toEqual({ kind: "go", index: 2, extend: false });
    expect(paneKeyAction("selected", key("End", { shift: true }), 1, 5, 3)).toEqual({ kind: "go", index: 4, extend: true });
  });

  it("marks with Space and moves with Enter; Delete and Backspace only remove from the selection", () => {
    expect(paneKeyAction("available", key(" ", { shift: true }), 1, 5, 3)).toEqual({ kind: "mark", range: true });
    expect(paneKeyAction("available", key("Enter"), 1, 5, 3)).toEqual({ kind: "move" });
    expect(paneKeyAction("selected", key("Delete"), 1, 5, 3)).toEqual({ kind: "move" });
    expect(paneKeyAction("selected", key("Backspace"), 1, 5, 3)).toEqual({ kind: "move" });
    expect(paneKeyAction("available", key("Delete"), 1, 5, 3)).toBeUndefined();
  });

  it("leaves other keys, like Tab, to the browser", () => {
    expect(paneKeyAction("available", key("Tab"), 1, 5, 3)).toBeUndefined();
    expect(paneKeyAction("selected", key("x"), 1, 5, 3)).toBeUndefined();
  });
});
