import { useEffect, useRef } from 'react';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';

/** A problem to mark in the code: its line and column (1-based) when known, and the message. */
export interface CodeProblem {
  readonly line: number | null;
  readonly column: number | null;
  readonly message: string;
}

/** Props of {@link CodeEditor}. */
export interface CodeEditorProps {
  readonly value: string;
  readonly onChange?: (code: string) => void;
  /** Marked inline: underlined from the column to the end of the line, with a gutter mark. */
  readonly problems?: readonly CodeProblem[];
  /** The editor's accessible name. */
  readonly label: string;
  readonly testId: string;
  readonly readOnly?: boolean;
}

/** Where a problem sits in the document; a problem without a line marks the first one. */
function diagnosticsOf(state: EditorState, problems: readonly CodeProblem[]): Diagnostic[] {
  return problems.map((p) => {
    const line = state.doc.line(Math.min(Math.max(p.line ?? 1, 1), state.doc.lines));
    const from = Math.min(line.from + Math.max((p.column ?? 1) - 1, 0), line.to);
    return { from, to: Math.max(line.to, from), severity: 'error', message: p.message };
  });
}

/** The editor's look, as a CodeMirror theme (it lives in the editor's shadow root, see below). */
const THEME = EditorView.theme({
  '&': { fontSize: '0.85rem', maxHeight: '28rem' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' },
  '.cm-content': { minHeight: '10rem' },
  '&.cm-focused': { outline: '2px solid #2563eb', outlineOffset: '1px' },
});

/** What the editor does: the parts of CodeMirror's basic setup a one-function editor needs. */
const SETUP: Extension[] = [
  lineNumbers(),
  highlightActiveLineGutter(),
  highlightSpecialChars(),
  history(),
  drawSelection(),
  indentOnInput(),
  syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
  bracketMatching(),
  closeBrackets(),
  highlightActiveLine(),
  keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap]),
  javascript(),
  lintGutter(),
  THEME,
];

/**
 * A JavaScript editor (CodeMirror 6: highlighting, brackets, undo) that reports each change and
 * marks the given problems on their lines. It loads with the panels that use it, on demand, never
 * with the first screen.
 *
 * CodeMirror styles itself with generated CSS. In a document it would add <style> elements, which
 * the page's CSP (style-src 'self') refuses; in a shadow root it uses constructed stylesheets
 * (adoptedStyleSheets), which the CSP allows. So the editor lives in a shadow root of its own.
 */
export function CodeEditor({
  value,
  onChange,
  problems = [],
  label,
  testId,
  readOnly,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const shadow = host.current!.shadowRoot ?? host.current!.attachShadow({ mode: 'open' });
    const extensions: Extension[] = [
      SETUP,
      EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': testId }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) changed.current?.(update.state.doc.toString());
      }),
      EditorState.readOnly.of(readOnly === true),
    ];
    const editor = new EditorView({
      parent: shadow,
      root: shadow,
      state: EditorState.create({ doc: value, extensions }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is made once; value and problems reach it through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [label, testId, readOnly]);

  useEffect(() => {
    const editor = view.current;
    if (editor === null) return;
    const current = editor.state.doc.toString();
    // A new value from outside (a template, the solution): replace the text, keep the history.
    if (current !== value)
      editor.dispatch({ changes: { from: 0, to: current.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (editor === null) return;
    editor.dispatch(setDiagnostics(editor.state, diagnosticsOf(editor.state, problems)));
  }, [problems, value]);

  return <div className="code-editor" ref={host} />;
}
