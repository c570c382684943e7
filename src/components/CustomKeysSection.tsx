import type { CodeEditor } from '@jupyterlab/codeeditor';
import type { TranslationBundle } from '@jupyterlab/translation';
import { addIcon, deleteIcon } from '@jupyterlab/ui-components';
import {
  type PartialJSONObject,
  type PartialJSONValue
} from '@lumino/coreutils';
import React, { useLayoutEffect, useMemo, useRef, useState } from 'react';

import {
  checkKeyName,
  describeValue,
  formatJSON,
  hiddenInName,
  isLargeValue,
  parseJSON,
  sameJSON
} from '../keys';
import { translate } from '../messages';
import type { NotebookMetadataModel } from '../model';
import { MeanwhileNote, useDraft, useUnapplied } from './draft';
import { useOwnedState } from './hooks';
import { JsonEditor } from './JsonEditor';
import { type ITextFileKeeping, KeptMessage } from './TextFileKeeps';
import { FieldMessage } from './Section';

/**
 * Properties of the custom keys section.
 */
export interface ICustomKeysSectionProps {
  /** The notebook's metadata model. */
  model: NotebookMetadataModel;
  /** The whole metadata (rows read their keys from it). */
  metadata: Readonly<PartialJSONObject>;
  /** The custom keys, in order. */
  keys: string[];
  /** What the paired text files keep of each key, if there are any. */
  keeping?: ITextFileKeeping | null;
  /** Whether editing is off (read-only notebook). */
  disabled: boolean;
  /** JupyterLab's code editor factory, for large values shown. */
  editorFactory?: CodeEditor.Factory;
  /** Translations. */
  trans: TranslationBundle;
}

/** How many rows are drawn at first, and added by "Show more". */
export const CUSTOM_KEYS_PAGE = 25;

/**
 * Every other top-level key: add, rename, delete, and edit as JSON.
 * Large values are rendered collapsed until asked for. A notebook with many
 * keys gets a box to find keys by name, and rows are drawn a page at a time,
 * so that showing it costs the same whatever the number of keys.
 */
export function CustomKeysSection(props: ICustomKeysSectionProps): JSX.Element {
  const { model, metadata, disabled, trans } = props;
  // A renamed key keeps its place in the list (the notebook puts it last).
  const [placed, setPlaced] = useOwnedState<Record<string, number>>(model, {});
  const keys = Private.inPlace(props.keys, placed);
  const onRenamed = useRef<(from: string, to: string) => void>(() => null);
  onRenamed.current = (from, to) => {
    const next = { ...placed };
    delete next[from];
    next[to] = keys.indexOf(from);
    setPlaced(next);
  };
  const [filter, setFilter] = useOwnedState(model, '');
  const [limit, setLimit] = useOwnedState(model, CUSTOM_KEYS_PAGE);
  const needle = filter.trim().toLowerCase();
  const matching = needle
    ? keys.filter(key => key.toLowerCase().includes(needle))
    : keys;
  const shown = matching.length > limit ? matching.slice(0, limit) : matching;
  const hiddenCount = matching.length - shown.length;
  return (
    <div className="jp-NotebookMetadata-customKeys">
      {keys.length === 0 && (
        <div className="jp-NotebookMetadata-empty">
          {trans.__('No custom keys yet.')}
        </div>
      )}
      {keys.length > CUSTOM_KEYS_PAGE && (
        <div className="jp-NotebookMetadata-keyFilter">
          <input
            type="search"
            className="jp-mod-styled jp-NotebookMetadata-wide"
            aria-label={trans.__('Find custom keys by name')}
            placeholder={trans.__('Find a key by name (%1 keys)', keys.length)}
            value={filter}
            onChange={event => {
              setFilter(event.target.value);
              setLimit(CUSTOM_KEYS_PAGE);
            }}
          />
          <div className="jp-NotebookMetadata-hint" role="status">
            {needle
              ? trans.__('%1 of %2 keys match.', matching.length, keys.length)
              : ''}
          </div>
        </div>
      )}
      {shown.map(key => (
        <CustomKeyRow
          key={key}
          model={model}
          name={key}
          value={metadata[key] as PartialJSONValue}
          partlyEditedBy={model.sectionsInside(key).join(', ')}
          keeping={
            props.keeping && props.keeping.kept(key) !== 'kept'
              ? props.keeping
              : null
          }
          onRenamed={onRenamed}
          disabled={disabled}
          editorFactory={props.editorFactory}
          trans={trans}
        />
      ))}
      {hiddenCount > 0 && (
        <button
          type="button"
          className="jp-Button jp-mod-styled jp-NotebookMetadata-more"
          onClick={() => {
            // The button may go: the focus goes to the first row it shows.
            Private.requestFocus(model, matching[limit], 'name');
            setLimit(limit + CUSTOM_KEYS_PAGE);
          }}
        >
          {trans.__(
            'Show %1 more (%2 not shown)',
            Math.min(CUSTOM_KEYS_PAGE, hiddenCount),
            hiddenCount
          )}
        </button>
      )}
      {!disabled && <NewKeyRow key={model.id} model={model} trans={trans} />}
    </div>
  );
}

interface IRowProps {
  model: NotebookMetadataModel;
  name: string;
  /** The sections that edit values inside this key, if any. */
  partlyEditedBy: string;
  /** What the text files keep, when they leave out some of this key. */
  keeping: ITextFileKeeping | null;
  /** Told when the key is renamed. */
  onRenamed: React.MutableRefObject<(from: string, to: string) => void>;
  value: PartialJSONValue;
  disabled: boolean;
  editorFactory?: CodeEditor.Factory;
  trans: TranslationBundle;
}

/**
 * One custom key: its name (renamed on Enter or when focus leaves), its
 * value as JSON (written as soon as it is valid), and a delete button.
 */
const CustomKeyRow = React.memo(function CustomKeyRow(
  props: IRowProps
): JSX.Element {
  const { model, name, value, partlyEditedBy, disabled, trans } = props;
  // A row stays mounted when another notebook with the same key is shown;
  // its drafts belong to the notebook they were typed in.
  const [nameDraft, setNameDraft] = useOwnedState<string | null>(model, null);
  useUnapplied(
    model,
    nameDraft !== null && nameDraft !== name
      ? [trans.__('Name of key %1', name)]
      : []
  );
  const [nameProblem, setNameProblem] = useOwnedState<string | null>(
    model,
    null
  );
  // The value is a draft, written once (the focus leaving, or Ctrl+Enter)
  // when it is JSON; while an error shows, it is checked at every change.
  const [expanded, setExpanded] = useOwnedState(model, false);
  // A large value is not turned into text while it is shown collapsed, and
  // is shown in the lab's code editor (which draws only what is in view).
  const big = isLargeValue(value);
  const large = !expanded && big;
  // Built once per value (a large value shown is typed in: every key
  // renders the row again).
  const text = useMemo(() => (large ? '' : formatJSON(value)), [large, value]);
  const valueDraft = useDraft({
    owner: model,
    value: text,
    label: trans.__('Value of %1 (JSON)', name),
    multiline: true,
    trans,
    validate: text => {
      const parsed = parseJSON(text);
      return parsed.ok ? null : translate(trans, parsed.problem);
    },
    commit: text => translate(trans, model.set(name, JSON.parse(text))[0]),
    stillMeans: text => sameJSON(text, value)
  });
  const valueProblem = valueDraft.problem;
  const nameId = `jp-NotebookMetadata-key-${cssId(name)}`;
  const hidden = hiddenInName(name);
  const ids = {
    nameError: `${nameId}-nameError`,
    hidden: `${nameId}-hidden`,
    note: `${nameId}-note`,
    textFile: `${nameId}-textFile`,
    value: `${nameId}-value`,
    valueError: `${nameId}-valueError`
  };
  const row = useRef<HTMLDivElement>(null);
  const focusValue = useRef(false);

  // A renamed key is a new row: it takes the focus where the old row had it.
  useLayoutEffect(() => {
    const part = Private.takeFocusRequest(model, name);
    if (part) {
      row.current?.querySelector<HTMLElement>(`[data-part="${part}"]`)?.focus();
    }
  }, []);
  // "Show value" goes once used: the value it shows takes the focus.
  useLayoutEffect(() => {
    if (focusValue.current && expanded) {
      focusValue.current = false;
      document.getElementById(ids.value)?.focus();
    }
  }, [expanded]);

  /**
   * Rename the key to the draft, if any. `next` is where the focus goes (on
   * Enter, the name field itself): the renamed row takes it at the same
   * place, as the old row goes.
   */
  const commitName = (next: Element | null) => {
    if (nameDraft === null || nameDraft === name) {
      setNameDraft(null);
      setNameProblem(null);
      return;
    }
    const part =
      next instanceof HTMLElement && row.current?.contains(next)
        ? next.dataset.part
        : undefined;
    const problem = model.rename(name, nameDraft);
    setNameProblem(translate(trans, problem));
    if (!problem) {
      props.onRenamed.current(name, nameDraft);
      setNameDraft(null);
      if (part) {
        Private.requestFocus(model, nameDraft, part);
      }
    }
  };

  const collapsed = large && !valueDraft.editing;
  return (
    <div
      ref={row}
      className="jp-NotebookMetadata-keyRow"
      role="group"
      aria-label={trans.__('Key %1', name)}
    >
      <div className="jp-NotebookMetadata-keyHeader">
        <input
          id={nameId}
          data-part="name"
          className="jp-mod-styled jp-NotebookMetadata-keyName"
          aria-label={trans.__('Name of key %1', name)}
          aria-invalid={nameProblem !== null}
          aria-describedby={
            [
              nameProblem ? ids.nameError : '',
              hidden ? ids.hidden : '',
              partlyEditedBy ? ids.note : '',
              props.keeping ? ids.textFile : ''
            ]
              .filter(Boolean)
              .join(' ') || undefined
          }
          value={nameDraft ?? name}
          disabled={disabled}
          onChange={event => {
            setNameDraft(event.target.value);
            setNameProblem(
              translate(
                trans,
                checkKeyName(
                  event.target.value,
                  model.customKeys,
                  name,
                  model.sectionOf
                )
              )
            );
          }}
          onBlur={event => commitName(event.relatedTarget)}
          onKeyDown={event => {
            if (event.key === 'Enter') {
              commitName(event.currentTarget);
            } else if (event.key === 'Escape' && nameDraft !== null) {
              // Escape takes back the draft (and does not leave the panel).
              event.preventDefault();
              setNameDraft(null);
              setNameProblem(null);
            }
          }}
        />
        <button
          type="button"
          data-part="delete"
          className="jp-NotebookMetadata-iconButton"
          aria-label={trans.__('Delete key %1', name)}
          title={trans.__('Delete key %1', name)}
          disabled={disabled}
          onClick={() => model.delete(name)}
        >
          <deleteIcon.react tag="span" />
        </button>
      </div>
      {nameProblem && (
        <FieldMessage kind="error" id={ids.nameError}>
          {nameProblem}
        </FieldMessage>
      )}
      {hidden && (
        <FieldMessage kind="notice" id={ids.hidden}>
          {translate(trans, hidden)}
        </FieldMessage>
      )}
      {props.keeping && (
        <KeptMessage
          keeping={props.keeping}
          keys={[name]}
          disabled={disabled}
          trans={trans}
          id={ids.textFile}
        />
      )}
      {partlyEditedBy && (
        <FieldMessage kind="notice" id={ids.note}>
          {trans.__(
            'Parts of "%1" are also edited in: %2.',
            name,
            partlyEditedBy
          )}
        </FieldMessage>
      )}
      {collapsed ? (
        <div className="jp-NotebookMetadata-collapsedValue">
          <span>{translate(trans, describeValue(value))}</span>
          <button
            type="button"
            data-part="show"
            className="jp-Button jp-mod-styled"
            aria-label={trans.__('Show value of %1', name)}
            onClick={() => {
              focusValue.current = true;
              setExpanded(true);
            }}
          >
            {trans.__('Show value')}
          </button>
        </div>
      ) : big && props.editorFactory ? (
        <JsonEditor
          factory={props.editorFactory}
          id={ids.value}
          label={trans.__('Value of %1 (JSON)', name)}
          invalid={valueProblem !== null}
          describedBy={valueProblem ? ids.valueError : undefined}
          disabled={disabled}
          draft={valueDraft.props}
        />
      ) : (
        <JSONTextArea
          id={ids.value}
          label={trans.__('Value of %1 (JSON)', name)}
          invalid={valueProblem !== null}
          describedBy={valueProblem ? ids.valueError : undefined}
          disabled={disabled}
          draft={valueDraft.props}
        />
      )}
      {valueProblem && (
        <FieldMessage kind="error" id={ids.valueError}>
          {valueProblem}
        </FieldMessage>
      )}
      <MeanwhileNote note={valueDraft.meanwhile} />
    </div>
  );
});

/**
 * The row that adds a key: nothing reaches the notebook until the name and
 * the value are both valid.
 */
function NewKeyRow(props: {
  model: NotebookMetadataModel;
  trans: TranslationBundle;
}): JSX.Element {
  const { model, trans } = props;
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  // Whether an Add was tried: the name's and the value's problems show from
  // then on, checked at every change (and the name's as soon as one is
  // typed), so none stays once it is fixed or once its cause is gone.
  const [tried, setTried] = useState(false);
  const [writeProblem, setWriteProblem] = useState<string | null>(null);
  const nameProblem =
    name !== '' || tried
      ? translate(
          trans,
          checkKeyName(
            name,
            Object.keys(model.metadata),
            undefined,
            model.sectionOf
          )
        )
      : null;
  const parsed = parseJSON(text);
  const valueProblem = tried
    ? (writeProblem ?? (parsed.ok ? null : translate(trans, parsed.problem)))
    : null;
  const ids = {
    name: 'jp-NotebookMetadata-newKey-nameError',
    value: 'jp-NotebookMetadata-newKey-valueError'
  };

  const add = () => {
    setTried(true);
    setWriteProblem(null);
    if (nameProblem !== null || !parsed.ok) {
      return;
    }
    const found = model.set(name, parsed.value);
    if (found.length > 0) {
      setWriteProblem(translate(trans, found[0]));
      return;
    }
    setName('');
    setText('');
    setTried(false);
  };
  const onEnter = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      add();
    }
  };

  return (
    <div
      className="jp-NotebookMetadata-newKey"
      role="group"
      aria-label={trans.__('Add a key')}
    >
      <div className="jp-NotebookMetadata-keyHeader">
        <input
          className="jp-mod-styled jp-NotebookMetadata-keyName"
          aria-label={trans.__('New key name')}
          aria-invalid={nameProblem !== null}
          aria-describedby={nameProblem ? ids.name : undefined}
          placeholder={trans.__('New key name')}
          value={name}
          onChange={event => setName(event.target.value)}
          onKeyDown={onEnter}
        />
      </div>
      {nameProblem && (
        <FieldMessage kind="error" id={ids.name}>
          {nameProblem}
        </FieldMessage>
      )}
      <JSONTextArea
        label={trans.__('New key value (JSON)')}
        placeholder={trans.__('JSON value, e.g. "text" or 3')}
        invalid={valueProblem !== null}
        describedBy={valueProblem ? ids.value : undefined}
        disabled={false}
        draft={{
          value: text,
          onChange: event => {
            setText(event.target.value);
            setWriteProblem(null);
          },
          onKeyDown: onEnter
        }}
      />
      {valueProblem && (
        <FieldMessage kind="error" id={ids.value}>
          {valueProblem}
        </FieldMessage>
      )}
      <button
        type="button"
        className="jp-Button jp-mod-styled jp-mod-accept jp-NotebookMetadata-addKey"
        onClick={add}
      >
        <addIcon.react tag="span" />
        {trans.__('Add key')}
      </button>
    </div>
  );
}

/**
 * A text area for JSON, sized to its content.
 */
function JSONTextArea(props: {
  id?: string;
  label: string;
  invalid: boolean;
  /** The ids of what explains the value (its error). */
  describedBy?: string;
  disabled: boolean;
  placeholder?: string;
  /** The text and its handlers (a draft's). */
  draft: {
    value: string;
    onChange: (event: React.ChangeEvent<HTMLTextAreaElement>) => void;
    onBlur?: () => void;
    onKeyDown?: (event: React.KeyboardEvent) => void;
  };
}): JSX.Element {
  const lines = props.draft.value.split('\n').length;
  return (
    <textarea
      id={props.id}
      data-part="value"
      className="jp-mod-styled jp-NotebookMetadata-json"
      aria-label={props.label}
      aria-invalid={props.invalid}
      aria-describedby={props.describedBy}
      placeholder={props.placeholder}
      spellCheck={false}
      rows={Math.min(Math.max(lines, 1), 12)}
      disabled={props.disabled}
      {...props.draft}
    />
  );
}

/**
 * A string usable in an element id, different for every name: any
 * character but letters, digits and `-` becomes `_<code point>_`.
 */
function cssId(name: string): string {
  return Array.from(name)
    .map(char =>
      /[A-Za-z0-9-]/.test(char) ? char : `_${char.codePointAt(0)}_`
    )
    .join('');
}

/**
 * Module-private helpers.
 */
namespace Private {
  /**
   * The keys in the notebook's order, with each renamed key (still there)
   * back at the place its old name had.
   */
  export function inPlace(
    keys: string[],
    placed: Record<string, number>
  ): string[] {
    const names = Object.keys(placed);
    if (names.length === 0) {
      return keys;
    }
    const moved = new Set(names.filter(name => keys.includes(name)));
    const result = keys.filter(key => !moved.has(key));
    for (const name of [...moved].sort((a, b) => placed[a] - placed[b])) {
      result.splice(Math.min(placed[name], result.length), 0, name);
    }
    return result;
  }

  /** Which part of which row takes the focus when it is drawn, by notebook. */
  const focusRequests = new WeakMap<
    NotebookMetadataModel,
    { key: string; part: string }
  >();

  /**
   * Ask the row of `key` to take the focus on `part` ("name", "value",
   * "delete", "show") when it is drawn next: a renamed key's row, or the
   * first row "Show more" shows. The request lasts until the next frames
   * only, so that a row drawn much later does not take the focus.
   */
  export function requestFocus(
    model: NotebookMetadataModel,
    key: string | undefined,
    part: string
  ): void {
    if (key === undefined) {
      return;
    }
    const request = { key, part };
    focusRequests.set(model, request);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (focusRequests.get(model) === request) {
          focusRequests.delete(model);
        }
      })
    );
  }

  /** The part of the row of `key` to focus, if asked (the request is used up). */
  export function takeFocusRequest(
    model: NotebookMetadataModel,
    key: string
  ): string | null {
    const request = focusRequests.get(model);
    if (!request || request.key !== key) {
      return null;
    }
    focusRequests.delete(model);
    return request.part;
  }
}
