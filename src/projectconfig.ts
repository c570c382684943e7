/**
 * The Jupytext configuration file that applies to a notebook, found as
 * Jupytext's contents manager finds it, through JupyterLab's contents
 * manager (so under any server root or base URL). No JupyterLab imports.
 */
import { type ISignal, Signal } from '@lumino/signaling';

import { fileStates, type IFolderLister } from './files';
import {
  configCandidates,
  type IFoundConfig,
  parseConfigFile
} from './jupytext/config';
import type { IMessage } from './tokens';

/** What the contents manager is asked: folder listings and a file's text. */
export interface IConfigReader extends IFolderLister {
  get(
    path: string,
    options: { content: true; type: 'directory' }
  ): Promise<{ content: unknown }>;
  get(
    path: string,
    options: { content: true; type: 'file'; format: 'text' }
  ): Promise<{ content: unknown }>;
}

/** The project configuration of a notebook, as far as it can be known. */
export type ProjectConfig =
  /** No configuration file in the notebook's folder or above it. */
  | { readonly state: 'none' }
  /** The file that applies, read. */
  | { readonly state: 'found'; readonly found: IFoundConfig }
  /**
   * The file that applies cannot be used: not valid (Jupytext refuses the
   * notebook's saves), or not readable here (a Python file, a failed read).
   */
  | {
      readonly state: 'invalid' | 'unreadable';
      readonly path: string;
      readonly problem: IMessage;
    };

/**
 * Find the configuration file Jupytext applies to `notebookPath`: the
 * first candidate (configCandidates' order) that exists and is a Jupytext
 * configuration. Hidden files are candidates only if the server lists them
 * (it does when it allows hidden files, as Jupytext requires). A candidate
 * in a folder that cannot be listed is asked for directly.
 */
export async function findProjectConfig(
  contents: IConfigReader,
  notebookPath: string
): Promise<ProjectConfig> {
  const candidates = configCandidates(notebookPath, { allowHidden: true });
  const states = await fileStates(
    contents,
    candidates.map(candidate => candidate.path)
  );
  for (const candidate of candidates) {
    const state = states[candidate.path];
    if (state === 'missing') {
      continue;
    }
    let text: string;
    try {
      const model = await contents.get(candidate.path, {
        content: true,
        type: 'file',
        format: 'text'
      });
      text = typeof model.content === 'string' ? model.content : '';
    } catch (error) {
      if (state === 'unknown') {
        // Its folder could not be listed (Jupytext refuses to list a
        // folder under an invalid config): the file was asked for itself,
        // and is not there.
        continue;
      }
      return {
        state: 'unreadable',
        path: candidate.path,
        problem: {
          message: 'The file could not be read: %1',
          args: [error instanceof Error ? error.message : String(error)]
        }
      };
    }
    const parsed = parseConfigFile(candidate.name, text);
    if (parsed.ok) {
      return {
        state: 'found',
        found: { path: candidate.path, config: parsed.config }
      };
    }
    if (parsed.reason === 'not-jupytext') {
      continue;
    }
    return {
      state: parsed.reason,
      path: candidate.path,
      problem: { message: parsed.message, args: [...(parsed.args ?? [])] }
    };
  }
  return { state: 'none' };
}

/** The server paths of every candidate file of a notebook. */
export function configPaths(notebookPath: string): string[] {
  return configCandidates(notebookPath, { allowHidden: true }).map(
    candidate => candidate.path
  );
}

/**
 * The project configurations found, by notebook path, shared by everything
 * that shows one (the Jupytext section, what the text file keeps). As
 * Jupytext reads the configuration again on each open and save, it is
 * looked for again when the notebook is shown again (`refresh`), after it
 * is saved, and after one of its candidate files is saved, made, renamed
 * or deleted through the contents manager; `changed` then names it.
 */
export class ProjectConfigs {
  /** The cache of `contents`, made on first use. */
  static of(contents: IConfigReader): ProjectConfigs {
    let cache = Private.caches.get(contents);
    if (!cache) {
      cache = new ProjectConfigs(contents);
      Private.caches.set(contents, cache);
    }
    return cache;
  }

  private constructor(private readonly _contents: IConfigReader) {
    _contents.fileChanged?.connect((_, change) => {
      for (const path of [change.oldValue?.path, change.newValue?.path]) {
        if (path !== undefined) {
          this._forget(path);
        }
      }
    });
  }

  /** Emitted with a notebook's path when its configuration may differ. */
  get changed(): ISignal<this, string> {
    return this._changed;
  }

  /** The configuration of the notebook at `notebookPath`. */
  find(notebookPath: string): Promise<ProjectConfig> {
    let found = this._found.get(notebookPath);
    if (!found) {
      const looking = findProjectConfig(this._contents, notebookPath);
      found = looking;
      this._found.set(notebookPath, looking);
      looking.then(
        config => {
          if (this._found.get(notebookPath) === looking) {
            this._known.set(notebookPath, config);
          }
        },
        // A failed look is not kept.
        () => this._found.delete(notebookPath)
      );
    }
    return found;
  }

  /** Look for the configuration of `notebookPath` again. */
  refresh(notebookPath: string): Promise<ProjectConfig> {
    this._found.delete(notebookPath);
    const found = this.find(notebookPath);
    void found.then(
      () => this._changed.emit(notebookPath),
      () => undefined
    );
    return found;
  }

  /** The configuration of `notebookPath` if it is known now, else null. */
  known(notebookPath: string): ProjectConfig | null {
    return this._known.get(notebookPath) ?? null;
  }

  /**
   * Forget the configuration of the notebook at `path` (saved) and every
   * one that `path` (a file or folder) may change.
   */
  private _forget(path: string): void {
    for (const notebookPath of [...this._found.keys()]) {
      if (
        notebookPath === path ||
        configPaths(notebookPath).some(
          candidate => candidate === path || candidate.startsWith(path + '/')
        )
      ) {
        this._found.delete(notebookPath);
        this._known.delete(notebookPath);
        this._changed.emit(notebookPath);
      }
    }
  }

  private readonly _found = new Map<string, Promise<ProjectConfig>>();
  private readonly _known = new Map<string, ProjectConfig>();
  private readonly _changed = new Signal<this, string>(this);
}

/** Module-private state. */
namespace Private {
  /** One cache per contents manager. */
  export const caches = new WeakMap<IConfigReader, ProjectConfigs>();
}
