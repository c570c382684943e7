import {
  ILayoutRestorer,
  type JupyterFrontEnd,
  type JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { INotebookTracker } from '@jupyterlab/notebook';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { addJupytextCommands, CommandIDs } from './commands';
import { FrontEnds } from './frontends';
import { metadataIcon } from './icon';
import { KernelSpecs } from './kernelspecs';
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
  optional: [ILayoutRestorer, ICommandPalette, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    restorer: ILayoutRestorer | null,
    palette: ICommandPalette | null,
    translator: ITranslator | null
  ): void => {
    // Notebook 7's file browser, editor and console pages have no notebook.
    if (!FrontEnds.pageHasNotebooks()) {
      return;
    }
    translator = translator ?? nullTranslator;
    const trans = translator.load('jupyterlab_notebook_metadata');
    const active = new ActiveNotebookMetadata(tracker);
    const kernelSpecs = new KernelSpecs(app.serviceManager.kernelspecs);
    const panel = new NotebookMetadataPanel({
      active,
      kernelSpecs,
      contents: app.serviceManager.contents,
      translator
    });
    panel.disposed.connect(() => {
      active.dispose();
      kernelSpecs.dispose();
    });
    app.shell.add(panel, 'right', { rank: 600, type: 'Notebook Metadata' });
    restorer?.add(panel, 'jupyterlab-notebook-metadata');

    app.commands.addCommand(CommandIDs.open, {
      // Notebook 7 has an "Edit Notebook Metadata" of its own (Notebook Tools).
      label: () =>
        FrontEnds.hasNotebook7MetadataCommand(app.commands)
          ? trans.__('Edit Notebook Metadata (Metadata Panel)')
          : trans.__('Edit Notebook Metadata'),
      caption: trans.__('Open the notebook metadata panel'),
      icon: args => (args.isPalette ? undefined : metadataIcon),
      execute: async () => {
        app.shell.activateById(panel.id);
        await panel.focusFirstField();
      }
    });
    palette?.addItem({
      command: CommandIDs.open,
      category: trans.__('Notebook Operations')
    });
    for (const command of addJupytextCommands(app.commands, active, trans)) {
      palette?.addItem({ command, category: trans.__('Jupytext') });
    }
  }
};

export { CommandIDs };
export default plugin;
