/**
 * Rules for the notebook's top-level metadata keys: names of custom keys,
 * and JSON text. No JupyterLab imports.
 */
import type { PartialJSONValue } from '@lumino/coreutils';

/** Serialised values longer than this are shown collapsed until asked for. */
export const LARGE_VALUE_CHARS = 2000;

/** A message for the user, and a value to interpolate into it. */
export interface IProblem {
  /** The untranslated message, with %1 for `arg`. */
  message: string;
  /** The value shown in place of %1. */
  arg?: string;
  /** The value shown in place of %2. */
  arg2?: string;
}

/**
 * The custom keys of a metadata object, in their order: every key no
 * section edits as a whole (`sectionOf` names that section, if any).
 */
export function customKeys(
  metadata: Record<string, unknown>,
  sectionOf: (key: string) => string | null = () => null
): string[] {
  return Object.keys(metadata).filter(key => sectionOf(key) === null);
}

/**
 * Check the name of a custom key; `current` is the key being renamed, if
 * any, and `sectionOf` names the section that edits a key, if one does.
 */
export function checkKeyName(
  name: string,
  existing: ReadonlyArray<string>,
  current?: string,
  sectionOf: (key: string) => string | null = () => null
): IProblem | null {
  if (name.length === 0) {
    return { message: 'A key needs a name.' };
  }
  if (name.trim() !== name) {
    return { message: 'A key name cannot start or end with a space.' };
  }
  const section = sectionOf(name);
  if (section !== null) {
    return {
      message: '"%1" is edited in its own section (%2).',
      arg: name,
      arg2: section
    };
  }
  if (name !== current && existing.includes(name)) {
    return { message: 'A key named "%1" already exists.', arg: name };
  }
  return null;
}

/** The outcome of reading JSON text. */
export type JSONParseResult =
  { ok: true; value: PartialJSONValue } | { ok: false; problem: IProblem };

/** Read JSON text, with a message that says where it went wrong. */
export function parseJSON(text: string): JSONParseResult {
  if (text.trim() === '') {
    return { ok: false, problem: { message: 'Enter a JSON value.' } };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: { message: 'Invalid JSON: %1', arg: reason }
    };
  }
}

/** JSON text of a value as the editor shows it. */
export function formatJSON(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/**
 * A short description of a value, cheap even for very large values:
 * its type and, for objects and arrays, its number of entries.
 */
export function describeValue(value: unknown): IProblem {
  if (Array.isArray(value)) {
    return { message: 'list of %1 items', arg: String(value.length) };
  }
  if (value !== null && typeof value === 'object') {
    return {
      message: 'object with %1 keys',
      arg: String(Object.keys(value).length)
    };
  }
  return { message: '%1', arg: JSON.stringify(value) };
}

/**
 * Whether a value may be large enough to show collapsed. Walks the value
 * only until the limit is reached, so it stays cheap for huge values.
 */
export function isLargeValue(
  value: unknown,
  limit = LARGE_VALUE_CHARS
): boolean {
  let budget = limit;
  const visit = (node: unknown): boolean => {
    if (budget < 0) {
      return true;
    }
    if (Array.isArray(node)) {
      budget -= 2 + node.length;
      return node.some(visit);
    }
    if (node !== null && typeof node === 'object') {
      for (const key in node) {
        budget -= key.length + 4;
        if (visit((node as Record<string, unknown>)[key])) {
          return true;
        }
      }
      return budget < 0;
    }
    budget -= typeof node === 'string' ? node.length + 2 : 8;
    return budget < 0;
  };
  return visit(value);
}
