import type { ISessionContext } from '@jupyterlab/apputils';
import { type ISignal, Signal } from '@lumino/signaling';

import type { INotebookKernel } from './tokens';

/**
 * The kernel of one open notebook's session: which one runs, and starting
 * another. Kept apart from the metadata (what the notebook records is
 * `kernelspec`; what runs is the session's).
 */
export class NotebookKernel implements INotebookKernel {
  /** Follow the kernel of a session, if the notebook has one. */
  constructor(sessionContext: ISessionContext | null) {
    this._session = sessionContext;
    sessionContext?.kernelChanged.connect(this._onKernelChanged, this);
  }

  /** The name of the kernel running for the notebook, if one is. */
  get running(): string | null {
    return this._session?.session?.kernel?.name ?? null;
  }

  /** Emitted when another kernel, or none, runs. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /** Start another kernel for the notebook (the user asked for it). */
  async change(name: string): Promise<void> {
    await this._session?.changeKernel({ name });
  }

  /** Stop following the session. */
  dispose(): void {
    this._session?.kernelChanged.disconnect(this._onKernelChanged, this);
    Signal.clearData(this);
  }

  private _onKernelChanged(): void {
    this._changed.emit();
  }

  private _session: ISessionContext | null;
  private _changed = new Signal<this, void>(this);
}
