import type { KernelSpec } from '@jupyterlab/services';
import { type ISignal, Signal } from '@lumino/signaling';

/**
 * A kernel specification the server has, as the kernel picker shows it.
 */
export interface IKernelSpecInfo {
  /** The kernelspec's name (`kernelspec.name` in a notebook). */
  name: string;
  /** The name shown to people. */
  display_name: string;
  /** The kernel's language. */
  language: string;
}

/**
 * The kernelspecs the server really has, kept up to date.
 */
export class KernelSpecs {
  /**
   * Follow a kernelspec manager; without one, the list stays empty.
   */
  constructor(manager: KernelSpec.IManager | null) {
    this._manager = manager;
    if (manager) {
      manager.specsChanged.connect(this._onSpecsChanged, this);
      this._specs = KernelSpecs.fromModels(manager.specs);
    }
  }

  /**
   * The installed kernelspecs, sorted by display name.
   */
  get specs(): ReadonlyArray<IKernelSpecInfo> {
    return this._specs;
  }

  /**
   * Emitted when the server's kernelspecs change.
   */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /**
   * The installed kernelspec of a name, if there is one.
   */
  find(name: string | undefined): IKernelSpecInfo | undefined {
    return this._specs.find(spec => spec.name === name);
  }

  /**
   * Stop following the manager.
   */
  dispose(): void {
    this._manager?.specsChanged.disconnect(this._onSpecsChanged, this);
    Signal.clearData(this);
  }

  private _onSpecsChanged(
    _: KernelSpec.IManager,
    models: KernelSpec.ISpecModels
  ): void {
    this._specs = KernelSpecs.fromModels(models);
    this._changed.emit();
  }

  private _manager: KernelSpec.IManager | null;
  private _specs: IKernelSpecInfo[] = [];
  private _changed = new Signal<this, void>(this);
}

/**
 * The kernelspecs' helpers.
 */
export namespace KernelSpecs {
  /**
   * The picker's entries for the server's kernelspec models.
   */
  export function fromModels(
    models: KernelSpec.ISpecModels | null
  ): IKernelSpecInfo[] {
    if (!models) {
      return [];
    }
    return Object.values(models.kernelspecs)
      .filter((spec): spec is KernelSpec.ISpecModel => !!spec)
      .map(spec => ({
        name: spec.name,
        display_name: spec.display_name,
        language: spec.language
      }))
      .sort((a, b) => a.display_name.localeCompare(b.display_name));
  }
}
