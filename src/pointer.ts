/**
 * Where a section's field lives in the notebook's metadata: a top-level key
 * (`kernelspec`) or a JSON pointer (`/toc/base_numbering`, RFC 6901 with
 * `~1` for `/` and `~0` for `~`). Reads and copy-on-write updates of nested
 * values, keeping every sibling as it is. No JupyterLab imports.
 */
import type { PartialJSONValue } from '@lumino/coreutils';
import { isObject } from './json';

/** A path into the metadata: the keys (or array indexes) from the top. */
export type MetadataPath = ReadonlyArray<string>;

/** The outcome of reading a field's name. */
export type PathResult =
  { ok: true; path: string[] } | { ok: false; message: string };

/**
 * The path of a field name: a name starting with `/` is a JSON pointer,
 * any other name is one top-level key.
 */
export function parseFieldName(name: string): PathResult {
  if (name.length === 0) {
    return { ok: false, message: 'A field needs a name.' };
  }
  if (!name.startsWith('/')) {
    return { ok: true, path: [name] };
  }
  const parts = name.slice(1).split('/');
  const path: string[] = [];
  for (const part of parts) {
    if (/~(?![01])/.test(part)) {
      return {
        ok: false,
        message: `"${name}" is not a valid JSON pointer: "~" must be followed by 0 or 1.`
      };
    }
    path.push(unescapeToken(part));
  }
  if (path[0] === '') {
    return {
      ok: false,
      message: `"${name}" is not a valid field: its top-level key is empty.`
    };
  }
  return { ok: true, path };
}

/** The JSON pointer of a path (`/a/b~1c`). */
export function toPointer(path: MetadataPath): string {
  return path.map(part => '/' + escapeToken(part)).join('');
}

/** A key as a part of a JSON pointer (`~` as `~0`, `/` as `~1`). */
export function escapeToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The key a part of a JSON pointer names. */
export function unescapeToken(part: string): string {
  return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Whether `prefix` is `path` or one of its ancestors. */
export function isPrefix(prefix: MetadataPath, path: MetadataPath): boolean {
  return (
    prefix.length <= path.length &&
    prefix.every((part, index) => part === path[index])
  );
}

/** Whether two paths overlap: one is the other or inside it. */
export function overlaps(a: MetadataPath, b: MetadataPath): boolean {
  return isPrefix(a, b) || isPrefix(b, a);
}

/** The value at a path, or undefined if there is none. */
export function getPath(
  root: unknown,
  path: MetadataPath
): PartialJSONValue | undefined {
  let node: unknown = root;
  for (const part of path) {
    if (Array.isArray(node)) {
      const index = arrayIndex(part);
      if (index === null || index >= node.length) {
        return undefined;
      }
      node = node[index];
    } else if (isObject(node)) {
      if (!Object.prototype.hasOwnProperty.call(node, part)) {
        return undefined;
      }
      node = node[part];
    } else {
      return undefined;
    }
  }
  return node as PartialJSONValue | undefined;
}

/** The outcome of writing at a path. */
export type SetResult =
  | { ok: true; value: PartialJSONValue | undefined }
  | { ok: false; message: string };

/**
 * A copy of `root` with the value at `path` set (or removed when `value` is
 * undefined). Only the objects along the path are copied; every sibling is
 * the same value as before. Missing objects along the path are created;
 * a path through a value that is not an object (or an array, for an index)
 * is refused rather than overwritten.
 *
 * With `prune`, objects along the path that a removal leaves empty are
 * removed too (`{toc: {n: 1}}` without `/toc/n` is `{}`, not `{toc: {}}`).
 * An empty path replaces the root.
 */
export function setPath(
  root: PartialJSONValue | undefined,
  path: MetadataPath,
  value: PartialJSONValue | undefined,
  prune = false
): SetResult {
  if (path.length === 0) {
    return { ok: true, value };
  }
  const [head, ...rest] = path;
  if (root === undefined) {
    if (value === undefined) {
      return { ok: true, value: undefined };
    }
    root = {};
  }
  if (Array.isArray(root)) {
    const index = arrayIndex(head, root.length);
    if (index === null) {
      return {
        ok: false,
        message: `"${head}" is not an index of the list at ${toPointer(path)}.`
      };
    }
    const child = setPath(root[index], rest, value, prune);
    if (!child.ok) {
      return child;
    }
    const copy = root.slice();
    if (child.value === undefined) {
      if (index < copy.length) {
        copy.splice(index, 1);
      }
    } else {
      copy[index] = child.value;
    }
    return { ok: true, value: copy };
  }
  if (!isObject(root)) {
    return {
      ok: false,
      message: `The value holding "${head}" is not an object.`
    };
  }
  const has = Object.prototype.hasOwnProperty.call(root, head);
  const child = setPath(has ? root[head] : undefined, rest, value, prune);
  if (!child.ok) {
    return child;
  }
  const copy: { [key: string]: PartialJSONValue | undefined } = { ...root };
  if (child.value === undefined) {
    if (!has) {
      return { ok: true, value: root };
    }
    delete copy[head];
    if (prune && Object.keys(copy).length === 0) {
      return { ok: true, value: undefined };
    }
  } else {
    // Defined with a plain assignment would skip an own "__proto__" key.
    Object.defineProperty(copy, head, {
      value: child.value,
      enumerable: true,
      writable: true,
      configurable: true
    });
  }
  return { ok: true, value: copy as PartialJSONValue };
}

/**
 * An array index from a pointer segment; `-` (and `length`, when given)
 * mean "after the last item".
 */
function arrayIndex(part: string, length?: number): number | null {
  if (length !== undefined && part === '-') {
    return length;
  }
  if (!/^(0|[1-9][0-9]*)$/.test(part)) {
    return null;
  }
  const index = Number(part);
  if (length !== undefined && index > length) {
    return null;
  }
  return index;
}
