import { type ITranslator, nullTranslator } from '@jupyterlab/translation';
import { ReactWidget, SidePanel } from '@jupyterlab/ui-components';
import React from 'react';

import { MetadataView } from './components/MetadataView';
import { metadataIcon } from './icon';
import type { ActiveNotebookMetadata } from './tracker';

/**
 * The right-sidebar panel: the metadata of the active notebook.
 */
export class NotebookMetadataPanel extends SidePanel {
  /**
   * Create the panel for the notebooks an `ActiveNotebookMetadata` follows.
   */
  constructor(options: NotebookMetadataPanel.IOptions) {
    const translator = options.translator ?? nullTranslator;
    super({ translator });
    const trans = translator.load('jupyterlab_notebook_metadata');
    this.id = 'jp-notebook-metadata';
    this.addClass('jp-NotebookMetadata');
    this.title.icon = metadataIcon;
    this.title.caption = trans.__('Notebook Metadata');
    const title = ReactWidget.create(
      React.createElement('h2', null, trans.__('Notebook Metadata'))
    );
    title.addClass('jp-NotebookMetadata-title');
    this.header.addWidget(title);
    this.addWidget(
      ReactWidget.create(
        React.createElement(MetadataView, {
          active: options.active,
          translator
        })
      )
    );
  }
}

/**
 * The panel's types.
 */
export namespace NotebookMetadataPanel {
  /**
   * Options to create the panel.
   */
  export interface IOptions {
    /** Follows the active notebook. */
    active: ActiveNotebookMetadata;
    /** Translates the panel's text. */
    translator?: ITranslator;
  }
}
