import {
  checkKeyName,
  customKeys,
  describeValue,
  hiddenInName,
  isLargeValue,
  parseJSON,
  jsonErrorOffset,
  unkeepableValue
} from '../keys';

/** The built-in sections' keys, as the registry names their sections. */
const sectionOf = (key: string): string | null =>
  ({
    kernelspec: 'Kernel',
    language_info: 'Kernel',
    title: 'Notebook',
    authors: 'Notebook',
    jupytext: 'Jupytext'
  })[key] ?? null;

describe('customKeys', () => {
  it('lists every key no section edits, in order', () => {
    expect(
      customKeys(
        {
          kernelspec: {},
          zeta: 1,
          title: 't',
          alpha: 2,
          language_info: {},
          authors: [],
          jupytext: {}
        },
        sectionOf
      )
    ).toEqual(['zeta', 'alpha']);
  });

  it('lists every key when no section edits any', () => {
    expect(customKeys({ kernelspec: {}, zeta: 1 })).toEqual([
      'kernelspec',
      'zeta'
    ]);
  });
});

describe('checkKeyName', () => {
  it.each([
    ['', 'A key needs a name.'],
    [' padded', 'A key name cannot start or end with a space.'],
    ['kernelspec', '"%1" is edited in its own section (%2).'],
    ['authors', '"%1" is edited in its own section (%2).'],
    ['course', 'A key named "%1" already exists.'],
    [
      '__proto__',
      'JupyterLab cannot keep a key named "%1": it would be lost when the notebook is read or saved.'
    ]
  ])('refuses %j', (name, message) => {
    expect(
      checkKeyName(name, ['course', 'tags'], undefined, sectionOf)?.message
    ).toBe(message);
  });

  it('names the section that edits a key', () => {
    expect(checkKeyName('authors', [], undefined, sectionOf)).toEqual({
      message: '"%1" is edited in its own section (%2).',
      args: ['authors', 'Notebook']
    });
  });

  it('accepts new names, odd ones included, and a key keeping its own name', () => {
    expect(checkKeyName('ünïcødé / spaces inside', ['course'])).toBeNull();
    expect(checkKeyName('course', ['course'], 'course')).toBeNull();
  });
});

describe('parseJSON', () => {
  it('reads any JSON value', () => {
    expect(parseJSON('{"a": [1, null]}')).toEqual({
      ok: true,
      value: { a: [1, null] }
    });
    expect(parseJSON('false')).toEqual({ ok: true, value: false });
  });

  it('says why text is not JSON', () => {
    const result = parseJSON('{"a": ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.message).toMatch(/^Invalid JSON/);
    expect(parseJSON('{"a": 1,\n "b": x}')).toEqual({
      ok: false,
      problem: {
        message: 'Invalid JSON at line %1, column %2.',
        args: ['2', '7']
      }
    });
    expect(parseJSON('hello')).toEqual({
      ok: false,
      problem: {
        message: 'Invalid JSON: text needs double quotes, e.g. %1.',
        args: ['"hello"']
      }
    });
    expect(parseJSON('  ')).toEqual({
      ok: false,
      problem: { message: 'Enter a JSON value.' }
    });
  });
});

describe('large values', () => {
  it('finds a value large without walking all of it', () => {
    const big = Array.from({ length: 100_000 }, (_, i) => ({ i }));
    expect(isLargeValue(big)).toBe(true);
    expect(isLargeValue({ a: 'x'.repeat(5000) })).toBe(true);
    expect(isLargeValue({ a: [1, 2, 3], b: 'short' })).toBe(false);
  });

  it('describes values by type and size', () => {
    expect(describeValue([1, 2])).toEqual({
      message: 'list of %1 items',
      args: ['2']
    });
    expect(describeValue({ a: 1 })).toEqual({
      message: 'object with %1 keys',
      args: ['1']
    });
    expect(describeValue('x')).toEqual({ message: '%1', args: ['"x"'] });
  });
});

describe('hiddenInName', () => {
  it.each([
    ['', 'This key has an empty name.', undefined],
    ['   ', 'The name of this key is only spaces.', undefined],
    [' padded', 'The name of this key starts or ends with spaces.', undefined],
    [
      'evil\u202Etxt.exe',
      'The name of this key holds characters you cannot see: %1.',
      'U+202E'
    ],
    ['title\u200B', undefined, 'U+200B'],
    ['two\nlines\tand\u00A0nbsp', undefined, 'U+000A, U+0009, U+00A0'],
    ['\uFEFFbom', undefined, 'U+FEFF']
  ])('tells what cannot be seen in %j', (name, message, arg) => {
    const found = hiddenInName(name);
    if (message) {
      expect(found?.message).toBe(message);
    }
    expect(found?.args?.[0]).toBe(arg);
  });

  it('finds nothing hidden in ordinary names, whatever their script', () => {
    for (const name of ['course', 'a b', '数据 🚀', 'ключ', 'e\u0301']) {
      expect(hiddenInName(name)).toBeNull();
    }
  });
});

describe('unkeepableValue', () => {
  it('finds a __proto__ key anywhere, with its pointer', () => {
    const value = JSON.parse('{"a~b": {"c/d": [1, {"__proto__": {}}]}}');
    expect(unkeepableValue(value, '/k')?.args).toEqual([
      '/k/a~0b/c~1d/1/__proto__'
    ]);
  });

  it('finds "constructor" on the first level only', () => {
    expect(unkeepableValue({ constructor: 1 }, '/k')?.args).toEqual(['/k']);
    expect(unkeepableValue({ a: { constructor: 1 } })).toBeNull();
    expect(unkeepableValue(['constructor'])).toBeNull();
  });

  it('keeps every other value', () => {
    for (const value of [null, 0, '', [], {}, { prototype: { toString: 1 } }]) {
      expect(unkeepableValue(value)).toBeNull();
    }
  });
});

describe('jsonErrorOffset', () => {
  it.each<[string, number | null]>([
    ['{"a": [1, 2.5e3, "x\\u00e9"], "b": null}', null],
    ['  true  ', null],
    ['{"a": 1,\n "b": x}', 15],
    ['[1, 2', 5],
    ['{"a" 1}', 5],
    ['"abc', 4],
    ['01', 1],
    ['[1,]', 3],
    ['{} x', 3],
    ['"\\q"', 2]
  ])('finds where %j stops being JSON', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
    expect(offset === null).toBe(
      (() => {
        try {
          JSON.parse(text);
          return true;
        } catch {
          return false;
        }
      })()
    );
  });
});
