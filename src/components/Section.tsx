import { caretDownIcon, caretRightIcon } from '@jupyterlab/ui-components';
import React, { useRef } from 'react';

import type { SectionStates } from '../sectionstate';
import { useSignal } from './hooks';

/**
 * Properties of a collapsible section of the panel.
 */
export interface ISectionProps {
  /** The section's id: its state's key, and its elements' ids. */
  id: string;
  /** The translated title. */
  title: string;
  /** A one-line summary shown after the title (its description). */
  summary?: string;
  /**
   * Whether the section is open before anybody opened or closed it; once
   * true for an `owner` (the notebook shown), it stays so: a section does
   * not close under the user because its last value was removed.
   */
  initiallyOpen?: boolean;
  /** Whose first look `initiallyOpen` is (the notebook shown). */
  owner?: unknown;
  /** Where the open sections are kept. */
  states: SectionStates;
  /** The section's content, rendered only while it is open. */
  children: React.ReactNode;
}

/**
 * A titled section whose content is rendered only while it is open.
 */
export function Section(props: ISectionProps): JSX.Element {
  const { states } = props;
  useSignal(states.changed);
  const first = useRef<{ owner: unknown; open: boolean } | null>(null);
  if (first.current === null || first.current.owner !== props.owner) {
    first.current = { owner: props.owner, open: false };
  }
  // Once open for this owner, it stays open (the notebook's content may
  // arrive after its first look).
  first.current.open ||= props.initiallyOpen ?? true;
  const open = states.isOpen(props.id, first.current.open);
  const setOpen = (next: boolean) => states.setOpen(props.id, next);
  const Caret = open ? caretDownIcon : caretRightIcon;
  const contentId = `${Private.elementId(props.id)}-content`;
  const titleId = `${Private.elementId(props.id)}-title`;
  const summaryId = `${Private.elementId(props.id)}-summary`;
  return (
    <section
      className="jp-NotebookMetadata-section"
      data-section={props.id}
      aria-labelledby={`${Private.elementId(props.id)}-heading`}
    >
      <h3
        className="jp-NotebookMetadata-sectionHeading"
        id={`${Private.elementId(props.id)}-heading`}
      >
        <button
          type="button"
          className="jp-NotebookMetadata-sectionToggle"
          aria-expanded={open}
          aria-controls={contentId}
          aria-labelledby={titleId}
          aria-describedby={props.summary ? summaryId : undefined}
          title={
            props.summary ? `${props.title}: ${props.summary}` : props.title
          }
          onClick={() => setOpen(!open)}
        >
          <Caret.react tag="span" className="jp-NotebookMetadata-caret" />
          <span className="jp-NotebookMetadata-sectionTitle" id={titleId}>
            {props.title}
          </span>
          {props.summary && (
            <span className="jp-NotebookMetadata-sectionSummary" id={summaryId}>
              {props.summary}
            </span>
          )}
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

/**
 * Module-private helpers.
 */
namespace Private {
  /** The prefix of a section's element ids. */
  export function elementId(id: string): string {
    return `jp-NotebookMetadata-section-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  }
}
