import { JSONExt, type PartialJSONValue } from '@lumino/coreutils';

import type { INotebookModel } from '@jupyterlab/notebook';

import { mergeConcurrent, sameValue } from './merge';
import {
  followMetadataMap,
  type IMapEntry,
  type ISharedNotebook,
  type ITransaction,
  type IYMap,
  type IYMapEvent,
  latestEntry,
  mapEntries,
  sharedNotebook
} from './sharedmodel';

/**
 * Edits of one metadata key made at the same time in several places (people
 * in a collaborative room), merged field by field instead of one of them
 * being dropped.
 *
 * The shared model keeps each top-level key as one value: when two people
 * write a key at the same time, Yjs keeps one write whole and drops the
 * other, even when they changed different fields of it (one took `week` out
 * of `course` while the other changed its `code`). Here, the side whose write
 * was dropped sees that (the write that replaced its own was made over the
 * value its own write replaced, not over its own) and writes the three-way
 * merge of the value both started from, its own and the kept one
 * (`mergeConcurrent`). Everyone then holds both intents. Where both changed
 * the same field, the kept write's value stays, as everyone already sees.
 *
 * Only the side that lost writes, once per conflict, so a room converges: a
 * merge that itself meets another one merges again over it.
 */
export class ConcurrentEdits {
  /**
   * The merging of a notebook's concurrent edits, shared by every view of
   * it; call `release` when done with it. Null if the notebook's shared
   * model is not ydoc's.
   */
  static acquire(notebook: INotebookModel): ConcurrentEdits | null {
    const shared = sharedNotebook(notebook);
    if (!shared) {
      return null;
    }
    let edits = Private.all.get(shared);
    if (!edits) {
      edits = new ConcurrentEdits(shared, notebook);
      Private.all.set(shared, edits);
    }
    edits._users += 1;
    return edits;
  }

  private constructor(shared: ISharedNotebook, notebook: INotebookModel) {
    this._shared = shared;
    this._stopFollowing = followMetadataMap(notebook, map => this._attach(map));
  }

  /**
   * Let go of it; the last user stops merging.
   */
  release(): void {
    this._users -= 1;
    if (this._users > 0) {
      return;
    }
    Private.all.delete(this._shared);
    this._stopFollowing();
    this._attach(null);
  }

  /** Follow another metadata map (the room synced, the file was loaded). */
  private _attach(map: IYMap | null): void {
    this._map?.unobserve(this._onChange);
    this._pending.clear();
    this._toCheck.clear();
    this._map = map;
    map?.observe(this._onChange);
  }

  private _onChange = (event: IYMapEvent, transaction: ITransaction): void => {
    const map = this._map;
    if (!map) {
      return;
    }
    for (const key of event.keysChanged) {
      if (!transaction.local) {
        this._received(key);
        continue;
      }
      const latest = latestEntry(map, key);
      if (latest) {
        this._wrote(key, latest, event.changes.keys.get(key)?.oldValue);
      }
    }
  };

  /** Record a write made here, until somebody is known to have seen it. */
  private _wrote(
    key: string,
    latest: IMapEntry,
    before: PartialJSONValue | undefined
  ): void {
    const value = latest.deleted
      ? undefined
      : (this._map!.get(key) as PartialJSONValue);
    const pending = this._pending.get(key);
    if (pending) {
      // Still unseen by others: what they had stays the base.
      pending.mine.push({ id: latest.deleted ? null : latest.id, value });
      return;
    }
    this._pending.set(key, {
      // A removal names the entry it removed; a write, the one it replaced.
      base: latest.deleted ? latest.id : latest.origin,
      before,
      mine: [{ id: latest.deleted ? null : latest.id, value }]
    });
  }

  /**
   * Another writer's change of a key arrived: look, once the transactions
   * that brought it are over, whether it dropped a write of ours.
   */
  private _received(key: string): void {
    if (!this._pending.has(key) || this._toCheck.has(key)) {
      return;
    }
    this._toCheck.add(key);
    const map = this._map;
    void Promise.resolve().then(() => {
      this._toCheck.delete(key);
      if (map && map === this._map) {
        this._check(map, key);
      }
    });
  }

  /** Merge our latest write of a key into the value kept, if it was dropped. */
  private _check(map: IYMap, key: string): void {
    const pending = this._pending.get(key);
    const entries = mapEntries(map, key);
    if (!pending || !entries) {
      return;
    }
    const latest = entries[0];
    const mine = pending.mine;
    if (mine.some(write => latest.has(write.id))) {
      // Our own write still stands (what arrived was dropped), or somebody
      // removed it after seeing it.
      if (latest.deleted) {
        this._pending.delete(key);
      }
      return;
    }
    this._pending.delete(key);
    // What the kept write was made over: one of ours, or what we had before.
    let base: PartialJSONValue | undefined = pending.before;
    let seen = -1;
    for (let origin = latest.origin; origin !== null;) {
      const index = mine.findIndex(write => write.id === origin);
      if (index >= 0) {
        seen = index;
        break;
      }
      if (origin === pending.base) {
        break;
      }
      const entry = entries.find(e => e.has(origin));
      origin = entry ? entry.origin : null;
    }
    if (seen === mine.length - 1) {
      return;
    }
    if (seen >= 0) {
      base = mine[seen].value;
    }
    const ours = mine[mine.length - 1].value;
    const theirs = latest.deleted
      ? undefined
      : (map.get(key) as PartialJSONValue);
    const merged = mergeConcurrent(base, ours, theirs);
    if (sameValue(merged, theirs)) {
      return;
    }
    this._shared.ydoc.transact(() => {
      if (merged === undefined) {
        map.delete(key);
      } else {
        map.set(key, JSONExt.deepCopy(merged));
      }
    }, this);
  }

  private _shared: ISharedNotebook;
  private _map: IYMap | null = null;
  private _stopFollowing: () => void;
  private _pending = new Map<string, Private.IPending>();
  private _toCheck = new Set<string>();
  private _users = 0;
}

/**
 * Module-private parts.
 */
namespace Private {
  /** Writes of a key made here that no other writer is known to have seen. */
  export interface IPending {
    /** The entry they were made over (null: the key was new). */
    base: string | null;
    /** The value they were made over. */
    before: PartialJSONValue | undefined;
    /** Each write: its entry (null for a removal) and the value written. */
    mine: Array<{ id: string | null; value: PartialJSONValue | undefined }>;
  }

  /** One merger per shared notebook. */
  export const all = new WeakMap<ISharedNotebook, ConcurrentEdits>();
}
