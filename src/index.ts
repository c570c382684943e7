import {
  ILayoutRestorer,
  type JupyterFrontEnd,
  type JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette, WidgetTracker } from '@jupyterlab/apputils';
import { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import { IEditorServices } from '@jupyterlab/codeeditor';
import { PageConfig } from '@jupyterlab/coreutils';
import { INotebookTracker } from '@jupyterlab/notebook';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { IStateDB } from '@jupyterlab/statedb';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { IFormRendererRegistry } from '@jupyterlab/ui-components';

import { addJupytextCommands, addPanelCommands, CommandIDs } from './commands';
import { FolderReportModel } from './folder/model';
import { FolderReport } from './folder/widget';
import { createDefaultsNotice } from './components/DefaultsNotice';
import { readNewNotebookDefaults } from './defaults';
import { FrontEnds } from './frontends';
import { KernelSpecs } from './kernelspecs';
import { NewNotebookDefaults } from './newnotebooks';
import { NotebookMetadataPanel } from './panel';
import { noticeUnappliedAtSave } from './savenotice';
import { SectionStates } from './sectionstate';
import { createJupytextSection } from './sections/jupytext';
import { createKernelSection } from './sections/kernel';
import { followMetadataForms, followSettings } from './sections/loaders';
import { createNotebookSection } from './sections/notebook';
import { SectionRegistry } from './sections/registry';
import { INotebookMetadataSections } from './tokens';
import { ActiveNotebookMetadata, IActiveNotebookMetadata } from './tracker';

/** The registry's id, which names the extension's settings. */
const SECTIONS_PLUGIN_ID = 'jupyterlab-notebook-metadata:plugin';

/**
 * The sections of the panel: the built-in ones, the user's and admins' (the
 * settings) and JupyterLab's metadata forms; other extensions add theirs.
 */
const sectionsPlugin: JupyterFrontEndPlugin<INotebookMetadataSections> = {
  id: SECTIONS_PLUGIN_ID,
  description: 'The sections of the notebook metadata panel.',
  autoStart: true,
  optional: [ISettingRegistry, IFormRendererRegistry],
  provides: INotebookMetadataSections,
  activate: (
    app: JupyterFrontEnd,
    settingRegistry: ISettingRegistry | null,
    formRenderers: IFormRendererRegistry | null
  ): INotebookMetadataSections => {
    const sections = new SectionRegistry();
    const noServer = FrontEnds.isJupyterLite(app);
    sections.add(
      createKernelSection(new KernelSpecs(app.serviceManager.kernelspecs), {
        noServer
      }),
      'builtin'
    );
    sections.add(createNotebookSection(), 'builtin');
    sections.add(
      createJupytextSection(app.serviceManager.contents, {
        jupytextInLab: FrontEnds.hasJupytextExtension(app),
        noServer
      }),
      'builtin'
    );
    // Notebook 7's file browser, editor and console pages have no notebook:
    // the registry only, for the extensions that require it.
    if (settingRegistry && FrontEnds.pageHasNotebooks()) {
      void followSettings(settingRegistry, SECTIONS_PLUGIN_ID, sections);
      followMetadataForms(settingRegistry, sections, formRenderers);
    }
    return sections;
  }
};

/**
 * The notebook metadata panel in the right sidebar and its commands; it
 * provides the metadata of the active notebook to the extension's plugins.
 */
const panelPlugin: JupyterFrontEndPlugin<ActiveNotebookMetadata> = {
  id: 'jupyterlab-notebook-metadata:panel',
  description: 'A notebook metadata editor in the right sidebar.',
  autoStart: true,
  requires: [INotebookTracker, INotebookMetadataSections],
  optional: [
    ILayoutRestorer,
    ICommandPalette,
    ITranslator,
    IStateDB,
    IEditorServices
  ],
  provides: IActiveNotebookMetadata,
  activate: (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    registry: INotebookMetadataSections,
    restorer: ILayoutRestorer | null,
    palette: ICommandPalette | null,
    translator: ITranslator | null,
    state: IStateDB | null,
    editorServices: IEditorServices | null
  ): ActiveNotebookMetadata => {
    const sections = Private.ownRegistry(registry);
    const active = new ActiveNotebookMetadata(tracker, {
      sections,
      files: app.serviceManager.contents
    });
    if (!FrontEnds.pageHasNotebooks()) {
      return active;
    }
    translator = translator ?? nullTranslator;
    const trans = translator.load('jupyterlab_notebook_metadata');
    const panel: NotebookMetadataPanel = new NotebookMetadataPanel({
      active,
      sections,
      states: new SectionStates({
        state,
        key: `${SECTIONS_PLUGIN_ID}:sections`
      }),
      translator,
      editorFactory: editorServices?.factoryService.newInlineEditor,
      commands: app.commands,
      contents: app.serviceManager.contents,
      onLeave: () => Private.leave(app, panel, tracker)
    });
    const saveNotice = noticeUnappliedAtSave(tracker, active, trans);
    panel.disposed.connect(() => saveNotice.dispose());
    app.shell.add(panel, 'right', { rank: 600, type: 'Notebook Metadata' });
    restorer?.add(panel, 'jupyterlab-notebook-metadata');

    addPanelCommands(app.commands, {
      active,
      trans,
      // Notebook 7 has an "Edit Notebook Metadata" of its own (Notebook Tools).
      openLabel: () =>
        FrontEnds.hasNotebook7MetadataCommand(app.commands)
          ? trans.__('Edit Notebook Metadata (Metadata Panel)')
          : trans.__('Edit Notebook Metadata'),
      open: async () => {
        app.shell.activateById(panel.id);
        await panel.focusFirstField();
      },
      leave: () => panel.leave()
    });
    palette?.addItem({
      command: CommandIDs.open,
      category: trans.__('Notebook Operations')
    });
    return active;
  }
};

/**
 * Jupytext's pairings as commands of the palette, on the active notebook.
 */
const jupytextPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-notebook-metadata:jupytext',
  description: 'Commands that pair the active notebook with text files.',
  autoStart: true,
  requires: [IActiveNotebookMetadata],
  optional: [ICommandPalette, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    active: ActiveNotebookMetadata,
    palette: ICommandPalette | null,
    translator: ITranslator | null
  ): void => {
    if (!FrontEnds.pageHasNotebooks()) {
      return;
    }
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_notebook_metadata'
    );
    const commands = addJupytextCommands(app.commands, active, trans);
    // Jupytext's own extension has pairing commands in the palette: ours
    // stay out of it, so that no two entries do the same.
    if (FrontEnds.hasJupytextExtension(app)) {
      return;
    }
    for (const command of commands) {
      palette?.addItem({ command, category: trans.__('Jupytext') });
    }
  }
};

/**
 * Defaults for new notebooks: a notebook created in this page gets the
 * metadata of the `newNotebookMetadata` setting when it opens, and the
 * panel says where it came from.
 */
const newNotebooksPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-notebook-metadata:new-notebooks',
  description: 'Writes the metadata the settings give new notebooks.',
  autoStart: true,
  requires: [
    INotebookTracker,
    INotebookMetadataSections,
    IActiveNotebookMetadata
  ],
  optional: [ISettingRegistry, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    registry: INotebookMetadataSections,
    _active: ActiveNotebookMetadata,
    settingRegistry: ISettingRegistry | null,
    translator: ITranslator | null
  ): void => {
    if (!settingRegistry || !FrontEnds.pageHasNotebooks()) {
      return;
    }
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_notebook_metadata'
    );
    const loaded = settingRegistry.load(SECTIONS_PLUGIN_ID);
    const defaults = new NewNotebookDefaults({
      commands: app.commands,
      tracker,
      sections: Private.ownRegistry(registry),
      ready: loaded.catch(() => undefined)
    });
    loaded.then(
      settings => {
        const follow = () =>
          defaults.setDefaults(
            readNewNotebookDefaults(settings.composite),
            settings.user.newNotebookMetadata !== undefined
              ? 'user'
              : 'everyone'
          );
        follow();
        settings.changed.connect(follow);
      },
      reason =>
        console.warn(
          `${SECTIONS_PLUGIN_ID}: the settings could not be loaded.`,
          reason
        )
    );
    // The panel plugin (required above, through its token) has added it.
    const panel = Array.from(app.shell.widgets('right')).find(
      widget => widget instanceof NotebookMetadataPanel
    );
    if (panel instanceof NotebookMetadataPanel) {
      panel.insertWidget(1, createDefaultsNotice(defaults, tracker, trans));
    }
  }
};

/**
 * The folder report: the metadata of many notebooks at a glance, fixed in
 * one confirmed batch; opened from the file browser's context menu (on a
 * folder or picked notebooks) and from the palette (the file browser's
 * folder).
 */
const folderPlugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-notebook-metadata:folder',
  description:
    "A report of the notebooks' metadata of a folder, with batch fixes.",
  autoStart: true,
  requires: [INotebookMetadataSections, INotebookTracker],
  optional: [IDefaultFileBrowser, ICommandPalette, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    registry: INotebookMetadataSections,
    tracker: INotebookTracker,
    browser: IDefaultFileBrowser | null,
    palette: ICommandPalette | null,
    translator: ITranslator | null
  ): void => {
    // Notebook 7's pages have no main area for a report.
    if (PageConfig.getOption('notebookPage')) {
      return;
    }
    const sections = Private.ownRegistry(registry);
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_notebook_metadata'
    );
    const kernels = new KernelSpecs(app.serviceManager.kernelspecs);
    const reports = new WidgetTracker<FolderReport>({
      namespace: 'notebook-metadata-folder'
    });
    const openNotebook = async (path: string) => {
      await app.commands.execute('docmanager:open', {
        path,
        factory: 'Notebook'
      });
      if (app.commands.hasCommand(CommandIDs.open)) {
        await app.commands.execute(CommandIDs.open);
      }
    };
    app.commands.addCommand(CommandIDs.folderReport, {
      label: args =>
        args.paths
          ? trans.__('Notebook Metadata Report')
          : trans.__('Notebook Metadata Report of the Current Folder'),
      caption: trans.__(
        "The metadata of a folder's notebooks, with fixes in one batch"
      ),
      execute: async args => {
        const paths = Private.reportPaths(args.paths, browser);
        const key = FolderReport.keyOf(paths);
        const existing = reports.find(widget => widget.key === key);
        if (existing) {
          app.shell.activateById(existing.id);
          await existing.content.model.scan();
          return existing;
        }
        const model = new FolderReportModel({
          paths,
          contents: app.serviceManager.contents,
          sections,
          kernels,
          findOpen: path => {
            const widget = tracker.find(w => w.context.path === path);
            return widget
              ? { source: widget.context, dirty: widget.context.model.dirty }
              : null;
          },
          jupytextOnServer: FrontEnds.hasJupytextExtension(app)
        });
        const report = new FolderReport({
          model,
          trans,
          onOpen: path => void openNotebook(path)
        });
        app.shell.add(report, 'main');
        void reports.add(report);
        app.shell.activateById(report.id);
        await model.scan();
        return report;
      }
    });
    palette?.addItem({
      command: CommandIDs.folderReport,
      category: trans.__('Notebook Operations')
    });
    for (const selector of [
      '.jp-DirListing-item[data-isdir="true"]',
      '.jp-DirListing-item[data-file-type="notebook"]'
    ]) {
      app.contextMenu.addItem({
        command: CommandIDs.folderReport,
        args: { paths: 'selection' },
        selector,
        rank: 12
      });
    }
  }
};

/**
 * Module-private helpers.
 */
namespace Private {
  /**
   * The paths a report is asked for: a list of paths, the file browser's
   * picked folders and notebooks (`'selection'`), or its folder.
   */
  export function reportPaths(
    asked: unknown,
    browser: IDefaultFileBrowser | null
  ): string[] {
    if (Array.isArray(asked)) {
      return asked.filter((p): p is string => typeof p === 'string');
    }
    if (typeof asked === 'string' && asked !== 'selection') {
      return [asked];
    }
    if (asked === 'selection' && browser) {
      const picked = Array.from(browser.selectedItems())
        .filter(item => item.type === 'directory' || item.type === 'notebook')
        .map(item => item.path);
      if (picked.length > 0) {
        return picked;
      }
    }
    return [browser?.model.path ?? ''];
  }

  /** A shell with side areas that collapse (JupyterLab's, Notebook 7's). */
  interface ICollapsingShell {
    collapseLeft?: () => void;
    collapseRight?: () => void;
  }

  /**
   * The registry of the sections plugin: the panel reads what the public
   * interface does not show (sections that cannot be shown, their origins).
   */
  export function ownRegistry(
    registry: INotebookMetadataSections
  ): SectionRegistry {
    if (!(registry instanceof SectionRegistry)) {
      throw new Error(
        `The notebook metadata panel needs the sections of ${SECTIONS_PLUGIN_ID}.`
      );
    }
    return registry;
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
export default [
  sectionsPlugin,
  panelPlugin,
  jupytextPlugin,
  newNotebooksPlugin,
  folderPlugin
];
