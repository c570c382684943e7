import type { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { type ISignal, Signal } from '@lumino/signaling';

import { NotebookMetadataModel } from './model';
import type { SectionRegistry } from './sections/registry';

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
    options: { sections?: SectionRegistry | null } = {}
  ) {
    this._tracker = tracker;
    this._sections = options.sections ?? null;
    tracker.currentChanged.connect(this._onCurrentChanged, this);
    this._onCurrentChanged(tracker, tracker.currentWidget);
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
    this._current = model;
    this._currentChanged.emit(model);
  }

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
  private _models = new Map<NotebookPanel, NotebookMetadataModel>();
  private _current: NotebookMetadataModel | null = null;
  private _currentChanged = new Signal<this, NotebookMetadataModel | null>(
    this
  );
  private _isDisposed = false;
}
