import {
  getPath,
  isPrefix,
  overlaps,
  parseFieldName,
  setPath,
  toPointer
} from '../pointer';

describe('parseFieldName', () => {
  it('reads a plain name as one top-level key', () => {
    expect(parseFieldName('kernelspec')).toEqual({
      ok: true,
      path: ['kernelspec']
    });
    // Only a leading slash makes a pointer.
    expect(parseFieldName('a/b')).toEqual({ ok: true, path: ['a/b'] });
  });

  it('reads JSON pointers, with ~1 for "/" and ~0 for "~"', () => {
    expect(parseFieldName('/toc/base_numbering')).toEqual({
      ok: true,
      path: ['toc', 'base_numbering']
    });
    expect(parseFieldName('/a~1b/c~0d/~01')).toEqual({
      ok: true,
      path: ['a/b', 'c~d', '~1']
    });
    expect(parseFieldName('/list/0/')).toEqual({
      ok: true,
      path: ['list', '0', '']
    });
  });

  it('refuses empty names, empty top-level keys and bad escapes', () => {
    expect(parseFieldName('').ok).toBe(false);
    expect(parseFieldName('/').ok).toBe(false);
    expect(parseFieldName('//x').ok).toBe(false);
    expect(parseFieldName('/a~2').ok).toBe(false);
    expect(parseFieldName('/a~').ok).toBe(false);
  });

  it('writes back what it reads', () => {
    for (const pointer of ['/toc/base_numbering', '/a~1b/c~0d', '/x/0']) {
      const parsed = parseFieldName(pointer);
      expect(parsed.ok && toPointer(parsed.path)).toBe(pointer);
    }
  });
});

describe('paths', () => {
  it('know their prefixes and overlaps', () => {
    expect(isPrefix(['toc'], ['toc', 'n'])).toBe(true);
    expect(isPrefix(['toc', 'n'], ['toc'])).toBe(false);
    expect(overlaps(['toc', 'n'], ['toc'])).toBe(true);
    expect(overlaps(['toc', 'n'], ['toc', 'm'])).toBe(false);
    expect(overlaps(['a'], ['ab'])).toBe(false);
  });
});

describe('getPath', () => {
  const root = {
    toc: { base_numbering: 2, number_sections: true },
    authors: [{ name: 'Ada' }, { name: 'Grace' }],
    'a/b': { 'c~d': 1 },
    empty: null
  };

  it('reads nested values, list items included', () => {
    expect(getPath(root, ['toc', 'base_numbering'])).toBe(2);
    expect(getPath(root, ['authors', '1', 'name'])).toBe('Grace');
    expect(getPath(root, ['a/b', 'c~d'])).toBe(1);
    expect(getPath(root, [])).toBe(root);
  });

  it('reads nothing where there is nothing', () => {
    expect(getPath(root, ['toc', 'missing'])).toBeUndefined();
    expect(getPath(root, ['authors', '2'])).toBeUndefined();
    expect(getPath(root, ['authors', 'x'])).toBeUndefined();
    expect(getPath(root, ['empty', 'x'])).toBeUndefined();
    expect(getPath(root, ['toc', 'base_numbering', 'x'])).toBeUndefined();
    // Inherited members are not metadata.
    expect(getPath(root, ['toc', 'constructor'])).toBeUndefined();
    expect(getPath(root, ['toc', '__proto__'])).toBeUndefined();
  });
});

describe('setPath', () => {
  const toc = { base_numbering: 1, number_sections: true, extra: { a: 1 } };

  it('sets a leaf and keeps every sibling, the very same values', () => {
    const result = setPath(toc, ['base_numbering'], 3);
    expect(result).toEqual({
      ok: true,
      value: { base_numbering: 3, number_sections: true, extra: { a: 1 } }
    });
    expect(result.ok && (result.value as any).extra).toBe(toc.extra);
    // The input is not changed.
    expect(toc.base_numbering).toBe(1);
  });

  it('creates missing objects along the path', () => {
    expect(setPath(undefined, ['a', 'b'], 1)).toEqual({
      ok: true,
      value: { a: { b: 1 } }
    });
    expect(setPath({ x: 1 }, ['a', 'b'], null)).toEqual({
      ok: true,
      value: { x: 1, a: { b: null } }
    });
  });

  it('removes a leaf, and with prune the objects it leaves empty', () => {
    const nested = { a: { b: { c: 1 } }, d: 2 };
    expect(setPath(nested, ['a', 'b', 'c'], undefined)).toEqual({
      ok: true,
      value: { a: { b: {} }, d: 2 }
    });
    expect(setPath(nested, ['a', 'b', 'c'], undefined, true)).toEqual({
      ok: true,
      value: { d: 2 }
    });
    expect(setPath({ b: { c: 1 } }, ['b', 'c'], undefined, true)).toEqual({
      ok: true,
      value: undefined
    });
    // Removing what is not there changes nothing.
    expect(setPath(nested, ['x', 'y'], undefined)).toEqual({
      ok: true,
      value: nested
    });
  });

  it('writes list items by index, "-" appending', () => {
    const list = ['a', 'b'];
    expect(setPath(list, ['1'], 'B')).toEqual({ ok: true, value: ['a', 'B'] });
    expect(setPath(list, ['-'], 'c')).toEqual({
      ok: true,
      value: ['a', 'b', 'c']
    });
    expect(setPath(list, ['0'], undefined)).toEqual({
      ok: true,
      value: ['b']
    });
    expect(setPath(list, ['5'], 'x').ok).toBe(false);
    expect(setPath(list, ['x'], 'x').ok).toBe(false);
    expect(list).toEqual(['a', 'b']);
  });

  it('refuses to write through a value that is not an object', () => {
    const result = setPath({ toc: 5 }, ['toc', 'base_numbering'], 1);
    expect(result.ok).toBe(false);
    expect(setPath('text', ['a'], 1).ok).toBe(false);
  });

  it('keeps "__proto__" a plain key, never a prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": 1}}');
    const result = setPath(parsed, ['__proto__', 'polluted'], 2);
    expect(result.ok).toBe(true);
    const value = result.ok ? (result.value as any) : null;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(JSON.stringify(value)).toBe('{"__proto__":{"polluted":2}}');
    expect(({} as any).polluted).toBeUndefined();
    const created = setPath({}, ['__proto__'], { x: 1 });
    expect(JSON.stringify(created.ok && created.value)).toBe(
      '{"__proto__":{"x":1}}'
    );
  });
});
