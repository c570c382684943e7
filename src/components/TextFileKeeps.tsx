import type { Contents } from '@jupyterlab/services';
import type { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import {
  effectivePairing,
  filterKeeping,
  formatsText,
  jupytextOf,
  type Kept,
  keptKeys,
  parseFormats,
  pairedPaths,
  scriptExtensionFromMetadata,
  withEntry
} from '../jupytext';
import { type ProjectConfig, ProjectConfigs } from '../projectconfig';
import type { INotebookMetadata } from '../tokens';
import { useOwnedState } from './hooks';
import { FieldMessage } from './Section';

/**
 * Keys a section's note never asks to keep: `jupytext` (always kept) and
 * `language_info` (Jupytext leaves it out on purpose; the kernel writes it
 * again).
 */
const NEED_NOT_KEEP = ['jupytext', 'language_info'];

/**
 * What the paired text files of a notebook keep of its metadata on save,
 * under the `notebook_metadata_filter` that applies (the project config's
 * over the notebook's own, as Jupytext does), and the one undoable edit of
 * the notebook's filter that keeps more.
 */
export interface ITextFileKeeping {
  /** The text files the notebook is saved to (the notebook itself, if text). */
  readonly files: ReadonlyArray<string>;
  /** Whether no `.ipynb` is saved: what the text files leave out is lost. */
  readonly textOnly: boolean;
  /** The notebook's top-level keys. */
  readonly keys: ReadonlyArray<string>;
  /** What the text files keep of a top-level key. */
  kept(key: string): Kept;
  /**
   * The config file whose filter applies (the notebook's cannot change
   * it), or null when the notebook's own filter applies.
   */
  readonly filterFile: string | null;
  /** The filter that applies, as stored ('' for Jupytext's default). */
  readonly filter: string;
  /** Keep `keys` in the text files: one write of the notebook's filter. */
  keep(keys: ReadonlyArray<string>): void;
}

/**
 * The project configuration of the notebook at `path` (shared by every
 * view of it, see `ProjectConfigs`), and again each time it may differ;
 * null until known. `refresh` looks again when the view is shown, as
 * Jupytext does when it opens the notebook: the view shown once per
 * notebook asks for it.
 */
export function useProjectConfig(
  contents: Contents.IManager | null,
  path: string,
  options: { refresh?: boolean } = {}
): ProjectConfig | null {
  const refresh = !!options.refresh;
  const [config, setConfig] = useOwnedState<ProjectConfig | null>(
    path,
    contents ? ProjectConfigs.of(contents).known(path) : null
  );
  React.useEffect(() => {
    if (!contents) {
      return;
    }
    const cache = ProjectConfigs.of(contents);
    let current = true;
    const look = (found: Promise<ProjectConfig>) =>
      void found.then(
        result => {
          if (current) {
            setConfig(result);
          }
        },
        () => undefined
      );
    const onChanged = (_: unknown, changed: string) => {
      if (changed === path) {
        look(cache.find(path));
      }
    };
    cache.changed.connect(onChanged);
    look(refresh ? cache.refresh(path) : cache.find(path));
    return () => {
      current = false;
      cache.changed.disconnect(onChanged);
    };
  }, [contents, path, refresh]);
  return config;
}

/**
 * What the notebook's text files keep; null when it is saved to no text
 * file (not paired with one), or when Jupytext could not save it (a
 * config or filter it cannot read).
 */
export function useTextFileKeeping(
  notebook: INotebookMetadata,
  contents: Contents.IManager | null
): ITextFileKeeping | null {
  const config = useProjectConfig(contents, notebook.path, { refresh: true });
  return useKeeping(notebook, config);
}

/**
 * What the notebook's text files keep, given its project configuration
 * (null: not known yet), computed again only when the metadata changes.
 */
export function useKeeping(
  notebook: INotebookMetadata,
  config: ProjectConfig | null
): ITextFileKeeping | null {
  const { metadata, path } = notebook;
  return React.useMemo(
    () => Private.keeping(notebook, metadata, path, config),
    [notebook, metadata, path, config]
  );
}

/**
 * A note on the keys of a section that the text files do not keep whole,
 * with the button that keeps them there; nothing when they all are kept.
 */
export function TextFileNote(props: {
  keeping: ITextFileKeeping | null;
  /** The section's top-level keys that are set. */
  keys: ReadonlyArray<string>;
  disabled: boolean;
  trans: TranslationBundle;
}): JSX.Element | null {
  const { keeping, keys, disabled, trans } = props;
  if (!keeping) {
    return null;
  }
  const missing = keys.filter(
    key => !NEED_NOT_KEEP.includes(key) && keeping.kept(key) !== 'kept'
  );
  if (missing.length === 0) {
    return null;
  }
  return (
    <KeptMessage
      keeping={keeping}
      keys={missing}
      disabled={disabled}
      trans={trans}
    />
  );
}

/**
 * Which of `keys` the text files leave out (or keep a part of), and what
 * keeps them: a button, or the config file to change.
 */
export function KeptMessage(props: {
  keeping: ITextFileKeeping;
  keys: ReadonlyArray<string>;
  disabled: boolean;
  trans: TranslationBundle;
  id?: string;
}): JSX.Element {
  const { keeping, keys, disabled, trans } = props;
  const files = keeping.files.join(', ');
  const unsupported = keys.filter(key => keeping.kept(key) === 'unsupported');
  const keepable = keys.filter(key => keeping.kept(key) !== 'unsupported');
  const names = (list: ReadonlyArray<string>) =>
    list.map(key => `"${key}"`).join(', ');
  const partly = keepable.filter(key => keeping.kept(key) === 'partly');
  return (
    <FieldMessage kind="notice" id={props.id}>
      {keepable.length > 0 && (
        <div>
          {keeping.textOnly
            ? trans.__(
                '%1 does not keep %2: lost when the notebook is saved.',
                files,
                names(keepable)
              )
            : partly.length === keepable.length
              ? trans.__(
                  '%1 keeps only part of %2; the rest is in the .ipynb only.',
                  files,
                  names(keepable)
                )
              : trans.__(
                  '%1 does not keep %2: only the .ipynb has it.',
                  files,
                  names(keepable)
                )}{' '}
          {keeping.filterFile !== null ? (
            trans.__(
              'The notebook_metadata_filter of %1 decides (%2): change it there to keep more.',
              keeping.filterFile,
              keeping.filter || trans.__('empty')
            )
          ) : (
            <button
              type="button"
              className="jp-Button jp-mod-styled jp-NotebookMetadata-keep"
              disabled={disabled}
              onClick={() => keeping.keep(keepable)}
            >
              {keepable.length === 1
                ? trans.__('Keep "%1" in the text file', keepable[0])
                : trans.__('Keep them in the text file')}
            </button>
          )}
        </div>
      )}
      {unsupported.length > 0 && (
        <div>
          {trans.__(
            'Jupytext cannot write a key named %1 in a text file: only the .ipynb can have it.',
            names(unsupported)
          )}
        </div>
      )}
    </FieldMessage>
  );
}

/** Module-private helpers. */
namespace Private {
  /** What the text files keep, given the project config (null: not known yet). */
  export function keeping(
    notebook: INotebookMetadata,
    metadata: INotebookMetadata['metadata'],
    path: string,
    config: ProjectConfig | null
  ): ITextFileKeeping | null {
    if (config && config.state !== 'none' && config.state !== 'found') {
      return null;
    }
    const jupytext = jupytextOf(metadata.jupytext);
    const stored = formatsText(metadata.jupytext);
    if (stored === null) {
      return null;
    }
    const effective = effectivePairing(
      stored || undefined,
      config?.state === 'found' ? config.found : null,
      path,
      { metadata }
    );
    const parsed = parseFormats(effective.formats);
    if (!parsed.ok) {
      return null;
    }
    const layout = pairedPaths(
      path,
      parsed.formats,
      scriptExtensionFromMetadata(metadata)
    );
    if (!layout.ok) {
      return null;
    }
    const files = layout.paths
      .filter(paired => paired.format.extension !== '.ipynb')
      .map(paired => paired.path);
    if (files.length === 0) {
      return null;
    }
    const fromConfig = effective.saveOptions.notebook_metadata_filter;
    const filter =
      fromConfig !== undefined ? fromConfig : jupytext.notebook_metadata_filter;
    const kept = keptKeys(metadata, filter);
    if (!kept) {
      return null;
    }
    return {
      files,
      keys: Object.keys(metadata),
      textOnly: layout.paths.every(
        paired => paired.format.extension !== '.ipynb'
      ),
      kept: key => kept[key] ?? 'dropped',
      filterFile:
        fromConfig !== undefined && config?.state === 'found'
          ? config.found.path
          : null,
      filter:
        filter === undefined
          ? ''
          : typeof filter === 'string'
            ? filter
            : JSON.stringify(filter),
      keep: keys => {
        const next = filterKeeping(jupytext.notebook_metadata_filter, keys);
        if (next !== null) {
          notebook.setField(
            'jupytext',
            withEntry(metadata.jupytext, 'notebook_metadata_filter', next)
          );
        }
      }
    };
  }
}
