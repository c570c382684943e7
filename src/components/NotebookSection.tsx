import type { TranslationBundle } from '@jupyterlab/translation';
import { FormComponent } from '@jupyterlab/ui-components';
import {
  JSONExt,
  type PartialJSONObject,
  type PartialJSONValue,
  type ReadonlyJSONObject
} from '@lumino/coreutils';
import type { IChangeEvent } from '@rjsf/core';
import React, { useState } from 'react';

import type { NotebookMetadataModel } from '../model';
import { formSchema } from '../validation';
import { FieldMessage } from './Section';
import { LabelledTextWidget, SECTION_FORM } from './widgets';

/**
 * Properties of the notebook section.
 */
export interface INotebookSectionProps {
  /** The notebook's metadata model. */
  model: NotebookMetadataModel;
  /** The notebook's `title` value. */
  title: PartialJSONValue | undefined;
  /** The notebook's `authors` value. */
  authors: PartialJSONValue | undefined;
  /** Whether editing is off (read-only notebook). */
  disabled: boolean;
  /** Translations. */
  trans: TranslationBundle;
}

const FIELDS = ['title', 'authors'] as const;

const SCHEMA = formSchema('notebook');

const WIDGETS = { TextWidget: LabelledTextWidget };

/**
 * nbformat's `title` and `authors`: a form generated from
 * `schemas/notebook.json`. Each valid change is written at once.
 */
export const NotebookSection = React.memo(function NotebookSection(
  props: INotebookSectionProps
): JSX.Element {
  const { model, title, authors, disabled, trans } = props;
  const [problems, setProblems] = useState<string[]>([]);
  const formData: PartialJSONObject = {};
  if (title !== undefined) {
    formData.title = title;
  }
  if (authors !== undefined) {
    formData.authors = authors;
  }

  const onChange = (event: IChangeEvent<ReadonlyJSONObject>) => {
    const next = (event.formData ?? {}) as PartialJSONObject;
    const changes: Record<string, PartialJSONValue | undefined> = {};
    for (const field of FIELDS) {
      const before = formData[field];
      const after = next[field];
      if (before === undefined && isEmpty(after)) {
        // The form's own empty value for an absent key is not an edit.
        continue;
      }
      if (
        after === undefined
          ? before !== undefined
          : before === undefined || !JSONExt.deepEqual(before, after)
      ) {
        changes[field] = after;
      }
    }
    if (Object.keys(changes).length === 0) {
      return;
    }
    // Invalid input stays in the form, flagged, and never reaches the notebook.
    if (event.errors.length > 0) {
      return;
    }
    const found = model.update(
      changes,
      `notebook:${Object.keys(changes).join(',')}`
    );
    setProblems(found.map(p => trans.__(p.message, p.arg ?? '')));
  };

  return (
    <div className="jp-NotebookMetadata-notebookFields">
      <FormComponent
        schema={SCHEMA}
        widgets={WIDGETS}
        formData={formData as ReadonlyJSONObject}
        {...SECTION_FORM}
        disabled={disabled}
        idPrefix="jp-NotebookMetadata-notebook"
        onChange={onChange}
        onBlur={() => model.endEdit()}
      />
      {problems.map(problem => (
        <FieldMessage kind="error" key={problem}>
          {problem}
        </FieldMessage>
      ))}
    </div>
  );
});

function isEmpty(value: PartialJSONValue | undefined): boolean {
  return (
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (value !== null &&
      typeof value === 'object' &&
      Object.keys(value).length === 0)
  );
}
