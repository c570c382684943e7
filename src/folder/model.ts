/**
 * The folder report's model: the notebooks of a folder (or a selection)
 * read through JupyterLab's contents manager, one row each; batch fixes
 * planned, applied file by file and undone file by file.
 *
 * On disk only the notebook's top-level `metadata` changes: the file is
 * read as text and written back as text with the metadata's value replaced
 * in place (`notebookfile.ts`), so cells, outputs and their layout are the
 * same bytes. A notebook open in the lab is changed through its open model
 * instead (one undo step there; saving it stays the user's choice).
 */
import type { Contents } from '@jupyterlab/services';
import type { PartialJSONObject, ReadonlyJSONObject } from '@lumino/coreutils';
import { type ISignal, Signal } from '@lumino/signaling';

import { isObject, sameValue } from '../json';
import {
  effectivePairing,
  formatsText,
  type IEffectivePairing,
  type IFoundConfig
} from '../jupytext';
import type { IKernelSpecInfo } from '../kernelspecs';
import { NotebookMetadataModel } from '../model';
import { findProjectConfig, type IConfigReader } from '../projectconfig';
import { type SectionRegistry, storedValues } from '../sections/registry';
import type { IMessage } from '../tokens';
import { formValidator, readableErrors } from '../validation';
import { readNotebookText, withMetadataText } from './notebookfile';
import {
  applyFix,
  type FolderFix,
  type IKeyChange,
  diffMetadata,
  revertKeys,
  stillAsWritten
} from './plan';

/** The most notebooks a report reads, unless told otherwise. */
export const DEFAULT_LIMIT = 5000;

/** What the report asks of the contents manager. */
export type IReportContents = Pick<
  Contents.IManager,
  'get' | 'save' | 'fileChanged'
>;

/** An open notebook, as the report changes it. */
export interface IOpenNotebook {
  /** What the metadata model needs of it (its document context). */
  readonly source: NotebookMetadataModel.INotebookSource;
  /** Whether it has unsaved changes. */
  readonly dirty: boolean;
}

/** One notebook of the report. */
export interface INotebookRow {
  /** Its server path. */
  readonly path: string;
  /**
   * `ok`: read; `invalid`: not a notebook (not JSON, no cells…);
   * `unreadable`: the server did not give it.
   */
  readonly state: 'ok' | 'invalid' | 'unreadable';
  /** Why it is invalid or unreadable. */
  readonly error?: IMessage;
  /** Whether the server may write it. */
  readonly writable: boolean;
  /** Whether it is open in the lab (its metadata is the open model's). */
  readonly open: boolean;
  /** Whether it is open with unsaved changes. */
  readonly dirty: boolean;
  /** Its metadata (empty when it cannot be read). */
  readonly metadata: PartialJSONObject;
  /** The file's hash when read, if the server gives one. */
  readonly hash: string | null;
  /** The file's last modification when read. */
  readonly lastModified: string;
  /** Its kernelspec's name ('' for none) and whether it is installed. */
  readonly kernel: { name: string; display: string; installed: boolean };
  /** Its Jupytext pairing: its own, its project config's, or none. */
  readonly pairing: IEffectivePairing | null;
  /** The sections' required fields that are missing or invalid. */
  readonly problems: IMessage[];
}

/** A notebook the batch would change, or why not. */
export interface IFilePlan {
  /** Its path. */
  readonly path: string;
  /**
   * `change`: it changes; `same`: it already is as asked; `refused`: the
   * change is not valid for it (problems); `excluded`: read-only, not a
   * notebook, unreadable.
   */
  readonly status: 'change' | 'same' | 'refused' | 'excluded';
  /** The changed keys, before and after. */
  readonly changes: IKeyChange[];
  /** Why it is refused or excluded. */
  readonly problems: IMessage[];
  /** Whether it is open (changed through its open model). */
  readonly open: boolean;
}

/** What happened to one file of a batch (or of its undo). */
export interface IFileResult {
  /** Its path. */
  readonly path: string;
  /**
   * `done`: changed (or restored); `skipped`: not touched; `failed`: an
   * error; the message says which state the file is in.
   */
  readonly outcome: 'done' | 'skipped' | 'failed';
  /** Which content the file has: the one before, after, or not known. */
  readonly state: 'before' | 'after' | 'unknown';
  /** What happened, for people. */
  readonly message: IMessage;
  /** Whether it can be undone. */
  readonly undoable: boolean;
}

/** Where a long run is. */
export interface IProgress {
  /** What runs. */
  readonly phase: 'listing' | 'reading' | 'applying' | 'undoing' | 'idle';
  /** Files done. */
  readonly done: number;
  /** Files in all (0 while unknown). */
  readonly total: number;
}

/**
 * The metadata of the notebooks of a folder or a selection, and batch fixes
 * of it.
 */
export class FolderReportModel {
  /** A report of `paths` (folders, read recursively, or notebooks). */
  constructor(options: FolderReportModel.IOptions) {
    this.paths = options.paths;
    this._contents = options.contents;
    this._sections = options.sections;
    this._kernels = options.kernels;
    this._findOpen = options.findOpen;
    this._jupytextOnServer = options.jupytextOnServer ?? false;
    this.limit = options.limit ?? DEFAULT_LIMIT;
    this._concurrency = options.concurrency ?? 4;
  }

  /** The folders and notebooks reported. */
  readonly paths: ReadonlyArray<string>;

  /** The most notebooks read. */
  readonly limit: number;

  /** Emitted when the rows, the plan, the results or the progress change. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /** Emitted as a run goes on, file by file. */
  get progressChanged(): ISignal<this, IProgress> {
    return this._progressChanged;
  }

  /** A number that grows with every change (for React's external store). */
  get version(): number {
    return this._version;
  }

  /** The notebooks read. */
  get rows(): ReadonlyArray<INotebookRow> {
    return this._rows;
  }

  /** Whether more notebooks were found than the limit. */
  get truncated(): boolean {
    return this._truncated;
  }

  /** Where the current run is. */
  get progress(): IProgress {
    return this._progress;
  }

  /** The fix previewed, if any. */
  get fix(): FolderFix | null {
    return this._fix;
  }

  /** The plan of the fix previewed, one per notebook picked. */
  get plan(): ReadonlyArray<IFilePlan> {
    return this._plan;
  }

  /** The results of the last batch, or of its undo. */
  get results(): ReadonlyArray<IFileResult> {
    return this._results;
  }

  /** What the results are of. */
  get resultsOf(): 'batch' | 'undo' | null {
    return this._resultsOf;
  }

  /** Whether a run (scan, batch, undo) is going on. */
  get busy(): boolean {
    return this._progress.phase !== 'idle';
  }

  /** The installed kernels. */
  get kernels(): ReadonlyArray<IKernelSpecInfo> {
    return this._kernels.specs;
  }

  /**
   * Read the notebooks again: list the folders (recursively, up to the
   * limit), then read each notebook.
   */
  async scan(): Promise<void> {
    this._setProgress({ phase: 'listing', done: 0, total: 0 });
    const found: Array<{ path: string }> = [];
    let truncated = false;
    const visit = async (path: string): Promise<void> => {
      if (found.length >= this.limit) {
        truncated = true;
        return;
      }
      let model: Contents.IModel;
      try {
        model = await this._contents.get(path, { content: true });
      } catch (error) {
        found.push({ path });
        return;
      }
      if (model.type === 'directory') {
        const entries = (model.content as Contents.IModel[]).slice();
        entries.sort((a, b) => a.name.localeCompare(b.name));
        for (const entry of entries) {
          if (entry.name.startsWith('.')) {
            continue;
          }
          if (entry.type === 'directory') {
            await visit(entry.path);
          } else if (entry.type === 'notebook') {
            if (found.length >= this.limit) {
              truncated = true;
              return;
            }
            found.push({ path: entry.path });
          }
        }
      } else if (model.type === 'notebook') {
        found.push({ path });
      }
    };
    for (const path of this.paths) {
      await visit(path);
    }
    const paths = [...new Set(found.map(f => f.path))];
    this._truncated = truncated;
    const rows: INotebookRow[] = new Array(paths.length);
    const configs = new Map<string, Promise<IFoundConfig | null>>();
    let done = 0;
    this._setProgress({ phase: 'reading', done, total: paths.length });
    await this._pool(paths, async (path, index) => {
      rows[index] = await this._read(path, configs);
      done += 1;
      this._setProgress({ phase: 'reading', done, total: paths.length });
    });
    this._rows = rows;
    this._plan = [];
    this._fix = null;
    this._setProgress({ phase: 'idle', done: 0, total: 0 });
  }

  /**
   * Plan a fix of the notebooks at `paths`: for each, what changes, or
   * why it cannot.
   */
  preview(fix: FolderFix, paths: ReadonlyArray<string>): IFilePlan[] {
    const picked = new Set(paths);
    this._fix = fix;
    this._plan = this._rows
      .filter(row => picked.has(row.path))
      .map(row => this._planRow(row, fix));
    this._emit();
    return this._plan;
  }

  /** Forget the preview. */
  clearPreview(): void {
    this._fix = null;
    this._plan = [];
    this._emit();
  }

  /**
   * Apply the previewed fix, file by file: each file is read again and
   * skipped if it changed since the scan; a file is either wholly changed
   * or untouched. Returns one result per file planned.
   */
  async apply(): Promise<IFileResult[]> {
    const fix = this._fix;
    if (!fix || this.busy) {
      return [];
    }
    const plans = this._plan.filter(plan => plan.status === 'change');
    const results: IFileResult[] = new Array(plans.length);
    this._undo.clear();
    let done = 0;
    this._setProgress({ phase: 'applying', done, total: plans.length });
    await this._pool(plans, async (plan, index) => {
      results[index] = await this._applyOne(plan.path, fix);
      done += 1;
      this._setProgress({ phase: 'applying', done, total: plans.length });
    });
    this._results = results;
    this._resultsOf = 'batch';
    this._plan = [];
    this._fix = null;
    await this._refreshRows(results.map(result => result.path));
    this._setProgress({ phase: 'idle', done: 0, total: 0 });
    return results;
  }

  /**
   * Undo the last batch in the files of `paths` (all of them when not
   * given): each file gets its previous content back, unless it changed
   * since the batch.
   */
  async undo(paths?: ReadonlyArray<string>): Promise<IFileResult[]> {
    if (this.busy) {
      return [];
    }
    const which = (paths ?? [...this._undo.keys()]).filter(path =>
      this._undo.has(path)
    );
    const results: IFileResult[] = new Array(which.length);
    let done = 0;
    this._setProgress({ phase: 'undoing', done, total: which.length });
    await this._pool(which, async (path, index) => {
      results[index] = await this._undoOne(path);
      done += 1;
      this._setProgress({ phase: 'undoing', done, total: which.length });
    });
    const undone = new Map(results.map(result => [result.path, result]));
    // The results of the batch, with the undone files' new results.
    this._results = this._results.map(
      result => undone.get(result.path) ?? result
    );
    this._resultsOf = 'undo';
    await this._refreshRows(which);
    this._setProgress({ phase: 'idle', done: 0, total: 0 });
    return results;
  }

  /** Whether the file at `path` can be undone. */
  canUndo(path: string): boolean {
    return this._undo.has(path);
  }

  /** Stop reporting. */
  dispose(): void {
    Signal.clearData(this);
  }

  /** Read one notebook into a row. */
  private async _read(
    path: string,
    configs: Map<string, Promise<IFoundConfig | null>>
  ): Promise<INotebookRow> {
    const empty = {
      path,
      writable: false,
      open: false,
      dirty: false,
      metadata: {},
      hash: null,
      lastModified: '',
      kernel: { name: '', display: '', installed: false },
      pairing: null,
      problems: []
    };
    let model: Contents.IModel;
    try {
      model = await this._contents.get(path, {
        type: 'file',
        format: 'text',
        content: true,
        hash: true
      });
    } catch (error) {
      return {
        ...empty,
        state: 'unreadable',
        error: {
          message: 'The server did not give it: %1',
          args: [Private.errorText(error)]
        }
      };
    }
    const read = readNotebookText(String(model.content ?? ''));
    const base = {
      ...empty,
      writable: model.writable !== false,
      hash: model.hash ?? null,
      lastModified: model.last_modified
    };
    if (!read.ok) {
      return { ...base, state: 'invalid', error: read.problem };
    }
    return this._describe({ ...base, state: 'ok' }, read.metadata, configs);
  }

  /**
   * A readable notebook's row, from its metadata on disk (or its open
   * model's, when it is open).
   */
  private async _describe(
    base: INotebookRow,
    onDisk: PartialJSONObject,
    configs: Map<string, Promise<IFoundConfig | null>>
  ): Promise<INotebookRow> {
    const path = base.path;
    const open = this._findOpen(path);
    const metadata = open
      ? (open.source.model.metadata as PartialJSONObject)
      : onDisk;
    return {
      ...base,
      state: 'ok',
      open: !!open,
      dirty: open?.dirty ?? false,
      metadata,
      kernel: this._kernelOf(metadata),
      pairing: await this._pairingOf(path, metadata, configs),
      problems: this._problemsOf(metadata)
    };
  }

  /** The kernel of some metadata. */
  private _kernelOf(metadata: PartialJSONObject): INotebookRow['kernel'] {
    const raw: unknown = metadata.kernelspec;
    const spec: Record<string, unknown> = isObject(raw) ? raw : {};
    const name = typeof spec.name === 'string' ? spec.name : '';
    const display =
      typeof spec.display_name === 'string' ? spec.display_name : name;
    return {
      name,
      display,
      installed: !!name && this._kernels.specs.some(k => k.name === name)
    };
  }

  /** The pairing of a notebook: its own formats, or its project config's. */
  private async _pairingOf(
    path: string,
    metadata: PartialJSONObject,
    configs: Map<string, Promise<IFoundConfig | null>>
  ): Promise<IEffectivePairing | null> {
    const folder = path.includes('/')
      ? path.slice(0, path.lastIndexOf('/'))
      : '';
    let config = configs.get(folder);
    if (!config) {
      config = findProjectConfig(
        this._contents as unknown as IConfigReader,
        path
      ).then(
        found => (found.state === 'found' ? found.found : null),
        () => null
      );
      configs.set(folder, config);
    }
    const own = formatsText(metadata.jupytext);
    try {
      return effectivePairing(own || undefined, await config, path, {
        metadata
      });
    } catch {
      return null;
    }
  }

  /** The problems of the sections' fields, as stored. */
  private _problemsOf(metadata: PartialJSONObject): IMessage[] {
    const problems: IMessage[] = [];
    for (const entry of this._sections.entries) {
      if (!entry.active) {
        continue;
      }
      const { errors } = formValidator.rawValidation(
        entry.section.schema,
        storedValues(entry, metadata) as ReadonlyJSONObject
      );
      for (const error of readableErrors(errors ?? [])) {
        const params = (error.params ?? {}) as Record<string, unknown>;
        if (error.keyword === 'required') {
          problems.push({
            message: '%1: "%2" is missing.',
            args: [
              entry.section.label,
              `${error.instancePath}/${String(params.missingProperty)}`.replace(
                /^\//,
                ''
              )
            ]
          });
        } else {
          problems.push({
            message: '%1: %2 %3',
            args: [
              entry.section.label,
              error.instancePath.replace(/^\//, '') || '/',
              error.message ?? 'is invalid'
            ]
          });
        }
      }
    }
    return problems;
  }

  /** What the fix does to one row. */
  private _planRow(row: INotebookRow, fix: FolderFix): IFilePlan {
    const base = { path: row.path, open: row.open, changes: [] };
    if (row.state !== 'ok') {
      return {
        ...base,
        status: 'excluded',
        problems: [row.error ?? { message: 'It cannot be read.' }]
      };
    }
    if (!row.writable && !row.open) {
      return {
        ...base,
        status: 'excluded',
        problems: [{ message: 'The file is read-only: it is not changed.' }]
      };
    }
    const result = applyFix(row.metadata, fix, this._validate);
    if (!result.ok) {
      return { ...base, status: 'refused', problems: result.problems };
    }
    if (result.keys.length === 0) {
      return { ...base, status: 'same', problems: [] };
    }
    return {
      ...base,
      status: 'change',
      changes: diffMetadata(row.metadata, result.after),
      problems: []
    };
  }

  /** Change one file, or say why not. */
  private async _applyOne(path: string, fix: FolderFix): Promise<IFileResult> {
    const row = this._rows.find(r => r.path === path);
    if (!row) {
      return Private.result(path, 'skipped', 'before', {
        message: 'It is not in the report.'
      });
    }
    const open = this._findOpen(path);
    if (open) {
      return this._applyOpen(row, open, fix);
    }
    if (row.open) {
      return Private.result(path, 'skipped', 'before', {
        message:
          'It was closed since the scan (its file may have been saved): not changed. Scan again.'
      });
    }
    let model: Contents.IModel;
    try {
      model = await this._contents.get(path, {
        type: 'file',
        format: 'text',
        content: true,
        hash: true
      });
    } catch (error) {
      return Private.result(path, 'failed', 'before', {
        message: 'It could not be read again, and is not changed: %1',
        args: [Private.errorText(error)]
      });
    }
    if (
      (row.hash !== null && model.hash !== row.hash) ||
      model.last_modified !== row.lastModified
    ) {
      return Private.result(path, 'skipped', 'before', {
        message:
          'It changed on disk after the scan: not changed. Scan again to include it.'
      });
    }
    if (model.writable === false) {
      return Private.result(path, 'skipped', 'before', {
        message: 'The file is read-only: it is not changed.'
      });
    }
    const text = String(model.content ?? '');
    const read = readNotebookText(text);
    if (!read.ok) {
      return Private.result(path, 'skipped', 'before', read.problem);
    }
    const result = applyFix(read.metadata, fix, this._validate);
    if (!result.ok) {
      return Private.result(path, 'skipped', 'before', result.problems[0]);
    }
    if (result.keys.length === 0) {
      return Private.result(path, 'skipped', 'before', {
        message: 'It already is as asked.'
      });
    }
    const viaJupytext = this._viaJupytext(row, result.after);
    let saved: Contents.IModel;
    try {
      saved = await this._write(path, text, read, result.after, viaJupytext);
      if (viaJupytext) {
        // Jupytext's model is of the pair (the latest file's time).
        saved = await this._contents.get(path, {
          type: 'file',
          content: false
        });
      }
    } catch (error) {
      const state = await this._stateAfterFailure(
        path,
        model.hash ?? null,
        read.metadata,
        result.after
      );
      return Private.result(path, 'failed', state, {
        message:
          state === 'before'
            ? 'It could not be written (%1): it is as it was.'
            : state === 'after'
              ? 'The server reported an error (%1), but the change is in the file.'
              : 'It could not be written (%1), and what the file holds now is not known.',
        args: [Private.errorText(error)]
      });
    }
    this._written.set(path, {
      metadata: result.after,
      lastModified: saved.last_modified
    });
    this._undo.set(path, {
      open: false,
      before: read.metadata,
      beforeText: Private.copyOf(text.slice(read.span[0], read.span[1])),
      after: result.after,
      keys: result.keys,
      lastModified: saved.last_modified,
      viaJupytext
    });
    return Private.result(
      path,
      'done',
      'after',
      viaJupytext
        ? {
            message:
              'Changed: %1 (saved through Jupytext, which also wrote its paired files).',
            args: [result.keys.join(', ')]
          }
        : { message: 'Changed: %1.', args: [result.keys.join(', ')] },
      true
    );
  }

  /** Change an open notebook through its model: one undo step there. */
  private _applyOpen(
    row: INotebookRow,
    open: IOpenNotebook,
    fix: FolderFix
  ): IFileResult {
    const model = new NotebookMetadataModel(open.source, {
      sections: this._sections
    });
    try {
      const current = model.metadata;
      if (!sameValue(Private.plain(current), Private.plain(row.metadata))) {
        return Private.result(row.path, 'skipped', 'before', {
          message:
            'Its metadata changed in its open editor after the scan: not changed. Scan again to include it.'
        });
      }
      const result = applyFix(current, fix, this._validate);
      if (!result.ok) {
        return Private.result(
          row.path,
          'skipped',
          'before',
          result.problems[0]
        );
      }
      const problems = model.update(Private.changes(result.after, result.keys));
      if (problems.length > 0) {
        return Private.result(row.path, 'skipped', 'before', problems[0]);
      }
      model.endEdit();
      this._undo.set(row.path, {
        open: true,
        before: Private.plain(current),
        beforeText: '',
        after: result.after,
        keys: result.keys,
        lastModified: '',
        viaJupytext: false
      });
      return Private.result(
        row.path,
        'done',
        'after',
        {
          message:
            'Changed in the open notebook: %1 (one undo step there; not saved: saving stays yours).',
          args: [result.keys.join(', ')]
        },
        true
      );
    } finally {
      model.dispose();
    }
  }

  /** Undo one file. */
  private async _undoOne(path: string): Promise<IFileResult> {
    const record = this._undo.get(path)!;
    const open = this._findOpen(path);
    if (record.open) {
      if (!open) {
        return Private.result(path, 'skipped', 'unknown', {
          message:
            'It was changed in its open editor, which is closed now: nothing to undo here.'
        });
      }
      const model = new NotebookMetadataModel(open.source, {
        sections: this._sections
      });
      try {
        if (!stillAsWritten(model.metadata, record.after, record.keys)) {
          return Private.result(path, 'skipped', 'unknown', {
            message: 'It changed since the batch: not undone.'
          });
        }
        const problems = model.update(
          Private.changes(record.before, record.keys)
        );
        if (problems.length > 0) {
          return Private.result(path, 'failed', 'after', problems[0]);
        }
        model.endEdit();
      } finally {
        model.dispose();
      }
      this._undo.delete(path);
      return Private.result(path, 'done', 'before', {
        message: 'Undone in the open notebook (not saved).'
      });
    }
    if (open) {
      return Private.result(path, 'skipped', 'after', {
        message:
          'It is open in the lab now: close it, or change it there, to undo.'
      });
    }
    let model: Contents.IModel;
    try {
      model = await this._contents.get(path, {
        type: 'file',
        format: 'text',
        content: true,
        hash: true
      });
    } catch (error) {
      return Private.result(path, 'failed', 'unknown', {
        message: 'It could not be read: %1',
        args: [Private.errorText(error)]
      });
    }
    const text = String(model.content ?? '');
    const read = readNotebookText(text);
    if (
      model.last_modified !== record.lastModified ||
      !read.ok ||
      !stillAsWritten(read.metadata, record.after, record.keys)
    ) {
      return Private.result(path, 'skipped', 'unknown', {
        message: 'It changed since the batch: not undone.'
      });
    }
    let next: string | null = null;
    if (!record.viaJupytext && sameValue(read.metadata, record.after)) {
      // Exactly the metadata text it had.
      next =
        text.slice(0, read.span[0]) +
        record.beforeText +
        text.slice(read.span[1]);
    }
    const restored = revertKeys(read.metadata, record.before, record.keys);
    try {
      if (next !== null) {
        const saved = await this._contents.save(path, {
          type: 'file',
          format: 'text',
          content: next
        });
        this._written.set(path, {
          metadata: record.before,
          lastModified: saved.last_modified
        });
      } else {
        await this._write(path, text, read, restored, record.viaJupytext);
      }
    } catch (error) {
      const state = await this._stateAfterFailure(
        path,
        model.hash ?? null,
        record.after,
        restored
      );
      return Private.result(
        path,
        'failed',
        state === 'before' ? 'after' : state === 'after' ? 'before' : 'unknown',
        {
          message: 'It could not be restored: %1',
          args: [Private.errorText(error)]
        }
      );
    }
    this._undo.delete(path);
    return Private.result(path, 'done', 'before', {
      message: 'Restored to its content before the batch.'
    });
  }

  /** Write a notebook with new metadata. */
  private async _write(
    path: string,
    text: string,
    read: Extract<ReturnType<typeof readNotebookText>, { ok: true }>,
    metadata: PartialJSONObject,
    viaJupytext: boolean
  ): Promise<Contents.IModel> {
    if (viaJupytext) {
      // The server's own notebook model (multi-line strings joined, as
      // Jupytext's save expects), with the new metadata.
      const model = await this._contents.get(path, {
        type: 'notebook',
        content: true
      });
      return this._contents.save(path, {
        type: 'notebook',
        format: 'json',
        content: { ...model.content, metadata }
      });
    }
    return this._contents.save(path, {
      type: 'file',
      format: 'text',
      content: withMetadataText(text, read, metadata)
    });
  }

  /**
   * Whether a notebook is saved through Jupytext's contents manager (which
   * writes its paired files too, so they stay in step): with Jupytext on
   * the server, when it is paired before or after the change.
   */
  private _viaJupytext(row: INotebookRow, after: PartialJSONObject): boolean {
    if (!this._jupytextOnServer) {
      return false;
    }
    return (
      (row.pairing !== null && row.pairing.source !== 'none') ||
      !!formatsText(after.jupytext)
    );
  }

  /** Which content a file has after a failed write. */
  private async _stateAfterFailure(
    path: string,
    hashBefore: string | null,
    before: PartialJSONObject,
    after: PartialJSONObject
  ): Promise<'before' | 'after' | 'unknown'> {
    try {
      const model = await this._contents.get(path, {
        type: 'file',
        format: 'text',
        content: true,
        hash: true
      });
      if (hashBefore !== null && model.hash === hashBefore) {
        return 'before';
      }
      const read = readNotebookText(String(model.content ?? ''));
      if (read.ok && sameValue(read.metadata, after)) {
        return 'after';
      }
      if (read.ok && sameValue(read.metadata, before)) {
        return 'before';
      }
    } catch {
      // Unknown.
    }
    return 'unknown';
  }

  /** Read the rows of `paths` again (after a batch or an undo). */
  private async _refreshRows(paths: ReadonlyArray<string>): Promise<void> {
    const configs = new Map<string, Promise<IFoundConfig | null>>();
    const wanted = new Set(paths);
    const rows = this._rows.slice();
    const indexes = rows
      .map((row, index) => (wanted.has(row.path) ? index : -1))
      .filter(index => index >= 0);
    await this._pool(indexes, async index => {
      const row = rows[index];
      const written = this._written.get(row.path);
      // A file just written as text: its metadata and time are known, no
      // need to read it again (its hash is not: its time is compared).
      rows[index] = written
        ? await this._describe(
            { ...row, hash: null, lastModified: written.lastModified },
            written.metadata,
            configs
          )
        : await this._read(row.path, configs);
    });
    this._written.clear();
    this._rows = rows;
  }

  /** Run `task` on every item, `concurrency` at a time. */
  private async _pool<T>(
    items: ReadonlyArray<T>,
    task: (item: T, index: number) => Promise<void>
  ): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const index = next;
        next += 1;
        await task(items[index], index);
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(this._concurrency, items.length) }, worker)
    );
  }

  /**
   * Record progress: `progressChanged` for each file (the progress bar
   * alone redraws), `changed` only when a run starts or ends.
   */
  private _setProgress(progress: IProgress): void {
    const phaseChanged = progress.phase !== this._progress.phase;
    this._progress = progress;
    this._progressChanged.emit(progress);
    if (phaseChanged) {
      this._emit();
    }
  }

  private _emit(): void {
    this._version += 1;
    this._changed.emit();
  }

  /** The sections' check of written values. */
  private _validate = (
    before: Readonly<PartialJSONObject>,
    after: Readonly<PartialJSONObject>,
    keys: ReadonlyArray<string>
  ) => this._sections.validate(before, after, keys);

  private _contents: IReportContents;
  private _sections: SectionRegistry;
  private _kernels: { readonly specs: ReadonlyArray<IKernelSpecInfo> };
  private _findOpen: (path: string) => IOpenNotebook | null;
  private _jupytextOnServer: boolean;
  private _concurrency: number;
  private _rows: INotebookRow[] = [];
  private _truncated = false;
  private _fix: FolderFix | null = null;
  private _plan: IFilePlan[] = [];
  private _results: IFileResult[] = [];
  private _resultsOf: 'batch' | 'undo' | null = null;
  private _undo = new Map<string, Private.IUndoRecord>();
  private _written = new Map<
    string,
    { metadata: PartialJSONObject; lastModified: string }
  >();
  private _progress: IProgress = { phase: 'idle', done: 0, total: 0 };
  private _version = 0;
  private _changed = new Signal<this, void>(this);
  private _progressChanged = new Signal<this, IProgress>(this);
}

/**
 * The folder report model's types.
 */
export namespace FolderReportModel {
  /** What the report needs. */
  export interface IOptions {
    /** The folders (read recursively) and notebooks reported. */
    paths: ReadonlyArray<string>;
    /** JupyterLab's contents manager. */
    contents: IReportContents;
    /** The sections (their schemas check every write). */
    sections: SectionRegistry;
    /** The installed kernels. */
    kernels: { readonly specs: ReadonlyArray<IKernelSpecInfo> };
    /** The open notebook at a path, if one is open. */
    findOpen: (path: string) => IOpenNotebook | null;
    /** Whether the server saves notebooks through Jupytext. */
    jupytextOnServer?: boolean;
    /** The most notebooks read. */
    limit?: number;
    /** How many files are read or written at a time. */
    concurrency?: number;
  }
}

/**
 * Module-private helpers.
 */
namespace Private {
  /** What undoing one file needs. */
  export interface IUndoRecord {
    /** Whether it was changed through its open model. */
    open: boolean;
    /** Its metadata before. */
    before: PartialJSONObject;
    /** The text of its metadata before (files on disk). */
    beforeText: string;
    /** Its metadata after. */
    after: PartialJSONObject;
    /** The keys changed. */
    keys: string[];
    /** The file's last modification after the write. */
    lastModified: string;
    /** Whether it was saved through Jupytext. */
    viaJupytext: boolean;
  }

  /** A result. */
  export function result(
    path: string,
    outcome: IFileResult['outcome'],
    state: IFileResult['state'],
    message: IMessage,
    undoable = false
  ): IFileResult {
    return { path, outcome, state, message, undoable };
  }

  /** The writes that make `keys` as in `target`. */
  export function changes(
    target: PartialJSONObject,
    keys: ReadonlyArray<string>
  ): Record<string, PartialJSONObject[string] | undefined> {
    const changes: Record<string, PartialJSONObject[string] | undefined> =
      Object.create(null);
    for (const key of keys) {
      changes[key] = target[key];
    }
    return changes;
  }

  /** A plain copy of metadata (objects without a prototype compare too). */
  export function plain(
    metadata: Readonly<PartialJSONObject>
  ): PartialJSONObject {
    return Object.assign({}, metadata);
  }

  /**
   * A string of its own: a slice of a file's text would keep the whole
   * text in memory (the engine's sliced strings) for as long as it lives.
   */
  export function copyOf(text: string): string {
    return JSON.parse(JSON.stringify(text)) as string;
  }

  /** The text of an error. */
  export function errorText(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
  }
}
