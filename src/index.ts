import {
  ILayoutRestorer,
  type JupyterFrontEnd,
  type JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { IEditorServices } from '@jupyterlab/codeeditor';
import { INotebookTracker } from '@jupyterlab/notebook';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { IStateDB } from '@jupyterlab/statedb';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { addJupytextCommands, CommandIDs } from './commands';
import { FrontEnds } from './frontends';
import { metadataIcon } from './icon';
import { KernelSpecs } from './kernelspecs';
import { NotebookMetadataPanel } from './panel';
import { noticeUnappliedAtSave } from './savenotice';
import { SectionStates } from './sectionstate';
import { createJupytextSection } from './sections/jupytext';
import { createKernelSection } from './sections/kernel';
import { followMetadataForms, followSettings } from './sections/loaders';
import { createNotebookSection } from './sections/notebook';
import { SectionRegistry } from './sections/registry';
import { INotebookMetadataSections } from './tokens';
import { ActiveNotebookMetadata } from './tracker';

const PLUGIN_ID = 'jupyterlab-notebook-metadata:plugin';

/**
 * The notebook metadata panel in the right sidebar, and the registry of its
 * sections.
 */
const plugin: JupyterFrontEndPlugin<INotebookMetadataSections> = {
  id: PLUGIN_ID,
  description: 'A notebook metadata editor in the right sidebar.',
  autoStart: true,
  requires: [INotebookTracker],
  optional: [
    ILayoutRestorer,
    ICommandPalette,
    ITranslator,
    ISettingRegistry,
    IStateDB,
    IEditorServices
  ],
  provides: INotebookMetadataSections,
  activate: (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    restorer: ILayoutRestorer | null,
    palette: ICommandPalette | null,
    translator: ITranslator | null,
    settingRegistry: ISettingRegistry | null,
    state: IStateDB | null,
    editorServices: IEditorServices | null
  ): INotebookMetadataSections => {
    translator = translator ?? nullTranslator;
    const trans = translator.load('jupyterlab_notebook_metadata');
    const kernelSpecs = new KernelSpecs(app.serviceManager.kernelspecs);
    const sections = new SectionRegistry();
    sections.add(createKernelSection(kernelSpecs), 'builtin');
    sections.add(createNotebookSection(), 'builtin');
    sections.add(createJupytextSection(app.serviceManager.contents), 'builtin');
    // Notebook 7's file browser, editor and console pages have no notebook:
    // the registry only, for the extensions that require it.
    if (!FrontEnds.pageHasNotebooks()) {
      return sections;
    }
    if (settingRegistry) {
      void followSettings(settingRegistry, PLUGIN_ID, sections);
      followMetadataForms(settingRegistry, sections);
    }

    const active = new ActiveNotebookMetadata(tracker, {
      sections,
      files: app.serviceManager.contents
    });
    const panel: NotebookMetadataPanel = new NotebookMetadataPanel({
      active,
      sections,
      states: new SectionStates({ state, key: `${PLUGIN_ID}:sections` }),
      translator,
      editorFactory: editorServices?.factoryService.newInlineEditor,
      onLeave: () => Private.leave(app, panel, tracker)
    });
    const saveNotice = noticeUnappliedAtSave(tracker, active, trans);
    panel.disposed.connect(() => {
      saveNotice.dispose();
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
      caption: trans.__(
        'Open the notebook metadata panel; from inside it, go back to the notebook'
      ),
      icon: args => (args.isPalette ? undefined : metadataIcon),
      execute: async () => {
        // The same shortcut takes the keyboard back to the notebook.
        if (panel.hasFocus) {
          panel.leave();
          return;
        }
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
    return sections;
  }
};

/**
 * Module-private helpers.
 */
namespace Private {
  /** A shell with side areas that collapse (JupyterLab's, Notebook 7's). */
  interface ICollapsingShell {
    collapseLeft?: () => void;
    collapseRight?: () => void;
  }

  /**
   * Leave the panel: collapse the side area it is in, and activate the
   * notebook it shows (which takes the keyboard focus), or else the main
   * area's current widget.
   */
  export function leave(
    app: JupyterFrontEnd,
    panel: NotebookMetadataPanel,
    tracker: INotebookTracker
  ): void {
    const shell = app.shell as JupyterFrontEnd.IShell & ICollapsingShell;
    if (Array.from(shell.widgets('left')).includes(panel)) {
      shell.collapseLeft?.();
    } else {
      shell.collapseRight?.();
    }
    const target = tracker.currentWidget ?? shell.currentWidget;
    if (target) {
      shell.activateById(target.id);
    }
  }
}

export { CommandIDs };
export * from './tokens';
export default plugin;
