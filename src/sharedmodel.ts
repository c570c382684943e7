import type { INotebookModel } from '@jupyterlab/notebook';

/**
 * The notebook's shared model as `@jupyter/ydoc` builds it on Yjs.
 *
 * The only module that knows those internals: the rest of the extension
 * reaches the Yjs document, the metadata map and the undo manager through
 * the structural types and functions here, so nothing imports Yjs.
 */

/**
 * A Yjs map, as far as the extension uses one.
 */
export interface IYMap {
  /** The value of a key. */
  get(key: string): unknown;
  /** Set a key. */
  set(key: string, value: unknown): void;
  /** Delete a key. */
  delete(key: string): void;
  /** Call `f` with every value and key. */
  forEach(f: (value: unknown, key: string) => void): void;
}

/**
 * A Yjs transaction, as far as the extension uses one.
 */
export interface ITransaction {
  /** Who made the transaction. */
  origin: unknown;
  /** Whether it was made by this client. */
  local: boolean;
  /** Free-form marks of the transaction. */
  meta: Map<unknown, unknown>;
  /** The changed keys of every changed type. */
  changed: Map<unknown, Set<string | null>>;
  /** The types changed, or whose children changed. */
  changedParentTypes: Map<unknown, unknown>;
}

/**
 * An event of a Yjs undo manager's stacks.
 */
export interface IStackEvent {
  /** The item added or popped. */
  stackItem: object;
  /** The stack it was added to or popped from. */
  type: 'undo' | 'redo';
}

/**
 * A Yjs undo manager, as far as the extension uses one.
 */
export interface IUndoManager {
  /** The steps to undo, the last one on top. */
  undoStack: unknown[];
  /** Whether an undo is being applied. */
  undoing: boolean;
  /** Whether a redo is being applied. */
  redoing: boolean;
  /** When the last step was captured (milliseconds). */
  lastChange: number;
  /** Whether undoing restores map values over later changes. */
  ignoreRemoteMapChanges: boolean;
  /** Whether a transaction is recorded. */
  captureTransaction: (transaction: ITransaction) => boolean;
  /** Track a shared type too. */
  addToScope(type: unknown): void;
  /** Make the next change a new step. */
  stopCapturing(): void;
  /** Listen to a stack event. */
  on(event: string, handler: (event: IStackEvent) => void): void;
  /** Stop listening to a stack event. */
  off(event: string, handler: (event: IStackEvent) => void): void;
}

/**
 * `@jupyter/ydoc`'s notebook, as far as the extension uses it.
 */
export interface ISharedNotebook {
  /** The Yjs document. */
  ydoc: {
    transact(f: (transaction: ITransaction) => void, origin: unknown): void;
  };
  /** The notebook-level map, holding the metadata map. */
  ymeta: IYMap;
  /** The undo manager of the notebook. */
  undoManager: IUndoManager;
  /** Whether there is a step to undo. */
  canUndo(): boolean;
  /** Whether there is a step to redo. */
  canRedo(): boolean;
  /** Undo the last step. */
  undo(): void;
  /** Redo the last undone step. */
  redo(): void;
}

/**
 * The notebook's shared model, if it is `@jupyter/ydoc`'s with an undo
 * manager and a metadata map; null otherwise.
 */
export function sharedNotebook(
  notebook: INotebookModel
): ISharedNotebook | null {
  const shared = notebook.sharedModel as unknown as Partial<ISharedNotebook>;
  if (!shared.ydoc || !shared.ymeta || !shared.undoManager) {
    return null;
  }
  return shared.ymeta.get('metadata') ? (shared as ISharedNotebook) : null;
}

/**
 * The shared map of the notebook's metadata, where `@jupyter/ydoc` keeps
 * it; null if the shared model has none.
 *
 * Written directly because the notebook's own `deleteMetadata` rewrites
 * every key to delete one (ydoc 4.0); a direct per-key write keeps other
 * keys, and other people's concurrent edits of them, untouched.
 */
export function metadataMap(notebook: INotebookModel): IYMap | null {
  const ymeta = (notebook.sharedModel as { ymeta?: IYMap }).ymeta;
  const map = ymeta?.get('metadata') as IYMap | undefined;
  return map && typeof map.delete === 'function' ? map : null;
}

/**
 * Run `body` in one transaction of the notebook's shared model.
 *
 * With `tag`, on a Yjs document, `tag` marks the transaction before `body`
 * runs, and the origin is the shared model itself, so that its undo manager
 * tracks the change. Otherwise it is the shared model's own `transact`.
 */
export function transact(
  notebook: INotebookModel,
  body: () => void,
  tag?: (transaction: ITransaction) => void
): void {
  const shared = notebook.sharedModel as unknown as Partial<ISharedNotebook>;
  if (shared.ydoc && tag) {
    shared.ydoc.transact(transaction => {
      tag(transaction);
      body();
    }, shared);
  } else {
    notebook.sharedModel.transact(body);
  }
}
