type TextField = HTMLInputElement | HTMLTextAreaElement;

/** What the user typed into the text fields under `root` (by name), where that differs from the markup. */
export function typedValues(root: ParentNode | null): Map<string, string> {
  const typed = new Map<string, string>();
  for (const field of root?.querySelectorAll<TextField>("input[name], textarea[name]") ?? []) {
    const ticked = field.type === "checkbox" || field.type === "radio";
    if (!ticked && field.value !== field.defaultValue) typed.set(field.name, field.value);
  }
  return typed;
}

/** Puts `typed` back into the text fields under `root`, announcing each as the user's input would. */
export function restoreTypedValues(root: ParentNode, typed: Map<string, string>): void {
  for (const [name, value] of typed) {
    const field = root.querySelector<TextField>(`[name="${CSS.escape(name)}"]`);
    if (!field) continue;
    field.value = value;
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }
}
