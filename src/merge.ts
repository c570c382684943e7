import {
  JSONExt,
  type PartialJSONObject,
  type PartialJSONValue
} from '@lumino/coreutils';

/**
 * Three-way merge of two concurrent edits of one metadata value.
 *
 * `base` is the value both edits started from, `ours` and `theirs` the two
 * results (`undefined`: removed). Objects merge field by field, at any depth,
 * so that two people changing different fields of one key (`course.code`
 * and `course.week`) both keep their change. Where both changed the same
 * field differently, `theirs` is kept, except that a change is never lost
 * to a removal: removing a field someone else changed at the same time
 * keeps their change. Arrays and other values are merged as wholes.
 */
export function mergeConcurrent(
  base: PartialJSONValue | undefined,
  ours: PartialJSONValue | undefined,
  theirs: PartialJSONValue | undefined
): PartialJSONValue | undefined {
  if (sameValue(ours, theirs) || sameValue(base, ours)) {
    return theirs;
  }
  if (sameValue(base, theirs)) {
    return ours;
  }
  if (isObject(ours) && isObject(theirs)) {
    return mergeObjects(isObject(base) ? base : {}, ours, theirs);
  }
  // Both changed it differently: theirs, unless theirs is a removal.
  return theirs === undefined ? ours : theirs;
}

/** Merge two edits of an object field by field; theirs gives the order. */
function mergeObjects(
  base: PartialJSONObject,
  ours: PartialJSONObject,
  theirs: PartialJSONObject
): PartialJSONObject {
  // Without a prototype, every name (`__proto__` too) is a plain field.
  const merged: PartialJSONObject = Object.create(null);
  const keys = [...Object.keys(theirs)];
  for (const key of Object.keys(ours)) {
    if (!Object.prototype.hasOwnProperty.call(theirs, key)) {
      keys.push(key);
    }
  }
  for (const key of keys) {
    const value = mergeConcurrent(
      own(base, key),
      own(ours, key),
      own(theirs, key)
    );
    if (value !== undefined) {
      merged[key] = value;
    }
  }
  return merged;
}

/** A field of an object, if it is its own. */
function own(
  object: PartialJSONObject,
  key: string
): PartialJSONValue | undefined {
  return Object.prototype.hasOwnProperty.call(object, key)
    ? object[key]
    : undefined;
}

/** Whether a value is a JSON object (not an array, not null). */
function isObject(
  value: PartialJSONValue | undefined
): value is PartialJSONObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether two JSON values (either possibly absent) are equal. */
export function sameValue(
  a: PartialJSONValue | undefined,
  b: PartialJSONValue | undefined
): boolean {
  if (a === undefined || b === undefined) {
    return a === b;
  }
  return JSONExt.deepEqual(a, b);
}
