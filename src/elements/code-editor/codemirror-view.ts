/**
 * The CodeMirror 6 side of `ak-code-editor`, in its own module so that the editor (≈100 KB) is a
 * lazy chunk loaded only when an editor is shown. Colours come from the `--ak-code-*` properties
 * `ak-code-editor` defines, so both themes keep readable contrast.
 */
import { json } from "@codemirror/lang-json";
import { yaml } from "@codemirror/lang-yaml";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { Compartment, EditorState } from "@codemirror/state";
import { tags } from "@lezer/highlight";
import { basicSetup, EditorView } from "codemirror";

export type CodeLanguage = "yaml" | "json";

export interface EditorOptions {
  readonly parent: HTMLElement;
  readonly root: ShadowRoot;
  readonly doc: string;
  readonly language: CodeLanguage;
  /** Ids (in `root`) of the label and of the help/error lines. */
  readonly labelledBy: string;
  readonly describedBy?: string;
  readonly readonly: boolean;
  readonly onChange: (doc: string) => void;
}

export interface EditorHandle {
  setValue(doc: string): void;
  setReadonly(readonly: boolean): void;
  setDescribedBy(ids: string | undefined): void;
  focus(): void;
  destroy(): void;
}

const highlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: "var(--ak-code-key)" },
  { tag: [tags.string, tags.special(tags.string), tags.content], color: "var(--ak-code-string)" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom, tags.keyword], color: "var(--ak-code-literal)" },
  { tag: [tags.comment, tags.meta], color: "var(--ak-code-comment)", fontStyle: "italic" },
  { tag: tags.invalid, color: "var(--ak-color-danger)" },
]);

const theme = EditorView.theme({
  "&": {
    color: "var(--ak-color-text)",
    backgroundColor: "var(--ak-color-surface)",
    fontSize: "0.9rem",
  },
  "&.cm-focused": { outline: "2px solid var(--ak-color-focus)", outlineOffset: "2px" },
  ".cm-content": { fontFamily: "var(--ak-font-family-mono)", caretColor: "var(--ak-color-text)" },
  ".cm-scroller": { fontFamily: "var(--ak-font-family-mono)", minHeight: "var(--ak-code-editor-min-height, 8rem)" },
  ".cm-gutters": {
    backgroundColor: "var(--ak-color-surface-raised)",
    color: "var(--ak-color-text-muted)",
    borderRight: "1px solid var(--ak-color-border)",
  },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "color-mix(in srgb, var(--ak-color-primary) 7%, transparent)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "color-mix(in srgb, var(--ak-color-primary) 30%, transparent)",
  },
  ".cm-cursor": { borderLeftColor: "var(--ak-color-text)" },
});

const attributes = (o: { labelledBy: string; describedBy?: string }) =>
  EditorView.contentAttributes.of({
    "aria-labelledby": o.labelledBy,
    ...(o.describedBy ? { "aria-describedby": o.describedBy } : {}),
  });

const editability = (readonly: boolean) => [EditorState.readOnly.of(readonly), EditorView.editable.of(!readonly)];

export function createEditor(options: EditorOptions): EditorHandle {
  const readonlyCompartment = new Compartment();
  const attributesCompartment = new Compartment();
  const view = new EditorView({
    root: options.root,
    parent: options.parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        basicSetup,
        syntaxHighlighting(highlight),
        theme,
        options.language === "json" ? json() : yaml(),
        attributesCompartment.of(attributes(options)),
        readonlyCompartment.of(editability(options.readonly)),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    setValue(doc) {
      if (doc !== view.state.doc.toString()) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: doc } });
    },
    setReadonly(readonly) {
      view.dispatch({ effects: readonlyCompartment.reconfigure(editability(readonly)) });
    },
    setDescribedBy(describedBy) {
      view.dispatch({ effects: attributesCompartment.reconfigure(attributes({ labelledBy: options.labelledBy, describedBy })) });
    },
    focus() {
      view.focus();
    },
    destroy() {
      view.destroy();
    },
  };
}
