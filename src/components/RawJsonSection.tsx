import type { TranslationBundle } from '@jupyterlab/translation';
import type { PartialJSONObject } from '@lumino/coreutils';
import React, { useRef, useState } from 'react';

import { formatJSON, parseJSON } from '../keys';
import type { NotebookMetadataModel } from '../model';
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
  /** Translations. */
  trans: TranslationBundle;
}

/**
 * The whole metadata as JSON. Edits are checked (JSON, then each section's
 * schema) and applied key by key only when valid and asked for.
 */
export function RawJsonSection(props: IRawJsonSectionProps): JSX.Element {
  const { model, metadata, disabled, trans } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const textArea = useRef<HTMLTextAreaElement>(null);
  const text = draft ?? formatJSON(metadata);
  const errorsId = 'jp-NotebookMetadata-rawJson-errors';

  /**
   * The buttons are disabled once used (nothing left to apply or discard):
   * the focus goes back to the text, and what happened is announced.
   */
  const done = (message: string) => {
    textArea.current?.focus();
    setStatus(message);
  };

  const apply = () => {
    if (draft === null) {
      return;
    }
    const parsed = parseJSON(draft);
    if (!parsed.ok) {
      const { message, arg, arg2 } = parsed.problem;
      setProblems([trans.__(message, arg ?? '', arg2 ?? '')]);
      return;
    }
    const value = parsed.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      setProblems([trans.__('The metadata must be a JSON object.')]);
      return;
    }
    const found = model.replaceAll(value);
    setProblems(found.map(p => trans.__(p.message, p.arg ?? '')));
    if (found.length === 0) {
      setDraft(null);
      done(trans.__('The JSON was applied to the notebook metadata.'));
    }
  };

  return (
    <div className="jp-NotebookMetadata-raw">
      <textarea
        ref={textArea}
        className="jp-mod-styled jp-NotebookMetadata-json jp-NotebookMetadata-rawText"
        aria-label={trans.__('Notebook metadata as JSON')}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length > 0 ? errorsId : undefined}
        spellCheck={false}
        rows={16}
        value={text}
        disabled={disabled}
        onChange={event => {
          setDraft(event.target.value);
          setProblems([]);
          setStatus('');
        }}
      />
      {problems.length > 0 && (
        <div id={errorsId}>
          {problems.map(problem => (
            <FieldMessage kind="error" key={problem}>
              {problem}
            </FieldMessage>
          ))}
        </div>
      )}
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
          onClick={() => {
            setDraft(null);
            setProblems([]);
            done(trans.__('The changes to the JSON were discarded.'));
          }}
        >
          {trans.__('Discard changes')}
        </button>
      </div>
    </div>
  );
}
