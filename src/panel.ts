import { type ITranslator, nullTranslator } from '@jupyterlab/translation';
import { ReactWidget, SidePanel } from '@jupyterlab/ui-components';
import React from 'react';

import { MetadataView } from './components/MetadataView';
import { metadataIcon } from './icon';
import type { KernelSpecs } from './kernelspecs';
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
    const heading = ReactWidget.create(
      React.createElement('h2', null, trans.__('Notebook Metadata'))
    );
    heading.addClass('jp-NotebookMetadata-title');
    this.header.addWidget(heading);
    this.addWidget(
      ReactWidget.create(
        React.createElement(MetadataView, {
          active: options.active,
          kernelSpecs: options.kernelSpecs,
          translator
        })
      )
    );
  }

  /**
   * Put the keyboard focus on the panel's first field, once it is rendered.
   */
  async focusFirstField(): Promise<void> {
    for (let frame = 0; frame < 60; frame++) {
      const field =
        this.node.querySelector<HTMLElement>(
          '.jp-NotebookMetadata-sectionContent :is(input, select, textarea):not(:disabled)'
        ) ??
        this.node.querySelector<HTMLElement>(
          '.jp-NotebookMetadata-sectionToggle, .jp-NotebookMetadata-placeholder'
        );
      if (field) {
        if (
          !field.hasAttribute('tabindex') &&
          !field.matches('input, select, textarea, button')
        ) {
          field.tabIndex = -1;
        }
        field.focus();
        return;
      }
      await new Promise(resolve => requestAnimationFrame(resolve));
    }
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
    /** The server's kernelspecs. */
    kernelSpecs: KernelSpecs;
    /** Translates the panel's text. */
    translator?: ITranslator;
  }
}
