import { JSONExt, type PartialJSONValue } from '@lumino/coreutils';
import { type ISignal, Signal } from '@lumino/signaling';

import type { INotebookModel } from '@jupyterlab/notebook';

import { sameValue } from './merge';
import {
  type ISharedNotebook,
  type IStackEvent,
  type ITransaction,
  type IUndoManager,
  type IYMap,
  type IYMapEvent,
  followMetadataMap,
  sharedNotebook
} from './sharedmodel';

/**
 * Metadata edits in the notebook's own undo history.
 *
 * `@jupyter/ydoc`'s notebook undo manager covers the cells only. This adds
 * the notebook's metadata map to its scope, so that edits made through the
 * panel undo and redo with the notebook's Undo and Redo, in their true order
 * among cell edits. Consecutive writes of one edit (typing in one field) make
 * one step.
 *
 * Writes nobody made in the panel (the kernel writing `kernelspec` and
 * `language_info`, another metadata editor, a collaborator) are kept out of
 * the history, and undoing an older step never overwrites them: such a value
 * is put back right after the undo.
 *
 * The undo manager is set to restore map values over later changes
 * (`ignoreRemoteMapChanges`): without it Yjs 13.5 refuses to bring back a
 * key that was deleted and then added again. The rule above keeps that from
 * overwriting anybody else's writes.
 */
export class MetadataHistory {
  /**
   * The history of a notebook, shared by every view of it; call `release`
   * when done with it. Null if the notebook's shared model is not ydoc's.
   */
  static acquire(notebook: INotebookModel): MetadataHistory | null {
    const shared = sharedNotebook(notebook);
    if (!shared) {
      return null;
    }
    let history = Private.histories.get(shared);
    if (!history) {
      history = new MetadataHistory(shared, notebook);
      Private.histories.set(shared, history);
    }
    history._users += 1;
    return history;
  }

  private constructor(shared: ISharedNotebook, notebook: INotebookModel) {
    this._shared = shared;
    const manager = shared.undoManager;
    this._manager = manager;
    this._previousCapture = manager.captureTransaction;
    this._previousIgnoreRemote = manager.ignoreRemoteMapChanges;
    manager.captureTransaction = transaction =>
      this._previousCapture(transaction) && this._capture(transaction);
    manager.ignoreRemoteMapChanges = true;
    manager.on('stack-item-added', this._onStackItemAdded);
    manager.on('stack-item-popped', this._onStackItemPopped);
    manager.on('stack-cleared', this._onStackCleared);
    // A collaborative room's map comes when the room syncs; the server puts
    // a new one in place when it loads the file again after a change on
    // disk. Steps over an older map no longer change anything (Yjs skips
    // them); other writers' values recorded in it no longer apply.
    this._stopFollowing = followMetadataMap(notebook, map => {
      this._map?.unobserve(this._onMapChange);
      this._map = map;
      this._foreign.clear();
      this._written.clear();
      if (map) {
        manager.addToScope(map);
        map.observe(this._onMapChange);
      }
      this._changed.emit();
    });
  }

  /**
   * Emitted when undo or redo becomes possible or impossible.
   */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /**
   * Whether there is a step to undo (of cells or metadata).
   */
  get canUndo(): boolean {
    return this._shared.canUndo();
  }

  /**
   * Whether there is a step to redo.
   */
  get canRedo(): boolean {
    return this._shared.canRedo();
  }

  /**
   * Whether an undo or redo is being applied right now.
   */
  get isApplying(): boolean {
    return this._manager.undoing || this._manager.redoing;
  }

  /**
   * Undo the notebook's last step.
   */
  undo(): void {
    this._shared.undo();
  }

  /**
   * Redo the notebook's last undone step.
   */
  redo(): void {
    this._shared.redo();
  }

  /**
   * Write metadata keys as one step of the notebook's history: `write` must
   * make its changes in one transaction tagged with the given function.
   * Writes of the same `edit` (e.g. typing in one field) merge into one step
   * while nothing else happened in between.
   */
  write(
    edit: string | undefined,
    keys: string[],
    write: (tag: (transaction: ITransaction) => void) => void
  ): void {
    const manager = this._manager;
    const top = manager.undoStack[manager.undoStack.length - 1];
    if (
      edit !== undefined &&
      edit === this._lastEdit &&
      top === this._lastItem
    ) {
      // Yjs merges a write made within its capture timeout of the last step
      // into that step; a last change "in the future" makes this write merge
      // however long it or the page takes (a loaded machine split typing).
      manager.lastChange = Number.MAX_SAFE_INTEGER;
    } else {
      manager.stopCapturing();
    }
    write(transaction => transaction.meta.set(Private.PANEL_WRITE, true));
    this._lastItem = manager.undoStack[manager.undoStack.length - 1];
    this._lastEdit = edit;
    // Nothing else (a cell edit right after) may merge into this step.
    manager.stopCapturing();
    // The panel's newer value now stands over any other writer's.
    for (const key of keys) {
      this._foreign.delete(key);
      this._written.set(key, this._valueOf(key));
    }
  }

  /**
   * End the current edit: the next write starts a new step.
   */
  endEdit(): void {
    this._lastEdit = undefined;
  }

  /**
   * Let go of the history; the last user restores the undo manager.
   */
  release(): void {
    this._users -= 1;
    if (this._users > 0) {
      return;
    }
    Private.histories.delete(this._shared);
    this._stopFollowing();
    this._map?.unobserve(this._onMapChange);
    const manager = this._manager;
    manager.off('stack-item-added', this._onStackItemAdded);
    manager.off('stack-item-popped', this._onStackItemPopped);
    manager.off('stack-cleared', this._onStackCleared);
    manager.captureTransaction = this._previousCapture;
    manager.ignoreRemoteMapChanges = this._previousIgnoreRemote;
    Signal.clearData(this);
  }

  /** Whether the undo manager records a transaction. */
  private _capture(transaction: ITransaction): boolean {
    const map = this._map;
    if (!map || !transaction.changedParentTypes.has(map)) {
      return true;
    }
    // The panel's writes, and undoing or redoing them.
    if (
      transaction.meta.get(Private.PANEL_WRITE) === true ||
      transaction.origin === this._manager
    ) {
      return true;
    }
    // Local mixed changes (loading the file) are left as they always were.
    // An update from a collaborator is another writer's, even when it also
    // changed cells (offline edits arrive merged into one update).
    if (transaction.local) {
      for (const type of transaction.changedParentTypes.keys()) {
        if (type !== map && type !== this._shared.ymeta) {
          return true;
        }
      }
    }
    // Another writer changed metadata: not a step of this history, and a
    // value no older step may overwrite.
    if (!this._restoring) {
      const unchanged = this._unchanged.get(transaction);
      for (const key of transaction.changed.get(map) ?? []) {
        if (typeof key !== 'string' || unchanged?.has(key)) {
          // Written again as it was: nothing of theirs to keep.
          continue;
        }
        if (
          !transaction.local &&
          this._written.has(key) &&
          sameValue(this._valueOf(key), this._written.get(key))
        ) {
          // A collaborator put back the value this panel wrote last (their
          // undo leaves a later value of ours alone by writing it again):
          // the key is ours again, and our own undo may take it back.
          this._foreign.delete(key);
          continue;
        }
        this._foreign.set(key, {
          value: map.get(key) as PartialJSONValue | undefined,
          after: this._sequence
        });
      }
    }
    return false;
  }

  /**
   * Note the keys a transaction wrote again with the value they had (Yjs
   * calls this before the undo manager looks at the transaction).
   */
  private _onMapChange = (
    event: IYMapEvent,
    transaction: ITransaction
  ): void => {
    let unchanged: Set<string> | undefined;
    for (const [key, change] of event.changes.keys) {
      const value = this._map?.get(key) as PartialJSONValue | undefined;
      if (
        change.action === 'update' &&
        value !== undefined &&
        change.oldValue !== undefined &&
        JSONExt.deepEqual(change.oldValue, value)
      ) {
        unchanged = unchanged ?? new Set();
        unchanged.add(key);
      }
    }
    if (unchanged) {
      this._unchanged.set(transaction, unchanged);
    }
  };

  private _onStackItemAdded = (event: IStackEvent): void => {
    if (event.type === 'undo') {
      this._sequence += 1;
      this._sequenceOf.set(event.stackItem, this._sequence);
    }
    this._changed.emit();
  };

  private _onStackItemPopped = (event: IStackEvent): void => {
    if (event.type === 'undo') {
      const step = this._sequenceOf.get(event.stackItem) ?? 0;
      for (const [key, write] of this._foreign) {
        if (step <= write.after) {
          this._restore(key, write.value);
        }
      }
    } else {
      // A redone step stands over other writers' values it replaced.
      for (const [key, write] of this._foreign) {
        if (
          !JSONExt.deepEqual(this._valueOf(key) ?? null, write.value ?? null)
        ) {
          this._foreign.delete(key);
        }
      }
    }
    this._changed.emit();
  };

  private _onStackCleared = (): void => {
    this._foreign.clear();
    this._changed.emit();
  };

  /** Put back another writer's value an undo replaced. */
  private _restore(key: string, value: PartialJSONValue | undefined): void {
    const current = this._valueOf(key);
    if (
      current === value ||
      (current !== undefined &&
        value !== undefined &&
        JSONExt.deepEqual(current, value))
    ) {
      return;
    }
    const map = this._map;
    if (!map) {
      return;
    }
    this._restoring = true;
    try {
      this._shared.ydoc.transact(() => {
        if (value === undefined) {
          map.delete(key);
        } else {
          map.set(key, JSONExt.deepCopy(value));
        }
      }, null);
    } finally {
      this._restoring = false;
    }
  }

  private _valueOf(key: string): PartialJSONValue | undefined {
    return this._map?.get(key) as PartialJSONValue | undefined;
  }

  private _shared: ISharedNotebook;
  private _map: IYMap | null = null;
  private _stopFollowing: () => void;
  private _manager: IUndoManager;
  private _previousCapture: (transaction: ITransaction) => boolean;
  private _previousIgnoreRemote: boolean;
  private _lastEdit: string | undefined = undefined;
  private _lastItem: unknown = undefined;
  private _sequence = 0;
  private _sequenceOf = new WeakMap<object, number>();
  private _foreign = new Map<
    string,
    { value: PartialJSONValue | undefined; after: number }
  >();
  private _restoring = false;
  private _written = new Map<string, PartialJSONValue | undefined>();
  private _unchanged = new WeakMap<ITransaction, Set<string>>();
  private _users = 0;
  private _changed = new Signal<this, void>(this);
}

/**
 * Module-private parts (exported for the tests' type checks only).
 */
export namespace Private {
  /** The mark of the panel's writes on a Yjs transaction. */
  export const PANEL_WRITE = 'jupyterlab-notebook-metadata:write';

  /** One history per shared notebook. */
  export const histories = new WeakMap<ISharedNotebook, MetadataHistory>();
}
