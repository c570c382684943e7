/**
 * Jupytext's project configuration: which files the contents manager looks
 * for, how it reads them, which pairing they give a notebook and which
 * options they impose on save. The cases come from Jupytext 1.19's own
 * tests (named in the comments: tests/functional/config/test_config.py,
 * tests/integration/contents_manager/test_cm_config.py and
 * test_contentsmanager.py, tests/functional/cli/test_cli_config.py); the
 * expected values were checked against Jupytext 1.19 (`default_formats`,
 * `notebook_formats`, `load_jupytext_configuration_file`).
 */
import {
  IJupytextConfig,
  JUPYTEXT_CONFIG_OPTIONS,
  configCandidates,
  configFormatOptions,
  effectivePairing,
  formatsFor,
  formatsGroups,
  parseConfigFile
} from '../jupytext';

/** The options of a valid configuration file, or fail the test. */
function config(name: string, text: string): IJupytextConfig {
  const result = parseConfigFile(name, text);
  if (!result.ok) {
    throw new Error(`${result.reason}: ${result.message} ${result.args}`);
  }
  return result.config;
}

/** A message with its `%1`… filled in, as a reader would see it. */
function filled(result: { message: string; args?: ReadonlyArray<string> }) {
  return result.message.replace(
    /%(\d+)/g,
    (_, n: string) => result.args?.[Number(n) - 1] ?? ''
  );
}

/** A Python notebook's metadata. */
const PYTHON = {
  kernelspec: { name: 'python3', language: 'python', display_name: 'Py' },
  language_info: { name: 'python', file_extension: '.py' }
};

/** Pairing groups of `test_pairing_groups`. */
const GROUPS = `
[[formats]]
"notebooks/tutorials/" = "ipynb"
"docs/tutorials/" = "md"
"scripts/tutorials/" = "py:percent"

[[formats]]
"notebooks/" = "ipynb"
"scripts/" = "py:percent"
`;

/** Three groups of `test_pairing_groups_multiple_groups`. */
const THREE_GROUPS = `
[[formats]]
"notebooks/tutorials/" = "ipynb"
"docs/tutorials/" = "md"

[[formats]]
"notebooks/examples/" = "ipynb"
"docs/examples/" = "md:myst"

[[formats]]
"notebooks/" = "ipynb"
"scripts/" = "py:percent"
`;

describe('configCandidates', () => {
  it('looks in the root only for a notebook at the root', () => {
    expect(configCandidates('notebook.ipynb').map(c => c.path)).toEqual([
      'jupytext',
      'jupytext.toml',
      'jupytext.yml',
      'jupytext.yaml',
      'jupytext.json',
      'pyproject.toml'
    ]);
  });

  // test_find_jupytext_configuration_file: the notebook's own folder
  // first, its parents after, pyproject.toml last in each folder.
  it('walks from the notebook folder up to the server root', () => {
    const candidates = configCandidates('/a/b/nb.ipynb');
    expect(candidates).toHaveLength(18);
    expect(candidates.map(c => c.directory)).toEqual([
      ...Array(6).fill('a/b'),
      ...Array(6).fill('a'),
      ...Array(6).fill('')
    ]);
    expect(candidates[0]).toEqual({
      directory: 'a/b',
      name: 'jupytext',
      path: 'a/b/jupytext',
      syntax: 'toml'
    });
    expect(candidates[5].path).toBe('a/b/pyproject.toml');
    expect(candidates[17].path).toBe('pyproject.toml');
  });

  // test_find_jupytext_configuration_file (`.jupytext` before
  // pyproject.toml) and test_jupytext_py_is_not_a_configuration_file
  // (`.jupytext.py` is one, `jupytext.py` is not).
  it('adds the dot-files only when hidden files are allowed', () => {
    const names = configCandidates('nb.ipynb', { allowHidden: true }).map(
      c => c.name
    );
    expect(names).toEqual([
      'jupytext',
      'jupytext.toml',
      'jupytext.yml',
      'jupytext.yaml',
      'jupytext.json',
      '.jupytext',
      '.jupytext.toml',
      '.jupytext.yml',
      '.jupytext.yaml',
      '.jupytext.json',
      '.jupytext.py',
      'pyproject.toml'
    ]);
    expect(names).not.toContain('jupytext.py');
    const python = configCandidates('nb.ipynb', { allowHidden: true }).find(
      c => c.name === '.jupytext.py'
    );
    expect(python?.syntax).toBe('python');
  });

  it.each([
    ['jupytext', 'toml'],
    ['.jupytext', 'toml'],
    ['jupytext.yaml', 'yaml'],
    ['.jupytext.json', 'json'],
    ['pyproject.toml', 'toml']
  ])('reads %s as %s', (name, syntax) => {
    const candidate = configCandidates('x.ipynb', { allowHidden: true }).find(
      c => c.name === name
    );
    expect(candidate?.syntax).toBe(syntax);
  });
});

describe('parseConfigFile', () => {
  // test_load_jupytext_configuration_file
  it.each([
    [
      'pyproject.toml',
      '[tool.jupytext]\nformats = "ipynb,py:percent"\nnotebook_metadata_filter = "all"\ncell_metadata_filter = "all"\n'
    ],
    [
      'jupytext',
      'formats = "ipynb,py:percent"\nnotebook_metadata_filter = "all"\ncell_metadata_filter = "all"\n'
    ],
    [
      'jupytext.toml',
      'formats = "ipynb,py:percent"\nnotebook_metadata_filter = "all"\ncell_metadata_filter = "all"\n'
    ],
    [
      'jupytext.yml',
      'formats: ipynb,py:percent\nnotebook_metadata_filter: all\ncell_metadata_filter: all\n'
    ],
    [
      'jupytext.json',
      '{"formats": "ipynb,py:percent",\n"notebook_metadata_filter": "all",\n"cell_metadata_filter": "all"\n}\n'
    ]
  ])('reads %s', (name, text) => {
    expect(config(name, text)).toEqual({
      formats: 'ipynb,py:percent',
      notebook_metadata_filter: 'all',
      cell_metadata_filter: 'all'
    });
  });

  // test_incorrect_config_message: the server answers with an error.
  it.each([
    ['jupytext.toml', 'hide_notebook_metadata = False', 'not valid TOML'],
    [
      'jupytext.toml',
      'hide_notebook_metadata = "False"',
      '"hide_notebook_metadata" must be true, false or null'
    ],
    [
      'jupytext.toml',
      'not_a_jupytext_option = true',
      'does not support: not_a_jupytext_option.'
    ],
    [
      'pyproject.toml',
      '[tool.jupytext]\nnot_a_jupytext_option = true',
      'does not support: not_a_jupytext_option.'
    ],
    ['jupytext.json', '{"notebook_metadata_filter":"-all",}', 'not valid JSON'],
    // Jupytext fails on an empty YAML file (it reads as None).
    ['jupytext.yml', '\n', 'must hold a table of options, not null'],
    ['jupytext.yml', '- a', 'must hold a table of options, not a list'],
    // A mixed list is none of the shapes of the `formats` trait.
    ['jupytext.toml', 'formats = ["ipynb", { x = "py" }]', '"formats" must be'],
    ['jupytext.toml', 'formats = { x = 3 }', '"formats" must be'],
    ['jupytext.toml', 'cm_config_log_level = "loud"', 'must be one of'],
    ['jupytext.toml', 'notebook_metadata_filter = true', 'must be a string'],
    // Stricter than Jupytext, which fails when a notebook reaches them.
    ['jupytext.toml', 'formats = "ipynb,foo"', 'the formats "ipynb,foo"'],
    [
      'jupytext.toml',
      'preferred_jupytext_formats_save = "py:nope"',
      '"preferred_jupytext_formats_save" is invalid'
    ]
  ])('refuses %s with %j', (name, text, expected) => {
    const result = parseConfigFile(name, text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe('invalid');
      expect(result.args?.[0]).toBe(name);
      expect(filled(result)).toContain(expected);
    }
  });

  it('lists the options Jupytext supports with an unknown key', () => {
    const result = parseConfigFile('jupytext.toml', 'formatz = "ipynb,py"');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('%3');
      expect(result.args?.[2]).toBe(JUPYTEXT_CONFIG_OPTIONS.join(', '));
    }
  });

  // test_invalid_config_in_cm: a pyproject.toml that is not valid TOML is
  // passed over; one without [tool.jupytext] too.
  it.each([
    ['[tool.jupysql.SqlMagic]\nautopandas = False\ndisplaylimit = 1'],
    ['[project]\nname = "x"\n'],
    ['']
  ])('passes over a pyproject.toml without Jupytext: %j', text => {
    const result = parseConfigFile('pyproject.toml', text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe('not-jupytext');
    }
  });

  // test_find_jupytext_configuration_file: an empty [tool.jupytext] counts.
  it('reads an empty [tool.jupytext] table as an empty configuration', () => {
    expect(config('pyproject.toml', '[tool.jupytext]\n')).toEqual({});
    expect(config('sub/pyproject.toml', '[tool.jupytext]\n')).toEqual({});
  });

  // test_formats_does_not_apply_to_config_file: `.jupytext.py` is Python.
  it('cannot read a Python configuration file', () => {
    const result = parseConfigFile('.jupytext.py', 'c.formats = "ipynb,py"');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe('unreadable');
    }
  });

  it.each([
    // PyYAML reads YAML 1.1, where `yes` is true.
    [
      'jupytext.yml',
      'hide_notebook_metadata: yes',
      { hide_notebook_metadata: true }
    ],
    // traitlets' Bool takes 0 and 1; Float takes integers and booleans.
    ['jupytext.toml', 'split_at_heading = 1', { split_at_heading: true }],
    ['jupytext.toml', 'comment_magics = 0', { comment_magics: false }],
    [
      'jupytext.toml',
      'outdated_text_notebook_margin = 5',
      { outdated_text_notebook_margin: 5 }
    ],
    [
      'jupytext.json',
      '{"hide_notebook_metadata": null}',
      { hide_notebook_metadata: null }
    ],
    // test_notebook_extensions_in_config, and a string split at commas.
    [
      'jupytext.toml',
      'notebook_extensions = ["ipynb", "Rmd"]',
      { notebook_extensions: ['ipynb', 'Rmd'] }
    ],
    [
      'jupytext.toml',
      'notebook_extensions = "ipynb,Rmd"',
      { notebook_extensions: ['ipynb', 'Rmd'] }
    ],
    // test_local_config_overrides_cm_config
    ['jupytext.yml', "formats: ''\n", { formats: '' }],
    ['jupytext.toml', '', {}]
  ])('reads %s %j', (name, text, expected) => {
    expect(config(name, text)).toEqual(expected);
  });

  it('lets through, and ignores, names of methods, as Jupytext does', () => {
    const result = parseConfigFile('jupytext.toml', 'default_formats = "py"');
    expect(result).toEqual({
      ok: true,
      config: {},
      ignoredKeys: ['default_formats']
    });
  });
});

describe('formatsGroups', () => {
  // test_jupytext_formats, test_formats_semicolon_separated,
  // test_formats_toml_list_of_strings, test_pairing_groups
  it.each([
    ['formats = "ipynb,py:percent"', ['ipynb,py:percent']],
    [
      '[formats]\n"notebooks/" = "ipynb"\n"scripts/" = "py:percent"',
      ['notebooks///ipynb,scripts///py:percent']
    ],
    [
      '[formats]\n"notebooks" = "ipynb"\n"scripts" = "py:percent"',
      ['notebooks///ipynb,scripts///py:percent']
    ],
    [
      '[formats]\n"" = "ipynb"\n"notebooks_py" = "py:percent"\n"notebooks_md" = "md:myst"',
      ['ipynb,notebooks_py///py:percent,notebooks_md///md:myst']
    ],
    [
      'formats = "notebooks///ipynb,scripts///py:percent;ipynb,py:percent"',
      ['notebooks///ipynb,scripts///py:percent', 'ipynb,py:percent']
    ],
    [
      'formats = ["notebooks///ipynb,scripts///py:percent", "ipynb,py:percent"]',
      ['notebooks///ipynb,scripts///py:percent', 'ipynb,py:percent']
    ],
    [
      GROUPS,
      [
        'notebooks/tutorials///ipynb,docs/tutorials///md,scripts/tutorials///py:percent',
        'notebooks///ipynb,scripts///py:percent'
      ]
    ],
    ['', ['']],
    // test_deprecated_formats_cause_warning
    ["default_jupytext_formats = 'ipynb,md'", ['ipynb,md']]
  ])('normalizes %j', (text, expected) => {
    expect(
      formatsGroups(config('jupytext.toml', text)).map(g => g.formats)
    ).toEqual(expected);
  });

  // test_formats_list_yaml, test_formats_list_json
  it.each([
    [
      'jupytext.yml',
      'formats:\n  - notebooks/tutorials/: ipynb\n    docs/tutorials/: md\n  - notebooks/: ipynb\n    scripts/: py:percent\n'
    ],
    [
      'jupytext.json',
      '{"formats": [{"notebooks/tutorials/": "ipynb", "docs/tutorials/": "md"}, {"notebooks/": "ipynb", "scripts/": "py:percent"}]}'
    ]
  ])('reads a list of groups from %s', (name, text) => {
    expect(formatsGroups(config(name, text))).toEqual([
      {
        formats: 'notebooks/tutorials///ipynb,docs/tutorials///md',
        prefixes: ['notebooks/tutorials/', 'docs/tutorials/']
      },
      {
        formats: 'notebooks///ipynb,scripts///py:percent',
        prefixes: ['notebooks/', 'scripts/']
      }
    ]);
  });
});

describe('formatsFor', () => {
  const SEMICOLON =
    'formats = "notebooks///ipynb,scripts///py:percent;ipynb,py:percent"';
  const LIST =
    'formats = ["notebooks///ipynb,scripts///py:percent", "ipynb,py:percent"]';
  const TUTORIALS = 'notebooks/tutorials///ipynb,docs/tutorials///md';

  it.each([
    // test_pairing_groups
    [
      GROUPS,
      'notebooks/tutorials/getting_started.ipynb',
      {
        formats:
          'notebooks/tutorials///ipynb,docs/tutorials///md,scripts/tutorials///py:percent',
        group: 0,
        prefix: 'notebooks/tutorials/'
      }
    ],
    [
      GROUPS,
      'notebooks/hello.ipynb',
      {
        formats: 'notebooks///ipynb,scripts///py:percent',
        group: 1,
        prefix: 'notebooks/'
      }
    ],
    [
      GROUPS,
      'scripts/tutorials/intro.py',
      {
        formats:
          'notebooks/tutorials///ipynb,docs/tutorials///md,scripts/tutorials///py:percent',
        group: 0,
        prefix: 'scripts/tutorials/'
      }
    ],
    [GROUPS, 'other/x.ipynb', null],
    // test_pairing_groups_multiple_groups
    [
      THREE_GROUPS,
      'notebooks/tutorials/intro.ipynb',
      { formats: TUTORIALS, group: 0, prefix: 'notebooks/tutorials/' }
    ],
    [
      THREE_GROUPS,
      'notebooks/examples/demo.ipynb',
      {
        formats: 'notebooks/examples///ipynb,docs/examples///md:myst',
        group: 1,
        prefix: 'notebooks/examples/'
      }
    ],
    [
      THREE_GROUPS,
      'notebooks/regular.ipynb',
      {
        formats: 'notebooks///ipynb,scripts///py:percent',
        group: 2,
        prefix: 'notebooks/'
      }
    ],
    // test_formats_list_without_default
    [
      '[[formats]]\n"notebooks/tutorials/" = "ipynb"\n"docs/tutorials/" = "md"',
      'notebooks/other.ipynb',
      null
    ],
    // test_formats_semicolon_separated, test_formats_toml_list_of_strings
    [
      SEMICOLON,
      'notebooks/test.ipynb',
      { formats: 'notebooks///ipynb,scripts///py:percent', group: 0 }
    ],
    [SEMICOLON, 'test.ipynb', { formats: 'ipynb,py:percent', group: 1 }],
    [
      LIST,
      'notebooks/test.ipynb',
      { formats: 'notebooks///ipynb,scripts///py:percent', group: 0 }
    ],
    [LIST, 'test.ipynb', { formats: 'ipynb,py:percent', group: 1 }],
    // test_move_paired_notebook_outside_of_notebook_dir_1414
    [
      'formats = "notebooks///ipynb,scripts///py:percent"',
      'my_notebook.ipynb',
      null
    ],
    [
      'formats = "notebooks///ipynb,scripts///py:percent"',
      'notebooks/my_notebook.ipynb',
      { formats: 'notebooks///ipynb,scripts///py:percent' }
    ],
    // test_paired_files_and_symbolic_links
    [
      'formats = "link_to_notebooks///ipynb,link_to_scripts///py:percent"',
      'link_to_scripts/notebook.py',
      { formats: 'link_to_notebooks///ipynb,link_to_scripts///py:percent' }
    ],
    // test_global_pairing_allows_to_save_other_file_types
    ['formats = "ipynb,py"', 'notebook.Rmd', null],
    // test_formats_with_suffix
    ['formats = "ipynb,.nb.py"', 'test.py', null],
    ['formats = "ipynb,.nb.py"', 'test.nb.py', { formats: 'ipynb,.nb.py' }],
    // test_save_using_preferred_and_default_format_170
    [
      'formats = "ipynb,python//py"',
      'notebook.ipynb',
      { formats: 'ipynb,python//py' }
    ],
    // test_jupytext_formats: the "" key is no prefix.
    [
      '[formats]\n"" = "ipynb"\n"notebooks_py" = "py:percent"\n"notebooks_md" = "md:myst"',
      'notebooks_py/a.py',
      {
        formats: 'ipynb,notebooks_py///py:percent,notebooks_md///md:myst',
        prefix: 'notebooks_py'
      }
    ],
    [
      '[formats]\n"" = "ipynb"\n"notebooks_py" = "py:percent"',
      'a.ipynb',
      { formats: 'ipynb,notebooks_py///py:percent', prefix: '' }
    ],
    // Only the first format of a key gets its prefix, as in Jupytext.
    [
      '[formats]\n"scripts/" = "py:percent,md"\n"notebooks/" = "ipynb"',
      'a.md',
      {
        formats: 'scripts///py:percent,md,notebooks///ipynb',
        prefix: 'scripts/'
      }
    ],
    // test_deprecated_formats_cause_warning
    [
      "default_jupytext_formats = 'ipynb,md'",
      'test.md',
      { formats: 'ipynb,md', deprecated: true }
    ],
    // `auto` fits no path: the .py script is not paired through it.
    ['formats = "ipynb,auto:percent"', 'notebook.py', null],
    ['', 'notebook.ipynb', null]
  ])('pairs %j at %s', (text, path, expected) => {
    expect(formatsFor(config('jupytext.toml', text), path)).toEqual(expected);
  });

  // test_local_config_overrides_cm_config: the nearest file wins, and its
  // empty formats pair nothing.
  it('gives no pairing for empty formats', () => {
    expect(
      formatsFor(config('jupytext.yml', "formats: ''\n"), 'nested/nb.ipynb')
    ).toBeNull();
  });
});

describe('configFormatOptions', () => {
  // test_deprecated_options_cause_warning
  it.each([
    ['notebook_metadata_filter'],
    ['cell_metadata_filter'],
    ['cell_markers']
  ])('takes the deprecated default_%s', option => {
    const options = configFormatOptions(
      config('jupytext.toml', `default_${option} = 'value'`),
      'save'
    );
    expect(options[option]).toBe('value');
  });

  it('lets deprecated names win, and keeps save-only and read-only options apart', () => {
    const cfg = config(
      'jupytext.toml',
      [
        'default_notebook_metadata_filter = "old"',
        'notebook_metadata_filter = "new"',
        'cell_markers = "{{{,}}}"',
        'sphinx_convert_rst2md = true',
        'split_at_heading = false',
        'root_level_metadata_as_raw_cell = false',
        'comment_magics = false',
        'custom_cell_magics = "configure,local"'
      ].join('\n')
    );
    expect(configFormatOptions(cfg, 'save')).toEqual({
      notebook_metadata_filter: 'old',
      root_level_metadata_as_raw_cell: false,
      comment_magics: false,
      cell_markers: '{{{,}}}',
      custom_cell_magics: 'configure,local'
    });
    expect(configFormatOptions(cfg, 'read')).toEqual({
      notebook_metadata_filter: 'old',
      root_level_metadata_as_raw_cell: false,
      comment_magics: false,
      rst2md: true,
      custom_cell_magics: 'configure,local'
    });
  });
});

describe('effectivePairing', () => {
  /** A configuration found at `jupytext.toml`. */
  const found = (text: string) => ({
    path: 'jupytext.toml',
    config: config('jupytext.toml', text)
  });

  it.each([
    // test_pairing_through_config_leaves_ipynb_unmodified
    [
      undefined,
      'formats = "ipynb,py"',
      'notebook.ipynb',
      {},
      'config',
      'ipynb,py'
    ],
    // test_simple_py_file_is_not_paired: a light script is not in the
    // config's py:percent.
    [
      undefined,
      'formats = "ipynb,py:percent"',
      'simple.py',
      {
        jupytext: {
          text_representation: { extension: '.py', format_name: 'light' }
        }
      },
      'none',
      ''
    ],
    [
      undefined,
      'formats = "ipynb,py:percent"',
      'simple.py',
      {},
      'config',
      'ipynb,py:percent'
    ],
    // test_local_format_can_deactivate_pairing (#157)
    ['py', 'formats = "ipynb,py"', 'notebook.py', {}, 'notebook', 'py'],
    [
      'ipynb',
      'formats = "ipynb,py"',
      'notebook.ipynb',
      {},
      'notebook',
      'ipynb'
    ],
    [
      'ipynb,md',
      'formats = "ipynb,py:percent"',
      'deep/er/nb.ipynb',
      {},
      'notebook',
      'ipynb,md'
    ],
    // test_save_using_preferred_and_default_format_170, ways 0 and 1
    [
      undefined,
      'formats = "ipynb,python//py"\npreferred_jupytext_formats_save = "py:percent"',
      'notebook.ipynb',
      {},
      'config',
      'ipynb,python//py:percent'
    ],
    [
      undefined,
      'formats = "ipynb,python//py"\npreferred_jupytext_formats_save = "python//py:percent"',
      'notebook.ipynb',
      {},
      'config',
      'ipynb,python//py:percent'
    ],
    // test_global_auto_pairing_works_with_empty_notebook: `auto` is
    // dropped until the notebook has a language.
    [
      undefined,
      'formats = "ipynb,auto"\npreferred_jupytext_formats_save = "auto:percent"',
      'notebook.ipynb',
      {},
      'config',
      'ipynb'
    ],
    [
      undefined,
      'formats = "ipynb,auto"\npreferred_jupytext_formats_save = "auto:percent"',
      'notebook.ipynb',
      PYTHON,
      'config',
      'ipynb,py:percent'
    ],
    // test_save_in_pct_and_lgt_auto_extensions
    [
      undefined,
      'formats = "ipynb,.pct.auto,.lgt.auto"\npreferred_jupytext_formats_save = ".pct.auto:percent,.lgt.auto:light"',
      'notebook.ipynb',
      PYTHON,
      'config',
      'ipynb,.pct.py:percent,.lgt.py:light'
    ],
    // test_save_in_auto_extension_local: the notebook's own `auto`.
    [
      'ipynb,auto:percent',
      '',
      'notebook.ipynb',
      PYTHON,
      'notebook',
      'ipynb,py:percent'
    ],
    // Only `auto`, and no language: nothing to pair.
    ['auto:percent', '', 'notebook.py', {}, 'none', ''],
    // test_move_paired_notebook_outside_of_notebook_dir_1414
    [
      undefined,
      'formats = "notebooks///ipynb,scripts///py:percent"',
      'my_notebook.ipynb',
      {},
      'none',
      ''
    ],
    // test_pairing_groups, as saved
    [
      undefined,
      GROUPS,
      'notebooks/hello.ipynb',
      {},
      'config',
      'notebooks///ipynb,scripts///py:percent'
    ]
  ])(
    'formats %j with %j at %s',
    (own, text, path, metadata, source, formats) => {
      const result = effectivePairing(own, found(text), path, { metadata });
      expect(result.source).toBe(source);
      expect(result.formats).toBe(formats);
      expect(result.configFile).toBe('jupytext.toml');
    }
  );

  it('says why the pairing of the config is ignored', () => {
    const withOwn = effectivePairing(
      'ipynb,md',
      found('formats = "ipynb,py:percent"'),
      'nb.ipynb'
    );
    expect(withOwn.configPairing).toEqual({ formats: 'ipynb,py:percent' });
    expect(withOwn.configPairingIgnored).toBe('notebook-formats');

    const light = effectivePairing(
      undefined,
      found('formats = "ipynb,py:percent"'),
      'simple.py',
      {
        metadata: {
          jupytext: {
            text_representation: { extension: '.py', format_name: 'light' }
          }
        }
      }
    );
    expect(light.configPairingIgnored).toBe('text-format');
  });

  it('is not paired without a config file', () => {
    expect(effectivePairing(undefined, null, 'a/nb.ipynb')).toEqual({
      source: 'none',
      formats: '',
      configPairing: null,
      saveOptions: {},
      overriddenOptions: []
    });
    expect(effectivePairing('', null, 'nb.ipynb').source).toBe('none');
  });

  // test_metadata_filter_from_config_has_precedence_over_notebook_metadata
  it("overrides the notebook's filters with the config's on save", () => {
    const result = effectivePairing(
      undefined,
      found('notebook_metadata_filter = "all"\ncell_metadata_filter = "-all"'),
      'test.py',
      {
        metadata: {
          ...PYTHON,
          jupytext: {
            notebook_metadata_filter: '-all',
            cell_metadata_filter: '-all'
          }
        }
      }
    );
    expect(result.source).toBe('none');
    expect(result.saveOptions).toEqual({
      notebook_metadata_filter: 'all',
      cell_metadata_filter: '-all'
    });
    expect(result.overriddenOptions).toEqual(['notebook_metadata_filter']);
  });
});
