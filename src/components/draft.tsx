import {
  nullTranslator,
  type TranslationBundle
} from '@jupyterlab/translation';
import React, { useEffect, useMemo, useRef } from 'react';

import { useOwnedState } from './hooks';
import { FieldMessage } from './Section';

/**
 * What a field's commit says of its draft: `null` when it was taken, or why
 * it cannot be (the draft then stays, with the message next to it).
 */
export type CommitResult = string | null;

/**
 * What the panel holds for a notebook and has not written to it: drafts
 * being typed, values a section refused. A save goes on without them, and
 * says so (see `savenotice.ts`).
 */
export class UnappliedEdits {
  /** The fields' labels, by owner (the notebook shown) and holder. */
  private _byOwner = new WeakMap<object, Map<symbol, readonly string[]>>();

  /** Set what `holder` holds unapplied for `owner` (none: nothing). */
  set(owner: object, holder: symbol, labels: readonly string[]): void {
    let held = this._byOwner.get(owner);
    if (!held) {
      held = new Map();
      this._byOwner.set(owner, held);
    }
    if (labels.length > 0) {
      held.set(holder, labels);
    } else {
      held.delete(holder);
    }
  }

  /** The labels of the fields holding something unapplied for `owner`. */
  of(owner: object): string[] {
    const labels = new Set<string>();
    for (const held of this._byOwner.get(owner)?.values() ?? []) {
      held.forEach(label => labels.add(label));
    }
    return [...labels];
  }
}

/** The panel's unapplied edits. */
export const unappliedEdits = new UnappliedEdits();

/**
 * Tell `unappliedEdits` what this component holds unapplied for `owner`
 * (the labels of its fields), until it changes or the component goes.
 */
export function useUnapplied(owner: unknown, labels: readonly string[]): void {
  const holder = useRef(Symbol('holder')).current;
  const key = labels.join('\n');
  useEffect(() => {
    if (typeof owner !== 'object' || owner === null) {
      return;
    }
    unappliedEdits.set(owner, holder, labels);
    return () => unappliedEdits.set(owner, holder, []);
  }, [owner, key]);
}

/** The keys a draft's field handles (a DOM or React keyboard event). */
export interface IDraftKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  preventDefault(): void;
  stopPropagation(): void;
}

/**
 * A text field's draft: what is typed stays in the field, never rewritten,
 * and is committed once, on Enter or when the focus leaves; Escape takes it
 * back (and keeps the focus in the field). A draft belongs to its `owner`
 * (the notebook shown).
 */
export function useDraft(options: {
  owner: unknown;
  value: string;
  commit: (text: string) => CommitResult;
  /**
   * Why a draft cannot be committed, checked before `commit` and, once a
   * problem is shown, again at every change (so no stale error stays).
   */
  validate?: (text: string) => CommitResult;
  /**
   * Whether text committed before still says what is stored (JSON typed on
   * one line, for instance): it is then shown as typed, not rewritten.
   */
  stillMeans?: (text: string) => boolean;
  /** Whether Enter commits (not in a multi-line field, where Ctrl+Enter does). */
  multiline?: boolean;
  /** The field's label, named if a save leaves its draft out. */
  label?: string;
  /** The panel's translations, for the note of a value changed meanwhile. */
  trans?: TranslationBundle;
}): {
  text: string;
  /** Whether a draft is being typed. */
  editing: boolean;
  problem: string | null;
  /**
   * What to tell when the value changed elsewhere (a collaborator, the
   * kernel, an undo) while a draft was typed: the draft stays, and this
   * says what the value now is. Null otherwise.
   */
  meanwhile: string | null;
  props: {
    value: string;
    onChange: (event: { target: { value: string } }) => void;
    onBlur: () => void;
    onKeyDown: (event: IDraftKeyEvent) => void;
  };
} {
  const { owner, value, commit, validate, stillMeans, multiline } = options;
  const [draft, setDraft] = useOwnedState<string | null>(owner, null);
  useUnapplied(owner, draft !== null && options.label ? [options.label] : []);
  const [problem, setProblem] = useOwnedState<string | null>(owner, null);
  const [committed, setCommitted] = useOwnedState<string | null>(owner, null);
  // What the field showed when the draft began.
  const [base, setBase] = useOwnedState<string | null>(owner, null);
  // Checked once per committed text and value (a large value's text is
  // parsed for it).
  const stillKept = useMemo(
    () => committed !== null && !!stillMeans && stillMeans(committed),
    [committed, value]
  );
  const kept = stillKept ? committed : null;
  const shown = kept ?? value;
  const text = draft ?? shown;
  const done = () => {
    if (draft === null) {
      return;
    }
    if (draft === shown) {
      setDraft(null);
      setProblem(null);
      return;
    }
    const found = validate?.(draft) ?? commit(draft);
    setProblem(found);
    if (found === null) {
      setDraft(null);
      setCommitted(draft);
    }
  };
  return {
    text,
    editing: draft !== null,
    problem,
    meanwhile:
      draft !== null && base !== null && shown !== base
        ? Private.meanwhileNote(
            options.trans ??
              nullTranslator.load('jupyterlab_notebook_metadata'),
            shown,
            !!multiline
          )
        : null,
    props: {
      value: text,
      onChange: event => {
        const text = event.target.value;
        if (draft === null) {
          setBase(shown);
        }
        setDraft(text);
        if (problem !== null) {
          setProblem(validate ? validate(text) : null);
        }
      },
      onBlur: done,
      onKeyDown: event => {
        const enter =
          event.key === 'Enter' &&
          (multiline ? event.ctrlKey || event.metaKey : !event.shiftKey);
        if (enter) {
          event.preventDefault();
          done();
        } else if (event.key === 'Escape' && draft !== null) {
          event.preventDefault();
          event.stopPropagation();
          setDraft(null);
          setProblem(null);
          setBase(null);
        }
      }
    }
  };
}

/**
 * A one-line text field that commits its draft once (see `useDraft`), with
 * what is wrong with a draft that cannot be committed under it.
 */
export function DraftInput(
  props: Omit<
    React.InputHTMLAttributes<HTMLInputElement>,
    'value' | 'onChange' | 'onBlur' | 'onKeyDown'
  > & {
    id: string;
    owner: unknown;
    value: string;
    commit: (text: string) => CommitResult;
    trans?: TranslationBundle;
  }
): JSX.Element {
  const { owner, value, commit, id, trans, ...rest } = props;
  const draft = useDraft({
    owner,
    value,
    commit,
    label: rest['aria-label'],
    trans
  });
  const problemId = `${id}-problem`;
  const meanwhileId = `${id}-meanwhile`;
  const describedBy =
    [
      rest['aria-describedby'],
      draft.problem ? problemId : '',
      draft.meanwhile ? meanwhileId : ''
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <>
      <input
        type="text"
        spellCheck={false}
        {...rest}
        id={id}
        aria-invalid={draft.problem !== null || rest['aria-invalid'] === true}
        aria-describedby={describedBy}
        {...draft.props}
      />
      {draft.problem && (
        <FieldMessage kind="error" id={problemId}>
          {draft.problem}
        </FieldMessage>
      )}
      <MeanwhileNote id={meanwhileId} note={draft.meanwhile} />
    </>
  );
}

/**
 * The note under a field whose value changed elsewhere while a draft was
 * typed in it (see `useDraft`'s `meanwhile`).
 */
export function MeanwhileNote(props: {
  id?: string;
  note: string | null;
}): JSX.Element | null {
  return props.note ? (
    <FieldMessage kind="notice" id={props.id}>
      {props.note}
    </FieldMessage>
  ) : null;
}

/**
 * Module-private helpers.
 */
namespace Private {
  /** The longest value a note quotes whole. */
  const QUOTED = 80;

  /** The note of a value changed to `now` while a draft was typed. */
  export function meanwhileNote(
    trans: TranslationBundle,
    now: string,
    multiline: boolean
  ): string {
    const quoted =
      now === ''
        ? trans.__('empty')
        : `“${now.length > QUOTED ? `${now.slice(0, QUOTED)}…` : now}”`;
    return multiline
      ? trans.__(
          'Changed elsewhere while you typed: it is now %1. What you typed replaces it when the focus leaves; Escape takes yours back.',
          quoted
        )
      : trans.__(
          'Changed elsewhere while you typed: it is now %1. Enter puts yours in its place; Escape takes yours back.',
          quoted
        );
  }
}
