import type { IStateDB } from '@jupyterlab/statedb';
import type { ReadonlyPartialJSONObject } from '@lumino/coreutils';
import { type ISignal, Signal } from '@lumino/signaling';

/**
 * Which sections of the panel are open, by section id: the same for every
 * notebook, and kept across reloads in JupyterLab's state database.
 */
export class SectionStates {
  /**
   * Follow (and restore) the open sections kept under `key` in `state`.
   */
  constructor(options: SectionStates.IOptions) {
    this._state = options.state ?? null;
    this._key = options.key;
    this.restored = this._restore();
  }

  /** Resolves once the saved states are read (or there are none). */
  readonly restored: Promise<void>;

  /** Emitted when a section is opened or closed. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /** Whether a section is open; `fallback` when nobody chose yet. */
  isOpen(id: string, fallback = true): boolean {
    return this._open.get(id) ?? fallback;
  }

  /** Open or close a section, and remember it. */
  setOpen(id: string, open: boolean): void {
    if (this._open.get(id) === open) {
      return;
    }
    this._open.set(id, open);
    this._changed.emit();
    void this._save();
  }

  private async _restore(): Promise<void> {
    if (!this._state) {
      return;
    }
    try {
      const saved = (await this._state.fetch(this._key)) as
        ReadonlyPartialJSONObject | undefined;
      const open = saved?.open;
      if (open && typeof open === 'object' && !Array.isArray(open)) {
        for (const [id, value] of Object.entries(open)) {
          // A choice made before the saved states arrived wins.
          if (typeof value === 'boolean' && !this._open.has(id)) {
            this._open.set(id, value);
          }
        }
        this._changed.emit();
      }
    } catch {
      // Nothing saved, or the database is unavailable: defaults apply.
    }
  }

  private async _save(): Promise<void> {
    if (!this._state) {
      return;
    }
    await this._state.save(this._key, {
      open: Object.fromEntries(this._open)
    });
  }

  private _state: IStateDB | null;
  private _key: string;
  private _open = new Map<string, boolean>();
  private _changed = new Signal<this, void>(this);
}

/**
 * The section states' types.
 */
export namespace SectionStates {
  /** Options of the section states. */
  export interface IOptions {
    /** The state database, if the app has one. */
    state?: IStateDB | null;
    /** The key the states are saved under. */
    key: string;
  }
}
