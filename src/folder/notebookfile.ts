/**
 * A notebook file's text, with its metadata replaced in place: every byte
 * outside the top-level `metadata` value (cells, outputs, their layout) is
 * kept as it was. No JupyterLab imports.
 */
import type { PartialJSONObject } from '@lumino/coreutils';

import { isObject } from '../json';
import type { IMessage } from '../tokens';

/** A notebook file read from its text. */
export type NotebookText =
  | {
      readonly ok: true;
      /** The notebook's metadata. */
      readonly metadata: PartialJSONObject;
      /** Where the metadata's value is in the text: [start, end). */
      readonly span: readonly [number, number];
      /** The indentation of the file's top-level keys ('' when compact). */
      readonly indent: string;
    }
  | { readonly ok: false; readonly problem: IMessage };

/**
 * Read a notebook's text: JSON, an object with a list of `cells`, an
 * `nbformat` of 4 or more and an object of `metadata`.
 */
export function readNotebookText(text: string): NotebookText {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problem: {
        message: 'It is not valid JSON: %1',
        args: [error instanceof Error ? error.message : String(error)]
      }
    };
  }
  if (
    !isObject(parsed) ||
    !Array.isArray(parsed.cells) ||
    typeof parsed.nbformat !== 'number' ||
    parsed.nbformat < 4
  ) {
    return {
      ok: false,
      problem: {
        message:
          'It is JSON but not a notebook of nbformat 4 (no list of cells or no nbformat).'
      }
    };
  }
  if (!isObject(parsed.metadata)) {
    return {
      ok: false,
      problem: { message: 'Its "metadata" is not an object.' }
    };
  }
  const span = Private.metadataSpan(text);
  if (!span) {
    return {
      ok: false,
      problem: { message: 'Its "metadata" could not be found in its text.' }
    };
  }
  return {
    ok: true,
    metadata: parsed.metadata as PartialJSONObject,
    span,
    indent: Private.indentOf(text)
  };
}

/**
 * The text of a notebook with its metadata replaced by `metadata`, written
 * in the file's own style (its indentation, or compact); everything else is
 * the same text.
 */
export function withMetadataText(
  text: string,
  read: Extract<NotebookText, { ok: true }>,
  metadata: PartialJSONObject
): string {
  const [start, end] = read.span;
  let value: string;
  if (read.indent === '') {
    value = JSON.stringify(metadata);
  } else {
    // Nested one level below the top-level keys.
    value = JSON.stringify(metadata, null, read.indent).replace(
      /\n/g,
      '\n' + read.indent
    );
  }
  return text.slice(0, start) + value + text.slice(end);
}

/**
 * Module-private helpers.
 */
namespace Private {
  /** The span of the last top-level "metadata" value, or null. */
  export function metadataSpan(text: string): [number, number] | null {
    let i = skipSpace(text, 0);
    if (text[i] !== '{') {
      return null;
    }
    i += 1;
    let found: [number, number] | null = null;
    for (;;) {
      i = skipSpace(text, i);
      if (text[i] === '}') {
        return found;
      }
      if (text[i] !== '"') {
        return null;
      }
      const keyEnd = stringEnd(text, i);
      const key = JSON.parse(text.slice(i, keyEnd)) as string;
      i = skipSpace(text, keyEnd);
      if (text[i] !== ':') {
        return null;
      }
      i = skipSpace(text, i + 1);
      const start = i;
      i = valueEnd(text, i);
      if (key === 'metadata') {
        found = [start, i];
      }
      i = skipSpace(text, i);
      if (text[i] === ',') {
        i += 1;
      }
    }
  }

  /** The indentation of the first top-level key ('' when on one line). */
  export function indentOf(text: string): string {
    const match = /^\s*\{\r?\n([ \t]+)"/.exec(text);
    return match ? match[1] : '';
  }

  function skipSpace(text: string, i: number): number {
    while (i < text.length && ' \t\n\r'.includes(text[i])) {
      i += 1;
    }
    return i;
  }

  /** The index after the string starting at `i` (a quote). */
  function stringEnd(text: string, i: number): number {
    i += 1;
    while (i < text.length) {
      const c = text[i];
      if (c === '\\') {
        i += 2;
      } else if (c === '"') {
        return i + 1;
      } else {
        i += 1;
      }
    }
    return i;
  }

  /** The index after the (valid) JSON value starting at `i`. */
  function valueEnd(text: string, i: number): number {
    const c = text[i];
    if (c === '"') {
      return stringEnd(text, i);
    }
    if (c === '{' || c === '[') {
      let depth = 0;
      while (i < text.length) {
        const d = text[i];
        if (d === '"') {
          i = stringEnd(text, i);
          continue;
        }
        if (d === '{' || d === '[') {
          depth += 1;
        } else if (d === '}' || d === ']') {
          depth -= 1;
          if (depth === 0) {
            return i + 1;
          }
        }
        i += 1;
      }
      return i;
    }
    while (i < text.length && !',}] \t\n\r'.includes(text[i])) {
      i += 1;
    }
    return i;
  }
}
