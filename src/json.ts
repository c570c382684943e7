/**
 * Helpers for JSON values. No JupyterLab imports.
 */
import {
  JSONExt,
  type PartialJSONObject,
  type PartialJSONValue
} from '@lumino/coreutils';

/** Whether `value` is a JSON object (not null, not a list). */
export function isObject(value: unknown): value is { [key: string]: any } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether two values, either of which may be missing, are equal. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) {
    return a === b;
  }
  return JSONExt.deepEqual(a as PartialJSONValue, b as PartialJSONValue);
}

/** Whether a JSON value is an object (typed as one). */
export function isJSONObject(
  value: PartialJSONValue | undefined
): value is PartialJSONObject {
  return isObject(value);
}
