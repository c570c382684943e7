/**
 * Which notebook metadata a paired text file keeps: Jupytext's
 * `notebook_metadata_filter`, read as Jupytext 1.19 reads it
 * (metadata_filter.py `metadata_filter_as_dict`, `filter_metadata`,
 * `subset_metadata`), and the one change that keeps a key. No JupyterLab
 * imports.
 */
import { isObject, sameValue } from '../json';

/**
 * The notebook metadata every text file keeps when no filter says
 * otherwise (`_DEFAULT_NOTEBOOK_METADATA`).
 */
export const DEFAULT_NOTEBOOK_METADATA: ReadonlyArray<string> = [
  'jupytext',
  'kernelspec',
  'kernel_info',
  'orphan',
  'tocdepth'
];

/** A metadata filter as Jupytext reads it: keys kept and keys left out. */
export interface IMetadataFilter {
  readonly additional?: ReadonlyArray<string> | 'all';
  readonly excluded?: ReadonlyArray<string> | 'all';
}

/** What the text file has of a top-level key. */
export type Kept =
  /** The whole value. */
  | 'kept'
  /** Some of it (a filter entry such as `course.code`). */
  | 'partly'
  /** None of it: it stays in the `.ipynb` only. */
  | 'dropped'
  /** None: Jupytext writes no key of that name in a text file. */
  | 'unsupported';

/** The key names Jupytext can write in a text file's header. */
const SUPPORTED_KEY = /^[a-zA-Z0-9_.@/-]+$/;

/**
 * A stored `notebook_metadata_filter` as Jupytext reads it: a string of
 * comma-separated keys (`-key` leaves one out, `all`/`-all`), `true`,
 * `false`, or `{additional, excluded}`. Null for a value Jupytext cannot
 * read.
 */
export function parseMetadataFilter(value: unknown): IMetadataFilter | null {
  if (value === undefined || value === null) {
    return {};
  }
  if (value === true) {
    return { additional: 'all' };
  }
  if (value === false) {
    return { excluded: 'all' };
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const part = (entry: unknown) =>
      entry === undefined ||
      entry === 'all' ||
      (Array.isArray(entry) && entry.every(key => typeof key === 'string'));
    if (
      Object.keys(record).every(
        key => key === 'additional' || key === 'excluded'
      ) &&
      part(record.additional) &&
      part(record.excluded)
    ) {
      return record as IMetadataFilter;
    }
    return null;
  }
  if (typeof value !== 'string') {
    return null;
  }
  const additional: string[] = [];
  const excluded: string[] = [];
  for (const raw of value.split(',')) {
    const key = raw.trim();
    if (key.startsWith('-')) {
      excluded.push(key.slice(1).trim());
    } else if (key.startsWith('+')) {
      additional.push(key.slice(1).trim());
    } else {
      additional.push(key);
    }
  }
  const filter: { additional?: string[] | 'all'; excluded?: string[] | 'all' } =
    {};
  if (value.split(',').some(raw => !raw.trim().startsWith('-'))) {
    filter.additional = additional.includes('all')
      ? 'all'
      : additional.filter(Boolean);
  }
  if (excluded.length > 0) {
    filter.excluded = excluded.includes('all')
      ? 'all'
      : excluded.filter(Boolean);
  }
  return filter;
}

/**
 * The notebook metadata a text file's header holds under `filter` (before
 * Jupytext adds its `text_representation`). Null when the filter cannot be
 * read (Jupytext fails to save).
 */
export function textFileMetadata(
  metadata: Readonly<Record<string, unknown>>,
  filter: unknown
): Record<string, unknown> | null {
  const user = parseMetadataFilter(filter);
  if (!user) {
    return null;
  }
  const exclude = user.excluded ?? [];
  const include = user.additional ?? [];
  if (include === 'all') {
    return Private.subset(metadata, null, exclude === 'all' ? [] : exclude);
  }
  if (exclude === 'all') {
    return Private.subset(metadata, include, []);
  }
  return Private.subset(
    metadata,
    [...new Set([...include, ...DEFAULT_NOTEBOOK_METADATA])],
    exclude
  );
}

/**
 * What the text file keeps of each top-level key of `metadata` under
 * `filter`; null when the filter cannot be read.
 */
export function keptKeys(
  metadata: Readonly<Record<string, unknown>>,
  filter: unknown
): Record<string, Kept> | null {
  const kept = textFileMetadata(metadata, filter);
  if (!kept) {
    return null;
  }
  const result: Record<string, Kept> = {};
  for (const key of Object.keys(metadata)) {
    result[key] = !SUPPORTED_KEY.test(key)
      ? 'unsupported'
      : !(key in kept)
        ? 'dropped'
        : sameValue(kept[key], metadata[key])
          ? 'kept'
          : 'partly';
  }
  return result;
}

/**
 * The filter that keeps the whole of each of `keys` in the text file and
 * changes nothing else it keeps or leaves out: entries that leave a key
 * (or part of it) out go, the key is added unless `all` keeps it already.
 * Written as Jupytext's string form. Null when the filter cannot be read.
 */
export function filterKeeping(
  filter: unknown,
  keys: ReadonlyArray<string>
): string | null {
  const parsed = parseMetadataFilter(filter);
  if (!parsed) {
    return null;
  }
  let entries = Private.entries(filter, parsed);
  for (const key of keys) {
    entries = entries.filter(entry => {
      const name = entry.replace(/^[-+]/, '').trim();
      // What leaves the key or part of it out, and what keeps only a part.
      return entry.startsWith('-')
        ? name !== key && !name.startsWith(key + '.')
        : !name.startsWith(key + '.');
    });
    const keeps = entries.some(entry => {
      const name = entry.replace(/^\+/, '').trim();
      return !entry.startsWith('-') && (name === key || name === 'all');
    });
    if (!keeps) {
      entries.push(key);
    }
  }
  return entries.join(',');
}

/** Module-private helpers. */
namespace Private {
  /** A filter as a list of Jupytext's string entries (`key`, `-key`). */
  export function entries(filter: unknown, parsed: IMetadataFilter): string[] {
    if (typeof filter === 'string') {
      return filter
        .split(',')
        .map(entry => entry.trim())
        .filter(Boolean);
    }
    const result =
      parsed.additional === 'all' ? ['all'] : [...(parsed.additional ?? [])];
    if (parsed.excluded === 'all') {
      result.push('-all');
    } else {
      result.push(...(parsed.excluded ?? []).map(key => '-' + key));
    }
    return result;
  }

  /**
   * `subset_metadata`: the keys of `keepOnly` (all when null; `a.b` keeps
   * `b` of `a`), less those of `exclude` (`a.b` leaves `b` of `a` out).
   */
  export function subset(
    metadata: Readonly<Record<string, unknown>>,
    keepOnly: ReadonlyArray<string> | null,
    exclude: ReadonlyArray<string>
  ): Record<string, unknown> {
    const supported = Object.keys(metadata).filter(key =>
      SUPPORTED_KEY.test(key)
    );
    const result: Record<string, unknown> = {};
    if (keepOnly === null) {
      for (const key of supported) {
        result[key] = metadata[key];
      }
    } else {
      for (const key of supported) {
        if (keepOnly.includes(key)) {
          result[key] = metadata[key];
        }
      }
      const nested = secondLevel(keepOnly);
      for (const key of supported) {
        if (key in nested && isObject(metadata[key])) {
          result[key] = subset(
            metadata[key] as Record<string, unknown>,
            nested[key],
            []
          );
        }
      }
    }
    for (const key of exclude) {
      delete result[key];
    }
    const nested = secondLevel(exclude);
    for (const key of Object.keys(nested)) {
      if (key in result && isObject(result[key])) {
        result[key] = subset(
          result[key] as Record<string, unknown>,
          null,
          nested[key]
        );
      }
    }
    return result;
  }

  /** `{a: ['b', 'c']}` for `['a.b', 'a.c']`. */
  function secondLevel(keys: ReadonlyArray<string>): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    for (const key of keys) {
      const dot = key.indexOf('.');
      if (dot >= 0) {
        (result[key.slice(0, dot)] ??= []).push(key.slice(dot + 1));
      }
    }
    return result;
  }
}
