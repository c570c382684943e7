import { PageConfig } from '@jupyterlab/coreutils';
import type { CommandRegistry } from '@lumino/commands';

/**
 * What differs between the front ends that load the extension: JupyterLab
 * and Jupyter Notebook 7, and what other extensions beside ours offer.
 *
 * Notebook 7 serves one page per document (its page config option
 * `notebookPage`: `tree`, `notebooks`, `edit`, `consoles`); JupyterLab has
 * no such option.
 */
export namespace FrontEnds {
  /**
   * Notebook 7's own command labelled "Edit Notebook Metadata" (Edit menu,
   * palette), which opens its Notebook Tools.
   */
  export const NOTEBOOK7_EDIT_METADATA = 'notebook:edit-metadata';

  /**
   * Whether this page can show a notebook: every JupyterLab page, and the
   * notebook pages of Notebook 7 (not its file browser, editor or console
   * pages).
   */
  export function pageHasNotebooks(): boolean {
    const page = PageConfig.getOption('notebookPage');
    return !page || page === 'notebooks';
  }

  /** The plugin of Jupytext's own lab extension (jupyterlab-jupytext). */
  export const JUPYTEXT_PLUGIN = 'jupyterlab-jupytext:plugin';

  /**
   * Whether Jupytext's own lab extension is on (installed and not
   * disabled): its palette has pairing commands of its own.
   */
  export function hasJupytextExtension(app: {
    hasPlugin(id: string): boolean;
  }): boolean {
    return app.hasPlugin(JUPYTEXT_PLUGIN);
  }

  /**
   * The prefix of JupyterLite's in-browser services (contents in the
   * browser's storage, in-browser kernels, settings): an app that has them
   * runs with no Jupyter server at all.
   */
  export const JUPYTERLITE_SERVICES = '@jupyterlite/services-extension:';

  /**
   * Whether the app is JupyterLite's: no server writes files there (no
   * Jupytext contents manager, nothing but the browser's storage).
   */
  export function isJupyterLite(app: { listPlugins(): string[] }): boolean {
    return app.listPlugins().some(id => id.startsWith(JUPYTERLITE_SERVICES));
  }

  /**
   * Whether the app has Notebook 7's own "Edit Notebook Metadata" command,
   * so that ours needs a label of its own.
   */
  export function hasNotebook7MetadataCommand(
    commands: CommandRegistry
  ): boolean {
    return commands.hasCommand(NOTEBOOK7_EDIT_METADATA);
  }
}
