import type { CodeEditor } from '@jupyterlab/codeeditor';
import type { Contents } from '@jupyterlab/services';
import type { ITranslator, TranslationBundle } from '@jupyterlab/translation';
import { type LabIcon, redoIcon, undoIcon } from '@jupyterlab/ui-components';
import type { CommandRegistry } from '@lumino/commands';
import type { PartialJSONObject } from '@lumino/coreutils';
import React, { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

import { captionWithKeys, CommandIDs } from '../commands';
import type { MetadataHistory } from '../history';
import { translate } from '../messages';
import { FILE_MISSING, type NotebookMetadataModel } from '../model';
import type { SectionStates } from '../sectionstate';
import {
  type ISectionEntry,
  type SectionRegistry,
  storedValues
} from '../sections/registry';
import type { ActiveNotebookMetadata } from '../tracker';
import { CustomKeysSection } from './CustomKeysSection';
import { RawJsonSection } from './RawJsonSection';
import { FieldMessage, Section } from './Section';
import { SectionForm } from './SectionForm';
import { TextFileNote, useTextFileKeeping } from './TextFileKeeps';
import { useSignal, useSignalValue } from './hooks';

/**
 * Properties of the metadata view.
 */
export interface IMetadataViewProps {
  /** Follows the active notebook. */
  active: ActiveNotebookMetadata;
  /** The sections to show. */
  sections: SectionRegistry;
  /** Which sections are open. */
  states: SectionStates;
  /** Translates the view's text. */
  translator: ITranslator;
  /** JupyterLab's code editor factory, for JSON (a text area without it). */
  editorFactory?: CodeEditor.Factory;
  /** The app's commands: the panel's undo and redo. */
  commands: CommandRegistry;
  /** The server's files: what paired text files keep of the metadata. */
  contents: Contents.IManager | null;
}

/**
 * The metadata of the active notebook, or a placeholder when none is open.
 */
export function MetadataView(props: IMetadataViewProps): JSX.Element {
  const { active, translator } = props;
  const trans = translator.load('jupyterlab_notebook_metadata');
  const model = useActiveModel(active);

  if (!model) {
    return (
      <div className="jp-NotebookMetadata-placeholder">
        {trans.__('No notebook is open. Open a notebook to see its metadata.')}
      </div>
    );
  }
  // Not keyed by model: the forms stay mounted when another notebook is
  // shown (much cheaper than building them again); what they hold for one
  // notebook (drafts, messages) is owned by that notebook's model.
  return (
    <NotebookMetadataEditor
      model={model}
      sections={props.sections}
      states={props.states}
      translator={translator}
      editorFactory={props.editorFactory}
      commands={props.commands}
      contents={props.contents}
    />
  );
}

/**
 * The editor of one notebook's metadata.
 */
function NotebookMetadataEditor(props: {
  model: NotebookMetadataModel;
  sections: SectionRegistry;
  states: SectionStates;
  translator: ITranslator;
  editorFactory?: CodeEditor.Factory;
  commands: CommandRegistry;
  contents: Contents.IManager | null;
}): JSX.Element {
  const { model, sections, states, translator } = props;
  const trans = translator.load('jupyterlab_notebook_metadata');
  // Every change of the model, none missed before the subscription.
  useSignalValue(model.changed, () => model.version);
  useSignal(sections.changed);
  const metadata = model.metadata;
  const customKeys = model.customKeys;
  const keeping = useTextFileKeeping(model, props.contents);

  const disabled = model.readOnly || model.fileMissing;
  return (
    <div className="jp-NotebookMetadata-editor">
      <div className="jp-NotebookMetadata-header">
        <div className="jp-NotebookMetadata-path" title={model.path}>
          <span className="jp-NotebookMetadata-folder">
            {model.path.slice(0, model.path.length - model.name.length)}
          </span>
          <span className="jp-NotebookMetadata-notebookName">{model.name}</span>
        </div>
        {model.history && (
          <UndoButtons
            history={model.history}
            commands={props.commands}
            disabled={disabled}
            trans={trans}
          />
        )}
      </div>
      {model.readOnly && (
        <FieldMessage kind="notice">
          {trans.__(
            'This notebook is read-only: its metadata is shown but cannot be edited.'
          )}
        </FieldMessage>
      )}
      {model.fileMissing && (
        <FieldMessage kind="error">
          {trans.__(FILE_MISSING, model.path)}
        </FieldMessage>
      )}
      {sections.entries
        .filter(entry => !entry.hidden)
        .map(entry => {
          const values = storedValues(entry, metadata);
          const set = Object.keys(values).length;
          return (
            <Section
              key={
                entry.section.id + ':' + String(sections.entries.indexOf(entry))
              }
              id={entry.section.id}
              title={trans.__(entry.section.label || entry.section.id)}
              summary={
                !entry.active
                  ? trans.__('cannot be shown')
                  : entry.section.summary
                    ? entry.section.summary(values, trans, model)
                    : set === 0
                      ? trans.__('not set')
                      : trans.__('%1 of %2 set', set, entry.fields.length)
              }
              // Open at first only with something to show or to fix.
              initiallyOpen={
                set > 0 ||
                !entry.active ||
                // A key its fields are inside, of another shape: to fix.
                entry.fields.some(field =>
                  Object.prototype.hasOwnProperty.call(metadata, field.path[0])
                )
              }
              owner={model}
              states={states}
            >
              {entry.active ? (
                <>
                  <SectionForm
                    entry={entry}
                    model={model}
                    metadata={metadata}
                    disabled={disabled}
                    trans={trans}
                  />
                  <TextFileNote
                    keeping={keeping}
                    keys={Private.keysOf(entry, metadata)}
                    disabled={disabled}
                    trans={trans}
                  />
                </>
              ) : (
                <SectionProblems entry={entry} trans={trans} />
              )}
            </Section>
          );
        })}
      <Section
        id="custom"
        title={trans.__('Custom keys')}
        summary={
          customKeys.length === 0 ? trans.__('none') : String(customKeys.length)
        }
        initiallyOpen={customKeys.length > 0}
        owner={model}
        states={states}
      >
        <CustomKeysSection
          model={model}
          metadata={metadata}
          keys={customKeys}
          keeping={keeping}
          disabled={disabled}
          editorFactory={props.editorFactory}
          trans={trans}
        />
      </Section>
      <Section
        id="raw"
        title={trans.__('Raw JSON')}
        summary={trans.__('%1 keys', Object.keys(metadata).length)}
        initiallyOpen={false}
        states={states}
      >
        <RawJsonSection
          model={model}
          metadata={metadata}
          disabled={disabled}
          editorFactory={props.editorFactory}
          trans={trans}
        />
      </Section>
    </div>
  );
}

/**
 * Why a section cannot be shown: which section, where it comes from, and
 * what is wrong with it.
 */
function SectionProblems(props: {
  entry: ISectionEntry;
  trans: TranslationBundle;
}): JSX.Element {
  const { entry, trans } = props;
  const origins: Record<ISectionEntry['origin'], string> = {
    builtin: trans.__('built in'),
    extension: trans.__('added by an extension'),
    settings: trans.__('declared in the settings'),
    metadataforms: trans.__("from JupyterLab's metadata forms")
  };
  return (
    <FieldMessage kind="error">
      <div>
        {trans.__(
          'The section "%1" (%2, id "%3") cannot be shown; its metadata stays as it is:',
          entry.section.label || '?',
          origins[entry.origin],
          String(entry.section.id)
        )}
      </div>
      <ul className="jp-NotebookMetadata-problems">
        {entry.problems.map((problem, index) => (
          <li key={index}>{translate(trans, problem)}</li>
        ))}
      </ul>
    </FieldMessage>
  );
}

/**
 * Undo and Redo of the notebook's history, metadata edits included: the
 * panel's commands, with their keys in the tooltips.
 */
function UndoButtons(props: {
  history: MetadataHistory;
  commands: CommandRegistry;
  disabled: boolean;
  trans: TranslationBundle;
}): JSX.Element {
  const { history, commands, disabled, trans } = props;
  // Read as a store: the notebook clears its history just after it opens,
  // maybe before this subscribes.
  const state = useSignalValue(
    history.changed,
    () => `${history.canUndo}:${history.canRedo}`
  );
  const [canUndo, canRedo] = state.split(':').map(value => value === 'true');
  // Nothing to undo (or redo) is `aria-disabled`, not disabled: the button
  // that undid the last step keeps the focus.
  const button = (id: string, icon: LabIcon, can: boolean) => (
    <button
      type="button"
      className="jp-NotebookMetadata-historyButton"
      title={captionWithKeys(commands, id)}
      disabled={disabled}
      aria-disabled={!can}
      onClick={() => void commands.execute(id)}
    >
      <icon.react tag="span" className="jp-NotebookMetadata-buttonIcon" />
      {commands.label(id)}
    </button>
  );
  return (
    <div
      className="jp-NotebookMetadata-undo"
      role="group"
      aria-label={trans.__('History')}
    >
      {button(CommandIDs.undo, undoIcon, canUndo)}
      {button(CommandIDs.redo, redoIcon, canRedo)}
    </div>
  );
}

/**
 * The metadata model of the active notebook. A switch renders at once
 * (flushSync), so the panel shows the new notebook in the same frame as the
 * notebook itself.
 */
function useActiveModel(
  active: ActiveNotebookMetadata
): NotebookMetadataModel | null {
  const [model, setModel] = useState(active.current);
  useEffect(() => {
    const onChanged = (_: unknown, next: NotebookMetadataModel | null) => {
      flushSync(() => setModel(next));
    };
    active.currentChanged.connect(onChanged);
    setModel(active.current);
    return () => {
      active.currentChanged.disconnect(onChanged);
    };
  }, [active]);
  return model;
}

/** Module-private helpers. */
namespace Private {
  /** The top-level keys a section shows that the notebook has. */
  export function keysOf(
    entry: ISectionEntry,
    metadata: Readonly<PartialJSONObject>
  ): string[] {
    const keys = new Set<string>();
    for (const field of entry.fields) {
      const key = field.path[0];
      if (Object.prototype.hasOwnProperty.call(metadata, key)) {
        keys.add(key);
      }
    }
    return [...keys];
  }
}
