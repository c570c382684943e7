import type { CodeEditor } from '@jupyterlab/codeeditor';
import type { TranslationBundle } from '@jupyterlab/translation';
import type { PartialJSONObject } from '@lumino/coreutils';
import React, { useEffect, useMemo, useRef, useState } from 'react';

import { jsonErrorOffset, parseJSON } from '../keys';
import { translate } from '../messages';
import type { NotebookMetadataModel } from '../model';
import { unescapeToken } from '../pointer';
import { type IDraftKeyEvent, useUnapplied } from './draft';
import { useOwnedState } from './hooks';
import { type IJsonEditorHandle, JsonEditor } from './JsonEditor';
import { FieldMessage } from './Section';

/**
 * Properties of the raw JSON view.
 */
export interface IRawJsonSectionProps {
  /** The notebook's metadata model. */
  model: NotebookMetadataModel;
  /** The whole metadata. */
  metadata: Readonly<PartialJSONObject>;
  /** Whether editing is off (read-only notebook). */
  disabled: boolean;
  /** JupyterLab's code editor factory; without it, a text area. */
  editorFactory?: CodeEditor.Factory;
  /** Translations. */
  trans: TranslationBundle;
}

/**
 * The whole metadata as JSON, in JupyterLab's code editor. Edits are checked
 * (JSON, then each section's schema) and applied key by key only when valid
 * and asked for (Apply, or Ctrl+Enter); Escape discards them.
 *
 * The text is built only while the editor is in view, and after the frame
 * that shows another notebook: a megabyte of metadata never slows a switch.
 */
export function RawJsonSection(props: IRawJsonSectionProps): JSX.Element {
  const { model, metadata, disabled, trans } = props;
  const [draft, setDraft] = useOwnedState<string | null>(model, null);
  useUnapplied(model, draft !== null ? [trans.__('Raw JSON')] : []);
  const [problems, setProblems] = useOwnedState<Private.IProblem[]>(model, []);
  const [status, setStatus] = useOwnedState(model, '');
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<IJsonEditorHandle | null>(null);
  const visible = useInView(host);
  const shown = useShownText(model, metadata, visible);
  // Another notebook's text is never shown: the editor is emptied (and
  // read-only) until this notebook's is built.
  const hidden = draft === null && shown.otherNotebook;
  const text = draft ?? (hidden ? '' : shown.text);
  const lineProblems = useMemo(
    () =>
      problems.filter(
        (problem): problem is Private.IProblem & { line: number } =>
          problem.line !== undefined
      ),
    [problems]
  );
  const errorsId = 'jp-NotebookMetadata-rawJson-errors';
  const hintId = 'jp-NotebookMetadata-rawJson-hint';

  /**
   * The buttons are disabled once used (nothing left to apply or discard):
   * the focus goes back to the text, and what happened is announced.
   */
  const done = (message: string) => {
    editor.current?.focus();
    setStatus(message);
  };

  const apply = () => {
    if (draft === null) {
      return;
    }
    const found = Private.check(draft, model, trans);
    setProblems(found);
    if (found.length === 0) {
      setDraft(null);
      done(trans.__('The JSON was applied to the notebook metadata.'));
    }
  };

  const discard = () => {
    setDraft(null);
    setProblems([]);
    done(trans.__('The changes to the JSON were discarded.'));
  };

  const field = {
    value: text,
    onChange: (event: { target: { value: string } }) => {
      setDraft(event.target.value);
      setProblems([]);
      setStatus('');
    },
    onKeyDown: (event: IDraftKeyEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        apply();
      } else if (event.key === 'Escape' && draft !== null) {
        event.preventDefault();
        event.stopPropagation();
        discard();
      }
    }
  };
  const common = {
    label: trans.__('Notebook metadata as JSON'),
    invalid: problems.length > 0,
    describedBy: [problems.length > 0 ? errorsId : '', hintId]
      .filter(Boolean)
      .join(' '),
    disabled: disabled || hidden
  };

  return (
    <div
      className={`jp-NotebookMetadata-raw${hidden ? ' jp-mod-otherNotebook' : ''}`}
      ref={host}
      aria-busy={draft === null && !shown.current}
    >
      {props.editorFactory ? (
        <JsonEditor
          factory={props.editorFactory}
          {...common}
          problems={lineProblems}
          draft={field}
          handle={editor}
        />
      ) : (
        <Private.PlainText {...common} field={field} handle={editor} />
      )}
      {problems.length > 0 && (
        <div id={errorsId}>
          {problems.map(problem => (
            <FieldMessage kind="error" key={problem.message}>
              {problem.message}
              {problem.line !== undefined && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="jp-NotebookMetadata-linkButton"
                    onClick={() => editor.current?.reveal(problem.line!)}
                  >
                    {trans.__('Go to line %1', problem.line)}
                  </button>
                </>
              )}
            </FieldMessage>
          ))}
        </div>
      )}
      <div className="jp-NotebookMetadata-hint" id={hintId}>
        {trans.__('Ctrl+Enter applies, Escape discards, Ctrl+F searches.')}
      </div>
      <div className="jp-NotebookMetadata-hint" role="status">
        {status}
      </div>
      <div className="jp-NotebookMetadata-buttons">
        <button
          type="button"
          className="jp-Button jp-mod-styled jp-mod-accept"
          disabled={disabled || draft === null}
          onClick={apply}
        >
          {trans.__('Apply JSON')}
        </button>
        <button
          type="button"
          className="jp-Button jp-mod-styled jp-mod-reject"
          disabled={draft === null}
          onClick={discard}
        >
          {trans.__('Discard changes')}
        </button>
      </div>
    </div>
  );
}

/**
 * Whether the element is in view (in the viewport and not scrolled out of
 * the panel, nor in a collapsed sidebar).
 */
function useInView(element: React.RefObject<HTMLElement>): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (!target) {
      return;
    }
    const observer = new IntersectionObserver(entries => {
      setInView(entries[entries.length - 1].isIntersecting);
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, []);
  return inView;
}

/**
 * The metadata as indented JSON, built while it is `visible`, at the next
 * idle time after the metadata changes (never in the frame of a switch);
 * until then, the text last built, and whose it is.
 */
function useShownText(
  model: NotebookMetadataModel,
  metadata: Readonly<PartialJSONObject>,
  visible: boolean
): { text: string; current: boolean; otherNotebook: boolean } {
  const [shown, setShown] = useState<{
    model: NotebookMetadataModel;
    metadata: Readonly<PartialJSONObject>;
    text: string;
  } | null>(null);
  const current = shown?.metadata === metadata;
  useEffect(() => {
    if (!visible || current) {
      return;
    }
    const build = () =>
      setShown({ model, metadata, text: JSON.stringify(metadata, null, 2) });
    const handle = requestIdleCallback(build, { timeout: 200 });
    return () => cancelIdleCallback(handle);
  }, [visible, current, model, metadata]);
  return {
    text: shown?.text ?? '',
    current,
    otherNotebook: shown?.model !== model
  };
}

/**
 * Module-private helpers.
 */
namespace Private {
  /** What is wrong with the JSON, and on which line (from 1) if known. */
  export interface IProblem {
    message: string;
    line?: number;
  }

  /**
   * Apply `text` to the model if it is JSON of an object that every
   * section accepts; otherwise what is wrong, with its lines.
   */
  export function check(
    text: string,
    model: NotebookMetadataModel,
    trans: TranslationBundle
  ): IProblem[] {
    const parsed = parseJSON(text);
    if (!parsed.ok) {
      const offset = jsonErrorOffset(text);
      return [
        {
          message: translate(trans, parsed.problem),
          line: offset === null ? undefined : lineAt(text, offset)
        }
      ];
    }
    const value = parsed.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return [{ message: trans.__('The metadata must be a JSON object.') }];
    }
    return model.replaceAll(value).map(problem => ({
      message: translate(trans, problem),
      line: keyLine(text, problem.path)
    }));
  }

  /** The line (from 1) of `offset` in `text`. */
  function lineAt(text: string, offset: number): number {
    let line = 1;
    for (let at = text.indexOf('\n'); at !== -1 && at < offset;) {
      line++;
      at = text.indexOf('\n', at + 1);
    }
    return line;
  }

  /**
   * The line of the top-level key a problem's path starts with: where the
   * text names it at the first level of indentation, or else anywhere.
   */
  function keyLine(text: string, path: string): number | undefined {
    const first = path.split('/')[1];
    if (!first) {
      return undefined;
    }
    const key = JSON.stringify(unescapeToken(first));
    const indented = text.indexOf(`\n  ${key}:`);
    const offset = indented !== -1 ? indented + 1 : text.indexOf(`${key}:`);
    return offset === -1 ? undefined : lineAt(text, offset);
  }

  /** The raw JSON as plain text, where the lab has no code editor. */
  export function PlainText(props: {
    label: string;
    invalid: boolean;
    describedBy: string;
    disabled: boolean;
    field: {
      value: string;
      onChange: (event: { target: { value: string } }) => void;
      onKeyDown: (event: IDraftKeyEvent) => void;
    };
    handle: React.MutableRefObject<IJsonEditorHandle | null>;
  }): JSX.Element {
    const area = useRef<HTMLTextAreaElement>(null);
    props.handle.current = {
      focus: () => area.current?.focus(),
      reveal: line => {
        const text = area.current?.value ?? '';
        let at = 0;
        for (let i = 1; i < line && at !== -1; i++) {
          at = text.indexOf('\n', at) + 1 || -1;
        }
        area.current?.focus();
        area.current?.setSelectionRange(Math.max(at, 0), Math.max(at, 0));
      }
    };
    return (
      <textarea
        ref={area}
        className="jp-mod-styled jp-NotebookMetadata-json jp-NotebookMetadata-rawText"
        aria-label={props.label}
        aria-invalid={props.invalid}
        aria-describedby={props.describedBy}
        spellCheck={false}
        rows={16}
        disabled={props.disabled}
        value={props.field.value}
        onChange={props.field.onChange}
        onKeyDown={props.field.onKeyDown}
      />
    );
  }
}
