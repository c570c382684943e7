/**
 * Jupytext's `formats` grammar and paired paths. The expected values were
 * checked against Jupytext 1.19 (`long_form_multiple_formats`,
 * `short_form_multiple_formats`, `paired_paths`).
 */
import {
  IFormat,
  NOTEBOOK_EXTENSIONS,
  PRESETS,
  TEXT_EXTENSIONS,
  formatNamesFor,
  formatToString,
  formatsToString,
  pairedPaths,
  parseFormats,
  parseFormatsValue,
  resolveAuto,
  scriptExtensionFromMetadata,
  validateFormats
} from '../jupytext';

/** The long form of valid formats, or fail the test with the message. */
function parsed(text: string): IFormat[] {
  const result = parseFormats(text);
  if (!result.ok) {
    throw new Error(result.message);
  }
  return result.formats;
}

/** The error message for invalid formats, or fail the test. */
function rejected(result: { ok: boolean; message?: string }): string {
  if (result.ok) {
    throw new Error('Expected an error');
  }
  return result.message ?? '';
}

const IPYNB: IFormat = { extension: '.ipynb' };

describe('parseFormats', () => {
  it.each<[string, IFormat[]]>([
    ['', []],
    [',', []],
    ['ipynb', [IPYNB]],
    ['ipynb,py', [IPYNB, { extension: '.py' }]],
    ['ipynb,py:percent', [IPYNB, { extension: '.py', format_name: 'percent' }]],
    ['ipynb,py:light', [IPYNB, { extension: '.py', format_name: 'light' }]],
    ['ipynb,.py:light', [IPYNB, { extension: '.py', format_name: 'light' }]],
    ['ipynb,md', [IPYNB, { extension: '.md' }]],
    ['ipynb,md:myst', [IPYNB, { extension: '.md', format_name: 'myst' }]],
    ['ipynb,md:pandoc', [IPYNB, { extension: '.md', format_name: 'pandoc' }]],
    [
      'ipynb,md:markdown',
      [IPYNB, { extension: '.md', format_name: 'markdown' }]
    ],
    ['ipynb,Rmd', [IPYNB, { extension: '.Rmd' }]],
    [
      'ipynb,Rmd:rmarkdown',
      [IPYNB, { extension: '.Rmd', format_name: 'rmarkdown' }]
    ],
    ['ipynb,qmd', [IPYNB, { extension: '.qmd' }]],
    ['ipynb,qmd:quarto', [IPYNB, { extension: '.qmd', format_name: 'quarto' }]],
    ['ipynb,.markdown', [IPYNB, { extension: '.markdown' }]],
    ['ipynb,.myst', [IPYNB, { extension: '.myst' }]],
    [
      'ipynb,mystnb:myst',
      [IPYNB, { extension: '.mystnb', format_name: 'myst' }]
    ],
    ['ipynb,mnb', [IPYNB, { extension: '.mnb' }]],
    [
      'ipynb,auto:percent',
      [IPYNB, { extension: '.auto', format_name: 'percent' }]
    ],
    ['ipynb,auto', [IPYNB, { extension: '.auto' }]],
    ['ipynb,auto:spin', [IPYNB, { extension: '.auto', format_name: 'spin' }]],
    ['ipynb,R:spin', [IPYNB, { extension: '.R', format_name: 'spin' }]],
    ['ipynb,r:spin', [IPYNB, { extension: '.r', format_name: 'spin' }]],
    ['ipynb,py:sphinx', [IPYNB, { extension: '.py', format_name: 'sphinx' }]],
    ['ipynb,py:marimo', [IPYNB, { extension: '.py', format_name: 'marimo' }]],
    [
      'ipynb,py:nomarker',
      [IPYNB, { extension: '.py', format_name: 'nomarker' }]
    ],
    ['ipynb,py:bare', [IPYNB, { extension: '.py', format_name: 'nomarker' }]],
    [
      'ipynb,jl:hydrogen',
      [IPYNB, { extension: '.jl', format_name: 'hydrogen' }]
    ],
    [
      'ipynb,wolfram:percent',
      [IPYNB, { extension: '.wolfram', format_name: 'percent' }]
    ],
    ['ipynb,go:percent', [IPYNB, { extension: '.go', format_name: 'percent' }]],
    ['ipynb,sage:light', [IPYNB, { extension: '.sage', format_name: 'light' }]],
    // Jupytext ignores a format name on .ipynb.
    [
      'ipynb:percent,py',
      [{ extension: '.ipynb', format_name: 'percent' }, { extension: '.py' }]
    ],
    // Empty items are dropped.
    ['ipynb,,py,', [IPYNB, { extension: '.py' }]],
    // Aliases, case-insensitive, for a whole format only.
    ['notebook,script', [IPYNB, { extension: '.auto' }]],
    ['Notebook,RMarkdown', [IPYNB, { extension: '.Rmd' }]],
    ['ipynb,markdown', [IPYNB, { extension: '.md' }]],
    ['ipynb,MyST', [IPYNB, { extension: '.md', format_name: 'myst' }]],
    ['ipynb,pandoc', [IPYNB, { extension: '.md', format_name: 'pandoc' }]],
    ['ipynb,quarto', [IPYNB, { extension: '.qmd' }]],
    ['ipynb,marimo', [IPYNB, { extension: '.py' }]],
    ['ipynb,c++', [IPYNB, { extension: '.cpp' }]],
    ['ipynb,scripts/myst', [IPYNB, { extension: '.myst', prefix: 'scripts' }]],
    // Suffixes.
    [
      'ipynb,.pct.py:percent',
      [IPYNB, { extension: '.py', suffix: '.pct', format_name: 'percent' }]
    ],
    [
      'ipynb,_lgt.py:light',
      [IPYNB, { extension: '.py', suffix: '_lgt', format_name: 'light' }]
    ],
    ['ipynb,pct.py', [IPYNB, { extension: '.py', suffix: 'pct' }]],
    [
      'ipynb,.pandoc.md:pandoc',
      [IPYNB, { extension: '.md', suffix: '.pandoc', format_name: 'pandoc' }]
    ],
    // Prefixes: folders, file-name prefixes, roots.
    [
      'ipynb,python//py:percent',
      [IPYNB, { extension: '.py', prefix: 'python/', format_name: 'percent' }]
    ],
    ['ipynb,scripts/py', [IPYNB, { extension: '.py', prefix: 'scripts' }]],
    ['ipynb,prefix_/py', [IPYNB, { extension: '.py', prefix: 'prefix_' }]],
    [
      'ipynb,../scripts//py',
      [IPYNB, { extension: '.py', prefix: '../scripts/' }]
    ],
    [
      'ipynb,my folder/py:percent',
      [IPYNB, { extension: '.py', prefix: 'my folder', format_name: 'percent' }]
    ],
    [
      'notebooks///ipynb,scripts///py:percent',
      [
        { extension: '.ipynb', prefix: 'notebooks//' },
        { extension: '.py', prefix: 'scripts//', format_name: 'percent' }
      ]
    ],
    // An empty prefix root is no root, as in Jupytext.
    ['ipynb,///py', [IPYNB, { extension: '.py', prefix: '//' }]],
    [
      '///ipynb,py:percent',
      [
        { extension: '.ipynb', prefix: '//' },
        { extension: '.py', format_name: 'percent' }
      ]
    ],
    [
      'notebooks/tutorials///ipynb,docs/tutorials///md',
      [
        { extension: '.ipynb', prefix: 'notebooks/tutorials//' },
        { extension: '.md', prefix: 'docs/tutorials//' }
      ]
    ],
    [
      'notebook_folder/notebook_prefix_/_notebook_suffix.ipynb,script_folder//_in_percent_format.py:percent',
      [
        {
          extension: '.ipynb',
          prefix: 'notebook_folder/notebook_prefix_',
          suffix: '_notebook_suffix'
        },
        {
          extension: '.py',
          prefix: 'script_folder/',
          suffix: '_in_percent_format',
          format_name: 'percent'
        }
      ]
    ],
    [
      'ipynb,py,.pct.py:percent',
      [
        IPYNB,
        { extension: '.py' },
        { extension: '.py', suffix: '.pct', format_name: 'percent' }
      ]
    ]
  ])('parses %j', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['ipynb,foo', 'Unknown extension or format "foo"'],
    ['ipynb,.foo', 'Unknown extension ".foo".'],
    ['ipynb,foo:percent', 'Unknown extension ".foo"'],
    ['ipynb,script:percent', 'Unknown extension ".script"'],
    ['ipynb,rmd', 'Did you mean "Rmd"?'],
    ['ipynb,PY', 'Did you mean "py"?'],
    ['ipynb,py:foo', 'Unknown format "foo". Formats for .py: light, nomarker'],
    ['ipynb,py:Percent', 'Did you mean "percent"?'],
    ['ipynb,py:', 'no format name after ":"'],
    ['ipynb,:percent', '":percent" has no extension'],
    ['ipynb,scripts/', '"scripts/" has no extension'],
    ['ipynb,percent', '"percent" is a format name, not an extension'],
    ['ipynb,scripts/percent', 'e.g. "py:percent"'],
    ['ipynb,spin', 'e.g. "R:spin"'],
    ['/py', 'starts with "/"'],
    ['ipynb, py', 'Unexpected space in " py"'],
    ['ipynb,py ', 'Unexpected space in "py "'],
    ['ipynb,py: percent', 'Unexpected space'],
    [
      'ipynb,py:spin',
      'The format "spin" is for .R and .r files, not .py. For .py, use light, nomarker, percent, hydrogen, sphinx or marimo.'
    ],
    ['ipynb,R:sphinx', 'The format "sphinx" is for .py files, not .R.'],
    ['ipynb,R:marimo', 'The format "marimo" is for .py files, not .R.'],
    ['ipynb,md:percent', 'The format "percent" is for script files'],
    ['ipynb,md:light', 'For .md, use markdown, pandoc or myst.'],
    ['ipynb,py:myst', 'The format "myst" is for .md, .myst, .mystnb and .mnb'],
    ['ipynb,qmd:myst', 'For .qmd, use quarto.'],
    ['ipynb,Rmd:markdown', 'The format "markdown" is for .md and .markdown'],
    ['ipynb,md:rmarkdown', 'The format "rmarkdown" is for .Rmd files'],
    ['ipynb,py:quarto', 'The format "quarto" is for .qmd files, not .py.'],
    ['ipynb,markdown:pandoc', 'For .markdown, use markdown.'],
    ['ipynb,auto:myst', 'cannot go with "auto"'],
    ['ipynb,auto:quarto', 'is not a script format'],
    ['ipynb,py:percent,py:light', 'Duplicate paired paths'],
    ['ipynb,py,py:percent', 'Duplicate paired paths'],
    ['ipynb,ipynb', 'Duplicate paired paths'],
    [
      'ipynb,scripts//py:percent,scripts//py:light',
      '"scripts//py:percent" and "scripts//py:light" would write the same file'
    ],
    [
      'notebooks///ipynb,py:percent',
      'use prefix roots in either none, or all of the paired formats'
    ],
    ['ipynb,scripts///py', '"scripts///py" has a prefix root'],
    ['ipynb,////py', '"////py" has a prefix root'],
    // The root of `///scripts/py` is `/`, not empty.
    ['ipynb,///scripts/py', '"///scripts/py" has a prefix root']
  ])('rejects %j', (text, message) => {
    expect(rejected(parseFormats(text))).toContain(message);
  });

  it('rejects a value that is not a string', () => {
    expect(rejected(parseFormats(3 as any))).toContain(
      'must be a string such as "ipynb,py:percent"'
    );
  });
});

describe('formatsToString', () => {
  // Input, then Jupytext's short form.
  it.each<[string, string]>([
    ['ipynb,py:percent', 'ipynb,py:percent'],
    ['ipynb,.py:light', 'ipynb,py:light'],
    [
      'notebooks///ipynb,scripts///py:percent',
      'notebooks///ipynb,scripts///py:percent'
    ],
    ['ipynb,python//py:percent', 'ipynb,python//py:percent'],
    ['ipynb,///py', 'ipynb,///py'],
    ['ipynb,.pct.py:percent,_lgt.py', 'ipynb,.pct.py:percent,_lgt.py'],
    [
      'notebook_folder/notebook_prefix_/_notebook_suffix.ipynb,script_folder//_in_percent_format.py:percent,script_folder//_in_light_format.py',
      'notebook_folder/notebook_prefix_/_notebook_suffix.ipynb,script_folder//_in_percent_format.py:percent,script_folder//_in_light_format.py'
    ],
    ['ipynb,md:markdown', 'ipynb,md'],
    ['ipynb,Rmd:rmarkdown', 'ipynb,Rmd'],
    ['ipynb,md:myst', 'ipynb,md:myst'],
    ['ipynb,myst', 'ipynb,md:myst'],
    ['ipynb,pandoc', 'ipynb,md:pandoc'],
    ['ipynb,.pandoc.md:pandoc', 'ipynb,.pandoc.md:pandoc'],
    ['ipynb,qmd:quarto', 'ipynb,qmd:quarto'],
    ['Notebook,RMarkdown', 'ipynb,Rmd'],
    ['notebook,script', 'ipynb,auto'],
    ['ipynb,auto:percent', 'ipynb,auto:percent'],
    ['ipynb,c++', 'ipynb,cpp'],
    ['ipynb,marimo', 'ipynb,py'],
    ['ipynb,py:bare', 'ipynb,py:nomarker'],
    ['ipynb,,py,', 'ipynb,py'],
    ['ipynb,mystnb:myst', 'ipynb,mystnb:myst'],
    ['ipynb,scripts/myst', 'ipynb,scripts/myst'],
    ['ipynb:percent,py', 'ipynb:percent,py'],
    // Jupytext writes "markdown" and "myst" here, which it then reads as
    // "md" and "md:myst": we keep the dot so that the pairing survives.
    ['ipynb,.markdown', 'ipynb,.markdown'],
    ['ipynb,.myst', 'ipynb,.myst'],
    ['ipynb,myst:myst', 'ipynb,myst:myst']
  ])('writes %j as %j', (text, short) => {
    const formats = parsed(text);
    expect(formatsToString(formats)).toBe(short);
    expect(formatsToString(parsed(short))).toBe(short);
  });

  it('writes one format', () => {
    expect(
      formatToString({
        extension: '.py',
        format_name: 'percent',
        prefix: 'scripts//'
      })
    ).toBe('scripts///py:percent');
    expect(
      formatToString({
        extension: '.py',
        suffix: '.pct',
        format_name: 'percent'
      })
    ).toBe('.pct.py:percent');
    expect(formatToString({ extension: '.py', prefix: '', suffix: '' })).toBe(
      'py'
    );
    expect(
      formatToString({
        extension: '.py',
        format_name: 'light',
        options: { comment_magics: true }
      })
    ).toBe('py:light');
  });

  it('gives every preset in its short form', () => {
    for (const preset of PRESETS) {
      expect(formatsToString(parsed(preset.formats))).toBe(preset.formats);
    }
    expect(PRESETS.map(preset => preset.formats)).toEqual([
      'ipynb,py:percent',
      'ipynb,py:light',
      'ipynb,md',
      'ipynb,md:myst',
      'ipynb,Rmd',
      'ipynb,qmd',
      'ipynb,auto:percent'
    ]);
  });
});

describe('parseFormatsValue', () => {
  it.each<[unknown, IFormat[]]>([
    [undefined, []],
    [null, []],
    [[], []],
    ['ipynb,py:percent', [IPYNB, { extension: '.py', format_name: 'percent' }]],
    [
      ['ipynb', '.py:light'],
      [IPYNB, { extension: '.py', format_name: 'light' }]
    ],
    [
      [
        { extension: '.ipynb' },
        { extension: '.py', format_name: 'percent', prefix: 'scripts/' }
      ],
      [IPYNB, { extension: '.py', format_name: 'percent', prefix: 'scripts/' }]
    ],
    [
      ['ipynb', { extension: '.md', format_name: 'myst' }],
      [IPYNB, { extension: '.md', format_name: 'myst' }]
    ],
    [
      [{ extension: '.py', comment_magics: true, cell_markers: '{{{,}}}' }],
      [
        {
          extension: '.py',
          options: { comment_magics: true, cell_markers: '{{{,}}}' }
        }
      ]
    ],
    [[{ extension: '.py', suffix: '', prefix: '' }], [{ extension: '.py' }]],
    [
      [{ extension: '.auto', format_name: 'percent' }],
      [{ extension: '.auto', format_name: 'percent' }]
    ]
  ])('parses %j', (value, expected) => {
    const result = parseFormatsValue(value);
    expect(result).toEqual({ ok: true, formats: expected });
  });

  it.each<[unknown, string]>([
    [3, 'must be a string such as "ipynb,py:percent", or a list'],
    [{ extension: '.py' }, 'must be a string such as'],
    [['ipynb,py'], 'holds several formats'],
    [[3], 'is neither a format string'],
    [[{}], 'missing its "extension"'],
    [[{ extension: 'py' }], 'The extension "py" needs its dot: ".py".'],
    [[{ extension: '.foo' }], 'Unknown extension ".foo"'],
    [[{ extension: '.py', format_name: 'bare' }], 'renamed "nomarker"'],
    [[{ extension: '.py', format_name: 'spin' }], 'is for .R and .r files'],
    [
      [{ extension: '.py', comment_magics: 'TRUE' }],
      '"comment_magics" must be true or false'
    ],
    [
      [{ extension: '.py', unknown_option: true }],
      'Unknown format option "unknown_option"'
    ],
    [[{ extension: '.py', prefix: 3 }], '"prefix" must be a string'],
    [
      ['py:percent', { extension: '.py', format_name: 'light' }],
      'Duplicate paired paths'
    ]
  ])('rejects %j', (value, message) => {
    expect(rejected(parseFormatsValue(value))).toContain(message);
  });
});

describe('validateFormats', () => {
  it('accepts valid formats', () => {
    expect(validateFormats([])).toBeNull();
    expect(
      validateFormats([IPYNB, { extension: '.py', format_name: 'percent' }])
    ).toBeNull();
    expect(
      validateFormats([
        { extension: '.ipynb', prefix: 'notebooks//' },
        { extension: '.md', prefix: 'docs//', format_name: 'myst' }
      ])
    ).toBeNull();
  });

  it.each<[IFormat[], string]>([
    [[{ extension: '' }], 'missing its extension'],
    [[{ extension: '.py', format_name: 'Percent' }], 'Did you mean "percent"?'],
    [
      [{ extension: '.ipynb', format_name: 'foo' }],
      'Unknown format "foo". Jupytext knows: markdown'
    ],
    [[{ extension: '.py', suffix: 'a/b' }], 'The suffix "a/b" contains "/"'],
    [[{ extension: '.py', prefix: 'a,b' }], 'contains a comma'],
    [
      [
        { extension: '.py', suffix: '.pct' },
        { extension: '.py', suffix: '.pct', format_name: 'percent' }
      ],
      'Duplicate paired paths'
    ],
    [
      [
        { extension: '.ipynb', prefix: 'nb//' },
        { extension: '.py', prefix: 'scripts/' }
      ],
      'prefix roots in either none, or all'
    ]
  ])('rejects %j', (formats, message) => {
    expect(validateFormats(formats)).toContain(message);
  });
});

describe('extensions and format names', () => {
  it('knows every extension of Jupytext', () => {
    expect(TEXT_EXTENSIONS).toEqual(
      expect.arrayContaining([
        '.md',
        '.markdown',
        '.Rmd',
        '.qmd',
        '.myst',
        '.mystnb',
        '.mnb',
        '.py',
        '.R',
        '.r',
        '.jl',
        '.cpp',
        '.sh',
        '.ps1',
        '.q',
        '.m',
        '.wolfram',
        '.js',
        '.ts',
        '.rs',
        '.robot',
        '.resource',
        '.cs',
        '.fsx',
        '.fs',
        '.java',
        '.sage',
        '.ml',
        '.hs',
        '.mac',
        '.do',
        '.sas',
        '.go'
      ])
    );
    expect(TEXT_EXTENSIONS).not.toContain('.ipynb');
    expect(NOTEBOOK_EXTENSIONS[0]).toBe('.ipynb');
    expect(NOTEBOOK_EXTENSIONS).toHaveLength(TEXT_EXTENSIONS.length + 1);
  });

  it.each<[string, string[]]>([
    ['.py', ['light', 'nomarker', 'percent', 'hydrogen', 'sphinx', 'marimo']],
    ['.R', ['light', 'nomarker', 'percent', 'hydrogen', 'spin']],
    ['.jl', ['light', 'nomarker', 'percent', 'hydrogen']],
    ['.md', ['markdown', 'pandoc', 'myst']],
    ['.markdown', ['markdown']],
    ['.Rmd', ['rmarkdown']],
    ['.qmd', ['quarto']],
    ['.mnb', ['myst']],
    ['.ipynb', []]
  ])('gives the format names for %s', (extension, names) => {
    expect(formatNamesFor(extension)).toEqual(names);
  });
});

describe('scriptExtensionFromMetadata', () => {
  it.each<[unknown, string | undefined]>([
    [{ language_info: { file_extension: '.py' } }, '.py'],
    [{ language_info: { file_extension: '.r' } }, '.R'],
    // As the kernel gives it, without its dot: Jupytext refuses to pair it.
    [{ language_info: { file_extension: 'py' } }, 'py'],
    [
      {
        language_info: { file_extension: 'r' },
        kernelspec: { language: 'R' }
      },
      'r'
    ],
    [{ language_info: { file_extension: '.fs' } }, '.fsx'],
    [{ language_info: { file_extension: '.C' } }, '.cpp'],
    [{ language_info: { file_extension: '.resource' } }, '.robot'],
    [
      {
        language_info: { file_extension: '.py' },
        kernelspec: { language: 'sage' }
      },
      '.sage'
    ],
    [{ kernelspec: { language: 'python' } }, '.py'],
    [{ kernelspec: { language: 'R' } }, '.R'],
    [{ kernelspec: { language: 'C++17' } }, '.cpp'],
    [{ kernelspec: { language: 'octave' } }, '.m'],
    [{ kernelspec: { language: 'C#' } }, '.cs'],
    [{ kernelspec: { language: 'F#' } }, '.fsx'],
    [{ jupytext: { main_language: 'julia' } }, '.jl'],
    [{ kernelspec: { language: 'cobol' } }, undefined],
    [{ kernelspec: { language: 'constructor' } }, undefined],
    [{}, undefined],
    [null, undefined]
  ])('reads %j', (metadata, expected) => {
    expect(scriptExtensionFromMetadata(metadata)).toBe(expected);
  });

  it('resolves auto', () => {
    expect(resolveAuto(parsed('ipynb,auto:percent'), '.r')).toEqual({
      ok: true,
      formats: [IPYNB, { extension: '.R', format_name: 'percent' }]
    });
  });

  // Jupytext 1.19 refuses these (`Extension 'py' is not a notebook
  // extension`); we used to add the dot.
  it.each(['py', 'r', 'jl'])(
    'refuses auto for a kernel whose extension is %j, without a dot',
    extension => {
      expect(
        rejected(resolveAuto(parsed('ipynb,auto:percent'), extension))
      ).toContain(
        `The notebook's kernel gives its script extension as "${extension}", without the leading dot`
      );
      expect(rejected(resolveAuto(parsed('ipynb,auto'), extension))).toContain(
        `replace "auto" with the script extension, e.g. "${extension}"`
      );
    }
  );

  it('pairs other formats whatever the kernel gives', () => {
    expect(resolveAuto(parsed('ipynb,py'), 'py')).toEqual({
      ok: true,
      formats: [IPYNB, { extension: '.py' }]
    });
  });
});

describe('pairedPaths', () => {
  // Notebook path, formats, script extension, then the expected paths.
  it.each<[string, string, string | undefined, string[]]>([
    ['nb.ipynb', 'ipynb,py:percent', undefined, ['nb.ipynb', 'nb.py']],
    [
      'a/b/nb.ipynb',
      'ipynb,py:percent',
      undefined,
      ['a/b/nb.ipynb', 'a/b/nb.py']
    ],
    ['nb.py', 'ipynb,py:percent', undefined, ['nb.py', 'nb.ipynb']],
    ['nb.md', 'md,py:percent', undefined, ['nb.md', 'nb.py']],
    ['nb.ipynb', 'ipynb', undefined, ['nb.ipynb']],
    ['nb.ipynb', '', undefined, ['nb.ipynb']],
    ['.hidden.ipynb', 'ipynb,py', undefined, ['.hidden.ipynb', '.hidden.py']],
    ['a.b.ipynb', 'ipynb,py', undefined, ['a.b.ipynb', 'a.b.py']],
    // Prefix roots.
    [
      'notebooks/a/b.ipynb',
      'notebooks///ipynb,scripts///py:percent',
      undefined,
      ['notebooks/a/b.ipynb', 'scripts/a/b.py']
    ],
    [
      'notebooks/b.ipynb',
      'notebooks///ipynb,scripts///py:percent',
      undefined,
      ['notebooks/b.ipynb', 'scripts/b.py']
    ],
    [
      'x/notebooks/a/c/b.ipynb',
      'notebooks///ipynb,scripts///py:percent',
      undefined,
      ['x/notebooks/a/c/b.ipynb', 'x/scripts/a/c/b.py']
    ],
    [
      'x/notebooks/b.ipynb',
      'notebooks///ipynb,scripts///py:percent',
      undefined,
      ['x/notebooks/b.ipynb', 'x/scripts/b.py']
    ],
    [
      'notebooks/notebooks/sub/nb.ipynb',
      'notebooks///ipynb,scripts///py',
      undefined,
      ['notebooks/notebooks/sub/nb.ipynb', 'notebooks/scripts/sub/nb.py']
    ],
    [
      'scripts/a/b.py',
      'notebooks///ipynb,scripts///py:percent',
      undefined,
      ['scripts/a/b.py', 'notebooks/a/b.ipynb']
    ],
    [
      'notebooks/tutorials/sub/nb.ipynb',
      'notebooks/tutorials///ipynb,docs/tutorials///md',
      undefined,
      ['notebooks/tutorials/sub/nb.ipynb', 'docs/tutorials/sub/nb.md']
    ],
    // An empty prefix root is no root.
    [
      'notebooks/sub/nb.ipynb',
      'ipynb,///py',
      undefined,
      ['notebooks/sub/nb.ipynb', 'notebooks/sub/nb.py']
    ],
    [
      'sub/nb.py',
      '///ipynb,///py:percent',
      undefined,
      ['sub/nb.py', 'sub/nb.ipynb']
    ],
    // Folders.
    [
      'Untitled.ipynb',
      'ipynb,python//py:percent',
      undefined,
      ['Untitled.ipynb', 'python/Untitled.py']
    ],
    [
      'python/Untitled.py',
      'ipynb,python//py:percent',
      undefined,
      ['python/Untitled.py', 'Untitled.ipynb']
    ],
    [
      'sub/Untitled.ipynb',
      'ipynb,python//py:percent',
      undefined,
      ['sub/Untitled.ipynb', 'sub/python/Untitled.py']
    ],
    [
      'folder/nb.ipynb',
      'folder//ipynb,py',
      undefined,
      ['folder/nb.ipynb', 'nb.py']
    ],
    [
      'a/nb.ipynb',
      'ipynb,../other//py',
      undefined,
      ['a/nb.ipynb', 'other/nb.py']
    ],
    [
      'examples/tutorials/colabs/rigid.ipynb',
      '../nb_python//py:percent,../colabs//ipynb',
      undefined,
      [
        'examples/tutorials/colabs/rigid.ipynb',
        'examples/tutorials/nb_python/rigid.py'
      ]
    ],
    [
      'scripts/test.py',
      'ipynb,../scripts//py',
      undefined,
      ['scripts/test.py', 'scripts/test.ipynb']
    ],
    // File-name prefixes and suffixes.
    ['nb.ipynb', 'ipynb,prefix_/py', undefined, ['nb.ipynb', 'prefix_nb.py']],
    [
      'dir/nb.ipynb',
      'ipynb,scripts/prefix_/py',
      undefined,
      ['dir/nb.ipynb', 'dir/scripts/prefix_nb.py']
    ],
    [
      'dir/nb.ipynb',
      'ipynb,scripts/py',
      undefined,
      ['dir/nb.ipynb', 'dir/scriptsnb.py']
    ],
    [
      'nb.ipynb',
      'ipynb,.pct.py:percent,_lgt.py',
      undefined,
      ['nb.ipynb', 'nb.pct.py', 'nb_lgt.py']
    ],
    [
      'nb_lgt.py',
      'ipynb,.pct.py:percent,_lgt.py',
      undefined,
      ['nb_lgt.py', 'nb.ipynb', 'nb.pct.py']
    ],
    [
      'nb.py',
      'ipynb,py,.pct.py:percent',
      undefined,
      ['nb.py', 'nb.ipynb', 'nb.pct.py']
    ],
    [
      'parent/notebook_folder/notebook_prefix_NAME_notebook_suffix.ipynb',
      'notebook_folder/notebook_prefix_/_notebook_suffix.ipynb,script_folder//_in_percent_format.py:percent,script_folder//_in_light_format.py',
      undefined,
      [
        'parent/notebook_folder/notebook_prefix_NAME_notebook_suffix.ipynb',
        'parent/script_folder/NAME_in_percent_format.py',
        'parent/script_folder/NAME_in_light_format.py'
      ]
    ],
    // Windows-looking names: backslashes are characters of the file name.
    [
      'C:\\Users\\me\\nb.ipynb',
      'ipynb,py:percent',
      undefined,
      ['C:\\Users\\me\\nb.ipynb', 'C:\\Users\\me\\nb.py']
    ],
    [
      'C:\\Users\\me\\nb.ipynb',
      'ipynb,scripts//py:percent',
      undefined,
      ['C:\\Users\\me\\nb.ipynb', 'scripts/C:\\Users\\me\\nb.py']
    ],
    [
      'notebooks/C:\\Users\\nb.ipynb',
      'notebooks///ipynb,scripts///py:percent',
      undefined,
      ['notebooks/C:\\Users\\nb.ipynb', 'scripts/C:\\Users\\nb.py']
    ],
    [
      'dir\\sub/nb.ipynb',
      'ipynb,scripts//py',
      undefined,
      ['dir\\sub/nb.ipynb', 'dir\\sub/scripts/nb.py']
    ],
    // auto.
    ['nb.ipynb', 'ipynb,auto:percent', '.py', ['nb.ipynb', 'nb.py']],
    ['nb.ipynb', 'ipynb,auto:percent', '.jl', ['nb.ipynb', 'nb.jl']],
    ['nb.ipynb', 'ipynb,auto:spin', '.r', ['nb.ipynb', 'nb.R']],
    [
      'notebooks/a/nb.ipynb',
      'notebooks///ipynb,scripts///auto:percent',
      '.cpp',
      ['notebooks/a/nb.ipynb', 'scripts/a/nb.cpp']
    ]
  ])(
    'pairs %j with %j (%s)',
    (notebook, formats, scriptExtension, expected) => {
      const result = pairedPaths(notebook, parsed(formats), scriptExtension);
      if (!result.ok) {
        throw new Error(result.message);
      }
      expect(result.paths.map(item => item.path)).toEqual(expected);
    }
  );

  it('gives each path its format', () => {
    const formats = parsed('notebooks///ipynb,scripts///py:percent');
    expect(pairedPaths('notebooks/a/b.ipynb', formats)).toEqual({
      ok: true,
      paths: [
        { path: 'notebooks/a/b.ipynb', format: formats[0] },
        { path: 'scripts/a/b.py', format: formats[1] }
      ]
    });
    expect(pairedPaths('nb.ipynb', [])).toEqual({
      ok: true,
      paths: [{ path: 'nb.ipynb', format: { extension: '.ipynb' } }]
    });
    expect(pairedPaths('nb.ipynb', parsed('ipynb,auto:light'), '.R')).toEqual({
      ok: true,
      paths: [
        { path: 'nb.ipynb', format: IPYNB },
        { path: 'nb.R', format: { extension: '.R', format_name: 'light' } }
      ]
    });
  });

  // Notebook path, formats, script extension, then part of the message.
  it.each<[string, string, string | undefined, string]>([
    [
      'b.ipynb',
      'notebooks///ipynb,scripts///py:percent',
      undefined,
      'The notebook folder "" does not match the prefix root "notebooks"'
    ],
    [
      'other/b.ipynb',
      'notebooks///ipynb,scripts///py:percent',
      undefined,
      'matches none of the paired formats'
    ],
    [
      'nb.ipynb',
      'notebooks///ipynb',
      undefined,
      'must be inside a "notebooks" folder'
    ],
    [
      'nb.ipynb',
      'folder//ipynb,py',
      undefined,
      'does not match the prefix "folder"'
    ],
    [
      'script_folder_incorrect/NAME_in_percent_format.py',
      'ipynb,script_folder//_in_percent_format.py:percent',
      undefined,
      'does not match the prefix "script_folder"'
    ],
    [
      'wrong.py',
      'ipynb,.pct.py:percent,_lgt.py',
      undefined,
      'was expected to end with the suffix ".pct"'
    ],
    [
      'nb.py',
      'ipynb,prefix_/py',
      undefined,
      'was expected to start with the prefix "prefix_"'
    ],
    ['nb.ipynb', 'py:percent,md', undefined, 'Add "ipynb" to the formats'],
    // Jupytext takes the prefix and suffix from the first .py format.
    [
      'nb.py',
      'ipynb,.pct.py:percent,py',
      undefined,
      'Jupytext cannot pair "nb.py"'
    ],
    [
      'nb.ipynb',
      'folder//ipynb,ipynb',
      undefined,
      'Jupytext cannot pair "nb.ipynb"'
    ],
    ['nb.txt', 'ipynb,py', undefined, '"nb.txt" is not a notebook'],
    ['nb', 'ipynb,py', undefined, 'is not a notebook'],
    [
      'nb.ipynb',
      'ipynb,py:percent,auto:light',
      '.py',
      'Duplicate paired paths'
    ],
    [
      'dir/nb.ipynb',
      'ipynb,py,../dir//py:light',
      undefined,
      'Duplicate paired paths for this notebook'
    ],
    [
      'nb.ipynb',
      'ipynb,auto:percent',
      undefined,
      "The notebook's language is unknown"
    ],
    [
      'nb.ipynb',
      'ipynb,auto:percent',
      '',
      "The notebook's language is unknown"
    ],
    [
      'nb.ipynb',
      'ipynb,auto:spin',
      '.py',
      'The format "spin" is for .R and .r files, not .py.'
    ],
    ['nb.ipynb', 'ipynb,auto', '.txt', 'uses the extension ".txt"'],
    ['nb.ipynb', 'ipynb,auto', 'py', 'without the leading dot'],
    ['nb.ipynb', 'ipynb,auto:spin', 'r', 'without the leading dot'],
    ['nb.ipynb', 'ipynb,py,///py', undefined, 'Duplicate paired paths'],
    ['nb.ipynb', 'ipynb,..//py', undefined, "outside the server's root folder"]
  ])(
    'refuses %j with %j (%s)',
    (notebook, formats, scriptExtension, message) => {
      expect(
        rejected(pairedPaths(notebook, parsed(formats), scriptExtension))
      ).toContain(message);
    }
  );

  it('refuses formats that map to the same file', () => {
    const formats: IFormat[] = [
      IPYNB,
      { extension: '.py', format_name: 'percent' },
      { extension: '.py', format_name: 'light' }
    ];
    expect(rejected(pairedPaths('nb.ipynb', formats))).toContain(
      'Duplicate paired paths'
    );
  });

  it('refuses invalid formats', () => {
    expect(
      rejected(
        pairedPaths('nb.ipynb', [
          IPYNB,
          { extension: '.py', format_name: 'spin' }
        ])
      )
    ).toContain('The format "spin" is for .R and .r files');
  });
});
