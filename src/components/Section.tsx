import { caretDownIcon, caretRightIcon } from '@jupyterlab/ui-components';
import React, { useState } from 'react';

/**
 * Properties of a collapsible section of the panel.
 */
export interface ISectionProps {
  /** The section's id, for its heading and ARIA wiring. */
  id: string;
  /** The translated title. */
  title: string;
  /** Whether the section starts open. */
  initiallyOpen?: boolean;
  /** The section's content, rendered only while it is open. */
  children: React.ReactNode;
}

/**
 * A titled section whose content is rendered only while it is open.
 */
export function Section(props: ISectionProps): JSX.Element {
  const [open, setOpen] = useState(props.initiallyOpen ?? true);
  const Caret = open ? caretDownIcon : caretRightIcon;
  const contentId = `${props.id}-content`;
  return (
    <section
      className="jp-NotebookMetadata-section"
      aria-labelledby={`${props.id}-heading`}
    >
      <h3
        className="jp-NotebookMetadata-sectionHeading"
        id={`${props.id}-heading`}
      >
        <button
          type="button"
          className="jp-NotebookMetadata-sectionToggle"
          aria-expanded={open}
          aria-controls={contentId}
          onClick={() => setOpen(!open)}
        >
          <Caret.react tag="span" className="jp-NotebookMetadata-caret" />
          {props.title}
        </button>
      </h3>
      {open && (
        <div className="jp-NotebookMetadata-sectionContent" id={contentId}>
          {props.children}
        </div>
      )}
    </section>
  );
}

/**
 * A message next to a field: an error (announced) or a notice.
 */
export function FieldMessage(props: {
  kind: 'error' | 'notice';
  id?: string;
  children: React.ReactNode;
}): JSX.Element {
  return (
    <div
      id={props.id}
      className={`jp-NotebookMetadata-message jp-NotebookMetadata-${props.kind}`}
      role={props.kind === 'error' ? 'alert' : 'note'}
    >
      {props.children}
    </div>
  );
}
