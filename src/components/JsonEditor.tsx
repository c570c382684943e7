import {
  Compartment,
  Prec,
  RangeSet,
  StateEffect,
  StateField,
  type Extension
} from '@codemirror/state';
import { EditorView, GutterMarker, gutter } from '@codemirror/view';
import { CodeEditor } from '@jupyterlab/codeeditor';
import type { CodeMirrorEditor } from '@jupyterlab/codemirror';
import React, { useLayoutEffect, useRef } from 'react';

import type { IDraftKeyEvent } from './draft';

/** A line of the text with what is wrong there (lines count from 1). */
export interface ILineProblem {
  line: number;
  message: string;
}

/** What a JSON editor's owner can do with it. */
export interface IJsonEditorHandle {
  /** Put the cursor at the start of `line` (from 1), show it, and focus. */
  reveal(line: number): void;
  /** Focus the editor. */
  focus(): void;
}

/**
 * Properties of a JSON editor.
 */
export interface IJsonEditorProps {
  /** JupyterLab's editor factory (`IEditorServices`). */
  factory: CodeEditor.Factory;
  /** The id of the editable element. */
  id?: string;
  /** The accessible name. */
  label: string;
  /** The ids of what explains the text (its errors). */
  describedBy?: string;
  invalid: boolean;
  disabled: boolean;
  /** Lines marked in the gutter. */
  problems?: readonly ILineProblem[];
  /** The text and its handlers (a draft's, see `useDraft`). */
  draft: {
    value: string;
    onChange: (event: { target: { value: string } }) => void;
    onBlur?: () => void;
    onKeyDown?: (event: IDraftKeyEvent) => void;
  };
  /** Filled with the editor's handle while it is shown. */
  handle?: React.MutableRefObject<IJsonEditorHandle | null>;
}

/**
 * JSON text in JupyterLab's own code editor (CodeMirror, from the lab's
 * editor services): highlighting, folding, search (Ctrl+F), line numbers,
 * and the lines with problems marked in the gutter. Only what is in view
 * is drawn, so a megabyte of JSON types as fast as a line.
 *
 * As in a text area, Tab moves the focus on; the draft's key handler gets
 * every key first (Escape, Ctrl+Enter), and the focus leaving the editor is
 * its blur.
 */
export function JsonEditor(props: IJsonEditorProps): JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Private.IEditor | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useLayoutEffect(() => {
    const model = new CodeEditor.Model({ mimeType: 'application/json' });
    Private.untracked(model, () =>
      model.sharedModel.setSource(latest.current.draft.value)
    );
    const attributes = new Compartment();
    const created = latest.current.factory({
      host: host.current!,
      model,
      config: {
        lineNumbers: true,
        codeFolding: true,
        lineWrap: false,
        readOnly: latest.current.disabled
      },
      extensions: [
        attributes.of(Private.attributes(latest.current)),
        Private.problems,
        Prec.highest(
          EditorView.domEventHandlers({
            keydown: event => {
              latest.current.draft.onKeyDown?.(event);
              return event.defaultPrevented;
            }
          })
        )
      ]
    }) as CodeMirrorEditor;
    const state: Private.IEditor = {
      view: created.editor,
      editor: created,
      model,
      attributes,
      text: latest.current.draft.value
    };
    const onChanged = () => {
      const text = model.sharedModel.getSource();
      if (text !== state.text) {
        state.text = text;
        latest.current.draft.onChange({ target: { value: text } });
      }
    };
    model.sharedModel.changed.connect(onChanged);
    editor.current = state;
    if (latest.current.handle) {
      latest.current.handle.current = {
        reveal: line => Private.reveal(state, line),
        focus: () => state.view.focus()
      };
    }
    return () => {
      model.sharedModel.changed.disconnect(onChanged);
      editor.current = null;
      if (latest.current.handle) {
        latest.current.handle.current = null;
      }
      created.dispose();
      model.dispose();
    };
  }, [props.factory]);

  // The text given (a change elsewhere, a draft taken back) replaces what
  // differs of the shown text only: the cursor and scroll stay.
  useLayoutEffect(() => {
    const state = editor.current;
    if (state && state.text !== props.draft.value) {
      const before = state.text;
      state.text = props.draft.value;
      Private.untracked(state.model, () =>
        Private.replaceChanged(state.model, before, props.draft.value)
      );
    }
  }, [props.draft.value]);

  useLayoutEffect(() => {
    const state = editor.current;
    state?.view.dispatch({
      effects: state.attributes.reconfigure(Private.attributes(props))
    });
  }, [props.id, props.label, props.describedBy, props.invalid]);

  useLayoutEffect(() => {
    editor.current?.editor.setOption('readOnly', props.disabled);
  }, [props.disabled]);

  useLayoutEffect(() => {
    const state = editor.current;
    if (state) {
      state.view.dispatch({
        effects: Private.setProblems.of(
          Private.markers(state.view, props.problems ?? [])
        )
      });
    }
  }, [props.problems]);

  return (
    <div
      ref={host}
      className="jp-NotebookMetadata-codeEditor"
      data-part="value"
      onKeyDownCapture={event => {
        // Kept from the editor (which would indent): the browser moves the
        // focus, as from a text area.
        if (
          event.key === 'Tab' &&
          !(event.ctrlKey || event.altKey || event.metaKey)
        ) {
          event.stopPropagation();
        }
      }}
      onBlur={event => {
        if (!event.currentTarget.contains(event.relatedTarget as Node)) {
          latest.current.draft.onBlur?.();
        }
      }}
    />
  );
}

/**
 * Module-private helpers.
 */
namespace Private {
  /** A shown editor and what it is made of. */
  export interface IEditor {
    view: EditorView;
    editor: CodeMirrorEditor;
    model: CodeEditor.IModel;
    attributes: Compartment;
    /** The text last given to or typed in the editor. */
    text: string;
  }

  /**
   * Change the text outside the editor's undo history: undo in the editor
   * takes back what is typed, never a text given; and the text replaced is
   * freed at once (the history would keep it).
   */
  export function untracked(model: CodeEditor.IModel, change: () => void) {
    model.sharedModel.transact(change, false);
  }

  /** The editable element's attributes: its id, name and state. */
  export function attributes(props: IJsonEditorProps): Extension {
    const attributes: Record<string, string> = {
      'aria-label': props.label,
      'aria-invalid': String(props.invalid)
    };
    if (props.id) {
      attributes.id = props.id;
    }
    if (props.describedBy) {
      attributes['aria-describedby'] = props.describedBy;
    }
    return EditorView.contentAttributes.of(attributes);
  }

  /**
   * Replace the part of `before` that `after` changes (the middle between
   * what they start and end with), never splitting a surrogate pair.
   */
  export function replaceChanged(
    model: CodeEditor.IModel,
    before: string,
    after: string
  ): void {
    const shortest = Math.min(before.length, after.length);
    let start = 0;
    while (
      start < shortest &&
      before.charCodeAt(start) === after.charCodeAt(start)
    ) {
      start++;
    }
    if (start > 0 && isHighSurrogate(after.charCodeAt(start - 1))) {
      start--;
    }
    let end = 0;
    while (
      end < shortest - start &&
      before.charCodeAt(before.length - 1 - end) ===
        after.charCodeAt(after.length - 1 - end)
    ) {
      end++;
    }
    if (end > 0 && isHighSurrogate(after.charCodeAt(after.length - end - 1))) {
      end--;
    }
    model.sharedModel.updateSource(
      start,
      before.length - end,
      after.slice(start, after.length - end)
    );
  }

  function isHighSurrogate(code: number): boolean {
    return code >= 0xd800 && code <= 0xdbff;
  }

  /** Move the cursor to the start of `line` (from 1), show it, focus. */
  export function reveal(editor: IEditor, line: number): void {
    const doc = editor.view.state.doc;
    const at = doc.line(Math.min(Math.max(line, 1), doc.lines)).from;
    editor.view.dispatch({
      selection: { anchor: at },
      effects: EditorView.scrollIntoView(at, { y: 'center' })
    });
    editor.view.focus();
  }

  /** A problem's mark in the gutter (its message as the tooltip). */
  class ProblemMarker extends GutterMarker {
    constructor(readonly message: string) {
      super();
    }

    eq(other: GutterMarker): boolean {
      return other instanceof ProblemMarker && other.message === this.message;
    }

    toDOM(): Node {
      const mark = document.createElement('span');
      mark.className = 'jp-NotebookMetadata-problemMark';
      mark.title = this.message;
      mark.textContent = '●';
      return mark;
    }
  }

  /** The problems' markers, at the start of their lines. */
  export function markers(
    view: EditorView,
    problems: readonly ILineProblem[]
  ): RangeSet<GutterMarker> {
    const doc = view.state.doc;
    const byLine = new Map<number, string[]>();
    for (const { line, message } of problems) {
      const at = Math.min(Math.max(line, 1), doc.lines);
      byLine.set(at, [...(byLine.get(at) ?? []), message]);
    }
    return RangeSet.of(
      [...byLine.entries()]
        .sort(([a], [b]) => a - b)
        .map(([line, messages]) =>
          new ProblemMarker(messages.join('\n')).range(doc.line(line).from)
        )
    );
  }

  /** Replace the problems' markers. */
  export const setProblems = StateEffect.define<RangeSet<GutterMarker>>();

  /** The problems' markers, kept on their lines as the text changes. */
  const problemMarkers = StateField.define<RangeSet<GutterMarker>>({
    create: () => RangeSet.empty,
    update: (markers, transaction) => {
      let next = markers.map(transaction.changes);
      for (const effect of transaction.effects) {
        if (effect.is(setProblems)) {
          next = effect.value;
        }
      }
      return next;
    }
  });

  /** The gutter of the problems' markers. */
  export const problems: Extension = [
    problemMarkers,
    gutter({
      class: 'jp-NotebookMetadata-problemGutter',
      markers: view => view.state.field(problemMarkers)
    })
  ];
}
