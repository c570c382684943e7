import type { ITranslator } from '@jupyterlab/translation';
import React, { useEffect, useState } from 'react';

import type { NotebookMetadataModel } from '../model';
import type { ActiveNotebookMetadata } from '../tracker';

/**
 * Properties of the metadata view.
 */
export interface IMetadataViewProps {
  /** Follows the active notebook. */
  active: ActiveNotebookMetadata;
  /** Translates the view's text. */
  translator: ITranslator;
}

/**
 * The metadata of the active notebook, or a placeholder when none is open.
 */
export function MetadataView(props: IMetadataViewProps): JSX.Element {
  const { active, translator } = props;
  const trans = translator.load('jupyterlab_notebook_metadata');
  const model = useActiveModel(active);
  const [, setVersion] = useState(0);

  useEffect(() => {
    if (!model) {
      return;
    }
    const onChanged = () => setVersion(version => version + 1);
    model.changed.connect(onChanged);
    return () => {
      model.changed.disconnect(onChanged);
    };
  }, [model]);

  if (!model) {
    return (
      <div className="jp-NotebookMetadata-placeholder">
        {trans.__('No notebook is open. Open a notebook to see its metadata.')}
      </div>
    );
  }
  return (
    <div className="jp-NotebookMetadata-notebook">
      <div className="jp-NotebookMetadata-path" title={model.path}>
        {model.path}
      </div>
    </div>
  );
}

/** The metadata model of the active notebook, re-rendering on a switch. */
function useActiveModel(
  active: ActiveNotebookMetadata
): NotebookMetadataModel | null {
  const [model, setModel] = useState(active.current);
  useEffect(() => {
    const onChanged = (_: unknown, next: NotebookMetadataModel | null) =>
      setModel(next);
    active.currentChanged.connect(onChanged);
    setModel(active.current);
    return () => {
      active.currentChanged.disconnect(onChanged);
    };
  }, [active]);
  return model;
}
