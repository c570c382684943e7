import type { INotebookModel } from '@jupyterlab/notebook';
import { JSONExt, type PartialJSONObject } from '@lumino/coreutils';
import { type ISignal, Signal } from '@lumino/signaling';

/**
 * The metadata of one open notebook, as the panel sees it.
 *
 * It reads the notebook model, reports every change made anywhere (this
 * panel, another view, the kernel, code), and is the only place the panel
 * writes through: key by key, never by replacing the whole object.
 */
export class NotebookMetadataModel {
  /**
   * Create the model of an open notebook's context.
   */
  constructor(context: NotebookMetadataModel.INotebookSource) {
    this._context = context;
    this._notebook = context.model;
    this._notebook.metadataChanged.connect(this._onMetadataChanged, this);
    context.pathChanged.connect(this._onPathChanged, this);
  }

  /**
   * Emitted when the metadata, the path or the read-only state changes.
   */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /**
   * Emitted once, when the model is disposed.
   */
  get disposed(): ISignal<this, void> {
    return this._disposed;
  }

  /**
   * The notebook's path on the server.
   */
  get path(): string {
    return this._context.path;
  }

  /**
   * The notebook's file name.
   */
  get name(): string {
    const path = this._context.path;
    return path.slice(path.lastIndexOf('/') + 1);
  }

  /**
   * Whether the notebook can't be edited.
   */
  get readOnly(): boolean {
    return this._notebook.readOnly;
  }

  /**
   * The whole metadata, as a fresh copy.
   */
  get metadata(): PartialJSONObject {
    return this._notebook.metadata as PartialJSONObject;
  }

  /**
   * Whether the model has been disposed.
   */
  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /**
   * Stop following the notebook.
   */
  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._disposed.emit();
    Signal.clearData(this);
  }

  /**
   * Whether a key's current value equals a value.
   */
  isUnchanged(key: string, value: unknown): boolean {
    const current = this._notebook.getMetadata(key);
    return (
      current !== undefined &&
      JSONExt.deepEqual(current, value as PartialJSONObject)
    );
  }

  private _onMetadataChanged(): void {
    this._changed.emit();
  }

  private _onPathChanged(): void {
    this._changed.emit();
  }

  private _context: NotebookMetadataModel.INotebookSource;
  private _notebook: INotebookModel;
  private _isDisposed = false;
  private _changed = new Signal<this, void>(this);
  private _disposed = new Signal<this, void>(this);
}

/**
 * The metadata model's types.
 */
export namespace NotebookMetadataModel {
  /**
   * What the model needs of an open notebook (a document context has it).
   */
  export interface INotebookSource {
    /** The notebook model. */
    readonly model: INotebookModel;
    /** The notebook's path on the server. */
    readonly path: string;
    /** Emitted when the notebook is renamed or moved. */
    readonly pathChanged: ISignal<unknown, string>;
  }
}
