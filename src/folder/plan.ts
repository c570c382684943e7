/**
 * Batch fixes of many notebooks' metadata, as pure functions: what a fix
 * asks for, whether it is well formed, what it does to one notebook's
 * metadata (key by key, every other key kept), and the diff shown in the
 * preview. No JupyterLab imports.
 */
import type { PartialJSONObject, PartialJSONValue } from '@lumino/coreutils';

import { isObject, sameValue } from '../json';
import { parseFormats, validateFormats, withFormats } from '../jupytext';
import { unkeepableValue } from '../keys';
import { getPath, parseFieldName, setPath } from '../pointer';
import type { IMessage, IMetadataProblem } from '../tokens';

/** An installed kernel, as a kernel fix names it. */
export interface IKernelChoice {
  /** The kernelspec's name. */
  readonly name: string;
  /** Its display name. */
  readonly display_name: string;
  /** Its language. */
  readonly language: string;
}

/** One batch fix, applied to every notebook picked. */
export type FolderFix =
  /** Set the kernelspec to an installed kernel (its other fields kept). */
  | { readonly kind: 'kernel'; readonly spec: IKernelChoice }
  /** Pair with these Jupytext formats. */
  | { readonly kind: 'pair'; readonly formats: string }
  /** Remove the Jupytext pairing (`jupytext.formats`). */
  | { readonly kind: 'unpair' }
  /** Set a field (a top-level key or a JSON pointer) to a JSON value. */
  | {
      readonly kind: 'set';
      readonly field: string;
      readonly value: PartialJSONValue;
    }
  /** Rename a top-level key, keeping its value. */
  | { readonly kind: 'rename'; readonly from: string; readonly to: string }
  /** Delete a field (a top-level key or a JSON pointer). */
  | { readonly kind: 'delete'; readonly field: string };

/** What a fix does to one notebook's metadata. */
export type FixResult =
  /** The metadata after, and the top-level keys that differ. */
  | { readonly ok: true; readonly after: PartialJSONObject; keys: string[] }
  /** Why the fix cannot be made to this notebook. */
  | { readonly ok: false; readonly problems: IMessage[] };

/** One top-level key's change, for the preview. */
export interface IKeyChange {
  /** The key. */
  readonly key: string;
  /** Its value before (undefined: it was not there). */
  readonly before: PartialJSONValue | undefined;
  /** Its value after (undefined: it is removed). */
  readonly after: PartialJSONValue | undefined;
}

/** A check of the written values (the sections' schemas and checks). */
export type MetadataValidator = (
  before: Readonly<PartialJSONObject>,
  after: Readonly<PartialJSONObject>,
  keys: ReadonlyArray<string>
) => IMetadataProblem[];

/**
 * Why a fix is not well formed, whatever the notebook, or null: a field
 * name that is empty, spaced or not a pointer, a value JupyterLab cannot
 * keep, Jupytext formats that do not parse or leave the notebook out.
 */
export function checkFix(fix: FolderFix): IMessage | null {
  switch (fix.kind) {
    case 'kernel':
      return fix.spec.name ? null : { message: 'Pick a kernel.' };
    case 'pair': {
      if (fix.formats.trim() === '') {
        return { message: 'Type the paired formats, e.g. ipynb,py:percent.' };
      }
      const parsed = parseFormats(fix.formats.trim());
      if (!parsed.ok) {
        return { message: '%1', args: [parsed.message] };
      }
      const invalid = validateFormats(parsed.formats);
      if (invalid) {
        return { message: '%1', args: [invalid] };
      }
      if (!parsed.formats.some(format => format.extension === '.ipynb')) {
        return {
          message:
            'The formats must include the notebook itself ("ipynb"), e.g. ipynb,py:percent.'
        };
      }
      return null;
    }
    case 'unpair':
      return null;
    case 'set': {
      const name = checkField(fix.field);
      return name ?? unkeepableValue(fix.value, fix.field);
    }
    case 'delete':
      return checkField(fix.field);
    case 'rename': {
      const from = checkField(fix.from, false);
      if (from) {
        return from;
      }
      const to = checkField(fix.to, false);
      if (to) {
        return to;
      }
      return fix.from === fix.to
        ? { message: 'The new name is the same as the old one.' }
        : null;
    }
  }
}

/**
 * Apply a fix to one notebook's metadata. Only the keys the fix names
 * change; `keys` is empty when the notebook already is as asked. The
 * result is checked as the panel checks a write: values JupyterLab cannot
 * keep, then `validate` (the sections' schemas) on the changed keys.
 */
export function applyFix(
  before: Readonly<PartialJSONObject>,
  fix: FolderFix,
  validate?: MetadataValidator
): FixResult {
  const after: PartialJSONObject = Object.assign(Object.create(null), before);
  const problem = Private.change(after, fix);
  if (problem) {
    return { ok: false, problems: [problem] };
  }
  const keys = changedKeys(before, after);
  const problems: IMessage[] = [];
  for (const key of keys) {
    if (after[key] !== undefined) {
      const unkeepable = unkeepableValue(after[key], `/${key}`);
      if (unkeepable) {
        problems.push(unkeepable);
      }
    }
  }
  if (problems.length === 0 && keys.length > 0 && validate) {
    problems.push(...validate(before, after, keys));
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, after, keys };
}

/** The top-level keys whose values differ between two metadata objects. */
export function changedKeys(
  before: Readonly<PartialJSONObject>,
  after: Readonly<PartialJSONObject>
): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const key of [...Object.keys(before), ...Object.keys(after)]) {
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    if (!sameValue(before[key], after[key])) {
      keys.push(key);
    }
  }
  return keys;
}

/** The preview of a change: each changed key, before and after. */
export function diffMetadata(
  before: Readonly<PartialJSONObject>,
  after: Readonly<PartialJSONObject>
): IKeyChange[] {
  return changedKeys(before, after).map(key => ({
    key,
    before: before[key],
    after: after[key]
  }));
}

/**
 * The metadata `current` with the keys of a change put back as they were
 * in `before` (an undo): keys that the change did not touch keep their
 * current values.
 */
export function revertKeys(
  current: Readonly<PartialJSONObject>,
  before: Readonly<PartialJSONObject>,
  keys: ReadonlyArray<string>
): PartialJSONObject {
  const result: PartialJSONObject = Object.assign(Object.create(null), current);
  for (const key of keys) {
    if (before[key] === undefined) {
      delete result[key];
    } else {
      result[key] = before[key];
    }
  }
  return result;
}

/**
 * Whether the keys of a change still hold what the change wrote: an undo
 * puts back the values before only then.
 */
export function stillAsWritten(
  current: Readonly<PartialJSONObject>,
  after: Readonly<PartialJSONObject>,
  keys: ReadonlyArray<string>
): boolean {
  return keys.every(key => sameValue(current[key], after[key]));
}

/** A short text of a JSON value for a table cell (undefined: ''). */
export function shortJSON(value: unknown, max = 60): string {
  if (value === undefined) {
    return '';
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/**
 * Why a field name (a top-level key, or a JSON pointer when `pointers`)
 * cannot be written, or null.
 */
export function checkField(field: string, pointers = true): IMessage | null {
  if (field.length === 0) {
    return { message: 'A key needs a name.' };
  }
  if (field.trim() !== field) {
    return { message: 'A key name cannot start or end with a space.' };
  }
  if (!pointers && field.startsWith('/')) {
    return { message: 'Only a top-level key can be renamed.' };
  }
  const parsed = parseFieldName(field);
  if (!parsed.ok) {
    return { message: '%1', args: [parsed.message] };
  }
  if (parsed.path.includes('__proto__')) {
    return {
      message:
        'JupyterLab cannot keep a key named "%1": it would be lost when the notebook is read or saved.',
      args: ['__proto__']
    };
  }
  return null;
}

/**
 * Module-private helpers.
 */
namespace Private {
  /** Make the fix in `metadata` (a copy); a problem if it cannot be made. */
  export function change(
    metadata: PartialJSONObject,
    fix: FolderFix
  ): IMessage | null {
    switch (fix.kind) {
      case 'kernel': {
        const current = metadata.kernelspec;
        metadata.kernelspec = {
          ...(isObject(current) ? (current as PartialJSONObject) : {}),
          name: fix.spec.name,
          display_name: fix.spec.display_name,
          language: fix.spec.language
        };
        return null;
      }
      case 'pair':
      case 'unpair': {
        const formats = fix.kind === 'pair' ? fix.formats.trim() : null;
        if (fix.kind === 'unpair' && !isObject(metadata.jupytext)) {
          return null;
        }
        const next = withFormats(metadata.jupytext, formats);
        if (next === undefined) {
          delete metadata.jupytext;
        } else {
          metadata.jupytext = next;
        }
        return null;
      }
      case 'set':
      case 'delete': {
        const parsed = parseFieldName(fix.field);
        if (!parsed.ok) {
          return { message: '%1', args: [parsed.message] };
        }
        const [key, ...rest] = parsed.path;
        const value = fix.kind === 'set' ? fix.value : undefined;
        if (
          value === undefined &&
          getPath(metadata, parsed.path) === undefined
        ) {
          return null;
        }
        const result = setPath(
          metadata[key] as PartialJSONValue | undefined,
          rest,
          value
        );
        if (!result.ok) {
          return { message: '%1', args: [result.message] };
        }
        if (result.value === undefined) {
          delete metadata[key];
        } else {
          metadata[key] = result.value;
        }
        return null;
      }
      case 'rename': {
        if (!(fix.from in metadata)) {
          return null;
        }
        if (fix.to in metadata) {
          return {
            message: 'A key named "%1" already exists.',
            args: [fix.to]
          };
        }
        metadata[fix.to] = metadata[fix.from];
        delete metadata[fix.from];
        return null;
      }
    }
  }
}
