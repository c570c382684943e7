import type { ITranslator } from '@jupyterlab/translation';
import React, { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

import type { KernelSpecs } from '../kernelspecs';
import type { NotebookMetadataModel } from '../model';
import type { ActiveNotebookMetadata } from '../tracker';
import { CustomKeysSection } from './CustomKeysSection';
import { KernelSection } from './KernelSection';
import { NotebookSection } from './NotebookSection';
import { RawJsonSection } from './RawJsonSection';
import { FieldMessage, Section } from './Section';
import { useSignal } from './hooks';

/**
 * Properties of the metadata view.
 */
export interface IMetadataViewProps {
  /** Follows the active notebook. */
  active: ActiveNotebookMetadata;
  /** The server's kernelspecs. */
  kernelSpecs: KernelSpecs;
  /** Translates the view's text. */
  translator: ITranslator;
}

/**
 * The metadata of the active notebook, or a placeholder when none is open.
 */
export function MetadataView(props: IMetadataViewProps): JSX.Element {
  const { active, kernelSpecs, translator } = props;
  const trans = translator.load('jupyterlab_notebook_metadata');
  const model = useActiveModel(active);

  if (!model) {
    return (
      <div className="jp-NotebookMetadata-placeholder">
        {trans.__('No notebook is open. Open a notebook to see its metadata.')}
      </div>
    );
  }
  // Keyed by model: switching notebooks starts from a clean form state.
  return (
    <NotebookMetadataEditor
      key={model.id}
      model={model}
      kernelSpecs={kernelSpecs}
      translator={translator}
    />
  );
}

/**
 * The editor of one notebook's metadata.
 */
function NotebookMetadataEditor(props: {
  model: NotebookMetadataModel;
  kernelSpecs: KernelSpecs;
  translator: ITranslator;
}): JSX.Element {
  const { model, kernelSpecs, translator } = props;
  const trans = translator.load('jupyterlab_notebook_metadata');
  useSignal(model.changed);
  const metadata = model.metadata;

  const disabled = model.readOnly;
  return (
    <div className="jp-NotebookMetadata-editor">
      <div className="jp-NotebookMetadata-notebookName">{model.name}</div>
      <div className="jp-NotebookMetadata-path" title={model.path}>
        {model.path}
      </div>
      {disabled && (
        <FieldMessage kind="notice">
          {trans.__(
            'This notebook is read-only: its metadata is shown but cannot be edited.'
          )}
        </FieldMessage>
      )}
      <Section
        id="jp-NotebookMetadata-kernelSection"
        title={trans.__('Kernel')}
      >
        <KernelSection
          model={model}
          kernelspec={metadata.kernelspec}
          languageInfo={metadata.language_info}
          kernelSpecs={kernelSpecs}
          disabled={disabled}
          trans={trans}
        />
      </Section>
      <Section
        id="jp-NotebookMetadata-notebookSection"
        title={trans.__('Notebook')}
      >
        <NotebookSection
          model={model}
          title={metadata.title}
          authors={metadata.authors}
          disabled={disabled}
          trans={trans}
        />
      </Section>
      <Section
        id="jp-NotebookMetadata-customSection"
        title={trans.__('Custom keys')}
      >
        <CustomKeysSection
          model={model}
          metadata={metadata}
          keys={model.customKeys}
          disabled={disabled}
          trans={trans}
        />
      </Section>
      <Section
        id="jp-NotebookMetadata-rawSection"
        title={trans.__('Raw JSON')}
        initiallyOpen={false}
      >
        <RawJsonSection
          model={model}
          metadata={metadata}
          disabled={disabled}
          trans={trans}
        />
      </Section>
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
