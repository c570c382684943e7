/**
 * Edits of the notebook's `jupytext` metadata value, as pure functions: the
 * panel's Jupytext section and the palette commands both write through them.
 */
import type { PartialJSONObject, PartialJSONValue } from '@lumino/coreutils';

import { formatsToString, parseFormatsValue, validateFormats } from './formats';

/** The `jupytext` value as an object (empty when absent or not an object). */
export function jupytextOf(value: unknown): PartialJSONObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as PartialJSONObject)
    : {};
}

/**
 * The `jupytext` value with `key` set, or removed when `value` is
 * undefined; undefined when nothing is left, so the key itself goes away
 * rather than staying behind as `{}`.
 */
export function withEntry(
  jupytext: unknown,
  key: string,
  value: PartialJSONValue | undefined
): PartialJSONObject | undefined {
  const next: PartialJSONObject = { ...jupytextOf(jupytext) };
  if (value === undefined) {
    delete next[key];
  } else {
    next[key] = value;
  }
  return Object.keys(next).length > 0 ? next : undefined;
}

/**
 * The `jupytext` value paired as `formats` (a formats string; empty or
 * null removes the pairing).
 */
export function withFormats(
  jupytext: unknown,
  formats: string | null
): PartialJSONObject | undefined {
  return withEntry(jupytext, 'formats', formats ? formats : undefined);
}

/**
 * The pairing of a `jupytext` value in Jupytext's short form ('' when not
 * paired), or null when its `formats` cannot be read.
 */
export function formatsText(jupytext: unknown): string | null {
  const formats = jupytextOf(jupytext).formats;
  if (formats === undefined) {
    return '';
  }
  const parsed = parseFormatsValue(formats);
  return parsed.ok ? formatsToString(parsed.formats) : null;
}

/**
 * Why a `jupytext` value is invalid, or null: its `formats` follow
 * Jupytext's grammar.
 */
export function checkJupytext(jupytext: unknown): string | null {
  if (jupytext === undefined) {
    return null;
  }
  if (
    jupytext === null ||
    typeof jupytext !== 'object' ||
    Array.isArray(jupytext)
  ) {
    return 'The "jupytext" metadata must be an object.';
  }
  const formats = (jupytext as PartialJSONObject).formats;
  if (formats === undefined) {
    return null;
  }
  const parsed = parseFormatsValue(formats);
  if (!parsed.ok) {
    return parsed.message;
  }
  return validateFormats(parsed.formats);
}
