/*
 * Marks the page's document as searchable when a search provider can
 * search it, so that JupyterLab's search shortcuts (Ctrl+F) apply to it.
 *
 * Notebook 7 does this in @jupyter-notebook/documentsearch-extension, which
 * the npm registry does not have at 7.6.x; this is the same behaviour,
 * written for the test host.
 */
import { INotebookShell } from '@jupyter-notebook/application';
import { ISearchProviderRegistry } from '@jupyterlab/documentsearch';

const SEARCHABLE_CLASS = 'jp-mod-searchable';

const searchablePlugin = {
  id: '@jupyterlab-notebook-metadata/test-notebook:searchable',
  description: 'Marks the searchable document of a Notebook 7 page.',
  autoStart: true,
  requires: [INotebookShell, ISearchProviderRegistry],
  activate: (app, shell, registry) => {
    const update = () => {
      const widget = shell.currentWidget;
      if (widget) {
        widget.toggleClass(SEARCHABLE_CLASS, registry.hasProvider(widget));
      }
    };
    registry.changed.connect(update);
    shell.currentChanged.connect(update);
    update();
  }
};

export default [searchablePlugin];
