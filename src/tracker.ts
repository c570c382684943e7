import type { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { Token } from '@lumino/coreutils';
import { type ISignal, Signal } from '@lumino/signaling';

import { fileStates, type IFolderLister } from './files';
import { NotebookMetadataModel } from './model';
import type { SectionRegistry } from './sections/registry';

/** How often the active notebook's file is looked for (ms). */
export const FILE_CHECK_INTERVAL = 10_000;

/** How long after a switch or a rename the file is looked for (ms). */
export const FILE_CHECK_DELAY = 300;

/**
 * The metadata of the active notebook, which the panel plugin provides to
 * the extension's other plugins (not exported from the package).
 */
export const IActiveNotebookMetadata = new Token<ActiveNotebookMetadata>(
  'jupyterlab-notebook-metadata:IActiveNotebookMetadata',
  "The metadata model of the active notebook, for the extension's own plugins."
);

/**
 * Follows the active notebook and hands out the metadata model of it.
 *
 * The notebook tracker keeps its current widget when focus moves into a
 * sidebar, so the panel keeps editing the notebook the user came from; it
 * becomes `null` only when the last notebook closes.
 */
export class ActiveNotebookMetadata {
  /**
   * Follow the notebooks of a tracker; their writes are checked against the
   * shown sections of `sections`, if given.
   */
  constructor(
    tracker: INotebookTracker,
    options: ActiveNotebookMetadata.IOptions = {}
  ) {
    this._tracker = tracker;
    this._sections = options.sections ?? null;
    this._files = options.files ?? null;
    this._fileCheckWait = options.fileCheckDelay ?? FILE_CHECK_DELAY;
    tracker.currentChanged.connect(this._onCurrentChanged, this);
    this._onCurrentChanged(tracker, tracker.currentWidget);
    if (this._files) {
      // Another program may delete or move the file at any time; look when
      // the user comes back to the page, and now and then while it is shown.
      window.addEventListener('focus', this._checkFile);
      document.addEventListener('visibilitychange', this._checkFile);
      this._fileTimer = window.setInterval(
        this._checkFile,
        options.fileCheckInterval ?? FILE_CHECK_INTERVAL
      );
    }
  }

  /**
   * The metadata model of the active notebook, if any.
   */
  get current(): NotebookMetadataModel | null {
    return this._current;
  }

  /**
   * Emitted when another notebook (or none) becomes the active one.
   */
  get currentChanged(): ISignal<this, NotebookMetadataModel | null> {
    return this._currentChanged;
  }

  /**
   * Whether the tracker has been disposed.
   */
  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /**
   * Stop following notebooks and dispose every model handed out.
   */
  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._tracker.currentChanged.disconnect(this._onCurrentChanged, this);
    if (this._files) {
      window.removeEventListener('focus', this._checkFile);
      document.removeEventListener('visibilitychange', this._checkFile);
      window.clearInterval(this._fileTimer);
      window.clearTimeout(this._fileCheckDelay);
    }
    for (const model of this._models.values()) {
      model.dispose();
    }
    this._models.clear();
    this._current = null;
    Signal.clearData(this);
  }

  private _onCurrentChanged(
    _: INotebookTracker,
    panel: NotebookPanel | null
  ): void {
    const model = panel && !panel.isDisposed ? this._modelFor(panel) : null;
    if (model === this._current) {
      return;
    }
    this._current?.changed.disconnect(this._onModelChanged, this);
    this._current = model;
    model?.changed.connect(this._onModelChanged, this);
    this._currentChanged.emit(model);
    this._scheduleFileCheck();
  }

  /** A renamed notebook's file is looked for at its new path. */
  private _onModelChanged(
    _: NotebookMetadataModel,
    change: NotebookMetadataModel.IChange
  ): void {
    if (change.type === 'path') {
      this._scheduleFileCheck();
    }
  }

  /**
   * Look for the file a little later: not in the frame that shows another
   * notebook, and once after many quick switches.
   */
  private _scheduleFileCheck(): void {
    if (!this._files) {
      return;
    }
    window.clearTimeout(this._fileCheckDelay);
    this._fileCheckDelay = window.setTimeout(
      this._checkFile,
      this._fileCheckWait
    );
  }

  /**
   * Look whether the active notebook's file is still on the server, and
   * tell its model (which then writes nothing while it is gone).
   */
  private _checkFile = (): void => {
    const model = this._current;
    if (!model || !this._files || document.visibilityState === 'hidden') {
      return;
    }
    const path = model.path;
    void fileStates(this._files, [path]).then(states => {
      if (!model.isDisposed && model.path === path) {
        model.setFileState(states[path]);
      }
    });
  };

  /** The model of a notebook panel, made on first use and disposed with it. */
  private _modelFor(panel: NotebookPanel): NotebookMetadataModel {
    let model = this._models.get(panel);
    if (!model) {
      const created = new NotebookMetadataModel(panel.context, {
        sections: this._sections
      });
      this._models.set(panel, created);
      panel.disposed.connect(() => {
        if (this._isDisposed) {
          return;
        }
        this._models.delete(panel);
        created.dispose();
        if (this._current === created) {
          this._onCurrentChanged(this._tracker, this._tracker.currentWidget);
        }
      });
      model = created;
    }
    return model;
  }

  private _tracker: INotebookTracker;
  private _sections: SectionRegistry | null;
  private _files: IFolderLister | null;
  private _fileTimer = 0;
  private _fileCheckDelay = 0;
  private _fileCheckWait: number;
  private _models = new Map<NotebookPanel, NotebookMetadataModel>();
  private _current: NotebookMetadataModel | null = null;
  private _currentChanged = new Signal<this, NotebookMetadataModel | null>(
    this
  );
  private _isDisposed = false;
}

/**
 * The tracker's types.
 */
export namespace ActiveNotebookMetadata {
  /**
   * Options of the tracker.
   */
  export interface IOptions {
    /** The sections whose schemas every write is checked against. */
    sections?: SectionRegistry | null;
    /** Where to look whether the active notebook's file is still there. */
    files?: IFolderLister | null;
    /** How often to look, in ms (default `FILE_CHECK_INTERVAL`). */
    fileCheckInterval?: number;
    /** How long after a switch to look, in ms (default `FILE_CHECK_DELAY`). */
    fileCheckDelay?: number;
  }
}
