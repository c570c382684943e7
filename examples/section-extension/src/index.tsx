/**
 * An example extension of the notebook metadata panel: a "Review" section
 * over `metadata.review`, whose status is picked with a custom widget.
 *
 * It is a complete prebuilt extension: its package.json shares
 * `jupyterlab-notebook-metadata` as a singleton that is not bundled, so the
 * section registry it gets is the panel's own.
 */
import type {
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import {
  type IMetadataSection,
  INotebookMetadataSections
} from 'jupyterlab-notebook-metadata';
import type { WidgetProps } from '@rjsf/utils';
import React from 'react';

/**
 * The review status as a row of toggle buttons: a custom rjsf widget. It
 * reports the picked value with `props.onChange`; the panel checks it
 * against the schema and writes only that value.
 */
function ReviewStatusWidget(props: WidgetProps): JSX.Element {
  const choices = (props.options.enumOptions ?? []) as Array<{
    label: string;
    value: string;
  }>;
  // A stored value that is not a choice is shown, never replaced.
  const unknown =
    props.value !== undefined && !choices.some(c => c.value === props.value);
  return (
    <div
      className="jp-ExampleReview-status"
      role="radiogroup"
      aria-label={props.label || 'Status'}
      id={props.id}
    >
      {unknown && (
        <button
          type="button"
          role="radio"
          aria-checked={true}
          className="jp-ExampleReview-choice jp-mod-active jp-mod-unknown"
          disabled
        >
          {`${JSON.stringify(props.value)} (stored, not a choice)`}
        </button>
      )}
      {choices.map(choice => (
        <button
          key={choice.value}
          type="button"
          role="radio"
          aria-checked={props.value === choice.value}
          className={
            'jp-ExampleReview-choice' +
            (props.value === choice.value ? ' jp-mod-active' : '')
          }
          disabled={props.disabled || props.readonly}
          onClick={() => props.onChange(choice.value)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}

/** The section: its fields, how they are drawn, and the custom widget. */
const REVIEW_SECTION: IMetadataSection = {
  id: 'example:review',
  label: 'Review',
  rank: 40,
  description: 'Where the notebook stands in review.',
  schema: {
    type: 'object',
    properties: {
      review: {
        type: 'object',
        title: 'Review',
        properties: {
          status: {
            type: 'string',
            title: 'Status',
            oneOf: [
              { const: 'draft', title: 'Draft' },
              { const: 'in-review', title: 'In review' },
              { const: 'approved', title: 'Approved' }
            ]
          },
          reviewer: { type: 'string', title: 'Reviewer', minLength: 2 }
        }
      }
    }
  },
  uiSchema: {
    review: {
      'ui:options': { label: false },
      status: { 'ui:widget': 'reviewStatus' }
    }
  },
  widgets: { reviewStatus: ReviewStatusWidget }
};

/**
 * Adds the Review section to the notebook metadata panel.
 */
const plugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-notebook-metadata-example-review:plugin',
  description: 'Adds a "Review" section to the notebook metadata panel.',
  autoStart: true,
  requires: [INotebookMetadataSections],
  activate: (_: JupyterFrontEnd, sections: INotebookMetadataSections) => {
    sections.add(REVIEW_SECTION);
  }
};

export default plugin;
