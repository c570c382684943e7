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
  /** Listen to the map's changes. */
  observe(f: (event: IYMapEvent, transaction: ITransaction) => void): void;
  /** Stop listening to the map's changes. */
  unobserve(f: (event: IYMapEvent, transaction: ITransaction) => void): void;
}

/**
 * A change of a Yjs map, as far as the extension uses one.
 */
export interface IYMapEvent {
  /** The keys that changed. */
  keysChanged: Set<string>;
  /** How each key changed, with its value before. */
  changes: {
    keys: Map<string, { action: 'add' | 'update' | 'delete'; oldValue: any }>;
  };
}

/**
 * The last write of a key of a Yjs map: Yjs keeps one entry per write of a
 * key, each naming the entry that was the key's value when it was written.
 */
export interface IMapEntry {
  /** The id of the entry's first write (`client:clock`). */
  readonly id: string;
  /** The id of the entry it was written over, or null for a new key. */
  readonly origin: string | null;
  /** Whether it was deleted (the key removed, or written over). */
  readonly deleted: boolean;
  /**
   * Whether `id` is one of this entry's: Yjs may join consecutive deleted
   * writes of one writer into one entry.
   */
  has(id: string | null): boolean;
}

/**
 * The latest entry of a key of a Yjs map, with the entries it was written
 * over, newest first, as far as Yjs still knows them (null when the map is
 * not a Yjs map or never had the key).
 *
 * Yjs writes a key by adding an entry that names the entry it replaces (its
 * origin): two writes that name the same origin were made at the same time,
 * neither writer seeing the other's, and only one of them is kept.
 */
export function mapEntries(map: IYMap, key: string): IMapEntry[] | null {
  const last = Private.lastItem(map, key);
  if (!last) {
    return null;
  }
  const entries: IMapEntry[] = [];
  for (let item: Private.IItem | null = last; item; item = item.left) {
    entries.push(Private.entryOf(item));
  }
  return entries;
}

/**
 * The latest entry of a key of a Yjs map (see `mapEntries`).
 */
export function latestEntry(map: IYMap, key: string): IMapEntry | null {
  const last = Private.lastItem(map, key);
  return last ? Private.entryOf(last) : null;
}

/**
 * Call `follow` with the notebook's metadata map (or null) now, and again
 * each time the shared model puts another map in its place: when a
 * collaborative room first syncs, or when the server loads the file again
 * after it changed on disk (it then replaces the whole map, and the
 * notebook model reports no metadata change). Returns what stops following.
 */
export function followMetadataMap(
  notebook: INotebookModel,
  follow: (map: IYMap | null) => void
): () => void {
  const ymeta = (notebook.sharedModel as { ymeta?: IYMap }).ymeta;
  let current = metadataMap(notebook);
  follow(current);
  if (!ymeta || typeof ymeta.observe !== 'function') {
    return () => undefined;
  }
  const onMeta = (event: IYMapEvent) => {
    if (event.keysChanged.has('metadata')) {
      const map = metadataMap(notebook);
      if (map !== current) {
        current = map;
        follow(map);
      }
    }
  };
  ymeta.observe(onMeta);
  return () => ymeta.unobserve(onMeta);
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
  undoStack: object[];
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
 * manager; null otherwise. Its metadata map may not be there yet (a
 * collaborative room that has not synced): see `followMetadataMap`.
 */
export function sharedNotebook(
  notebook: INotebookModel
): ISharedNotebook | null {
  const shared = notebook.sharedModel as unknown as Partial<ISharedNotebook>;
  if (!shared.ydoc || !shared.ymeta || !shared.undoManager) {
    return null;
  }
  return shared as ISharedNotebook;
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

/**
 * Module-private parts.
 */
namespace Private {
  /** A Yjs id. */
  export interface IId {
    client: number;
    clock: number;
  }

  /** A Yjs item, as far as `mapEntries` reads one. */
  export interface IItem {
    id: IId;
    origin: IId | null;
    left: IItem | null;
    deleted: boolean;
    length?: number;
  }

  /** The last item of a key of a Yjs map, if it is one. */
  export function lastItem(map: IYMap, key: string): IItem | null {
    const items = (map as unknown as { _map?: Map<string, IItem> })._map;
    const last = items?.get(key);
    return last && last.id ? last : null;
  }

  /** The entry of an item. */
  export function entryOf(item: IItem): IMapEntry {
    const { client, clock } = item.id;
    const length = item.length ?? 1;
    return {
      id: idOf(item.id),
      origin: item.origin ? idOf(item.origin) : null,
      deleted: item.deleted,
      has: (id: string | null) => {
        if (id === null) {
          return false;
        }
        const [c, k] = id.split(':').map(Number);
        return c === client && k >= clock && k < clock + length;
      }
    };
  }

  /** An id as one string. */
  export function idOf(id: IId): string {
    return `${id.client}:${id.clock}`;
  }
}
