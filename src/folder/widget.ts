/**
 * The folder report in the main area: a `MainAreaWidget` around the React
 * view of a `FolderReportModel`.
 */
import { MainAreaWidget } from '@jupyterlab/apputils';
import type { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import React from 'react';

import { metadataIcon } from '../icon';
import type { FolderReportModel } from './model';
import { FolderReportView } from './view';

/** The report's body: the view of its model. */
export class FolderReportBody extends ReactWidget {
  /** A body for a report. */
  constructor(
    readonly model: FolderReportModel,
    private readonly _trans: TranslationBundle,
    private readonly _onOpen: (path: string) => void
  ) {
    super();
    this.addClass('jp-NotebookMetadata-folderBody');
  }

  /** Stop following the model. */
  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.model.dispose();
    super.dispose();
  }

  protected render(): JSX.Element {
    return React.createElement(FolderReportView, {
      model: this.model,
      trans: this._trans,
      onOpen: this._onOpen
    });
  }
}

/** The folder report widget. */
export class FolderReport extends MainAreaWidget<FolderReportBody> {
  /** A report of `model`'s folders; it scans them once shown. */
  constructor(options: FolderReport.IOptions) {
    const content = new FolderReportBody(
      options.model,
      options.trans,
      options.onOpen
    );
    super({ content });
    this.id = `jp-NotebookMetadata-folder-${Private.nextId()}`;
    this.addClass('jp-NotebookMetadata-folderReport');
    const where = options.model.paths.join(', ') || '/';
    this.title.label = options.trans.__('Metadata: %1', where);
    this.title.caption = options.trans.__('The notebook metadata of %1', where);
    this.title.icon = metadataIcon;
    this.title.closable = true;
  }

  /** The report's paths, as a key to find an open report again. */
  get key(): string {
    return FolderReport.keyOf(this.content.model.paths);
  }
}

/** The report widget's types. */
export namespace FolderReport {
  /** What a report needs. */
  export interface IOptions {
    /** Its model. */
    model: FolderReportModel;
    /** The extension's translations. */
    trans: TranslationBundle;
    /** Open a notebook with the metadata panel. */
    onOpen: (path: string) => void;
  }

  /** The key of a set of paths. */
  export function keyOf(paths: ReadonlyArray<string>): string {
    return JSON.stringify([...paths].sort());
  }
}

/**
 * Module-private helpers.
 */
namespace Private {
  let count = 0;

  /** A number for a new report. */
  export function nextId(): number {
    count += 1;
    return count;
  }
}
