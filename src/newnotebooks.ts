/**
 * Defaults for new notebooks, in the lab: a notebook the page creates (the
 * docmanager's `docmanager:new-untitled` of a notebook: File > New, the
 * launcher, `notebook:create-new`) gets the metadata the settings say, once,
 * when it opens, as one undo step; a notebook that existed never does.
 */
import type { INotebookModel, INotebookTracker } from '@jupyterlab/notebook';
import type { NotebookPanel } from '@jupyterlab/notebook';
import type { CommandRegistry } from '@lumino/commands';
import type { PartialJSONObject } from '@lumino/coreutils';
import type { IDisposable } from '@lumino/disposable';
import { type ISignal, Signal } from '@lumino/signaling';

import {
  hasDefaults,
  type IDefaultOrigin,
  type INewNotebookDefaults,
  isPristine,
  newNotebookMetadata,
  NO_DEFAULTS
} from './defaults';
import { NotebookMetadataModel } from './model';
import type { SectionRegistry } from './sections/registry';
import type { IMessage } from './tokens';

/** Where the settings that gave the defaults are. */
export type DefaultsSetting = 'user' | 'everyone';

/** What a new notebook got. */
export interface IAppliedDefaults {
  /** Where each value came from. */
  readonly origins: ReadonlyArray<IDefaultOrigin>;
  /** Whose settings: the user's own, or the defaults for everyone. */
  readonly setting: DefaultsSetting;
  /** Why some or all of it was not written; empty when all was. */
  readonly problems: ReadonlyArray<IMessage>;
}

/**
 * Whether a notebook looks as the server makes a new one: no metadata but a
 * kernel's, no cell with anything in it.
 */
export function looksNew(
  source: NotebookMetadataModel.INotebookSource
): boolean {
  const model = source.model;
  const metadata = model.metadata as PartialJSONObject;
  return isPristine(
    metadata,
    model.sharedModel.cells.map(cell => cell.getSource())
  );
}

/**
 * Write the defaults into a new notebook, as one edit of its history,
 * checked against the sections like any edit of the panel. Nothing is
 * written into a notebook that has metadata of its own (beyond a kernel's);
 * whether its cells are still empty is for the caller to check when it
 * opens (`looksNew`).
 *
 * @returns what was written and from where, or null when nothing was to be
 * (no defaults, or not a new notebook).
 */
export function applyNewNotebookDefaults(
  source: NotebookMetadataModel.INotebookSource,
  defaults: INewNotebookDefaults,
  sections: SectionRegistry,
  setting: DefaultsSetting
): IAppliedDefaults | null {
  if (!hasDefaults(defaults)) {
    return null;
  }
  const model = new NotebookMetadataModel(source, { sections });
  try {
    if (!isPristine(model.metadata, [])) {
      return null;
    }
    const wanted = newNotebookMetadata(
      defaults,
      sections.entries.map(entry => ({
        id: entry.section.id,
        label: entry.section.label,
        fields: entry.fields
      })),
      model.metadata
    );
    const problems: IMessage[] = wanted.problems.map(text => ({
      message: '%1',
      args: [text]
    }));
    if (Object.keys(wanted.changes).length === 0) {
      return problems.length > 0 ? { origins: [], setting, problems } : null;
    }
    const refused = model.update(wanted.changes);
    return {
      origins: refused.length > 0 ? [] : wanted.origins,
      setting,
      problems: [
        ...problems,
        ...refused.map(problem => ({
          message: '%1: %2',
          args: [problem.path, Private.text(problem)]
        }))
      ]
    };
  } finally {
    model.dispose();
  }
}

/**
 * Follows the notebooks the page creates and writes the defaults into each
 * when it opens; remembers what each got, for the panel's notice.
 */
export class NewNotebookDefaults implements IDisposable {
  /** Follow `commands` and `tracker`; writes are checked by `sections`. */
  constructor(options: NewNotebookDefaults.IOptions) {
    this._commands = options.commands;
    this._tracker = options.tracker;
    this._sections = options.sections;
    this._ready = options.ready ?? Promise.resolve();
    this._commands.commandExecuted.connect(this._onCommand, this);
    this._tracker.widgetAdded.connect(this._onWidgetAdded, this);
  }

  /** Emitted when a notebook got its defaults. */
  get applied(): ISignal<this, INotebookModel> {
    return this._applied;
  }

  /** Whether it is disposed. */
  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** The defaults new notebooks get, and whose settings they are. */
  setDefaults(defaults: INewNotebookDefaults, setting: DefaultsSetting): void {
    this._defaults = defaults;
    this._setting = setting;
  }

  /** What a notebook got when it was created here, if anything. */
  appliedTo(model: INotebookModel | null | undefined): IAppliedDefaults | null {
    return model ? (this._records.get(model) ?? null) : null;
  }

  /** Forget what a notebook got (the notice was dismissed). */
  forget(model: INotebookModel): void {
    if (this._records.delete(model)) {
      this._applied.emit(model);
    }
  }

  /** Stop following. */
  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._commands.commandExecuted.disconnect(this._onCommand, this);
    this._tracker.widgetAdded.disconnect(this._onWidgetAdded, this);
    Signal.clearData(this);
  }

  /** A notebook made by `docmanager:new-untitled` is new. */
  private _onCommand(
    _: CommandRegistry,
    executed: CommandRegistry.ICommandExecutedArgs
  ): void {
    if (
      executed.id !== 'docmanager:new-untitled' ||
      executed.args.type !== 'notebook'
    ) {
      return;
    }
    void Promise.resolve(executed.result).then(
      (created: { path?: unknown } | undefined) => {
        if (typeof created?.path === 'string') {
          this._created.add(created.path);
        }
      },
      () => undefined
    );
  }

  private _onWidgetAdded(_: INotebookTracker, panel: NotebookPanel): void {
    const context = panel.context;
    void Promise.all([context.ready, this._ready]).then(async () => {
      if (
        this._isDisposed ||
        !this._created.delete(context.path) ||
        !looksNew(context)
      ) {
        return;
      }
      // The context clears the notebook's undo history after it is ready
      // (once a checkpoint is made), and before its kernel session is: a
      // write before that would not be an undo step.
      await context.sessionContext?.ready.catch(() => undefined);
      // (And after what is left of that task, should the session need no
      // server.)
      await new Promise(resolve => setTimeout(resolve, 0));
      if (this._isDisposed || context.isDisposed) {
        return;
      }
      const applied = applyNewNotebookDefaults(
        context,
        this._defaults,
        this._sections,
        this._setting
      );
      if (applied) {
        this._records.set(context.model, applied);
        this._applied.emit(context.model);
      }
    });
  }

  private _commands: CommandRegistry;
  private _tracker: INotebookTracker;
  private _sections: SectionRegistry;
  private _ready: Promise<unknown>;
  private _defaults: INewNotebookDefaults = NO_DEFAULTS;
  private _setting: DefaultsSetting = 'everyone';
  private _created = new Set<string>();
  private _records = new WeakMap<INotebookModel, IAppliedDefaults>();
  private _applied = new Signal<this, INotebookModel>(this);
  private _isDisposed = false;
}

/**
 * The types of NewNotebookDefaults.
 */
export namespace NewNotebookDefaults {
  /** Options to follow the page's new notebooks. */
  export interface IOptions {
    /** The app's commands (`docmanager:new-untitled`). */
    commands: CommandRegistry;
    /** The notebooks that open. */
    tracker: INotebookTracker;
    /** The sections: their fields' defaults, and the checks of a write. */
    sections: SectionRegistry;
    /** Settled once the settings are read (a notebook opening before waits). */
    ready?: Promise<unknown>;
  }
}

/**
 * Module-private helpers.
 */
namespace Private {
  /** A problem's text with its values in place (untranslated). */
  export function text(message: IMessage): string {
    return (message.args ?? []).reduce<string>(
      (result, arg, index) => result.split(`%${index + 1}`).join(String(arg)),
      message.message
    );
  }
}
