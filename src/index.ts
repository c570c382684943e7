import {
  ILayoutRestorer,
  type JupyterFrontEnd,
  type JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { INotebookTracker } from '@jupyterlab/notebook';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { NotebookMetadataPanel } from './panel';
import { ActiveNotebookMetadata } from './tracker';

/**
 * The notebook metadata panel in the right sidebar.
 */
const plugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-notebook-metadata:plugin',
  description: 'A notebook metadata editor in the right sidebar.',
  autoStart: true,
  requires: [INotebookTracker],
  optional: [ILayoutRestorer, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    restorer: ILayoutRestorer | null,
    translator: ITranslator | null
  ): void => {
    const active = new ActiveNotebookMetadata(tracker);
    const panel = new NotebookMetadataPanel({
      active,
      translator: translator ?? nullTranslator
    });
    panel.disposed.connect(() => active.dispose());
    app.shell.add(panel, 'right', { rank: 600, type: 'Notebook Metadata' });
    restorer?.add(panel, 'jupyterlab-notebook-metadata');
  }
};

export default plugin;
