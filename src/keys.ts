/**
 * Rules for the notebook's top-level metadata keys: names of custom keys,
 * and JSON text. No JupyterLab imports.
 */
import { JSONExt, type PartialJSONValue } from '@lumino/coreutils';
import { isObject } from './json';
import { escapeToken } from './pointer';
import type { IMessage } from './tokens';

/** Serialised values longer than this are shown collapsed until asked for. */
export const LARGE_VALUE_CHARS = 2000;

/**
 * The custom keys of a metadata object, in their order: every key no
 * section edits as a whole (`sectionOf` names that section, if any).
 */
export function customKeys(
  metadata: Record<string, unknown>,
  sectionOf: (key: string) => string | null = () => null
): string[] {
  return Object.keys(metadata).filter(key => sectionOf(key) === null);
}

/**
 * Check the name of a custom key; `current` is the key being renamed, if
 * any, and `sectionOf` names the section that edits a key, if one does.
 */
export function checkKeyName(
  name: string,
  existing: ReadonlyArray<string>,
  current?: string,
  sectionOf: (key: string) => string | null = () => null
): IMessage | null {
  if (name.length === 0) {
    return { message: 'A key needs a name.' };
  }
  if (name.trim() !== name) {
    return { message: 'A key name cannot start or end with a space.' };
  }
  if (name === '__proto__') {
    return { message: UNKEEPABLE_NAME, args: [name] };
  }
  const section = sectionOf(name);
  if (section !== null) {
    return {
      message: '"%1" is edited in its own section (%2).',
      args: [name, section]
    };
  }
  if (name !== current && existing.includes(name)) {
    return { message: 'A key named "%1" already exists.', args: [name] };
  }
  return null;
}

/** Why a key named `__proto__` is refused. */
const UNKEEPABLE_NAME =
  'JupyterLab cannot keep a key named "%1": it would be lost when the notebook is read or saved.';

/**
 * Why JupyterLab's notebook model cannot keep a value as it is, or null;
 * `at` is the value's JSON pointer, for the message.
 *
 * - A key named `__proto__`, anywhere: JupyterLab copies metadata with plain
 *   assignments, which turn it into the copy's prototype; the key is lost
 *   and its content merged into the object holding it.
 * - A key named `constructor` on the first level of an object: the notebook's
 *   shared model (Yjs) tells values apart by their `constructor` and throws
 *   on anything else ("Unexpected content type").
 */
export function unkeepableValue(value: unknown, at = ''): IMessage | null {
  if (
    isObject(value) &&
    Object.prototype.hasOwnProperty.call(value, 'constructor')
  ) {
    return {
      message:
        'JupyterLab cannot store an object with a key named "constructor" on its first level (%1); put it one level deeper.',
      args: [at || '/']
    };
  }
  const found = findKey(value, '__proto__', at);
  return found === null ? null : { message: UNKEEPABLE_NAME_AT, args: [found] };
}

const UNKEEPABLE_NAME_AT =
  'JupyterLab cannot keep a key named "__proto__" (at %1): it would be lost when the notebook is read or saved.';

/** The JSON pointer of the first key named `name` inside a value, or null. */
function findKey(value: unknown, name: string, at: string): string | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findKey(value[i], name, `${at}/${i}`);
      if (found !== null) {
        return found;
      }
    }
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      const here = `${at}/${escapeToken(key)}`;
      if (key === name) {
        return here;
      }
      const found = findKey(value[key], name, here);
      if (found !== null) {
        return found;
      }
    }
  }
  return null;
}

/**
 * What a reader of a key name would not see in it, or null: that it is
 * empty or blank, that it starts or ends with spaces, or the code points of
 * characters that are invisible or turn the text around (zero-width and
 * bidirectional controls, line breaks, tabs and other unusual spaces).
 */
export function hiddenInName(name: string): IMessage | null {
  if (name.length === 0) {
    return { message: 'This key has an empty name.' };
  }
  const hidden = new Set<string>();
  for (const char of name) {
    if (
      /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}]/u.test(char) ||
      (/\p{Zs}/u.test(char) && char !== ' ')
    ) {
      hidden.add(
        'U+' + char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
      );
    }
  }
  if (hidden.size > 0) {
    return {
      message: 'The name of this key holds characters you cannot see: %1.',
      args: [[...hidden].join(', ')]
    };
  }
  if (name.trim() !== name) {
    return {
      message:
        name.trim() === ''
          ? 'The name of this key is only spaces.'
          : 'The name of this key starts or ends with spaces.'
    };
  }
  return null;
}

/** The outcome of reading JSON text. */
export type JSONParseResult =
  { ok: true; value: PartialJSONValue } | { ok: false; problem: IMessage };

/** Read JSON text, with a message that says where it went wrong. */
export function parseJSON(text: string): JSONParseResult {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { ok: false, problem: { message: 'Enter a JSON value.' } };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: Private.jsonProblem(text, trimmed, reason) };
  }
}

/**
 * Where JSON text stops being JSON: the offset of the first character a
 * JSON parser refuses (the text's length when it ends too early), or null
 * when it is JSON. A scanner of JSON's grammar, so that the place is known
 * whatever the browser's parser says.
 */
export function jsonErrorOffset(text: string): number | null {
  let at = 0;
  const fail = (): never => {
    throw at;
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) {
      at++;
    }
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[at] !== char) {
        fail();
      }
      at++;
    }
  };
  const string = () => {
    at++;
    while (at < text.length && text[at] !== '"') {
      const char = text[at];
      if (char < ' ') {
        fail();
      }
      if (char === '\\') {
        at++;
        if (text[at] === 'u') {
          for (let i = 1; i <= 4; i++) {
            if (!/[0-9a-fA-F]/.test(text[at + i] ?? '')) {
              at += i;
              fail();
            }
          }
          at += 4;
        } else if (
          !'"\\/bfnrt'.includes(text[at] ?? 'x') ||
          at >= text.length
        ) {
          fail();
        }
      }
      at++;
    }
    if (at >= text.length) {
      fail();
    }
    at++;
  };
  const number = () => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(
      text.slice(at, at + 400)
    );
    if (!match || match[0] === '' || match[0] === '-') {
      fail();
    }
    at += match![0].length;
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{') {
      at++;
      space();
      if (text[at] === '}') {
        at++;
        return;
      }
      for (;;) {
        space();
        if (text[at] !== '"') {
          fail();
        }
        string();
        space();
        if (text[at] !== ':') {
          fail();
        }
        at++;
        value();
        space();
        if (text[at] === ',') {
          at++;
        } else if (text[at] === '}') {
          at++;
          return;
        } else {
          fail();
        }
      }
    } else if (char === '[') {
      at++;
      space();
      if (text[at] === ']') {
        at++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[at] === ',') {
          at++;
        } else if (text[at] === ']') {
          at++;
          return;
        } else {
          fail();
        }
      }
    } else if (char === '"') {
      string();
    } else if (char === 't') {
      literal('true');
    } else if (char === 'f') {
      literal('false');
    } else if (char === 'n') {
      literal('null');
    } else {
      number();
    }
  };
  try {
    value();
    space();
    return at < text.length ? at : null;
  } catch (offset) {
    return offset as number;
  }
}

/** Whether JSON text is the JSON of `value`. */
export function sameJSON(text: string, value: unknown): boolean {
  const parsed = parseJSON(text);
  return (
    parsed.ok &&
    value !== undefined &&
    JSONExt.deepEqual(parsed.value, value as PartialJSONValue)
  );
}

/** JSON text of a value as the editor shows it. */
export function formatJSON(value: unknown): string {
  // A short value on one line (`["regression"]`), a longer one indented.
  const line = JSON.stringify(value);
  return line !== undefined && line.length <= SHORT_JSON_CHARS
    ? line
    : JSON.stringify(value, null, 2);
}

/** JSON up to this length is shown on one line. */
const SHORT_JSON_CHARS = 40;

/**
 * A short description of a value, cheap even for very large values:
 * its type and, for objects and arrays, its number of entries.
 */
export function describeValue(value: unknown): IMessage {
  if (Array.isArray(value)) {
    return { message: 'list of %1 items', args: [String(value.length)] };
  }
  if (value !== null && typeof value === 'object') {
    return {
      message: 'object with %1 keys',
      args: [String(Object.keys(value).length)]
    };
  }
  return { message: '%1', args: [JSON.stringify(value) ?? ''] };
}

/**
 * Whether a value may be large enough to show collapsed. Walks the value
 * only until the limit is reached, so it stays cheap for huge values.
 */
export function isLargeValue(
  value: unknown,
  limit = LARGE_VALUE_CHARS
): boolean {
  let budget = limit;
  const visit = (node: unknown): boolean => {
    if (budget < 0) {
      return true;
    }
    if (Array.isArray(node)) {
      budget -= 2 + node.length;
      return node.some(visit);
    }
    if (node !== null && typeof node === 'object') {
      for (const key in node) {
        budget -= key.length + 4;
        if (visit((node as Record<string, unknown>)[key])) {
          return true;
        }
      }
      return budget < 0;
    }
    budget -= typeof node === 'string' ? node.length + 2 : 8;
    return budget < 0;
  };
  return visit(value);
}

/**
 * Module-private helpers.
 */
namespace Private {
  /**
   * What is wrong with text that is not JSON, in words: bare text needs
   * quotes; otherwise where the parser stopped (line and column), rather
   * than the parser's own message.
   */
  export function jsonProblem(
    text: string,
    trimmed: string,
    reason: string
  ): IMessage {
    if (
      /^[^\s"{}[\]0-9.,:-]/.test(trimmed) &&
      !/^(true|false|null)\b/.test(trimmed)
    ) {
      return {
        message: 'Invalid JSON: text needs double quotes, e.g. %1.',
        args: [
          JSON.stringify(
            trimmed.length > 20 ? trimmed.slice(0, 20) + '…' : trimmed
          )
        ]
      };
    }
    const offset = jsonErrorOffset(text);
    if (offset !== null && offset < text.length) {
      const lines = text.slice(0, offset).split('\n');
      return {
        message: 'Invalid JSON at line %1, column %2.',
        args: [String(lines.length), String(lines[lines.length - 1].length + 1)]
      };
    }
    if (/end of (JSON|data)/i.test(reason)) {
      return {
        message:
          'Invalid JSON: it ends before a quote, list or object is closed.'
      };
    }
    return { message: 'Invalid JSON.' };
  }
}
