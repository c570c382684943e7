/**
 * The files a paired notebook is saved to, as Jupytext computes them
 * (`jupytext/paired_paths.py`): our own implementation, for server paths
 * with `/` separators. No JupyterLab imports.
 */
import {
  IFormat,
  NOTEBOOK_EXTENSIONS,
  formatToString,
  formatsToString,
  resolveAuto,
  splitExt
} from './formats';

/** The paired files of a notebook with their formats, or why there are none. */
export type PairedPathsResult =
  | { ok: true; paths: Array<{ path: string; format: IFormat }> }
  | { ok: false; message: string };

/**
 * The files paired with the notebook at `notebookPath` (a server path such
 * as `notebooks/a/b.ipynb`), the notebook itself first, then the others in
 * the order of `formats`. `scriptExtension` (e.g. `.py`) resolves `auto`.
 *
 * Fails, like Jupytext, when the formats are invalid, when the notebook's
 * path matches none of them (e.g. a notebook outside the `notebooks` folder
 * of `notebooks///ipynb`), or when two formats map to the same file; and
 * when a paired file would be above the server's root (`..//py` for a
 * notebook at the root), which the server refuses.
 *
 * A prefix root (`folder///`) is matched at the innermost `folder` of the
 * path. Jupytext further limits that match to below the folder of its
 * configuration file, when there is one: not known here.
 */
export function pairedPaths(
  notebookPath: string,
  formats: IFormat[],
  scriptExtension?: string
): PairedPathsResult {
  const [, extension] = splitExt(notebookPath);
  if (!NOTEBOOK_EXTENSIONS.includes(extension)) {
    return {
      ok: false,
      message:
        `"${notebookPath}" is not a notebook: Jupytext pairs files with ` +
        `the extensions ${NOTEBOOK_EXTENSIONS.join(', ')}.`
    };
  }
  if (formats.length === 0) {
    return { ok: true, paths: [{ path: notebookPath, format: { extension } }] };
  }
  const resolved = resolveAuto(formats, scriptExtension);
  if (!resolved.ok) {
    return resolved;
  }
  const all = resolved.formats;
  try {
    const own = Private.findFormat(notebookPath, all);
    let base: string;
    try {
      base = Private.basePath(notebookPath, own, all);
    } catch (error) {
      if (error instanceof Private.InconsistentPath) {
        error.message =
          `Jupytext cannot pair "${notebookPath}" with ` +
          `"${formatsToString(all)}". ${error.message}`;
      }
      throw error;
    }
    const paths = all.map(format => ({
      path: Private.fullPath(base, format),
      format
    }));
    const index = paths.findIndex(item => item.path === notebookPath);
    if (index < 0) {
      throw new Private.InconsistentPath(
        `The paired paths ${paths.map(item => `"${item.path}"`).join(', ')} ` +
          `do not include the notebook "${notebookPath}" (its format is ` +
          `"${formatToString(own)}", the paired formats are ` +
          `"${formatsToString(all)}").`
      );
    }
    for (let i = 0; i < paths.length; i++) {
      const first = paths.findIndex(item => item.path === paths[i].path);
      if (first < i) {
        throw new Private.InconsistentPath(
          `Duplicate paired paths for this notebook: "${formatToString(
            paths[first].format
          )}" and "${formatToString(paths[i].format)}" both map to ` +
            `"${paths[i].path}". Please fix jupytext.formats.`
        );
      }
    }
    const outside = paths.find(item => Private.isOutsideRoot(item.path));
    if (outside) {
      throw new Private.InconsistentPath(
        `The paired file "${outside.path}" (format ` +
          `"${formatToString(outside.format)}") would be outside the ` +
          "server's root folder."
      );
    }
    return {
      ok: true,
      paths: [paths[index], ...paths.filter((_, i) => i !== index)]
    };
  } catch (error) {
    if (error instanceof Private.InconsistentPath) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
}

/**
 * Whether the notebook at `notebookPath` can be in `format`: its extension,
 * suffix and prefix fit it (Jupytext's `base_path` does not raise). A prefix
 * root (`notebooks//`) fits a notebook anywhere below a `notebooks` folder.
 */
export function pathMatchesFormat(
  notebookPath: string,
  format: IFormat
): boolean {
  try {
    Private.basePath(notebookPath, format);
    return true;
  } catch (error) {
    if (error instanceof Private.InconsistentPath) {
      return false;
    }
    throw error;
  }
}

/** Module-private helpers. */

/** Two path parts joined with `/`, or the right one alone. */
export function joinPath(left: string, right: string): string {
  return left ? left + '/' + right : right;
}

namespace Private {
  /** A path that does not match a format (Jupytext's `InconsistentPath`). */
  export class InconsistentPath extends Error {}

  /**
   * The first format the notebook's path matches (Jupytext's
   * `find_base_path_and_format`).
   */
  export function findFormat(path: string, formats: IFormat[]): IFormat {
    let reason = '';
    for (const format of formats) {
      try {
        basePath(path, format);
        return format;
      } catch (error) {
        if (!(error instanceof InconsistentPath)) {
          throw error;
        }
        if (!reason && format.extension === splitExt(path)[1]) {
          reason = ' ' + error.message;
        }
      }
    }
    const extension = splitExt(path)[1];
    if (!reason) {
      reason = ` Add "${extension.slice(1)}" to the formats to pair it.`;
    }
    throw new InconsistentPath(
      `The notebook "${path}" matches none of the paired formats ` +
        `"${formatsToString(formats)}".${reason}`
    );
  }

  /**
   * The base path of a notebook in a format: its path without the
   * format's prefix, suffix and extension. A prefix root becomes `//`,
   * e.g. `notebooks///ipynb` takes `notebooks/a/b.ipynb` to `//a/b`.
   * With `formats`, the prefix and suffix are taken from the first format
   * with the same extension and format name, as Jupytext does.
   */
  export function basePath(
    path: string,
    format: IFormat,
    formats?: IFormat[]
  ): string {
    const [root, extension] = splitExt(path);
    if (extension !== format.extension) {
      throw new InconsistentPath(
        `The notebook "${path}" was expected to have the extension "${format.extension}".`
      );
    }
    let fmt = format;
    const match = (formats ?? []).find(
      f =>
        f.extension === format.extension &&
        !(
          format.format_name &&
          f.format_name &&
          f.format_name !== format.format_name
        )
    );
    if (match) {
      fmt = {
        extension: match.extension,
        format_name:
          match.format_name && (format.format_name ?? match.format_name),
        prefix: match.prefix && (format.prefix ?? match.prefix),
        suffix: match.suffix && (format.suffix ?? match.suffix)
      };
    }

    let base = root;
    const { prefix, suffix } = fmt;
    if (suffix) {
      if (!base.endsWith(suffix)) {
        throw new InconsistentPath(
          `The notebook name "${base}" was expected to end with the suffix "${suffix}".`
        );
      }
      base = base.slice(0, -suffix.length);
    }
    if (!prefix) {
      return base;
    }

    const { prefixRoot, prefixDir, prefixFile } = splitPrefix(prefix);
    let [dir, name] = split(base);

    if (prefixFile) {
      if (!name.startsWith(prefixFile)) {
        throw new InconsistentPath(
          `The notebook name "${name}" was expected to start with the prefix "${prefixFile}".`
        );
      }
      name = name.slice(prefixFile.length);
    }

    if (prefixDir) {
      // Walk up the expected folders from the innermost one.
      let remaining = prefixDir;
      let parent = dir;
      const walked: string[] = [];
      while (remaining) {
        let expected: string;
        [remaining, expected] = split(remaining);
        if (expected === '..') {
          const folder = walked.pop();
          if (folder === undefined) {
            throw new InconsistentPath(
              `The notebook folder "${dir}" does not match the prefix "${prefixDir}".`
            );
          }
          parent = joinPath(parent, folder);
        } else {
          let actual: string;
          [parent, actual] = split(parent);
          walked.push(actual);
          if (actual !== expected) {
            throw new InconsistentPath(
              `The notebook folder "${dir}" does not match the prefix "${prefixDir}".`
            );
          }
        }
      }
      dir = parent;
    }

    if (prefixRoot) {
      const needle = '/' + prefixRoot + '/';
      const haystack = '/' + dir + '/';
      const at = haystack.lastIndexOf(needle);
      if (at < 0) {
        throw new InconsistentPath(
          `The notebook folder "${dir}" does not match the prefix root ` +
            `"${prefixRoot}": the notebook must be inside a "${prefixRoot}" folder.`
        );
      }
      const left = haystack.slice(0, at);
      const right = haystack.slice(at + needle.length);
      // `left` and `right` around a `//` marker, without the outer slashes.
      dir = (left + '///' + right).slice(1, -1);
    }

    return dir ? dir + '/' + name : name;
  }

  /** The path of the notebook in a format, from its base path. */
  export function fullPath(base: string, format: IFormat): string {
    const { extension, prefix, suffix } = format;
    let full = base;
    if (prefix) {
      const { prefixRoot, prefixDir, prefixFile } = splitPrefix(prefix);
      if (Boolean(prefixRoot) !== base.includes('//')) {
        throw new InconsistentPath(
          `The notebook base name "${base}" does not fit the format ` +
            `"${formatToString(format)}": use prefix roots in either none, ` +
            'or all of the paired formats.'
        );
      }
      let dir: string;
      let name: string;
      if (prefixRoot) {
        const at = base.lastIndexOf('//');
        const [rightDir, rightName] = split(base.slice(at + 2));
        dir = base.slice(0, at) + prefixRoot + '/' + rightDir;
        name = rightName;
      } else {
        [dir, name] = split(base);
      }
      name = prefixFile + name;
      if (prefixDir) {
        let relative = prefixDir;
        while (relative.startsWith('../')) {
          relative = relative.slice(3);
          dir = split(dir)[0];
        }
        if (dir && !dir.endsWith('/')) {
          dir += '/';
        }
        dir += relative;
      }
      if (dir && !dir.endsWith('/')) {
        dir += '/';
      }
      full = dir + name;
    }
    return full + (suffix ?? '') + extension;
  }

  /** Whether a relative path's `..` segments climb above its root. */
  export function isOutsideRoot(path: string): boolean {
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

  /** A prefix's root (before `//`), folder and file-name prefix. */
  function splitPrefix(prefix: string): {
    prefixRoot: string;
    prefixDir: string;
    prefixFile: string;
  } {
    let prefixRoot = '';
    let rest = prefix;
    const at = prefix.lastIndexOf('//');
    if (at >= 0) {
      prefixRoot = prefix.slice(0, at);
      rest = prefix.slice(at + 2);
    }
    const [prefixDir, prefixFile] = split(rest);
    return { prefixRoot, prefixDir, prefixFile };
  }

  /** A path's folder and last component (the folder is '' if none). */
  function split(path: string): [string, string] {
    const at = path.lastIndexOf('/');
    return at < 0 ? ['', path] : [path.slice(0, at), path.slice(at + 1)];
  }
}
