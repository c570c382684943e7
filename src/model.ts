import type { ISessionContext } from '@jupyterlab/apputils';
import type { INotebookModel } from '@jupyterlab/notebook';
import {
  JSONExt,
  type PartialJSONObject,
  type PartialJSONValue
} from '@lumino/coreutils';
import { type ISignal, Signal } from '@lumino/signaling';

import { ConcurrentEdits } from './concurrent';
import type { FileState } from './files';
import { MetadataHistory } from './history';
import { checkKeyName, customKeys, unkeepableValue } from './keys';
import { NotebookKernel } from './session';
import { getPath, parseFieldName, setPath, toPointer } from './pointer';
import type { SectionRegistry } from './sections/registry';
import {
  followMetadataMap,
  type ITransaction,
  metadataMap,
  transact
} from './sharedmodel';
import type { IMessage, IMetadataProblem, INotebookMetadata } from './tokens';

/** Why nothing is written while the notebook's file is gone. */
export const FILE_MISSING =
  'The file of this notebook, "%1", is no longer on the server: it was deleted or moved outside JupyterLab. The panel writes nothing to it; save the notebook to write the file again, or close it.';

/**
 * The metadata of one open notebook, as the panel sees it.
 *
 * It reads the notebook model, reports every change made anywhere (this
 * panel, another view, the kernel, code), and is the one place the panel
 * writes through: only valid values, key by key, never by clearing and
 * rewriting the whole object, so keys nobody touched stay as they are.
 */
export class NotebookMetadataModel implements INotebookMetadata {
  /**
   * Create the model of an open notebook; writes are checked against the
   * shown sections of `sections`, if given.
   */
  constructor(
    source: NotebookMetadataModel.INotebookSource,
    options: NotebookMetadataModel.IOptions = {}
  ) {
    this.id = Private.nextId();
    this._source = source;
    this._sections = options.sections ?? null;
    this._notebook = source.model;
    this._metadata = Private.readAll(this._notebook);
    this._history = MetadataHistory.acquire(this._notebook);
    this._concurrent = ConcurrentEdits.acquire(this._notebook);
    this._stopFollowing = followMetadataMap(this._notebook, map =>
      this._onMapReplaced(map)
    );
    this._notebook.metadataChanged.connect(this._onMetadataChanged, this);
    this._notebook.stateChanged.connect(this._onStateChanged, this);
    source.pathChanged.connect(this._onPathChanged, this);
    source.fileChanged?.connect(this._onFileSaved, this);
    this.kernel = new NotebookKernel(source.sessionContext ?? null);
  }

  /**
   * A unique id of this model.
   */
  readonly id: string;

  /** The kernel of the notebook's session. */
  readonly kernel: NotebookKernel;

  /**
   * Emitted after the metadata, the path, the read-only state or whether
   * the file is on the server changes.
   */
  get changed(): ISignal<this, NotebookMetadataModel.IChange> {
    return this._changed;
  }

  /**
   * A number that grows with every change the model reports (for views that
   * read the model as an external store).
   */
  get version(): number {
    return this._version;
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
    return this._source.path;
  }

  /**
   * The notebook's file name.
   */
  get name(): string {
    const path = this._source.path;
    return path.slice(path.lastIndexOf('/') + 1);
  }

  /**
   * Whether the notebook can't be edited.
   */
  get readOnly(): boolean {
    return this._notebook.readOnly;
  }

  /**
   * Whether the notebook's file is known to be gone from the server (deleted
   * or moved by another program). Nothing is written then: the writes would
   * only wait for a save (or an autosave) to bring the file back.
   */
  get fileMissing(): boolean {
    return this._fileMissing;
  }

  /**
   * Record what a look at the server found of the notebook's file (nothing
   * changes when it is unknown).
   */
  setFileState(state: FileState): void {
    const missing =
      state === 'missing' ? true : state === 'exists' ? false : null;
    if (missing !== null && missing !== this._fileMissing) {
      this._fileMissing = missing;
      this._emitChanged({ type: 'file' });
    }
  }

  /**
   * The whole metadata. A new object after each change; never mutate it.
   */
  get metadata(): Readonly<PartialJSONObject> {
    // Read again once after any number of changes: loading a notebook of
    // thousands of keys reports them one by one.
    if (this._stale) {
      this._metadata = Private.readAll(this._notebook);
      this._stale = false;
      this._changedSinceRead.clear();
    }
    return this._metadata;
  }

  /**
   * The custom keys: every key that no section edits as a whole.
   */
  get customKeys(): string[] {
    return customKeys(this.metadata, this.sectionOf);
  }

  /**
   * The label of the shown section that edits a top-level key as a whole,
   * or null when it is a custom key.
   */
  sectionOf = (key: string): string | null =>
    this._sections?.ownerOfKey(key)?.section.label ?? null;

  /**
   * The labels of the shown sections that edit values inside a custom key
   * (e.g. a section with the field `/toc/base_numbering`, for `toc`).
   */
  sectionsInside(key: string): string[] {
    return (this._sections?.sectionsInside(key) ?? []).map(
      entry => entry.section.label
    );
  }

  /**
   * The notebook's undo history, metadata edits included (null when the
   * notebook's shared model is not @jupyter/ydoc's).
   */
  get history(): MetadataHistory | null {
    return this._history;
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
    this._history?.release();
    this._history = null;
    this._concurrent?.release();
    this._concurrent = null;
    this._stopFollowing();
    this._notebook.metadataChanged.disconnect(this._onMetadataChanged, this);
    this._notebook.stateChanged.disconnect(this._onStateChanged, this);
    this._source.pathChanged.disconnect(this._onPathChanged, this);
    this._source.fileChanged?.disconnect(this._onFileSaved, this);
    this.kernel.dispose();
    Signal.clearData(this);
  }

  /**
   * Set keys to new values, all in one edit. A value of `undefined` deletes
   * its key. Nothing is written if the result would not be valid; keys whose
   * value is unchanged are not written at all.
   *
   * Each call is one undo step, except that consecutive calls with the same
   * `edit` (e.g. keystrokes in one field) merge into one step.
   *
   * @returns the problems that kept the edit out, or an empty list.
   */
  update(
    changes: Record<string, PartialJSONValue | undefined>,
    edit?: string
  ): IMetadataProblem[] {
    if (this.readOnly) {
      return [{ path: '/', message: 'The notebook is read-only.' }];
    }
    if (this._fileMissing) {
      return [{ path: '/', message: FILE_MISSING, args: [this.path] }];
    }
    // Without a prototype, every name (`__proto__`, `constructor`) is a key.
    const next = Private.copy(this.metadata);
    const writes: Array<[string, PartialJSONValue | undefined]> = [];
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) {
        if (key in next) {
          delete next[key];
          writes.push([key, undefined]);
        }
      } else if (
        !(key in next) ||
        !JSONExt.deepEqual(next[key] as PartialJSONValue, value)
      ) {
        next[key] = value;
        writes.push([key, value]);
      }
    }
    if (writes.length === 0) {
      return [];
    }
    const unkeepable = Private.unkeepable(writes);
    if (unkeepable.length > 0) {
      return unkeepable;
    }
    // Only what is written is checked: an invalid value already in the
    // file must not block edits of other values.
    const problems =
      this._sections?.validate(
        this.metadata,
        next,
        writes.map(([key]) => key)
      ) ?? [];
    if (problems.length > 0) {
      return problems;
    }
    if (this._history) {
      this._history.write(
        edit,
        writes.map(([key]) => key),
        tag => Private.write(this._notebook, writes, tag)
      );
    } else {
      Private.write(this._notebook, writes);
    }
    return [];
  }

  /**
   * The value of a field: a top-level key, or a JSON pointer to a nested
   * value (`/toc/base_numbering`).
   */
  getField(field: string): PartialJSONValue | undefined {
    const parsed = parseFieldName(field);
    return parsed.ok ? getPath(this.metadata, parsed.path) : undefined;
  }

  /**
   * Set a field (a top-level key or a JSON pointer; `undefined` removes
   * it), reading the key's latest value so every sibling, and every other
   * writer's change of them, is kept. See `update`.
   */
  setField(
    field: string,
    value: PartialJSONValue | undefined,
    options: INotebookMetadata.ISetOptions = {}
  ): IMetadataProblem[] {
    const parsed = parseFieldName(field);
    if (!parsed.ok) {
      return [{ path: field, message: '%1', args: [parsed.message] }];
    }
    const [key, ...rest] = parsed.path;
    const result = setPath(
      this.metadata[key] as PartialJSONValue | undefined,
      rest,
      value,
      options.prune
    );
    if (!result.ok) {
      return [{ path: field, message: '%1', args: [result.message] }];
    }
    return this.update({ [key]: result.value }, options.edit);
  }

  /**
   * End the current edit (a field lost focus): the next write is a new step.
   */
  endEdit(): void {
    this._history?.endEdit();
  }

  /**
   * Set one key. See `update`.
   */
  set(key: string, value: PartialJSONValue, edit?: string): IMetadataProblem[] {
    return this.update({ [key]: value }, edit);
  }

  /**
   * Delete one key.
   */
  delete(key: string): void {
    this.update({ [key]: undefined });
  }

  /**
   * Rename a custom key, keeping its value, in one edit.
   *
   * @returns the problem with the new name, or null once renamed.
   */
  rename(oldKey: string, newKey: string): IMessage | null {
    if (oldKey === newKey) {
      return null;
    }
    const problem = checkKeyName(
      newKey,
      Object.keys(this.metadata),
      oldKey,
      this.sectionOf
    );
    if (problem) {
      return problem;
    }
    const value = this.metadata[oldKey];
    if (value === undefined) {
      return { message: 'There is no key named "%1".', args: [oldKey] };
    }
    const problems = this.update({ [oldKey]: undefined, [newKey]: value });
    return problems[0] ?? null;
  }

  /**
   * Make the metadata equal to a whole new object, writing only the keys
   * that differ (the raw JSON view applies through this).
   */
  replaceAll(next: PartialJSONObject): IMetadataProblem[] {
    const changes: Record<string, PartialJSONValue | undefined> =
      Object.create(null);
    for (const key of Object.keys(this.metadata)) {
      if (!(key in next)) {
        changes[key] = undefined;
      }
    }
    for (const [key, value] of Object.entries(next)) {
      if (value !== undefined) {
        changes[key] = value;
      }
    }
    return this.update(changes);
  }

  private _onMetadataChanged(_: INotebookModel, change: { key: string }): void {
    this._stale = true;
    this._changedSinceRead.add(change.key);
    if (this._history?.isApplying) {
      // An undo or redo of metadata changes the document: it needs saving.
      this._notebook.dirty = true;
    }
    this._emitChanged({ type: 'metadata', key: change.key });
  }

  /**
   * The shared model put another metadata map in place of the one shown:
   * when the server loads the file again after a change on disk, it replaces
   * the whole map and the notebook model reports no change. Every key whose
   * value differs is reported here. (A collaborative room's first map is
   * reported by the notebook model, key by key.)
   */
  private _onMapReplaced(map: unknown): void {
    const before = this._mapShown;
    this._mapShown = map;
    if (before === null || map === null) {
      return;
    }
    // What was last read, and the keys reported changed since.
    const old = this._metadata;
    const changed = new Set(this._changedSinceRead);
    this._metadata = Private.readAll(this._notebook);
    this._stale = false;
    this._changedSinceRead.clear();
    const next = this._metadata;
    for (const key of new Set([...Object.keys(old), ...Object.keys(next)])) {
      const a = old[key] as PartialJSONValue | undefined;
      const b = next[key] as PartialJSONValue | undefined;
      if (
        a === undefined || b === undefined ? a !== b : !JSONExt.deepEqual(a, b)
      ) {
        changed.add(key);
      }
    }
    for (const key of changed) {
      this._emitChanged({ type: 'metadata', key });
    }
  }

  private _onStateChanged(_: INotebookModel, change: { name: string }): void {
    if (change.name === 'readOnly') {
      this._emitChanged({ type: 'readOnly' });
    }
  }

  private _onPathChanged(): void {
    this._emitChanged({ type: 'path' });
  }

  /** Saved (or reverted): the file is on the server again. */
  private _onFileSaved(): void {
    this.setFileState('exists');
  }

  private _history: MetadataHistory | null;
  private _concurrent: ConcurrentEdits | null;
  private _stopFollowing: () => void;
  private _mapShown: unknown = null;
  private _sections: SectionRegistry | null;
  private _emitChanged(change: NotebookMetadataModel.IChange): void {
    this._version += 1;
    this._changed.emit(change);
  }

  private _version = 0;
  private _source: NotebookMetadataModel.INotebookSource;
  private _notebook: INotebookModel;
  private _metadata: PartialJSONObject;
  private _stale = false;
  private _changedSinceRead = new Set<string>();
  private _fileMissing = false;
  private _isDisposed = false;
  private _changed = new Signal<this, NotebookMetadataModel.IChange>(this);
  private _disposed = new Signal<this, void>(this);
}

/**
 * The metadata model's types.
 */
export namespace NotebookMetadataModel {
  /**
   * Options of the model.
   */
  export interface IOptions {
    /** The sections whose schemas every write is checked against. */
    sections?: SectionRegistry | null;
  }

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
    /** Emitted when the notebook is saved or reverted, if known. */
    readonly fileChanged?: ISignal<unknown, unknown>;
    /** The notebook's kernel session, if it has one. */
    readonly sessionContext?: ISessionContext;
  }

  /**
   * What changed.
   */
  export interface IChange {
    /**
     * The metadata (one key), the path, the read-only state, or whether the
     * file is on the server.
     */
    type: 'metadata' | 'path' | 'readOnly' | 'file';
    /** The key that changed, for a metadata change. */
    key?: string;
  }
}

/**
 * Module-private helpers.
 */
namespace Private {
  let count = 0;

  /** A new unique model id. */
  export function nextId(): string {
    count += 1;
    return `notebook-metadata-${count}`;
  }

  /**
   * A shallow copy of metadata in an object without a prototype, where every
   * name, `__proto__` included, is a plain key.
   */
  export function copy(
    metadata: Readonly<PartialJSONObject>
  ): PartialJSONObject {
    return Object.assign(Object.create(null), metadata);
  }

  /**
   * All metadata. The values are the shared model's own: read them only.
   */
  export function readAll(notebook: INotebookModel): PartialJSONObject {
    const map = metadataMap(notebook);
    if (!map) {
      return copy(notebook.metadata as PartialJSONObject);
    }
    // Key by key: a map's toJSON() drops a key named `__proto__`.
    const all: PartialJSONObject = Object.create(null);
    map.forEach((value, key) => {
      all[key] = value as PartialJSONValue;
    });
    return all;
  }

  /** The problems of values the notebook's model cannot keep as they are. */
  export function unkeepable(
    writes: Array<[string, PartialJSONValue | undefined]>
  ): IMetadataProblem[] {
    const problems: IMetadataProblem[] = [];
    for (const [key, value] of writes) {
      const problem =
        value === undefined
          ? null
          : key === '__proto__'
            ? checkKeyName(key, [])
            : unkeepableValue(value, toPointer([key]));
      if (problem) {
        problems.push({
          path: toPointer([key]),
          message: problem.message,
          args: problem.args
        });
      }
    }
    return problems;
  }

  /**
   * Write keys (`undefined` deletes) in one transaction of the notebook's
   * shared model, tagged by `tag` when given.
   */
  export function write(
    notebook: INotebookModel,
    writes: Array<[string, PartialJSONValue | undefined]>,
    tag?: (transaction: ITransaction) => void
  ): void {
    const map = metadataMap(notebook);
    transact(
      notebook,
      () => {
        for (const [key, value] of writes) {
          if (value === undefined) {
            if (map) {
              map.delete(key);
            } else {
              notebook.deleteMetadata(key);
            }
          } else if (map) {
            map.set(key, JSONExt.deepCopy(value));
          } else {
            notebook.setMetadata(key, value);
          }
        }
      },
      tag
    );
    notebook.dirty = true;
  }
}
