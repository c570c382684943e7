/**
 * Jupytext's `formats` grammar: parsing `jupytext.formats` (e.g.
 * `ipynb,py:percent` or `notebooks///ipynb,scripts///py:percent`) into its
 * long form, writing it back in Jupytext's short form, and validating it.
 *
 * The rules follow Jupytext 1.19 (`jupytext/formats.py`); this is our own
 * implementation. No JupyterLab imports.
 */

/** One paired format, in Jupytext's long form. */
export interface IFormat {
  /** The file extension with its dot (`.py`, `.ipynb`), or `.auto`. */
  extension: string;
  /** The format name, e.g. `percent`, `light` or `myst`. */
  format_name?: string;
  /**
   * The prefix: a folder (`scripts/`), a file-name prefix (`prefix_`), both
   * (`scripts/prefix_`), and/or a prefix root (`notebooks//`).
   */
  prefix?: string;
  /** What the file name ends with before the extension, e.g. `.pct`. */
  suffix?: string;
  /** Format options (only in the list-of-dicts form), e.g. `comment_magics`. */
  options?: { [option: string]: unknown };
}

/** The formats, or why they are invalid. */
export type FormatsResult =
  { ok: true; formats: IFormat[] } | { ok: false; message: string };

/** The script extensions Jupytext knows, and the language of each. */
export const SCRIPT_LANGUAGES: { [extension: string]: string } = {
  '.py': 'python',
  '.coco': 'coconut',
  '.R': 'R',
  '.r': 'R',
  '.jl': 'julia',
  '.cpp': 'c++',
  '.ss': 'scheme',
  '.clj': 'clojure',
  '.scm': 'scheme',
  '.sh': 'bash',
  '.ps1': 'powershell',
  '.q': 'q',
  '.m': 'matlab',
  '.wolfram': 'wolfram language',
  '.pro': 'idl',
  '.js': 'javascript',
  '.ts': 'typescript',
  '.scala': 'scala',
  '.rs': 'rust',
  '.robot': 'robotframework',
  '.resource': 'robotframework',
  '.cs': 'csharp',
  '.fsx': 'fsharp',
  '.fs': 'fsharp',
  '.sos': 'sos',
  '.java': 'java',
  '.groovy': 'groovy',
  '.sage': 'sage',
  '.ml': 'ocaml',
  '.hs': 'haskell',
  '.tcl': 'tcl',
  '.mac': 'maxima',
  '.gp': 'gnuplot',
  '.do': 'stata',
  '.sas': 'sas',
  '.xsh': 'xonsh',
  '.lgt': 'logtalk',
  '.logtalk': 'logtalk',
  '.lua': 'lua',
  '.go': 'go'
};

/** The script extensions Jupytext knows, in Jupytext's order. */
export const SCRIPT_EXTENSIONS: string[] = Object.keys(SCRIPT_LANGUAGES);

/** Every text-notebook extension Jupytext knows (`.ipynb` excluded). */
export const TEXT_EXTENSIONS: string[] = [
  '.md',
  '.markdown',
  '.Rmd',
  ...SCRIPT_EXTENSIONS,
  '.qmd',
  '.myst',
  '.mystnb',
  '.mnb'
];

/** Every notebook extension Jupytext knows: `.ipynb` and the text ones. */
export const NOTEBOOK_EXTENSIONS: string[] = ['.ipynb', ...TEXT_EXTENSIONS];

/** The extensions each format name goes with, in Jupytext's order. */
export const FORMAT_EXTENSIONS: { [formatName: string]: string[] } = {
  markdown: ['.md', '.markdown'],
  rmarkdown: ['.Rmd'],
  light: SCRIPT_EXTENSIONS,
  nomarker: SCRIPT_EXTENSIONS,
  percent: SCRIPT_EXTENSIONS,
  hydrogen: SCRIPT_EXTENSIONS,
  spin: ['.R', '.r'],
  sphinx: ['.py'],
  pandoc: ['.md'],
  quarto: ['.qmd'],
  marimo: ['.py'],
  myst: ['.md', '.myst', '.mystnb', '.mnb']
};

/** Every format name Jupytext knows. */
export const FORMAT_NAMES: string[] = Object.keys(FORMAT_EXTENSIONS);

/** The format options Jupytext accepts in the list-of-dicts form. */
export const FORMAT_OPTIONS: string[] = [
  'comment_magics',
  'hide_notebook_metadata',
  'root_level_metadata_as_raw_cell',
  'split_at_heading',
  'rst2md',
  'cell_metadata_json',
  'use_runtools',
  'doxygen_equation_markers',
  'notebook_metadata_filter',
  'root_level_metadata_filter',
  'cell_metadata_filter',
  'cell_markers',
  'custom_cell_magics',
  'custom_language_magics'
];

/** Pairings offered as one-click choices. */
export const PRESETS: Array<{ id: string; label: string; formats: string }> = [
  {
    id: 'py-percent',
    label: 'Python script, percent format',
    formats: 'ipynb,py:percent'
  },
  {
    id: 'py-light',
    label: 'Python script, light format',
    formats: 'ipynb,py:light'
  },
  { id: 'md', label: 'Markdown', formats: 'ipynb,md' },
  { id: 'myst', label: 'MyST Markdown', formats: 'ipynb,md:myst' },
  { id: 'rmd', label: 'R Markdown', formats: 'ipynb,Rmd' },
  { id: 'qmd', label: 'Quarto', formats: 'ipynb,qmd' },
  {
    id: 'auto-percent',
    label: "Script in the notebook's language, percent format",
    formats: 'ipynb,auto:percent'
  }
];

/** The format names that go with an extension, in Jupytext's order. */
export function formatNamesFor(extension: string): string[] {
  return FORMAT_NAMES.filter(name =>
    FORMAT_EXTENSIONS[name].includes(extension)
  );
}

/**
 * Parse a whole `jupytext.formats` string, e.g. `ipynb,py:percent`, into
 * its long form. Empty items are ignored, as Jupytext does; an empty string
 * means no pairing.
 */
export function parseFormats(text: string): FormatsResult {
  if (typeof text !== 'string') {
    return { ok: false, message: Private.TYPE_MESSAGE };
  }
  const formats: IFormat[] = [];
  for (const item of text.split(',')) {
    if (item === '') {
      continue;
    }
    const one = Private.parseOne(item);
    if (typeof one === 'string') {
      return { ok: false, message: one };
    }
    formats.push(one);
  }
  return Private.checked(formats);
}

/**
 * Parse `jupytext.formats` as found in metadata: a string, a list of
 * one-format strings (`['ipynb', 'py:percent']`), a list of format
 * dictionaries (`[{extension: '.py', format_name: 'percent'}]`), or a mix.
 * A missing value means no pairing.
 */
export function parseFormatsValue(value: unknown): FormatsResult {
  if (value === undefined || value === null) {
    return { ok: true, formats: [] };
  }
  if (typeof value === 'string') {
    return parseFormats(value);
  }
  if (!Array.isArray(value)) {
    return { ok: false, message: Private.TYPE_MESSAGE };
  }
  const formats: IFormat[] = [];
  for (const item of value) {
    let one: IFormat | string;
    if (typeof item === 'string') {
      one = item.includes(',')
        ? `The list item "${item}" holds several formats: give each format its own item.`
        : Private.parseOne(item);
    } else if (item !== null && typeof item === 'object') {
      one = Private.parseDict(item as Record<string, unknown>);
    } else {
      one = `The list item ${JSON.stringify(item)} is neither a format string such as "py:percent" nor a format dictionary.`;
    }
    if (typeof one === 'string') {
      return { ok: false, message: one };
    }
    formats.push(one);
  }
  return Private.checked(formats);
}

/**
 * The short form of one format, as Jupytext writes it: `py:percent`,
 * `.pct.py:percent`, `scripts///py:percent`. Format options are dropped.
 */
export function formatToString(format: IFormat): string {
  const { extension, format_name, prefix, suffix } = format;
  let text: string;
  if (suffix) {
    text = suffix + extension;
  } else {
    text = extension.startsWith('.') ? extension.slice(1) : extension;
  }
  if (prefix) {
    text = prefix + '/' + text;
  }
  if (
    format_name &&
    (!Private.MARKDOWN_EXTENSIONS.includes(extension) ||
      format_name === 'pandoc' ||
      format_name === 'myst')
  ) {
    text += ':' + format_name;
  }
  // Jupytext reads a lone `markdown` or `myst` as `md` or `md:myst`, so the
  // `.markdown` and `.myst` extensions keep their dot there.
  if (!prefix && !suffix && Private.ALIASES.has(text.toLowerCase())) {
    text = '.' + text;
  }
  return text;
}

/** The short form of several formats, e.g. `ipynb,py:percent`. */
export function formatsToString(formats: IFormat[]): string {
  return formats.map(formatToString).join(',');
}

/**
 * Why one format is invalid, or null if it is valid: its extension, its
 * format name and whether the two go together, its prefix, suffix and
 * options.
 */
export function validateFormat(format: IFormat): string | null {
  if (format === null || typeof format !== 'object') {
    return 'A format must be a dictionary with at least an "extension".';
  }
  const { extension, format_name, prefix, suffix, options } = format;
  if (typeof extension !== 'string' || extension === '') {
    return 'A format is missing its extension, e.g. ".py".';
  }
  const extensionError = Private.checkExtension(extension);
  if (extensionError) {
    return extensionError;
  }
  if (format_name !== undefined) {
    const nameError = Private.checkFormatName(format_name, extension);
    if (nameError) {
      return nameError;
    }
  }
  for (const [key, value] of [
    ['prefix', prefix],
    ['suffix', suffix]
  ]) {
    if (value === undefined) {
      continue;
    }
    if (typeof value !== 'string') {
      return `The ${key} must be a string, not ${JSON.stringify(value)}.`;
    }
    if (value.includes(',')) {
      return `The ${key} "${value}" contains a comma, which separates formats in jupytext.formats.`;
    }
  }
  if (suffix && suffix.includes('/')) {
    return `The suffix "${suffix}" contains "/": use a prefix such as "scripts//" for folders.`;
  }
  if (options !== undefined) {
    for (const [key, value] of Object.entries(options)) {
      const optionError = Private.checkOption(key, value);
      if (optionError) {
        return optionError;
      }
    }
  }
  return null;
}

/**
 * Why a list of paired formats is invalid, or null if it is valid: each
 * format must be valid, no two formats may map to the same file, and a
 * prefix root (`folder///`) must be used in all formats or in none.
 */
export function validateFormats(formats: IFormat[]): string | null {
  if (!Array.isArray(formats)) {
    return Private.TYPE_MESSAGE;
  }
  for (const format of formats) {
    const error = validateFormat(format);
    if (error) {
      return error;
    }
  }
  for (let i = 0; i < formats.length; i++) {
    for (let j = 0; j < i; j++) {
      if (Private.samePath(formats[i], formats[j])) {
        return (
          `Duplicate paired paths: "${formatToString(formats[j])}" and ` +
          `"${formatToString(formats[i])}" would write the same file. ` +
          'Give one of them a prefix or a suffix, e.g. ".pct.py:percent".'
        );
      }
    }
  }
  const withRoot = formats.find(Private.hasPrefixRoot);
  const withoutRoot = formats.find(f => !Private.hasPrefixRoot(f));
  if (withRoot && withoutRoot) {
    return (
      `"${formatToString(withRoot)}" has a prefix root ("///") but ` +
      `"${formatToString(withoutRoot)}" does not: use prefix roots in ` +
      'either none, or all of the paired formats.'
    );
  }
  return null;
}

/**
 * The script extension of a notebook, from its metadata, as Jupytext
 * resolves `auto`: `language_info.file_extension` as the kernel gives it
 * (so possibly without its dot, which Jupytext refuses), else the kernel's
 * (or `jupytext.main_language`'s) language. Undefined if unknown.
 */
export function scriptExtensionFromMetadata(
  metadata: unknown
): string | undefined {
  const record = Private.asRecord(metadata);
  const languageInfo = Private.asRecord(record.language_info);
  const kernelspec = Private.asRecord(record.kernelspec);
  const jupytext = Private.asRecord(record.jupytext);
  let extension =
    typeof languageInfo.file_extension === 'string'
      ? languageInfo.file_extension
      : undefined;
  // Sage notebooks declare ".py": Jupytext uses ".sage".
  if (extension === '.py' && kernelspec.language === 'sage') {
    extension = '.sage';
  }
  if (extension === undefined) {
    const language = kernelspec.language || jupytext.main_language;
    if (typeof language === 'string' && language) {
      const usual = Private.usualLanguageName(language);
      extension = SCRIPT_EXTENSIONS.find(
        ext => Private.usualLanguageName(SCRIPT_LANGUAGES[ext]) === usual
      );
    }
  }
  return extension === undefined
    ? undefined
    : normalizeScriptExtension(extension);
}

/**
 * A script extension as Jupytext uses it for `auto`: `.r`, `.fs`,
 * `.resource` and `.C` mapped to `.R`, `.fsx`, `.robot` and `.cpp`. An
 * extension without its leading dot (a kernel may declare `py`) is kept as
 * it is: Jupytext refuses to pair it.
 */
export function normalizeScriptExtension(extension: string): string {
  const mapped = new Map([
    ['.r', '.R'],
    ['.fs', '.fsx'],
    ['.resource', '.robot'],
    ['.C', '.cpp']
  ]);
  return mapped.get(extension) ?? extension;
}

/**
 * The formats with `auto` replaced by the notebook's script extension,
 * validated again (e.g. `auto:spin` is only valid for R notebooks).
 */
export function resolveAuto(
  formats: IFormat[],
  scriptExtension?: string
): FormatsResult {
  if (!formats.some(format => format.extension === '.auto')) {
    const error = validateFormats(formats);
    return error ? { ok: false, message: error } : { ok: true, formats };
  }
  if (!scriptExtension) {
    return {
      ok: false,
      message:
        'The notebook\'s language is unknown, so "auto" cannot be turned ' +
        'into a script extension. Select a kernel, or replace "auto" with ' +
        'an actual script extension such as "py".'
    };
  }
  const extension = normalizeScriptExtension(scriptExtension);
  if (!extension.startsWith('.')) {
    return {
      ok: false,
      message:
        `The notebook's kernel gives its script extension as "${extension}", ` +
        'without the leading dot, so Jupytext cannot pair "auto": replace ' +
        `"auto" with the script extension, e.g. "${extension}".`
    };
  }
  if (!NOTEBOOK_EXTENSIONS.includes(extension) || extension === '.ipynb') {
    return {
      ok: false,
      message:
        `The notebook's language uses the extension "${extension}", which ` +
        'Jupytext cannot pair: replace "auto" with a script extension.'
    };
  }
  const resolved = formats.map(format =>
    format.extension === '.auto' ? { ...format, extension } : format
  );
  const error = validateFormats(resolved);
  return error
    ? { ok: false, message: error }
    : { ok: true, formats: resolved };
}

/** Module-private helpers. */

/**
 * A path's root and extension, like Python's `os.path.splitext`: leading
 * dots of the file name are not an extension.
 */
export function splitExt(path: string): [string, string] {
  const dot = path.lastIndexOf('.');
  const slash = path.lastIndexOf('/');
  if (dot <= slash + 1 || /^\.*$/.test(path.slice(slash + 1, dot))) {
    return [path, ''];
  }
  return [path.slice(0, dot), path.slice(dot)];
}

namespace Private {
  /** The message for a value of the wrong type. */
  export const TYPE_MESSAGE =
    'jupytext.formats must be a string such as "ipynb,py:percent", or a list of formats.';

  /** Names Jupytext accepts for a whole format (case-insensitive). */
  export const ALIASES = new Map([
    ['notebook', 'ipynb'],
    ['rmarkdown', 'Rmd'],
    ['quarto', 'qmd'],
    ['marimo', 'py'],
    ['markdown', 'md'],
    ['script', 'auto'],
    ['c++', 'cpp'],
    ['myst', 'md:myst'],
    ['pandoc', 'md:pandoc']
  ]);

  /** Extensions whose default format name is left out of the short form. */
  export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.Rmd'];

  /** The format options that must be booleans. */
  const BINARY_OPTIONS = FORMAT_OPTIONS.slice(0, 8);

  /** The formats if valid as a whole, else why not. */
  export function checked(formats: IFormat[]): FormatsResult {
    const error = validateFormats(formats);
    return error ? { ok: false, message: error } : { ok: true, formats };
  }

  /** One format in its short form, parsed and validated; or why not. */
  export function parseOne(item: string): IFormat | string {
    let text = ALIASES.get(item.toLowerCase()) ?? item;
    const format: IFormat = { extension: '' };

    const slash = text.lastIndexOf('/');
    if (slash > 0) {
      format.prefix = text.slice(0, slash);
      text = text.slice(slash + 1);
    } else if (slash === 0) {
      return `"${item}" starts with "/": write the folder before it, e.g. "scripts//py".`;
    }

    let extension: string;
    const colon = text.lastIndexOf(':');
    if (colon >= 0) {
      extension = text.slice(0, colon);
      const name = text.slice(colon + 1);
      format.format_name = name === 'bare' ? 'nomarker' : name;
      if (name === '') {
        return `"${item}" has no format name after ":", e.g. "py:percent".`;
      }
    } else if (
      text === '' ||
      text.includes('.') ||
      NOTEBOOK_EXTENSIONS.includes('.' + text) ||
      text === 'auto'
    ) {
      extension = text;
    } else if (FORMAT_NAMES.includes(text)) {
      return `"${text}" is a format name, not an extension: write it after an extension, e.g. "${example(text)}".`;
    } else if (/\s/.test(text)) {
      return spaceMessage(item);
    } else {
      const hint = caseHint(text, [
        ...NOTEBOOK_EXTENSIONS.map(ext => ext.slice(1)),
        ...FORMAT_NAMES
      ]);
      return (
        `Unknown extension or format "${text}".${hint} ` +
        'Write extension:format, e.g. "py:percent".'
      );
    }

    if (extension.lastIndexOf('.') > 0) {
      const [root, ext] = splitExt(extension);
      if (root && ext) {
        format.suffix = root;
        extension = ext;
      }
    }
    if (extension === '' || extension === '.') {
      return `"${item}" has no extension, e.g. "py" in "py:percent".`;
    }
    format.extension = extension.startsWith('.') ? extension : '.' + extension;

    if (/\s/.test(format.extension) || /\s/.test(format.format_name ?? '')) {
      return spaceMessage(item);
    }
    return validateFormat(format) ?? format;
  }

  /** One format in its dictionary form, validated; or why not. */
  export function parseDict(item: Record<string, unknown>): IFormat | string {
    if (Array.isArray(item)) {
      return 'A list item is itself a list: give one format per item.';
    }
    const format: IFormat = { extension: '' };
    const options: { [option: string]: unknown } = {};
    for (const [key, value] of Object.entries(item)) {
      if (key === 'extension' || key === 'format_name') {
        if (typeof value !== 'string') {
          return `The format's "${key}" must be a string, not ${JSON.stringify(value)}.`;
        }
        format[key] = value;
      } else if (key === 'prefix' || key === 'suffix') {
        if (typeof value !== 'string') {
          return `The format's "${key}" must be a string, not ${JSON.stringify(value)}.`;
        }
        // An empty prefix or suffix means none, as in Jupytext.
        if (value) {
          format[key] = value;
        }
      } else {
        const error = checkOption(key, value);
        if (error) {
          return error;
        }
        options[key] = value;
      }
    }
    if (!('extension' in item)) {
      return 'A format dictionary is missing its "extension", e.g. {"extension": ".py"}.';
    }
    if (Object.keys(options).length) {
      format.options = options;
    }
    return validateFormat(format) ?? format;
  }

  /** Why an extension is invalid, or null. */
  export function checkExtension(extension: string): string | null {
    if (extension === '.auto' || NOTEBOOK_EXTENSIONS.includes(extension)) {
      return null;
    }
    if (/\s/.test(extension)) {
      return spaceMessage(extension);
    }
    if (
      !extension.startsWith('.') &&
      NOTEBOOK_EXTENSIONS.includes('.' + extension)
    ) {
      return `The extension "${extension}" needs its dot: ".${extension}".`;
    }
    const hint = caseHint(extension, NOTEBOOK_EXTENSIONS);
    // Short: the extensions are the choices of the Extension list.
    return `Unknown extension "${extension}".${hint}`;
  }

  /** Why a format name is invalid, or does not go with the extension. */
  export function checkFormatName(
    name: string,
    extension: string
  ): string | null {
    if (typeof name !== 'string') {
      return `The format name must be a string, not ${JSON.stringify(name)}.`;
    }
    if (name === 'bare') {
      return 'The format "bare" was renamed "nomarker".';
    }
    if (!FORMAT_NAMES.includes(name)) {
      if (/\s/.test(name)) {
        return spaceMessage(name);
      }
      const hint = caseHint(name, FORMAT_NAMES);
      const names =
        extension === '.ipynb' || extension === '.auto'
          ? FORMAT_NAMES
          : formatNamesFor(extension);
      const where =
        names === FORMAT_NAMES ? 'Jupytext knows' : `Formats for ${extension}`;
      return `Unknown format "${name}".${hint} ${where}: ${names.join(', ')}.`;
    }
    // Jupytext ignores the format name of .ipynb files.
    if (extension === '.ipynb') {
      return null;
    }
    const extensions = FORMAT_EXTENSIONS[name];
    if (extension === '.auto') {
      return extensions.every(ext => SCRIPT_EXTENSIONS.includes(ext))
        ? null
        : `The format "${name}" is not a script format, so it cannot go with "auto" (the notebook's script extension).`;
    }
    if (extensions.includes(extension)) {
      return null;
    }
    const names = formatNamesFor(extension);
    const use = names.length
      ? ` For ${extension}, use ${orList(names)}.`
      : ` ${extension} files take no format name.`;
    return `The format "${name}" is for ${describeExtensions(extensions)}, not ${extension}.${use}`;
  }

  /** Why a format option is invalid, or null. */
  export function checkOption(key: string, value: unknown): string | null {
    if (!FORMAT_OPTIONS.includes(key)) {
      return `Unknown format option "${key}". Jupytext knows: extension, format_name, prefix, suffix, ${FORMAT_OPTIONS.join(', ')}.`;
    }
    if (BINARY_OPTIONS.includes(key) && typeof value !== 'boolean') {
      return `The format option "${key}" must be true or false, not ${JSON.stringify(value)}.`;
    }
    return null;
  }

  /** Whether two formats map to the same file (Jupytext's test). */
  export function samePath(a: IFormat, b: IFormat): boolean {
    return (
      a.extension === b.extension &&
      (a.prefix || '') === (b.prefix || '') &&
      (a.suffix || '') === (b.suffix || '')
    );
  }

  /**
   * Whether a format's prefix has a root (`notebooks//`). An empty root
   * (`///py`, prefix `//`) is no root, as in Jupytext.
   */
  export function hasPrefixRoot(format: IFormat): boolean {
    return (format.prefix ?? '').lastIndexOf('//') > 0;
  }

  /** A value as a record, or an empty one. */
  export function asRecord(value: unknown): Record<string, unknown> {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  }

  /** A language's usual name, to compare kernel and script languages. */
  export function usualLanguageName(language: string): string {
    const lower = language.toLowerCase();
    if (lower.startsWith('c++')) {
      return 'c++';
    }
    const usual = new Map([
      ['r', 'R'],
      ['octave', 'matlab'],
      ['cs', 'csharp'],
      ['c#', 'csharp'],
      ['fs', 'fsharp'],
      ['f#', 'fsharp'],
      ['sas', 'SAS']
    ]);
    return usual.get(lower) ?? lower;
  }

  /** An example of a format name with an extension. */
  function example(name: string): string {
    const ext = FORMAT_EXTENSIONS[name][0];
    return `${ext.slice(1)}:${name}`;
  }

  /** The message for a space in a format. */
  function spaceMessage(text: string): string {
    return `Unexpected space in "${text}": Jupytext formats are written without spaces, e.g. "ipynb,py:percent".`;
  }

  /** ` Did you mean "x"?` if `text` matches a candidate but for case. */
  function caseHint(text: string, candidates: string[]): string {
    const match = candidates.find(
      candidate =>
        candidate !== text && candidate.toLowerCase() === text.toLowerCase()
    );
    return match ? ` Did you mean "${match}"?` : '';
  }

  /** `.R and .r files`, or `script files (.py, .R, …)`. */
  function describeExtensions(extensions: string[]): string {
    if (extensions === SCRIPT_EXTENSIONS) {
      return `script files (${extensions.slice(0, 4).join(', ')}, …)`;
    }
    return andList(extensions) + ' files';
  }

  /** `a, b and c`. */
  function andList(items: string[]): string {
    return items.length > 1
      ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
      : items[0];
  }

  /** `a, b or c`. */
  function orList(items: string[]): string {
    return items.length > 1
      ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`
      : items[0];
  }
}
