import type { CodeEditor } from '@jupyterlab/codeeditor';
import type { Contents } from '@jupyterlab/services';
import { type ITranslator, nullTranslator } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import type { CommandRegistry } from '@lumino/commands';
import { Panel } from '@lumino/widgets';
import React from 'react';

import { FocusKeeper } from './components/focus';
import { MetadataView } from './components/MetadataView';
import { metadataIcon } from './icon';
import type { SectionStates } from './sectionstate';
import type { SectionRegistry } from './sections/registry';
import type { ActiveNotebookMetadata } from './tracker';

/**
 * The right-sidebar panel: the metadata of the active notebook.
 *
 * A plain panel (heading over a scrolling body) rather than core's
 * SidePanel: it holds one view, so an accordion around it would only add
 * an empty title bar.
 */
export class NotebookMetadataPanel extends Panel {
  /**
   * Create the panel for the notebooks an `ActiveNotebookMetadata` follows.
   */
  constructor(options: NotebookMetadataPanel.IOptions) {
    const translator = options.translator ?? nullTranslator;
    super();
    const trans = translator.load('jupyterlab_notebook_metadata');
    this.id = 'jp-notebook-metadata';
    this.addClass('jp-NotebookMetadata');
    this.title.icon = metadataIcon;
    this.title.caption = trans.__('Notebook Metadata');
    const heading = ReactWidget.create(
      React.createElement('h2', null, trans.__('Notebook Metadata'))
    );
    heading.addClass('jp-NotebookMetadata-title');
    this.addWidget(heading);
    const body = ReactWidget.create(
      React.createElement(MetadataView, {
        active: options.active,
        sections: options.sections,
        states: options.states,
        translator,
        editorFactory: options.editorFactory,
        commands: options.commands,
        contents: options.contents ?? null
      })
    );
    body.addClass('jp-NotebookMetadata-body');
    this.addWidget(body);
    this._onLeave = options.onLeave ?? null;
    this._focusKeeper = new FocusKeeper(this.node);
  }

  /** Dispose of the panel and what keeps its focus. */
  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._focusKeeper.dispose();
    super.dispose();
  }

  /**
   * Put the keyboard focus on the panel's first field, once it is rendered.
   * A command palette that closes after running the command gives focus
   * back to where it was, so the focus is checked again for a few frames.
   */
  async focusFirstField(): Promise<void> {
    let focused = 0;
    for (let frame = 0; frame < 60 && focused < 3; frame++) {
      const field = Private.firstField(this.node);
      if (field) {
        if (document.activeElement === field) {
          focused++;
        } else {
          field.focus();
        }
      }
      await new Promise(resolve => requestAnimationFrame(resolve));
    }
  }

  /** Whether the keyboard focus is in the panel. */
  get hasFocus(): boolean {
    return this.isVisible && this.node.contains(document.activeElement);
  }

  /**
   * Leave the panel (`onLeave`: close it, back to the notebook). Escape does
   * not: in a field it takes back the draft; the close command (the open
   * command's keys, pressed inside the panel) leaves it.
   */
  leave(): void {
    this._onLeave?.();
  }

  private _focusKeeper: FocusKeeper;
  private _onLeave: (() => void) | null;
}

/**
 * Module-private helpers.
 */
namespace Private {
  /** The first field of the panel, or else its first control. */
  export function firstField(node: HTMLElement): HTMLElement | null {
    const field =
      node.querySelector<HTMLElement>(
        '.jp-NotebookMetadata-sectionContent :is(input, select, textarea):not(:disabled)'
      ) ??
      node.querySelector<HTMLElement>('.jp-NotebookMetadata-sectionToggle') ??
      node.querySelector<HTMLElement>('.jp-NotebookMetadata-placeholder');
    if (field && !field.matches('input, select, textarea, button')) {
      field.tabIndex = -1;
    }
    return field;
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
    /** The sections to show. */
    sections: SectionRegistry;
    /** Which sections are open. */
    states: SectionStates;
    /** Translates the panel's text. */
    translator?: ITranslator;
    /** JupyterLab's code editor factory, for JSON (a text area without it). */
    editorFactory?: CodeEditor.Factory;
    /** The app's commands: the panel's undo and redo. */
    commands: CommandRegistry;
    /** The server's files: what paired text files keep of the metadata. */
    contents?: Contents.IManager | null;
    /** Leave the panel: close it and give the focus back to the notebook. */
    onLeave?: () => void;
  }
}
