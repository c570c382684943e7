/**
 * Defaults for new notebooks: what metadata a notebook gets when it is
 * created in the lab (the `newNotebookMetadata` setting of
 * `schema/plugin.json`), from the defaults of sections' fields and a
 * template object. No JupyterLab imports: the plugin (src/newnotebooks.ts)
 * decides when, this decides what.
 */
import type { PartialJSONObject, PartialJSONValue } from '@lumino/coreutils';

import { isObject, sameValue } from './json';
import {
  type MetadataPath,
  parseFieldName,
  setPath,
  toPointer
} from './pointer';

/** What the settings say a new notebook gets. */
export interface INewNotebookDefaults {
  /**
   * Ids of sections whose fields' `default` values a new notebook gets.
   */
  sectionDefaults: string[];
  /**
   * Metadata a new notebook gets, merged into what it has (objects key by
   * key); it wins over the sections' defaults.
   */
  template: PartialJSONObject;
}

/** A section's fields, as the registry reads them. */
export interface IDefaultsSource {
  /** The section's id. */
  readonly id: string;
  /** Its heading. */
  readonly label: string;
  /** Its fields: where each lives, and its JSON schema. */
  readonly fields: ReadonlyArray<{
    readonly path: MetadataPath;
    readonly schema: { default?: unknown };
  }>;
}

/** Where one value written into a new notebook came from. */
export interface IDefaultOrigin {
  /** The JSON pointer of the value (`/course/week`). */
  readonly pointer: string;
  /** A section's defaults, or the template. */
  readonly from: 'section' | 'template';
  /** The section's heading, for a section's default. */
  readonly section?: string;
}

/** What a new notebook gets. */
export interface INewNotebookMetadata {
  /** The top-level keys to write, with their whole new values. */
  readonly changes: Record<string, PartialJSONValue>;
  /** Where each written value came from, in the order written. */
  readonly origins: IDefaultOrigin[];
  /** Settings that could not be followed (a section that does not exist). */
  readonly problems: string[];
}

/** No defaults: what the settings hold when nobody set any. */
export const NO_DEFAULTS: INewNotebookDefaults = {
  sectionDefaults: [],
  template: {}
};

/**
 * The defaults of the settings' composite value (`newNotebookMetadata`);
 * anything not well formed counts as not set.
 */
export function readNewNotebookDefaults(
  composite: unknown
): INewNotebookDefaults {
  const settings = isObject(composite) ? composite : {};
  const value = settings.newNotebookMetadata;
  if (!isObject(value)) {
    return NO_DEFAULTS;
  }
  const ids = Array.isArray(value.sectionDefaults)
    ? value.sectionDefaults.filter(
        (id): id is string => typeof id === 'string' && id !== ''
      )
    : [];
  const template = isObject(value.template) ? value.template : {};
  return { sectionDefaults: ids, template };
}

/** Whether the settings give a new notebook anything. */
export function hasDefaults(defaults: INewNotebookDefaults): boolean {
  return (
    defaults.sectionDefaults.length > 0 ||
    Object.keys(defaults.template).length > 0
  );
}

/**
 * What a new notebook whose metadata is `metadata` gets: the sections'
 * defaults (in the order of `sectionDefaults`), then the template merged
 * over them. Values the notebook already has are kept where no default or
 * template sets them; nothing is removed.
 */
export function newNotebookMetadata(
  defaults: INewNotebookDefaults,
  sections: ReadonlyArray<IDefaultsSource>,
  metadata: Readonly<PartialJSONObject>
): INewNotebookMetadata {
  let next: PartialJSONValue = { ...metadata };
  const origins = new Map<string, IDefaultOrigin>();
  const problems: string[] = [];
  const put = (path: MetadataPath, value: PartialJSONValue): boolean => {
    const result = setPath(next, path, value);
    if (!result.ok || result.value === undefined) {
      problems.push(
        `${toPointer(path)}: ${result.ok ? 'not written' : result.message}`
      );
      return false;
    }
    next = result.value;
    return true;
  };
  for (const id of defaults.sectionDefaults) {
    const section = sections.find(item => item.id === id);
    if (!section) {
      problems.push(`There is no section "${id}" to take defaults from.`);
      continue;
    }
    for (const field of section.fields) {
      const value = field.schema.default as PartialJSONValue | undefined;
      if (value === undefined || field.path.length === 0) {
        continue;
      }
      if (put(field.path, value)) {
        const pointer = toPointer(field.path);
        origins.set(pointer, {
          pointer,
          from: 'section',
          section: section.label
        });
      }
    }
  }
  for (const [path, value] of Private.leaves(defaults.template, [])) {
    if (put(path, value)) {
      const pointer = toPointer(path);
      // A template value over a section's default: the template's now.
      for (const key of Array.from(origins.keys())) {
        if (key === pointer || key.startsWith(`${pointer}/`)) {
          origins.delete(key);
        }
      }
      origins.set(pointer, { pointer, from: 'template' });
    }
  }
  const changes: Record<string, PartialJSONValue> = {};
  const result = next as PartialJSONObject;
  for (const key of Object.keys(result)) {
    const value = result[key];
    if (value !== undefined && !sameValue(value, metadata[key])) {
      changes[key] = value;
    }
  }
  return { changes, origins: Array.from(origins.values()), problems };
}

/**
 * Whether a notebook looks as a notebook just made by the server does: no
 * metadata but what a kernel writes, and no cell with anything in it. The
 * plugin writes defaults only into such a notebook, so that an existing one
 * is never touched even if it were taken for a new one.
 */
export function isPristine(
  metadata: Readonly<PartialJSONObject>,
  cellSources: ReadonlyArray<string>
): boolean {
  const kernelKeys = new Set(['kernelspec', 'language_info']);
  return (
    Object.keys(metadata).every(key => kernelKeys.has(key)) &&
    cellSources.length <= 1 &&
    cellSources.every(source => source === '')
  );
}

/** A field's name for the panel: `/course/week` as `course/week`. */
export function fieldLabel(pointer: string): string {
  const parsed = parseFieldName(pointer);
  return parsed.ok ? parsed.path.join('/') : pointer;
}

/**
 * Module-private helpers.
 */
namespace Private {
  /**
   * The leaves of a template: each value that is not a non-empty object,
   * with its path, so that the template merges into existing objects key by
   * key instead of replacing them.
   */
  export function leaves(
    value: PartialJSONValue,
    path: string[]
  ): Array<[string[], PartialJSONValue]> {
    if (isObject(value) && Object.keys(value).length > 0) {
      const found: Array<[string[], PartialJSONValue]> = [];
      for (const key of Object.keys(value)) {
        const child = (value as PartialJSONObject)[key];
        if (child !== undefined) {
          found.push(...leaves(child, [...path, key]));
        }
      }
      return found;
    }
    return path.length > 0 ? [[path, value]] : [];
  }
}
