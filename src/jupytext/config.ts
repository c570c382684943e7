/**
 * Jupytext's project configuration (`jupytext.toml`, `[tool.jupytext]` in
 * `pyproject.toml`, …) as Jupytext's contents manager finds, reads and
 * applies it: which files it looks for, what they may hold, which pairing
 * they give a notebook and which format options they impose on save.
 *
 * The rules follow Jupytext 1.19 (`jupytext/config.py`,
 * `jupytext/async_contentsmanager.py`); this is our own implementation. No
 * JupyterLab imports. Messages are untranslated, with `%1` placeholders.
 */
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';

import {
  IFormat,
  formatsToString,
  parseFormats,
  scriptExtensionFromMetadata,
  splitExt
} from './formats';
import { joinPath, pathMatchesFormat } from './paths';

/**
 * The names of Jupytext's configuration files, in the order the contents
 * manager tries them in each folder; `pyproject.toml` comes after them.
 */
export const JUPYTEXT_CONFIG_FILE_NAMES: ReadonlyArray<string> = [
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
  '.jupytext.py'
];

/** The file whose `[tool.jupytext]` table is a Jupytext configuration. */
export const PYPROJECT_FILE_NAME = 'pyproject.toml';

/**
 * The options a Jupytext configuration file may set: the traits of
 * Jupytext's `JupytextConfiguration`, in its order.
 */
export const JUPYTEXT_CONFIG_OPTIONS: ReadonlyArray<string> = [
  'formats',
  'default_jupytext_formats',
  'preferred_jupytext_formats_save',
  'preferred_jupytext_formats_read',
  'notebook_metadata_filter',
  'default_notebook_metadata_filter',
  'hide_notebook_metadata',
  'root_level_metadata_as_raw_cell',
  'root_level_metadata_filter',
  'cell_metadata_filter',
  'default_cell_metadata_filter',
  'comment_magics',
  'split_at_heading',
  'sphinx_convert_rst2md',
  'doxygen_equation_markers',
  'outdated_text_notebook_margin',
  'cm_config_log_level',
  'cell_markers',
  'default_cell_markers',
  'notebook_extensions',
  'custom_cell_magics',
  'custom_language_magics'
];

/** The syntax of a configuration file, from its name. */
export type ConfigFileSyntax = 'toml' | 'yaml' | 'json' | 'python';

/** A file the contents manager looks for, in the order it does. */
export interface IConfigCandidate {
  /** The folder, relative to the server root ('' for the root itself). */
  readonly directory: string;
  /** The file's server path, e.g. `notebooks/jupytext.toml`. */
  readonly path: string;
  /** The file's name, e.g. `jupytext.toml` or `pyproject.toml`. */
  readonly name: string;
  /**
   * How the file is read. A `python` file (`.jupytext.py`) is run by
   * Jupytext, so it cannot be read here: when it exists, the search stops
   * there and the configuration is unknown.
   */
  readonly syntax: ConfigFileSyntax;
}

/** The `formats` of a configuration, as a file may write them. */
export type ConfigFormatsValue =
  | string
  | string[]
  | Array<{ [prefix: string]: string }>
  | { [prefix: string]: string };

/** The log levels of `cm_config_log_level`. */
export type ConfigLogLevel =
  'warning' | 'info' | 'info_if_changed' | 'debug' | 'none';

/**
 * A Jupytext configuration as read from a file: the options it sets, with
 * the values Jupytext's traits accept (booleans given as 0 or 1 become
 * booleans, a `notebook_extensions` string becomes a list).
 */
export interface IJupytextConfig {
  /** The pairing: formats, `;`-separated groups, prefix tables or a list. */
  formats?: ConfigFormatsValue;
  /** Deprecated name of `formats` (a string). */
  default_jupytext_formats?: string;
  /** Format names for formats saved without one, e.g. `py:percent`. */
  preferred_jupytext_formats_save?: string;
  /** Format names for text files read without one, e.g. `py:percent`. */
  preferred_jupytext_formats_read?: string;
  /** The notebook metadata written to text files, e.g. `all` or `-all`. */
  notebook_metadata_filter?: string;
  /** Deprecated name of `notebook_metadata_filter`. */
  default_notebook_metadata_filter?: string;
  /** Wrap the Markdown header in an HTML comment (null: not set). */
  hide_notebook_metadata?: boolean | null;
  /** Root-level metadata of text documents as a raw cell. */
  root_level_metadata_as_raw_cell?: boolean;
  /** The notebook metadata promoted to the root level of text files. */
  root_level_metadata_filter?: string;
  /** The cell metadata written to text files. */
  cell_metadata_filter?: string;
  /** Deprecated name of `cell_metadata_filter`. */
  default_cell_metadata_filter?: string;
  /** Comment out magics in text files (null: not set). */
  comment_magics?: boolean | null;
  /** Split Markdown cells at headings. */
  split_at_heading?: boolean;
  /** Convert reStructuredText to Markdown when reading Sphinx scripts. */
  sphinx_convert_rst2md?: boolean;
  /** Use Doxygen equation markers. */
  doxygen_equation_markers?: boolean;
  /** Seconds an `.ipynb` may be newer than its text file (default 1). */
  outdated_text_notebook_margin?: number;
  /** How the contents manager logs the configuration file it loads. */
  cm_config_log_level?: ConfigLogLevel;
  /** Cell markers of the light format, e.g. `{{{,}}}`. */
  cell_markers?: string;
  /** Deprecated name of `cell_markers`. */
  default_cell_markers?: string;
  /** The extensions opened as notebooks. */
  notebook_extensions?: string[];
  /** Cell magics commented out in scripts, comma-separated. */
  custom_cell_magics?: string;
  /** Language magics of Markdown code blocks, comma-separated. */
  custom_language_magics?: string;
}

/**
 * A configuration file, read: its options; or why not. A `not-jupytext`
 * file (a `pyproject.toml` without `[tool.jupytext]`, or one that is not
 * valid TOML) is passed over and the search goes on, as Jupytext does. An
 * `invalid` file stops the search: the server answers every request on a
 * notebook below it with an error. An `unreadable` file (`.jupytext.py`)
 * stops it too, with a configuration we cannot know.
 */
export type ConfigFileResult =
  | {
      readonly ok: true;
      readonly config: IJupytextConfig;
      /**
       * Keys Jupytext lets through but ignores: names of methods of its
       * configuration class, e.g. `default_formats`.
       */
      readonly ignoredKeys?: ReadonlyArray<string>;
    }
  | {
      readonly ok: false;
      readonly reason: 'not-jupytext' | 'unreadable' | 'invalid';
      /** The untranslated text. */
      readonly message: string;
      /** The values shown in place of `%1`, `%2`… */
      readonly args?: ReadonlyArray<string>;
    };

/** A configuration file found for a notebook, with its options. */
export interface IFoundConfig {
  /** The file's server path. */
  readonly path: string;
  /** Its options. */
  readonly config: IJupytextConfig;
}

/** One group of paired formats of a configuration. */
export interface IConfigFormatsGroup {
  /** The paired formats, in Jupytext's string form. */
  readonly formats: string;
  /**
   * For a group written as a table: the table key (path prefix) each
   * format comes from, in the order of the formats.
   */
  readonly prefixes?: ReadonlyArray<string>;
}

/** The pairing a configuration gives a notebook path. */
export interface IConfigPairing {
  /** The paired formats, e.g. `notebooks///ipynb,scripts///py:percent`. */
  readonly formats: string;
  /** The index of the group that matched, when there are several. */
  readonly group?: number;
  /** The table key (path prefix) of the format that matched, if any. */
  readonly prefix?: string;
  /** True when the pairing comes from `default_jupytext_formats`. */
  readonly deprecated?: boolean;
}

/** Format options set by a configuration, by option name. */
export interface IConfigFormatOptions {
  [option: string]: string | boolean;
}

/** Which pairing applies to a notebook on save, and where it comes from. */
export interface IEffectivePairing {
  /**
   * `notebook`: its own `jupytext.formats`; `config`: the configuration
   * file's; `none`: the notebook is saved to its own file only.
   */
  readonly source: 'notebook' | 'config' | 'none';
  /** The paired formats in Jupytext's short form, '' for `none`. */
  readonly formats: string;
  /** The configuration file, if one was found. */
  readonly configFile?: string;
  /** The pairing the configuration gives this path, applied or not. */
  readonly configPairing: IConfigPairing | null;
  /**
   * Why `configPairing` does not apply: the notebook has its own formats,
   * or it is a text file in another format than the configuration's (e.g.
   * a `py:light` script with `ipynb,py:percent`).
   */
  readonly configPairingIgnored?: 'notebook-formats' | 'text-format';
  /**
   * The format options the configuration writes into every text file of
   * the notebook on save, over the notebook's own `jupytext` options.
   */
  readonly saveOptions: IConfigFormatOptions;
  /** The notebook's own `jupytext` options that `saveOptions` replace. */
  readonly overriddenOptions: ReadonlyArray<string>;
}

/**
 * The configuration files the contents manager looks for when it opens or
 * saves `notebookPath`, in its order: in the notebook's folder, then in
 * each parent up to the server root and no further; in each folder the
 * names of `JUPYTEXT_CONFIG_FILE_NAMES` (the dot-files only when the
 * server allows hidden files), then `pyproject.toml`. The first one that
 * exists and is a Jupytext configuration is used; see `parseConfigFile`.
 *
 * When none is found, Jupytext uses a global configuration file (outside
 * the server root, e.g. `~/.config/jupytext/jupytext.toml`) or the server's
 * own `ContentsManager` settings, which cannot be seen from here.
 */
export function configCandidates(
  notebookPath: string,
  options: { allowHidden?: boolean } = {}
): IConfigCandidate[] {
  const candidates: IConfigCandidate[] = [];
  let directory = Private.parentDir(Private.strip(notebookPath));
  for (;;) {
    for (const name of JUPYTEXT_CONFIG_FILE_NAMES) {
      if (name.startsWith('.') && !options.allowHidden) {
        continue;
      }
      candidates.push({
        directory,
        name,
        path: joinPath(directory, name),
        syntax: Private.syntaxOf(name)
      });
    }
    candidates.push({
      directory,
      name: PYPROJECT_FILE_NAME,
      path: joinPath(directory, PYPROJECT_FILE_NAME),
      syntax: 'toml'
    });
    if (!directory) {
      return candidates;
    }
    directory = Private.parentDir(directory);
  }
}

/**
 * Read a configuration file: `name` (a file name or path) tells its
 * syntax, as in Jupytext: TOML for `jupytext`, `.jupytext` and `*.toml`
 * (only the `[tool.jupytext]` table of `pyproject.toml`), YAML for `*.yml`
 * and `*.yaml`, JSON for `*.json`, Python otherwise. The options are
 * checked as Jupytext does: each value against its trait, and keys that
 * are not options are an error.
 *
 * Stricter than Jupytext, which fails only when a notebook reaches them:
 * `formats` groups and `preferred_jupytext_formats_*` must follow the
 * formats grammar.
 */
export function parseConfigFile(name: string, text: string): ConfigFileResult {
  const syntax = Private.syntaxOf(name);
  const isPyproject = Private.baseName(name) === PYPROJECT_FILE_NAME;
  if (syntax === 'python') {
    return {
      ok: false,
      reason: 'unreadable',
      message:
        'The Jupytext configuration file %1 is a Python file, which Jupytext runs: its options cannot be read here.',
      args: [name]
    };
  }
  let doc: unknown;
  try {
    doc = Private.parseText(syntax, text);
  } catch (error) {
    const detail = Private.firstLine(error);
    if (isPyproject) {
      // The contents manager logs a warning and looks further.
      return {
        ok: false,
        reason: 'not-jupytext',
        message: '%1 is not valid TOML, so Jupytext passes over it: %2',
        args: [name, detail]
      };
    }
    return Private.invalid(
      'The Jupytext configuration file %1 is not valid %2: %3',
      name,
      syntax.toUpperCase(),
      detail
    );
  }
  if (isPyproject) {
    const tool = Private.isTable(doc) ? doc.tool : undefined;
    if (tool === undefined || tool === null) {
      return Private.noTable(name);
    }
    if (!Private.isTable(tool)) {
      return Private.invalid(
        'In %1, "tool" must be a table, not %2.',
        name,
        Private.describe(tool)
      );
    }
    if (tool.jupytext === undefined || tool.jupytext === null) {
      return Private.noTable(name);
    }
    doc = tool.jupytext;
  }
  return Private.validate(name, doc);
}

/**
 * The groups of paired formats of a configuration, in order, as Jupytext
 * normalizes `formats` (or the deprecated `default_jupytext_formats` when
 * `formats` is empty): a string is split at `;`; a table of path prefix →
 * formats becomes `prefix///formats` items (`notebooks/` and `notebooks`
 * alike, `""` for no prefix); a list holds one group per item.
 */
export function formatsGroups(config: IJupytextConfig): IConfigFormatsGroup[] {
  const value = Private.truthy(config.formats)
    ? config.formats
    : (config.default_jupytext_formats ?? '');
  let items: Array<string | { [prefix: string]: string }>;
  if (typeof value === 'string') {
    items = value.split(';');
  } else if (Array.isArray(value)) {
    items = value;
  } else if (value !== null && typeof value === 'object') {
    items = [value];
  } else {
    items = [];
  }
  return items.map(item => {
    if (typeof item === 'string') {
      return { formats: item };
    }
    const parts: string[] = [];
    const prefixes: string[] = [];
    for (const [prefix, formats] of Object.entries(item)) {
      const key = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
      const part = prefix ? key + '///' + formats : formats;
      parts.push(part);
      // Only the first format of `"scripts/" = "py,md"` gets the prefix,
      // as in Jupytext; all of them come from that key.
      for (const one of part.split(',')) {
        if (one) {
          prefixes.push(prefix);
        }
      }
    }
    return { formats: parts.join(','), prefixes };
  });
}

/**
 * The pairing the configuration gives the notebook at `notebookPath`, as
 * Jupytext's `JupytextConfiguration.default_formats`: the first group with
 * a format the path fits (its extension, suffix and prefix, `auto` fitting
 * nothing); null when none does. The notebook's own formats, and its
 * current text format, are for `effectivePairing`.
 *
 * Jupytext's command line also limits a prefix root to below the
 * configuration file's folder; its contents manager, which works with
 * server paths, does not, and neither does this.
 */
export function formatsFor(
  config: IJupytextConfig,
  notebookPath: string
): IConfigPairing | null {
  const path = Private.strip(notebookPath);
  const groups = formatsGroups(config);
  const deprecated =
    !Private.truthy(config.formats) && !!config.default_jupytext_formats;
  for (let index = 0; index < groups.length; index++) {
    const group = groups[index];
    const formats = Private.groupFormats(group.formats);
    if (formats === null) {
      // Jupytext fails here; `parseConfigFile` refuses such files.
      return null;
    }
    const at = formats.findIndex(format => pathMatchesFormat(path, format));
    if (at < 0) {
      continue;
    }
    const pairing: {
      formats: string;
      group?: number;
      prefix?: string;
      deprecated?: boolean;
    } = { formats: group.formats };
    if (groups.length > 1) {
      pairing.group = index;
    }
    if (group.prefixes) {
      pairing.prefix = group.prefixes[at];
    }
    if (deprecated) {
      pairing.deprecated = true;
    }
    return pairing;
  }
  return null;
}

/**
 * The format options a configuration sets, as Jupytext's
 * `set_default_format_options`: on `save`, the options written into text
 * files, which win over the notebook's own `jupytext` options
 * (`update_fmt_with_notebook_options`); on `read`, the defaults for options
 * a text file does not set, also added to the `jupytext` metadata of a
 * paired `.ipynb` when it is opened. Deprecated names win over the new
 * ones; `cell_markers` is for save only, `rst2md` (from
 * `sphinx_convert_rst2md`) for read only.
 */
export function configFormatOptions(
  config: IJupytextConfig,
  mode: 'save' | 'read'
): IConfigFormatOptions {
  const options: IConfigFormatOptions = {};
  const set = (key: string, value: string | boolean): void => {
    if (!(key in options)) {
      options[key] = value;
    }
  };
  if (config.default_notebook_metadata_filter) {
    set('notebook_metadata_filter', config.default_notebook_metadata_filter);
  }
  if (config.notebook_metadata_filter) {
    set('notebook_metadata_filter', config.notebook_metadata_filter);
  }
  if (config.default_cell_metadata_filter) {
    set('cell_metadata_filter', config.default_cell_metadata_filter);
  }
  if (config.root_level_metadata_filter) {
    set('root_level_metadata_filter', config.root_level_metadata_filter);
  }
  if (config.cell_metadata_filter) {
    set('cell_metadata_filter', config.cell_metadata_filter);
  }
  if (
    config.hide_notebook_metadata !== undefined &&
    config.hide_notebook_metadata !== null
  ) {
    set('hide_notebook_metadata', config.hide_notebook_metadata);
  }
  if (config.root_level_metadata_as_raw_cell === false) {
    set('root_level_metadata_as_raw_cell', false);
  }
  if (config.comment_magics !== undefined && config.comment_magics !== null) {
    set('comment_magics', config.comment_magics);
  }
  if (config.split_at_heading) {
    set('split_at_heading', true);
  }
  if (config.doxygen_equation_markers) {
    set('doxygen_equation_markers', true);
  }
  if (mode === 'save') {
    if (config.default_cell_markers) {
      set('cell_markers', config.default_cell_markers);
    }
    if (config.cell_markers) {
      set('cell_markers', config.cell_markers);
    }
  }
  if (mode === 'read' && config.sphinx_convert_rst2md) {
    set('rst2md', true);
  }
  if (config.custom_cell_magics) {
    set('custom_cell_magics', config.custom_cell_magics);
  }
  if (config.custom_language_magics) {
    set('custom_language_magics', config.custom_language_magics);
  }
  return options;
}

/**
 * Which pairing Jupytext applies when it saves the notebook at
 * `notebookPath`, as its `notebook_formats`: the notebook's own formats
 * (`notebookFormats`, i.e. `jupytext.formats` or the legacy
 * `jupytext_formats`) when set; else the configuration's, provided the
 * notebook's current format is one of them (its extension, and format name
 * when both have one); else none. `auto` becomes the notebook's script
 * extension, or is dropped when its language is unknown; formats without a
 * format name take one from `preferred_jupytext_formats_save`.
 *
 * `options.metadata` is the notebook's metadata: its language (for
 * `auto`), `jupytext.text_representation` (its current text format) and
 * its `jupytext` options (for `overriddenOptions`).
 *
 * With `found` null, Jupytext may still pair the notebook from a global
 * configuration file or the server's settings, which are not known here.
 * On open, Jupytext reads the paired files of the configuration's formats
 * without the current-format condition.
 */
export function effectivePairing(
  notebookFormats: string | undefined,
  found: IFoundConfig | null,
  notebookPath: string,
  options: { metadata?: unknown } = {}
): IEffectivePairing {
  const path = Private.strip(notebookPath);
  const metadata = Private.asRecord(options.metadata);
  const jupytext = Private.asRecord(metadata.jupytext);
  const config = found?.config;
  const configPairing = config ? formatsFor(config, path) : null;
  const scriptExtension = scriptExtensionFromMetadata(metadata);

  let source: IEffectivePairing['source'] = 'none';
  let formats: IFormat[] | null = null;
  let ignored: IEffectivePairing['configPairingIgnored'];
  let text = '';

  if (notebookFormats) {
    source = 'notebook';
    text = notebookFormats;
    formats = Private.longForm(notebookFormats, scriptExtension);
    if (configPairing) {
      ignored = 'notebook-formats';
    }
  } else if (configPairing) {
    const candidate = Private.longForm(configPairing.formats, scriptExtension);
    // A text file read by Jupytext records its format; else the extension.
    const currentFormat: Record<string, unknown> =
      'text_representation' in jupytext
        ? Private.asRecord(jupytext.text_representation)
        : { extension: splitExt(path)[1] };
    const fits = (candidate ?? []).some(
      format =>
        currentFormat.extension === format.extension &&
        (!format.format_name ||
          !currentFormat.format_name ||
          currentFormat.format_name === format.format_name)
    );
    if (candidate && fits) {
      source = 'config';
      formats = candidate;
      text = configPairing.formats;
    } else {
      ignored = 'text-format';
    }
  }

  if (formats !== null && formats.length === 0) {
    // Only `auto` formats, and the language is unknown: nothing is paired.
    source = 'none';
  }
  let shortForm = '';
  if (source !== 'none') {
    if (formats === null) {
      // Not Jupytext's grammar: left for `pairedPaths` to explain.
      shortForm = text;
    } else {
      const preferred = config?.preferred_jupytext_formats_save;
      shortForm = formatsToString(
        formats.map(format => Private.preferredFormat(format, preferred))
      );
    }
  }

  const saveOptions = config ? configFormatOptions(config, 'save') : {};
  const overriddenOptions = Object.keys(saveOptions).filter(
    key => key in jupytext && jupytext[key] !== saveOptions[key]
  );

  const result: {
    -readonly [K in keyof IEffectivePairing]: IEffectivePairing[K];
  } = {
    source,
    formats: shortForm,
    configPairing,
    saveOptions,
    overriddenOptions
  };
  if (found) {
    result.configFile = found.path;
  }
  if (ignored) {
    result.configPairingIgnored = ignored;
  }
  return result;
}

/** Module-private helpers. */
namespace Private {
  /** The expected value of each option, by kind. */
  type Kind =
    | 'string'
    | 'boolean'
    | 'optional-boolean'
    | 'number'
    | 'log-level'
    | 'formats'
    | 'extensions';

  /** The kind of each option, from its trait in Jupytext. */
  const KINDS: { [option: string]: Kind } = {
    formats: 'formats',
    hide_notebook_metadata: 'optional-boolean',
    comment_magics: 'optional-boolean',
    root_level_metadata_as_raw_cell: 'boolean',
    split_at_heading: 'boolean',
    sphinx_convert_rst2md: 'boolean',
    doxygen_equation_markers: 'boolean',
    outdated_text_notebook_margin: 'number',
    cm_config_log_level: 'log-level',
    notebook_extensions: 'extensions'
  };

  /** What each kind of option must be, for messages. */
  const EXPECTED: { [kind in Kind]: string } = {
    string: 'a string',
    boolean: 'true or false',
    'optional-boolean': 'true, false or null',
    number: 'a number',
    'log-level': 'one of "warning", "info", "info_if_changed", "debug", "none"',
    formats:
      'a string such as "ipynb,py:percent", a table of path prefixes and formats, or a list of such strings or of such tables',
    extensions: 'a list of strings, or a comma-separated string'
  };

  /** The log levels of `cm_config_log_level`. */
  const LOG_LEVELS = ['warning', 'info', 'info_if_changed', 'debug', 'none'];

  /**
   * Names that Jupytext's check of unknown keys lets through, as they name
   * methods of its configuration class, and that then have no effect.
   */
  const IGNORED_NAMES = new Set([
    'default_formats',
    'set_default_format_options',
    'add_traits',
    'class_config_rst_doc',
    'class_config_section',
    'class_get_help',
    'class_get_trait_help',
    'class_own_trait_events',
    'class_own_traits',
    'class_print_help',
    'class_trait_names',
    'class_traits',
    'cross_validation_lock',
    'has_trait',
    'hold_trait_notifications',
    'notify_change',
    'observe',
    'on_trait_change',
    'section_names',
    'set_trait',
    'setup_instance',
    'trait_defaults',
    'trait_events',
    'trait_has_value',
    'trait_metadata',
    'trait_names',
    'trait_values',
    'traits',
    'unobserve',
    'unobserve_all',
    'update_config'
  ]);

  /** The syntax of a configuration file, from its name (as Jupytext). */
  export function syntaxOf(name: string): ConfigFileSyntax {
    if (name.endsWith('.toml') || name.endsWith('jupytext')) {
      return 'toml';
    }
    if (name.endsWith('.yml') || name.endsWith('.yaml')) {
      return 'yaml';
    }
    if (name.endsWith('.json')) {
      return 'json';
    }
    return 'python';
  }

  /** A document parsed in its syntax; throws when it is not valid. */
  export function parseText(syntax: ConfigFileSyntax, text: string): unknown {
    switch (syntax) {
      case 'toml':
        return parseToml(text);
      case 'yaml':
        // PyYAML reads YAML 1.1 (`yes` is true) and keeps the last of
        // duplicate keys.
        return parseYaml(text, {
          version: '1.1',
          uniqueKeys: false,
          logLevel: 'error'
        });
      default:
        return JSON.parse(text);
    }
  }

  /** A file's options checked against Jupytext's traits. */
  export function validate(name: string, doc: unknown): ConfigFileResult {
    if (!isTable(doc)) {
      return invalid(
        'The Jupytext configuration file %1 must hold a table of options, not %2.',
        name,
        describe(doc)
      );
    }
    const config: { [option: string]: unknown } = {};
    const unknown: string[] = [];
    const ignoredKeys: string[] = [];
    for (const [key, value] of Object.entries(doc)) {
      if (!JUPYTEXT_CONFIG_OPTIONS.includes(key)) {
        if (IGNORED_NAMES.has(key)) {
          ignoredKeys.push(key);
        } else {
          unknown.push(key);
        }
        continue;
      }
      const kind = KINDS[key] ?? 'string';
      const checked = checkValue(kind, value);
      if (checked === undefined) {
        return invalid(
          'In the Jupytext configuration file %1, "%2" must be %3, not %4.',
          name,
          key,
          EXPECTED[kind],
          describe(value)
        );
      }
      config[key] = checked.value;
    }
    if (unknown.length) {
      return invalid(
        'The Jupytext configuration file %1 has options that Jupytext does not support: %2. The options are: %3.',
        name,
        unknown.join(', '),
        JUPYTEXT_CONFIG_OPTIONS.join(', ')
      );
    }
    const result = config as IJupytextConfig;
    for (const group of formatsGroups(result)) {
      const error = groupError(group.formats);
      if (error) {
        return invalid(
          'In the Jupytext configuration file %1, the formats "%2" are invalid: %3',
          name,
          group.formats,
          error
        );
      }
    }
    for (const key of [
      'preferred_jupytext_formats_save',
      'preferred_jupytext_formats_read'
    ] as const) {
      const error = groupError(result[key] ?? '');
      if (error) {
        return invalid(
          'In the Jupytext configuration file %1, "%2" is invalid: %3',
          name,
          key,
          error
        );
      }
    }
    return ignoredKeys.length
      ? { ok: true, config: result, ignoredKeys }
      : { ok: true, config: result };
  }

  /** A value accepted by a trait, as the trait keeps it; or undefined. */
  function checkValue(
    kind: Kind,
    value: unknown
  ): { value: unknown } | undefined {
    switch (kind) {
      case 'string':
        return typeof value === 'string' ? { value } : undefined;
      case 'boolean':
        return typeof value === 'boolean'
          ? { value }
          : value === 0 || value === 1
            ? { value: value === 1 }
            : undefined;
      case 'optional-boolean':
        return value === null ? { value } : checkValue('boolean', value);
      case 'number':
        // Python's bool is an int, which the Float trait accepts.
        return typeof value === 'number'
          ? { value }
          : typeof value === 'boolean'
            ? { value: value ? 1 : 0 }
            : undefined;
      case 'log-level':
        return typeof value === 'string' && LOG_LEVELS.includes(value)
          ? { value }
          : undefined;
      case 'extensions':
        if (typeof value === 'string') {
          return { value: value.split(',') };
        }
        return isStringList(value) ? { value } : undefined;
      case 'formats':
        if (typeof value === 'string' || isStringList(value)) {
          return { value };
        }
        if (isStringTable(value)) {
          return { value };
        }
        if (Array.isArray(value) && value.every(isStringTable)) {
          return { value };
        }
        return undefined;
    }
  }

  /** The result for a file that is not a valid configuration. */
  export function invalid(
    message: string,
    ...args: string[]
  ): ConfigFileResult {
    return { ok: false, reason: 'invalid', message, args };
  }

  /** The result for a `pyproject.toml` without `[tool.jupytext]`. */
  export function noTable(name: string): ConfigFileResult {
    return {
      ok: false,
      reason: 'not-jupytext',
      message: '%1 has no [tool.jupytext] table.',
      args: [name]
    };
  }

  /** Why a group of formats is not Jupytext's grammar, or null. */
  function groupError(text: string): string | null {
    for (const item of text.split(',')) {
      const parsed = parseFormats(item);
      if (!parsed.ok) {
        return parsed.message;
      }
    }
    return null;
  }

  /** The formats of a group, one by one; null if one is not valid. */
  export function groupFormats(text: string): IFormat[] | null {
    const formats: IFormat[] = [];
    for (const item of text.split(',')) {
      const parsed = parseFormats(item);
      if (!parsed.ok) {
        return null;
      }
      formats.push(...parsed.formats);
    }
    return formats;
  }

  /**
   * The long form of formats with `auto` replaced by the script extension,
   * or dropped when it is unknown (Jupytext's `long_form_multiple_formats`
   * with `auto_ext_requires_language_info=False`); null if not valid.
   */
  export function longForm(
    text: string,
    scriptExtension: string | undefined
  ): IFormat[] | null {
    const formats = groupFormats(text);
    if (formats === null) {
      return null;
    }
    const resolved: IFormat[] = [];
    for (const format of formats) {
      if (format.extension !== '.auto') {
        resolved.push(format);
      } else if (scriptExtension) {
        resolved.push({ ...format, extension: scriptExtension });
      }
    }
    return resolved;
  }

  /**
   * A format given a format name from `preferred` when it has none
   * (Jupytext's `preferred_format`): the first preferred format with the
   * same extension (`auto` standing for any script extension), and the
   * same suffix and prefix when it has them.
   */
  export function preferredFormat(
    format: IFormat,
    preferred: string | undefined
  ): IFormat {
    if (format.format_name || !preferred) {
      return format;
    }
    const choices = groupFormats(preferred) ?? [];
    const markdown = ['.md', '.markdown', '.Rmd', '.ipynb'];
    for (const choice of choices) {
      const extension =
        format.extension === choice.extension ||
        (choice.extension === '.auto' && !markdown.includes(format.extension));
      const suffix =
        choice.suffix === undefined || choice.suffix === format.suffix;
      const prefix =
        choice.prefix === undefined || choice.prefix === format.prefix;
      if (extension && suffix && prefix) {
        const merged: IFormat = { ...choice };
        for (const [key, value] of Object.entries(format)) {
          if (value !== undefined) {
            (merged as unknown as Record<string, unknown>)[key] = value;
          }
        }
        return merged;
      }
    }
    return format;
  }

  /** Python's truthiness of a `formats` value. */
  export function truthy(value: unknown): boolean {
    if (typeof value === 'string' || Array.isArray(value)) {
      return value.length > 0;
    }
    if (value !== null && typeof value === 'object') {
      return Object.keys(value).length > 0;
    }
    return !!value;
  }

  /** Whether a value is a table (a plain object, not a list or date). */
  export function isTable(value: unknown): value is Record<string, unknown> {
    return (
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      !(value instanceof Date)
    );
  }

  /** Whether a value is a list of strings. */
  function isStringList(value: unknown): value is string[] {
    return (
      Array.isArray(value) && value.every(item => typeof item === 'string')
    );
  }

  /** Whether a value is a table of strings. */
  function isStringTable(value: unknown): boolean {
    return (
      isTable(value) &&
      Object.values(value).every(item => typeof item === 'string')
    );
  }

  /** A value's kind, for messages. */
  export function describe(value: unknown): string {
    if (value === null || value === undefined) {
      return 'null';
    }
    if (Array.isArray(value)) {
      return 'a list';
    }
    if (value instanceof Date) {
      return 'a date';
    }
    switch (typeof value) {
      case 'string':
        return `the string ${JSON.stringify(value)}`;
      case 'number':
      case 'bigint':
      case 'boolean':
        return String(value);
      default:
        return 'a table';
    }
  }

  /** The first line of an error's message. */
  export function firstLine(error: unknown): string {
    const text = error instanceof Error ? error.message : String(error);
    return text.split('\n')[0].trim();
  }

  /** A value as a record, or an empty one. */
  export function asRecord(value: unknown): Record<string, unknown> {
    return isTable(value) ? value : {};
  }

  /** A server path without leading and trailing slashes. */
  export function strip(path: string): string {
    return path.replace(/^\/+|\/+$/g, '');
  }

  /** A path's folder ('' at the root), as the contents manager splits it. */
  export function parentDir(path: string): string {
    const at = path.lastIndexOf('/');
    return at < 0 ? '' : path.slice(0, at);
  }

  /** The last component of a path. */
  export function baseName(path: string): string {
    return path.slice(path.lastIndexOf('/') + 1);
  }
}
