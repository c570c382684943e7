/**
 * Differential test against Jupytext itself: every case of
 * `data/jupytext-parity.json` (formats values built from the grammar's
 * pieces, a notebook path and the notebook's kernel metadata, with what
 * Jupytext 1.19.4 does when it pairs them) goes through our grammar and
 * paired-path code, and the verdicts and paired paths must agree, but for
 * the deliberate differences below. The data file and its definition of
 * Jupytext's verdict come from `scripts/jupytext-parity/generate.py`.
 */
import {
  IFormat,
  formatsToString,
  pairedPaths,
  parseFormatsValue,
  scriptExtensionFromMetadata
} from '../jupytext';

import data from './data/jupytext-parity.json';

/** A format as Jupytext writes it in its long form. */
type JupytextFormat = { [key: string]: unknown };

/** One case, and Jupytext's verdict on it. */
interface ICase {
  /** The `jupytext.formats` value. */
  formats: string | Array<string | JupytextFormat>;
  /** The notebook's path. */
  path: string;
  /** The notebook's metadata, by its name in `kernels`. */
  kernel: string;
  /** Whether Jupytext pairs the notebook. */
  ok: boolean;
  /** When it does not, the class and (start of the) message of its error. */
  error?: string;
  message?: string;
  /** When it does, the paired paths with their formats, in format order. */
  paths?: Array<[string, JupytextFormat]>;
  /** Paired files whose format Jupytext has no writer for, and its error. */
  unwritable?: Array<[string, string]>;
  /** Jupytext's short form of the formats, and whether it reads back. */
  short?: string;
  shortRoundtrips?: boolean;
}

/** The committed data. */
const DATA = data as unknown as {
  jupytext: { version: string; commit: string };
  kernels: { [name: string]: unknown };
  cases: ICase[];
};

/** Our verdict: the paired paths with their formats, or why not. */
type Verdict =
  | { ok: true; paths: Array<[string, JupytextFormat]> }
  | { ok: false; message: string };

/** What our code does with a case. */
function ours(item: ICase): Verdict {
  const parsed = parseFormatsValue(item.formats);
  if (!parsed.ok) {
    return parsed;
  }
  const scriptExtension = scriptExtensionFromMetadata(
    DATA.kernels[item.kernel]
  );
  const result = pairedPaths(item.path, parsed.formats, scriptExtension);
  if (!result.ok) {
    return result;
  }
  return {
    ok: true,
    paths: result.paths.map(({ path, format }) => [path, flat(format)])
  };
}

/** Jupytext's verdict, with the notebook first as in ours. */
function theirs(item: ICase): Verdict {
  if (!item.ok) {
    return { ok: false, message: `${item.error}: ${item.message}` };
  }
  const paths = (item.paths ?? []).map(
    ([path, format]): [string, JupytextFormat] => [path, normalized(format)]
  );
  const own = paths.findIndex(([path]) => path === item.path);
  return {
    ok: true,
    paths: [paths[own], ...paths.filter((_, index) => index !== own)]
  };
}

/** Our format in Jupytext's long form: format options at the top level. */
function flat(format: IFormat): JupytextFormat {
  const { options, ...rest } = format;
  return normalized({ ...rest, ...options });
}

/** A value as JSON with sorted keys, to compare regardless of key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, inner) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort())
      : inner
  );
}

/**
 * A long-form format without empty or missing values: Jupytext keeps an
 * empty prefix or suffix given in a dictionary, we drop it; both mean none.
 */
function normalized(format: JupytextFormat): JupytextFormat {
  return Object.fromEntries(
    Object.entries(format).filter(
      ([, value]) => value !== undefined && value !== ''
    )
  );
}

/**
 * Whether a relative path climbs above its root. Written again here, not
 * imported from src/jupytext/paths.ts: it judges Jupytext's paths, so a bug
 * in ours must not be able to excuse itself.
 */
function outsideRoot(path: string): boolean {
  let depth = 0;
  for (const part of path.split('/')) {
    if (part === '..') {
      depth -= 1;
      if (depth < 0) {
        return true;
      }
    } else if (part !== '' && part !== '.') {
      depth += 1;
    }
  }
  return false;
}

/**
 * The deliberate differences: why our verdict may differ from Jupytext's on
 * a case, or null when it may not. Each is where Jupytext pairs a notebook
 * with a file it cannot save, or with a path the server cannot hold.
 */
function deliberate(item: ICase, our: Verdict): string | null {
  if (!item.ok) {
    return null;
  }
  const paths = item.paths ?? [];
  if (our.ok) {
    // `{"extension": ".auto"}` in the list-of-dictionaries form: Jupytext
    // leaves it unresolved and pairs `nb.auto`, which it cannot write (see
    // `unwritable`); we resolve `auto` from the kernel as in the string form.
    const auto = paths.some(([, format]) => format.extension === '.auto');
    if (auto && item.unwritable?.some(([path]) => path.endsWith('.auto'))) {
      return 'auto in a dictionary';
    }
    return null;
  }
  // We refuse a format name that does not go with the extension (`py:spin`,
  // `md:percent`, `auto:myst` for a Python kernel): Jupytext pairs it, has
  // no writer for it and fails when it saves the notebook (its error is
  // recorded in `unwritable`); we say so while the formats are typed.
  if (
    item.unwritable?.length &&
    /The format "[^"]+" (is for|is not a script format)/.test(our.message)
  ) {
    return 'unwritable';
  }
  // We refuse a paired file above the server's root (`..//py` for a
  // notebook at the root): Jupytext computes `../nb.py`, which the Jupyter
  // server refuses to save.
  if (
    paths.some(([path]) => outsideRoot(path)) &&
    our.message.includes("outside the server's root")
  ) {
    return 'outside root';
  }
  // We refuse a prefix root mixed with formats without a prefix
  // (`notebooks///ipynb,py`): Jupytext checks that prefix roots are used in
  // all or none of the formats only for those with a prefix, so from the
  // notebook with the root it pairs a path with an empty part
  // (`x/notebooks/a/nb.ipynb` with `x///a/nb.py`, `notebooks/nb.ipynb` with
  // `//nb.py`), and from the other side it refuses the same pairing.
  if (
    paths.some(([path]) => path.includes('//')) &&
    our.message.includes('prefix root')
  ) {
    return 'prefix root in some formats only';
  }
  // We refuse a suffix with a folder in it (`/.pct.py`, which Jupytext reads
  // as the suffix `/.pct` and pairs `nb/.pct.py`, in a folder named after
  // the notebook): folders go in the prefix, e.g. `scripts//py`.
  if (paths.some(([, format]) => String(format.suffix ?? '').includes('/'))) {
    return 'folder in the suffix';
  }
  return null;
}

/**
 * Formats as their short form keeps them: no format options, and no format
 * name where it is the extension's default (`md:markdown`, `Rmd:rmarkdown`).
 */
function shortKey(formats: IFormat[]): string {
  return canonical(
    formats.map(({ options, ...format }) => {
      const defaultName =
        format.extension === '.Rmd' ? 'rmarkdown' : 'markdown';
      return ['.md', '.markdown', '.Rmd'].includes(format.extension) &&
        format.format_name === defaultName
        ? { ...format, format_name: undefined }
        : format;
    })
  );
}

describe('Jupytext parity', () => {
  const cases = DATA.cases;

  it('has at least 1,000 formats strings, from Jupytext 1.19', () => {
    const strings = new Set(
      cases.map(item => item.formats).filter(value => typeof value === 'string')
    );
    expect(strings.size).toBeGreaterThanOrEqual(1000);
    expect(cases.length).toBeGreaterThanOrEqual(2000);
    expect(DATA.jupytext.version).toMatch(/^1\.19\./);
    // Both verdicts are well represented.
    expect(cases.filter(item => item.ok).length).toBeGreaterThan(500);
    expect(cases.filter(item => !item.ok).length).toBeGreaterThan(500);
  });

  it('agrees with Jupytext on every case but the deliberate differences', () => {
    const differences: { [reason: string]: number } = {};
    const mismatches: unknown[] = [];
    for (const item of cases) {
      const our = ours(item);
      const their = theirs(item);
      const agree = our.ok
        ? their.ok && canonical(our.paths) === canonical(their.paths)
        : !their.ok;
      if (agree) {
        continue;
      }
      const reason = deliberate(item, our);
      if (reason) {
        differences[reason] = (differences[reason] ?? 0) + 1;
      } else {
        mismatches.push({ case: item, ours: our, jupytext: their });
      }
    }
    expect(mismatches).toEqual([]);
    // How often each deliberate difference is met in the data.
    expect(differences).toEqual({
      unwritable: 295,
      'prefix root in some formats only': 21,
      'outside root': 6,
      'folder in the suffix': 1,
      'auto in a dictionary': 1
    });
  });

  it("writes Jupytext's short form, or one that reads back", () => {
    const mismatches: unknown[] = [];
    for (const item of cases) {
      const parsed = parseFormatsValue(item.formats);
      if (!parsed.ok || item.short === undefined) {
        continue;
      }
      const short = formatsToString(parsed.formats);
      const reread = parseFormatsValue(short);
      const readsBack =
        reread.ok && shortKey(reread.formats) === shortKey(parsed.formats);
      // Where Jupytext's short form does not read back as the same formats
      // (it writes `.markdown` as `markdown`, which reads as `md`, and an
      // empty prefix as `/py`), ours may differ, and must read back.
      const same = short === item.short;
      if (!readsBack || (item.shortRoundtrips && !same)) {
        mismatches.push({ formats: item.formats, short, jupytext: item.short });
      }
    }
    expect(mismatches).toEqual([]);
  });
});
