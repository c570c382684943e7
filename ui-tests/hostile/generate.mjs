/**
 * The hostile-metadata notebooks: metadata written by every tool of the last
 * ten years, and by nobody sane. Each case is one notebook, with what the
 * panel shows for it (`shows`, for ui-tests/README.md) and checks of that
 * (`expect`, run by ui-tests/tests/hostile.spec.ts).
 *
 *   node ui-tests/hostile/generate.mjs <folder>   writes <id>.ipynb and cases.json
 *   node ui-tests/hostile/generate.mjs --table    prints the README's table
 *
 * A case gives its metadata as a value, or as raw JSON text (`text`) where
 * JavaScript cannot write it (`__proto__` keys, `-0`, 2^53+1, duplicate keys).
 *
 * Checks (`expect`), each about the panel:
 * - `{ section, text }`: the section (`kernel`, `notebook`, `jupytext`,
 *   `custom`, `raw`) shows this text;
 * - `{ section, notText }`: it does not show it;
 * - `{ customKey }`: the custom keys list this key (by its exact name);
 * - `{ noCustomKey }`: they do not;
 * - `{ field, value }`: the field labelled so has this value;
 * - `{ field, valueContains }`, `{ field, valueLength }`: its value holds
 *   this text, or is this long.
 *
 * And for every case: no element made from the metadata's HTML (`img`,
 * `b`, `script`) in the panel, no script run, and no two elements with one
 * id.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The key every case adds through the panel, and its value. */
export const ADDED_KEY = 'added_by_panel';
export const ADDED_VALUE = { by: 'panel', n: 1 };

const KERNELSPEC = {
  display_name: 'Python 3 (ipykernel)',
  language: 'python',
  name: 'python3'
};
const PYTHON = { kernelspec: KERNELSPEC, language_info: { name: 'python' } };

/** The wrong JSON types for a value, by the type it should have. */
const WRONG = {
  string: { value: 'hostile', label: 'a string' },
  number: { value: 42, label: 'a number' },
  boolean: { value: true, label: 'a boolean' },
  null: { value: null, label: 'null' },
  array: { value: [1, 'two'], label: 'a list' },
  object: { value: { unexpected: true }, label: 'an object' }
};

/** Nested `depth` levels deep: objects, or lists. */
function nested(depth, kind) {
  let value = 'bottom';
  for (let i = 0; i < depth; i++) {
    value = kind === 'array' ? [value] : { level: value };
  }
  return value;
}

/** A text that JavaScript would treat as HTML if anyone used innerHTML. */
const HTML = '<img src=x onerror="window.__hostileRan=1"><b>bold</b>';
const SCRIPT = '<script>window.__hostileRan=1</script>';

/** The notice of a value shown as JSON because of its type. */
const SHOWN_AS_JSON =
  'it is shown as JSON and kept as it is until you change it';

/** What a section shows for a known key of the wrong type. */
const WRONG_TYPE_SHOWS = {
  kernelspec: ['kernel', 'an object', 'Kernel'],
  language_info: ['kernel', 'an object', 'Kernel'],
  title: ['notebook', 'a string', 'Notebook'],
  authors: ['notebook', 'a list', 'Notebook'],
  jupytext: ['jupytext', 'an object', 'Jupytext']
};

/** Every case, in the order of the table. */
export function cases() {
  const list = [];
  const add = c => list.push(c);

  // Every known key with every wrong JSON type.
  const known = [
    ['kernelspec', 'object'],
    ['language_info', 'object'],
    ['title', 'string'],
    ['authors', 'array'],
    ['jupytext', 'object']
  ];
  for (const [key, type] of known) {
    const [section, expected, label] = WRONG_TYPE_SHOWS[key];
    for (const [wrongType, wrong] of Object.entries(WRONG)) {
      if (wrongType === type) {
        continue;
      }
      // Core replaces a kernelspec or language_info that is null (falsy)
      // with an empty one as it reads the file.
      const replaced =
        wrongType === 'null' &&
        (key === 'kernelspec' || key === 'language_info');
      add({
        id: `${key}-${wrongType}`,
        title: `\`${key}\` is ${wrong.label}`,
        metadata: { ...PYTHON, [key]: wrong.value },
        shows: replaced
          ? key === 'kernelspec'
            ? 'JupyterLab itself replaces `null` with `{"name": "", "display_name": ""}` as it reads the file (and saves that). Kernel: "This notebook names no kernel. Pick one to record it."'
            : 'JupyterLab itself replaces `null` with `{"name": ""}` as it reads the file (and saves that). Kernel: the language info line, empty ("—").'
          : `${label}: the value as JSON in a text area, with "This value is not ${expected} as the section expects: ${SHOWN_AS_JSON}." and the schema error above the form; nothing is written until a value of the right type is typed.`,
        expect: replaced
          ? key === 'kernelspec'
            ? [{ section, text: 'This notebook names no kernel' }]
            : [{ section, text: 'Language info—' }]
          : [
              {
                section,
                text: `This value is not ${expected} as the section expects`
              }
            ]
      });
    }
  }

  // The fields of kernelspec.
  const partly = (at, expected) =>
    `Kernel: the whole kernelspec as JSON, with "Part of this value is not as the section expects (${at} is not ${expected}): ${SHOWN_AS_JSON}."`;
  const kernelFields = [
    [
      'name-number',
      { ...KERNELSPEC, name: 3 },
      partly('/name', 'a string'),
      [{ section: 'kernel', text: '(/name is not a string)' }]
    ],
    [
      'name-null',
      { ...KERNELSPEC, name: null },
      partly('/name', 'a string'),
      [{ section: 'kernel', text: '(/name is not a string)' }]
    ],
    [
      'name-object',
      { ...KERNELSPEC, name: { python: 3 } },
      partly('/name', 'a string'),
      [{ section: 'kernel', text: '(/name is not a string)' }]
    ],
    [
      'name-empty',
      { ...KERNELSPEC, name: '' },
      'Kernel: "This notebook names no kernel. Pick one to record it." and the error "The kernelspec has a display name or language but no kernel name: pick a kernel.".',
      [
        { section: 'kernel', text: 'This notebook names no kernel' },
        { section: 'kernel', text: 'has a display name or language but no kernel name' }
      ]
    ],
    [
      'display-name-list',
      { ...KERNELSPEC, display_name: ['Python', 3] },
      partly('/display_name', 'a string'),
      [{ section: 'kernel', text: '(/display_name is not a string)' }]
    ],
    [
      'language-object',
      { ...KERNELSPEC, language: { name: 'python' } },
      partly('/language', 'a string'),
      [{ section: 'kernel', text: '(/language is not a string)' }]
    ],
    [
      'no-name',
      { language: 'python' },
      'Kernel: "This notebook names no kernel. Pick one to record it." and the errors "must have required property \'Kernel\'" and "…\'Display name\'".',
      [{ section: 'kernel', text: "must have required property 'Kernel'" }]
    ],
    [
      'extra-fields',
      {
        ...KERNELSPEC,
        env: { PYTHONPATH: '/opt/lib', DEPTH: nested(20, 'object') },
        metadata: { debugger: true },
        argv: ['python', '-m', 'ipykernel_launcher']
      },
      'Kernel: the picker, display name and language, then each other field (`env`, `metadata`, `argv`) as JSON in its own text area ("argv (JSON)"), which rjsf alone could not draw ("Unsupported field schema").',
      [
        { section: 'kernel', text: 'argv (JSON)' },
        { section: 'kernel', text: 'env (JSON)' },
        { section: 'kernel', notText: 'Unsupported field schema' }
      ]
    ]
  ];
  for (const [id, kernelspec, shows, expect] of kernelFields) {
    add({
      id: `kernelspec-${id}`,
      title: `\`kernelspec\`: ${id.replace(/-/g, ' ')}`,
      metadata: { ...PYTHON, kernelspec },
      shows,
      expect
    });
  }
  add({
    id: 'language-info-fields',
    title: '`language_info` fields of every wrong type',
    metadata: {
      ...PYTHON,
      language_info: {
        name: 3,
        version: [3, 11],
        codemirror_mode: { name: 'ipython', version: 3 },
        file_extension: null,
        mimetype: true
      }
    },
    shows:
      'Kernel: the language info line and, as some fields are not text, its details open: every field listed, lists and objects as JSON (`[3,11]`); read-only, as always.',
    expect: [
      { section: 'kernel', text: '[3,11]' },
      { section: 'kernel', text: '{"name":"ipython","version":3}' }
    ]
  });

  // The items of authors.
  const authorsPartly = (at, expected) =>
    `Notebook: the authors as JSON, with "Part of this value is not as the section expects (${at} is not ${expected}): ${SHOWN_AS_JSON}."`;
  const authorItems = [
    [
      'string',
      ['Ada Lovelace'],
      authorsPartly('/0', 'an object'),
      [{ section: 'notebook', text: '(/0 is not an object)' }]
    ],
    [
      'number',
      [42],
      authorsPartly('/0', 'an object'),
      [{ section: 'notebook', text: '(/0 is not an object)' }]
    ],
    [
      'null',
      [null, { name: 'Ada' }],
      authorsPartly('/0', 'an object'),
      [{ section: 'notebook', text: '(/0 is not an object)' }]
    ],
    [
      'list',
      [['Ada', 'Lovelace']],
      authorsPartly('/0', 'an object'),
      [{ section: 'notebook', text: '(/0 is not an object)' }]
    ],
    [
      'no-name',
      [{ affiliation: 'Analytical Engines' }],
      'Notebook: the author with an empty Name field, `affiliation` as JSON, and the error "must have required property \'Name\'".',
      [
        { section: 'notebook', text: "must have required property 'Name'" },
        { section: 'notebook', text: 'affiliation (JSON)' }
      ]
    ],
    [
      'name-number',
      [{ name: 1815 }],
      authorsPartly('/0/name', 'a string'),
      [{ section: 'notebook', text: '(/0/name is not a string)' }]
    ],
    [
      'name-object',
      [{ name: { first: 'Ada' } }],
      authorsPartly('/0/name', 'a string'),
      [{ section: 'notebook', text: '(/0/name is not a string)' }]
    ],
    [
      'extra-fields',
      [{ name: 'Ada', orcid: '0000', links: [{ a: 1 }] }],
      'Notebook: the author\'s Name field, then `orcid` and `links` as JSON ("links (JSON)").',
      [
        { section: 'notebook', text: 'links (JSON)' },
        { section: 'notebook', notText: 'Unsupported field schema' }
      ]
    ]
  ];
  for (const [id, authors, shows, expect] of authorItems) {
    add({
      id: `authors-item-${id}`,
      title: `\`authors\` item: ${id.replace(/-/g, ' ')}`,
      metadata: { ...PYTHON, authors },
      shows,
      expect
    });
  }

  // The fields of jupytext, formats above all.
  const unreadable = reason =>
    `Jupytext: "The notebook's "jupytext.formats" cannot be read; it is kept as it is." and why: "${reason}"; no preset, no paired files.`;
  const jupytextFields = [
    [
      'formats-invalid-string',
      { formats: 'ipynb,py:nonsense,,' },
      unreadable('Unknown format "nonsense". Formats for .py: …'),
      [
        { section: 'jupytext', text: 'cannot be read' },
        { section: 'jupytext', text: 'Unknown format "nonsense"' }
      ]
    ],
    [
      'formats-list',
      { formats: ['ipynb', 'py:percent'] },
      'Jupytext: the pairing read from the list, as Jupytext reads it: "Python script, percent format", two paired files, `ipynb,py:percent`, a preview of both files.',
      [{ field: 'Jupytext formats', value: 'ipynb,py:percent' }]
    ],
    [
      'formats-list-of-dicts',
      { formats: [{ extension: '.py' }, 3] },
      unreadable(
        'The list item 3 is neither a format string such as "py:percent" nor a format dictionary.'
      ),
      [{ section: 'jupytext', text: 'The list item 3 is neither' }]
    ],
    [
      'formats-dict',
      { formats: { ipynb: true, py: 'percent' } },
      unreadable(
        'jupytext.formats must be a string such as "ipynb,py:percent", or a list of formats.'
      ),
      [{ section: 'jupytext', text: 'cannot be read' }]
    ],
    [
      'formats-number',
      { formats: 3 },
      unreadable(
        'jupytext.formats must be a string such as "ipynb,py:percent", or a list of formats.'
      ),
      [{ section: 'jupytext', text: 'cannot be read' }]
    ],
    [
      'formats-boolean',
      { formats: false },
      unreadable(
        'jupytext.formats must be a string such as "ipynb,py:percent", or a list of formats.'
      ),
      [{ section: 'jupytext', text: 'cannot be read' }]
    ],
    [
      'formats-null',
      { formats: null },
      'Jupytext: "Not paired" (Jupytext reads a null pairing as none); the `null` stays in the file.',
      [{ field: 'Jupytext formats', value: '' }]
    ],
    [
      'filter-number',
      { formats: 'ipynb,py', notebook_metadata_filter: 7 },
      'Jupytext: paired with `ipynb,py`; `notebook_metadata_filter` shows `7`, not editable (a filter is a string).',
      [{ field: 'Notebook metadata filter', value: '7' }]
    ],
    [
      'filter-list',
      { cell_metadata_filter: ['-all', 'tags'] },
      'Jupytext: `cell_metadata_filter` shows `["-all","tags"]`, not editable.',
      [{ field: 'Cell metadata filter', value: '["-all","tags"]' }]
    ],
    [
      'option-string',
      { formats: 'ipynb,md', comment_magics: 'yes' },
      'Jupytext: `comment_magics` shows `"yes" (stored, not true or false)`, kept until another choice is made (it used to show "Default").',
      [{ section: 'jupytext', text: '"yes" (stored, not true or false)' }]
    ],
    [
      'text-representation-string',
      { text_representation: 'percent' },
      'Jupytext: "Text representation (written by Jupytext)" shows `"percent"`.',
      [{ section: 'jupytext', text: '"percent"' }]
    ],
    [
      'text-representation-fields',
      {
        text_representation: {
          extension: 7,
          format_name: null,
          format_version: [1, 3],
          jupytext_version: { v: '1.16' }
        }
      },
      'Jupytext: "Text representation (written by Jupytext)", every field, non-strings as JSON.',
      [{ section: 'jupytext', text: '{"v":"1.16"}' }]
    ],
    [
      'main-language-number',
      { main_language: 3, formats: 'ipynb,auto' },
      "Jupytext: paired with `ipynb,auto`; `auto` resolves from the kernel's language (python), ignoring the number; the preview lists the `.py` file.",
      [{ field: 'Jupytext formats', value: 'ipynb,auto' }]
    ]
  ];
  for (const [id, jupytext, shows, expect] of jupytextFields) {
    add({
      id: `jupytext-${id}`,
      title: `\`jupytext\`: ${id.replace(/-/g, ' ')}`,
      metadata: { ...PYTHON, jupytext },
      shows,
      expect
    });
  }

  // A section of core's metadata forms, with a field inside a custom key.
  add({
    id: 'toc-string',
    title: "`toc` (where core's form edits `/toc/base_numbering`) is a string",
    metadata: { ...PYTHON, toc: 'none' },
    shows:
      'Table of contents: an empty "Table of content - Base number"; Custom keys: `toc` as JSON with "Parts of "toc" are also edited in: Table of contents." Typing a number there is refused: "The value holding "base_numbering" is not an object."',
    expect: [
      { customKey: 'toc' },
      {
        section: 'custom',
        text: 'Parts of "toc" are also edited in: Table of contents.'
      }
    ]
  });
  add({
    id: 'toc-base-numbering-string',
    title:
      "`/toc/base_numbering` is a string where core's form wants an integer",
    metadata: {
      ...PYTHON,
      toc: { base_numbering: 'two', number_sections: true }
    },
    shows:
      'Table of contents: the field as JSON, "This value is not an integer as the section expects: …"; `toc` in Custom keys.',
    expect: [
      {
        section: 'metadataforms:commonToolsSection',
        text: 'This value is not an integer as the section expects'
      }
    ]
  });

  // Names that mean something to JavaScript objects.
  add({
    id: 'proto-top-object',
    title: '`__proto__` at the top level, an object',
    text: `{"kernelspec": ${JSON.stringify(KERNELSPEC)}, "language_info": {"name": "python"}, "__proto__": {"polluted": true, "title": "from proto"}}`,
    shows:
      'JupyterLab itself rewrites it as it reads the file: its `JSONExt.deepCopy` makes `__proto__` the prototype of the copy, and the next copy makes the prototype\'s keys top-level keys. The panel shows what the notebook now holds, and both saves have: a custom key `polluted` and the Title "from proto"; no `__proto__`. Nothing global is polluted, and the panel refuses to write a `__proto__` key.',
    expect: [
      { noCustomKey: '__proto__' },
      { customKey: 'polluted' },
      { field: 'Title', value: 'from proto' }
    ]
  });
  add({
    id: 'proto-top-string',
    title: '`__proto__` at the top level, a string',
    text: `{"kernelspec": ${JSON.stringify(KERNELSPEC)}, "__proto__": "not an object"}`,
    shows:
      'No such key: JupyterLab loses it as it reads the file (a string cannot be a prototype), so neither save has it.',
    expect: [{ noCustomKey: '__proto__' }]
  });
  add({
    id: 'proto-nested',
    title:
      '`__proto__` inside a custom key, `kernelspec`, `jupytext` and an author',
    text: `{"kernelspec": {"name": "python3", "display_name": "Python 3", "__proto__": {"name": "evil"}}, "custom": {"__proto__": {"polluted": 1}, "ok": 2}, "jupytext": {"__proto__": {"formats": "ipynb,py"}}, "authors": [{"name": "Ada", "__proto__": {"admin": true}}]}`,
    shows:
      'JupyterLab turns each nested `__proto__` into the prototype of its object as it reads the file, and its save writes the prototype\'s keys as the object\'s own (`custom` is saved as `{"ok": 2, "polluted": 1}`). The panel shows kernel `python3`, the author with `admin` as JSON, the pairing `ipynb,py`, and `custom` as `{"ok": 2}` (its own keys). The panel refuses to write any `__proto__` key.',
    expect: [
      { field: 'Jupytext formats', value: 'ipynb,py' },
      { customKey: 'custom' },
      { section: 'notebook', text: 'admin (JSON)' }
    ]
  });
  add({
    id: 'constructor-prototype-top',
    title:
      '`constructor`, `prototype`, `toString`, `hasOwnProperty` and `valueOf` as top-level keys',
    metadata: {
      ...PYTHON,
      constructor: { name: 'Object' },
      prototype: {},
      toString: 'not a function',
      hasOwnProperty: 1,
      valueOf: null
    },
    shows:
      'Custom keys: the five keys, each with its value as JSON, like any other key.',
    expect: [
      { customKey: 'constructor' },
      { customKey: 'prototype' },
      { customKey: 'toString' },
      { customKey: 'hasOwnProperty' },
      { customKey: 'valueOf' }
    ]
  });
  add({
    id: 'constructor-prototype-nested',
    title:
      'the same names inside `kernelspec`, `jupytext`, an author and a custom key (`constructor` one level down)',
    metadata: {
      kernelspec: {
        ...KERNELSPEC,
        toString: 1,
        hasOwnProperty: 2,
        valueOf: 'x',
        prototype: {},
        env: { constructor: 'x' }
      },
      jupytext: {
        formats: 'ipynb,py',
        prototype: [],
        toString: 'x',
        options: { constructor: {} }
      },
      authors: [{ name: 'Ada', constructor: 1, toString: 'x' }],
      custom: { nested: { constructor: { prototype: { toString: {} } } } }
    },
    shows:
      'Kernel: the kernelspec as JSON, "This value has a key named "toString" (at /toString), which the form cannot show: …" (rjsf takes such keys for fields of the schema and draws nothing); Notebook: the authors as JSON, the same for "/0/constructor"; Jupytext: paired with `ipynb,py`. (A `constructor` key directly in a key\'s value makes JupyterLab refuse the whole file, "Unexpected content type" from Yjs; the panel refuses to write such a value.)',
    expect: [
      { section: 'kernel', text: 'a key named "toString" (at /toString)' },
      {
        section: 'notebook',
        text: 'a key named "constructor" (at /0/constructor)'
      },
      { field: 'Jupytext formats', value: 'ipynb,py' }
    ]
  });

  // HTML and script, in names and values.
  add({
    id: 'html-key-and-value',
    title: 'HTML and script in a custom key name and its value',
    metadata: { ...PYTHON, [HTML]: SCRIPT, [SCRIPT]: { [HTML]: HTML } },
    shows:
      'Custom keys: both names as plain text in their name fields, the values as JSON text; no element is made from them and no script runs.',
    expect: [{ customKey: HTML }, { customKey: SCRIPT }]
  });
  add({
    id: 'html-known-values',
    title: 'HTML and script in the title, author, kernel and language names',
    metadata: {
      kernelspec: { name: HTML, display_name: SCRIPT, language: HTML },
      language_info: { name: SCRIPT, version: HTML },
      title: HTML + SCRIPT,
      authors: [{ name: SCRIPT }]
    },
    shows:
      'As text: the kernel notice "The kernel "<script>…" is not installed on this server…", the picker option, the Title and author Name fields, the language info list.',
    expect: [
      { field: 'Title', value: HTML + SCRIPT },
      { section: 'kernel', text: `${HTML} (not installed)` }
    ]
  });
  add({
    id: 'html-jupytext',
    title: 'HTML and script in the Jupytext formats and filters',
    metadata: {
      ...PYTHON,
      jupytext: {
        formats: `ipynb,${HTML}//py:percent`,
        notebook_metadata_filter: SCRIPT,
        text_representation: { format_name: HTML }
      }
    },
    shows:
      'Jupytext: the formats, the filter and the text representation as text; the preview lists the paired file under a folder named by the HTML, as text.',
    expect: [
      { field: 'Notebook metadata filter', value: SCRIPT },
      { section: 'jupytext', text: '<b>bold</b>' }
    ]
  });

  // Unicode in names.
  add({
    id: 'unicode-names',
    title: 'CJK, emoji, combining marks and right-to-left names and values',
    metadata: {
      ...PYTHON,
      title: 'データ分析 📊 é (e + \u0301) עברית',
      '数据 🚀': { ключ: 'значение', مفتاح: 'قيمة' },
      'e\u0301': 'combining'
    },
    shows:
      'The Title and the custom keys as they are, with no notice (nothing in them is invisible).',
    expect: [
      { customKey: '数据 🚀' },
      { customKey: 'e\u0301' },
      { field: 'Title', value: 'データ分析 📊 é (e + \u0301) עברית' },
      { section: 'custom', notText: 'characters you cannot see' }
    ]
  });
  add({
    id: 'bidi-override-name',
    title: 'a key name with a right-to-left override (reads as another name)',
    metadata: { ...PYTHON, 'evil\u202Etxt.exe': 1, '\u2067rtl\u2069': 2 },
    shows:
      'Custom keys: each such name with "The name of this key holds characters you cannot see: U+202E." (and "U+2067, U+2069").',
    expect: [
      { customKey: 'evil\u202Etxt.exe' },
      { section: 'custom', text: 'characters you cannot see: U+202E.' },
      { section: 'custom', text: 'U+2067, U+2069' }
    ]
  });
  add({
    id: 'zero-width-names',
    title:
      'zero-width characters: a key that looks like `title`, and one of only a zero-width space',
    metadata: {
      ...PYTHON,
      title: 'The real title',
      'title\u200B': 'a lookalike',
      '\u200B': 'only a zero-width space',
      '\uFEFFbom': 'byte order mark'
    },
    shows:
      'Notebook: the real title. Custom keys: the lookalike `title\u200B`, the zero-width name and the byte-order mark, each with "…characters you cannot see: U+200B." (or U+FEFF).',
    expect: [
      { field: 'Title', value: 'The real title' },
      { customKey: 'title\u200B' },
      { customKey: '\u200B' },
      { section: 'custom', text: 'U+200B' },
      { section: 'custom', text: 'U+FEFF' }
    ]
  });
  add({
    id: 'empty-and-blank-names',
    title: 'an empty key name, a blank one, and names with a newline and a tab',
    metadata: {
      ...PYTHON,
      '': 'empty name',
      '   ': 'blank name',
      'two\nlines': 1,
      'a\ttab': 2
    },
    shows:
      'Custom keys: "This key has an empty name.", "The name of this key is only spaces.", and U+000A and U+0009 named for the others.',
    expect: [
      { customKey: '' },
      { customKey: '   ' },
      { section: 'custom', text: 'This key has an empty name.' },
      { section: 'custom', text: 'The name of this key is only spaces.' },
      { section: 'custom', text: 'U+000A' },
      { section: 'custom', text: 'U+0009' }
    ]
  });
  add({
    id: 'lookalike-element-ids',
    title:
      'names that an escaping scheme could confuse: `a b`, `a_32b`, `a-b`, `a_b`',
    metadata: { ...PYTHON, 'a b': 1, a_32b: 2, 'a-b': 3, a_b: 4 },
    shows:
      'Four rows, each named by its own field (element ids are distinct, so each row is labelled by its own name).',
    expect: [
      { customKey: 'a b' },
      { customKey: 'a_32b' },
      { customKey: 'a-b' },
      { customKey: 'a_b' }
    ]
  });

  // Sizes.
  const many = { ...PYTHON };
  for (let i = 0; i < 3000; i++) {
    many[`key_${String(i).padStart(4, '0')}`] = i % 3 === 0 ? { i } : i;
  }
  add({
    id: 'keys-3000',
    title: '3,000 top-level keys',
    metadata: many,
    shows:
      'Custom keys: the first 25 rows, a "Show 25 more (2975 not shown)" button, and a box that finds `key_2999` by name.',
    expect: [
      { customKey: 'key_0000' },
      { noCustomKey: 'key_2999' },
      { text: 'Show 25 more (2975 not shown)' },
      { findKey: 'key_2999' }
    ]
  });
  add({
    id: 'string-2mb',
    title: 'a 2 MB string in a custom key',
    metadata: { ...PYTHON, big: 'x'.repeat(2 * 1024 * 1024) },
    shows:
      'Custom keys: `big` collapsed ("Show value"); once shown, the whole string as JSON.',
    expect: [
      { customKey: 'big' },
      { field: 'Value of big (JSON)', valueLength: 2 * 1024 * 1024 + 2 }
    ]
  });
  add({
    id: 'title-2mb',
    title: 'a 2 MB title',
    metadata: { ...PYTHON, title: 'y'.repeat(2 * 1024 * 1024) },
    shows: 'Notebook: the whole title in the Title field.',
    expect: [{ field: 'Title', valueLength: 2 * 1024 * 1024 }]
  });
  add({
    id: 'nesting-200-objects',
    title: '200 levels of nested objects in a custom key',
    metadata: { ...PYTHON, deep: nested(200, 'object') },
    shows:
      'Custom keys: `deep` collapsed; once shown, its JSON, 200 levels indented.',
    expect: [
      { customKey: 'deep' },
      { field: 'Value of deep (JSON)', valueContains: '"level": "bottom"' }
    ]
  });
  add({
    id: 'nesting-200-lists',
    title: '200 levels of nested lists in a custom key',
    metadata: { ...PYTHON, deep: nested(200, 'array') },
    shows: 'Custom keys: `deep` collapsed; once shown, its JSON.',
    expect: [
      { customKey: 'deep' },
      { field: 'Value of deep (JSON)', valueContains: '"bottom"' }
    ]
  });
  add({
    id: 'nesting-200-kernelspec',
    title: '200 levels of nesting inside `kernelspec` and `jupytext`',
    metadata: {
      ...PYTHON,
      kernelspec: { ...KERNELSPEC, deep: nested(200, 'object') },
      jupytext: { formats: 'ipynb,py', deep: nested(200, 'array') }
    },
    shows:
      'Kernel: the fields, then `deep` as JSON ("deep (JSON)"); Jupytext: paired with `ipynb,py`.',
    expect: [
      { section: 'kernel', text: 'deep (JSON)' },
      { field: 'Jupytext formats', value: 'ipynb,py' }
    ]
  });

  // Numbers at the edges of JSON.
  add({
    id: 'numbers-edges',
    title:
      'numbers at the edges of JSON: 1e308, -1e308, 5e-324, -0, -0.0, 2^53+1',
    text: `{"kernelspec": ${JSON.stringify(KERNELSPEC)}, "language_info": {"name": "python"}, "numbers": {"max": 1e308, "min": -1e308, "tiny": 5e-324, "negative_zero": -0, "negative_zero_float": -0.0, "unsafe_integer": 9007199254740993, "exponent": 1E+2}}`,
    shows:
      'Custom keys: `numbers` as the browser reads them: `1e+308`, `-1e+308`, `5e-324`, `0` for both zeros, `9007199254740992` for 2^53+1, `100`. JupyterLab saves the same, with or without the panel.',
    expect: [
      { field: 'Value of numbers (JSON)', valueContains: '"max": 1e+308' },
      {
        field: 'Value of numbers (JSON)',
        valueContains: '"unsafe_integer": 9007199254740992'
      }
    ]
  });
  add({
    id: 'numbers-in-known-keys',
    title:
      'edge numbers where strings belong: title 1e308, kernel name -0, an author 2^53+1',
    text: `{"kernelspec": {"name": -0, "display_name": 1e308, "language": "python"}, "title": 1e308, "authors": [{"name": 9007199254740993}]}`,
    shows:
      'Kernel, Title and Authors each as JSON with their notice ("/name is not a string", "not a string", "/0/name is not a string").',
    expect: [
      { section: 'kernel', text: '(/name is not a string)' },
      {
        section: 'notebook',
        text: 'This value is not a string as the section expects'
      },
      { section: 'notebook', text: '(/0/name is not a string)' }
    ]
  });

  // null everywhere.
  add({
    id: 'null-everywhere-top',
    title: '`null` as every known key and a custom key',
    metadata: {
      kernelspec: null,
      language_info: null,
      title: null,
      authors: null,
      jupytext: null,
      custom: null
    },
    shows:
      'Kernel: "This notebook names no kernel" (JupyterLab replaced the nulls); Title, Authors and Jupytext as JSON `null`, each with its notice; Custom keys: `custom` = `null`.',
    expect: [
      { section: 'kernel', text: 'This notebook names no kernel' },
      {
        section: 'notebook',
        text: 'This value is not a string as the section expects'
      },
      {
        section: 'jupytext',
        text: 'This value is not an object as the section expects'
      },
      { customKey: 'custom' }
    ]
  });
  add({
    id: 'null-everywhere-nested',
    title: '`null` in every field of every known key',
    metadata: {
      kernelspec: { name: null, display_name: null, language: null },
      language_info: { name: null, version: null },
      authors: [null, { name: null }],
      jupytext: {
        formats: null,
        notebook_metadata_filter: null,
        cell_metadata_filter: null,
        text_representation: null,
        comment_magics: null
      },
      custom: { a: null, b: [null, null] }
    },
    shows:
      'Kernel: kernelspec as JSON ("/name is not a string"), language info with `null`s; Authors as JSON ("/0 is not an object"); Jupytext: not paired, the filters `null` and not editable, `comment_magics` "null (stored, not true or false)", text representation `null`.',
    expect: [
      { section: 'kernel', text: '(/name is not a string)' },
      { section: 'notebook', text: '(/0 is not an object)' },
      { section: 'jupytext', text: 'null (stored, not true or false)' }
    ]
  });

  // Other shapes found in the wild.
  add({
    id: 'duplicate-keys',
    title:
      'the same key twice in the file (the last one counts, in Python and in the browser)',
    text: `{"kernelspec": ${JSON.stringify(KERNELSPEC)}, "title": "first", "title": "second", "custom": {"a": 1, "a": 2}}`,
    shows: 'Title "second"; `custom` as `{"a": 2}`.',
    expect: [
      { field: 'Title', value: 'second' },
      { field: 'Value of custom (JSON)', valueContains: '"a":2' }
    ]
  });
  add({
    id: 'empty-metadata',
    title: 'no metadata at all (`{}`)',
    metadata: {},
    shows:
      'JupyterLab adds an empty kernelspec and language info as it reads the file; Kernel: "This notebook names no kernel. Pick one to record it."',
    expect: [{ section: 'kernel', text: 'This notebook names no kernel' }]
  });
  return list;
}

/** The text of a notebook with this metadata text. */
function notebookText(metadataText) {
  return `{
 "cells": [
  {
   "cell_type": "code",
   "execution_count": null,
   "id": "hostile-cell",
   "metadata": {},
   "outputs": [],
   "source": ["print('hostile')"]
  }
 ],
 "metadata": ${metadataText},
 "nbformat": 4,
 "nbformat_minor": 5
}
`;
}

/** Write every case's notebook and `cases.json` into `dir`. */
export function generate(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const all = cases();
  const ids = new Set();
  for (const c of all) {
    if (ids.has(c.id)) {
      throw new Error(`Two cases have the id ${c.id}`);
    }
    ids.add(c.id);
    const text = c.text ?? JSON.stringify(c.metadata, null, 1);
    // Every case is JSON both browsers and Python read.
    JSON.parse(text);
    fs.writeFileSync(path.join(dir, `${c.id}.ipynb`), notebookText(text));
  }
  const manifest = all.map(({ id, title, shows, expect }) => ({
    id,
    title,
    shows,
    expect
  }));
  fs.writeFileSync(
    path.join(dir, 'cases.json'),
    JSON.stringify(
      { added: { key: ADDED_KEY, value: ADDED_VALUE }, cases: manifest },
      null,
      1
    )
  );
  return manifest;
}

/** The table of cases for ui-tests/README.md. */
export function table() {
  const cell = text => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = cases().map(
    c => `| \`${c.id}\` | ${cell(c.title)} | ${cell(c.shows)} |`
  );
  return [
    '| Case | Metadata | What the panel shows |',
    '| --- | --- | --- |',
    ...rows
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = process.argv[2];
  if (arg === '--table') {
    console.log(table());
  } else if (arg) {
    const written = generate(arg);
    console.log(`${written.length} notebooks written to ${arg}`);
  } else {
    console.error('usage: generate.mjs <folder> | --table');
    process.exit(2);
  }
}
