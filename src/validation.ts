/**
 * The JSON-schema validator of the panel: the rjsf validator JupyterLab
 * itself ships and shares (ajv 8), for the section forms and for every
 * write.
 */
import type { ReadonlyJSONObject } from '@lumino/coreutils';
import { customizeValidator } from '@rjsf/validator-ajv8';

/** The validator the forms and the section registry use. */
export const formValidator = customizeValidator<ReadonlyJSONObject>();

/** What the panel reads of a validation error (ajv's or rjsf's). */
interface IErrorLike {
  /** Where, as a JSON pointer (ajv) or a dotted path (rjsf). */
  location: string;
  /** The failed keyword. */
  keyword: string;
  /** The keyword's parameters. */
  params?: unknown;
}

/**
 * Errors as people read them: the several errors ajv gives for one value
 * outside a list of choices (one `const` error per option of a `oneOf`,
 * then the `oneOf` itself; or an `enum` error) become one error saying
 * which values are allowed. Other errors are kept as they are.
 */
export function readableErrors<T>(
  errors: ReadonlyArray<T>,
  read: (error: T) => IErrorLike = error => ({
    location: (error as any).instancePath,
    keyword: (error as any).keyword,
    params: (error as any).params
  }),
  make: (first: T, message: string) => T = (first, message) =>
    ({ ...first, keyword: 'enum', message }) as T
): T[] {
  const CHOICE = ['const', 'enum', 'oneOf', 'anyOf'];
  const choices = new Map<string, { first: T; allowed: unknown[] }>();
  for (const error of errors) {
    const { location, keyword, params } = read(error);
    if (!CHOICE.includes(keyword)) {
      continue;
    }
    const group = choices.get(location) ?? { first: error, allowed: [] };
    const p = (params ?? {}) as Record<string, unknown>;
    if (keyword === 'const' && 'allowedValue' in p) {
      group.allowed.push(p.allowedValue);
    } else if (keyword === 'enum' && Array.isArray(p.allowedValues)) {
      group.allowed.push(...p.allowedValues);
    }
    choices.set(location, group);
  }
  const result: T[] = [];
  const done = new Set<string>();
  for (const error of errors) {
    const { location, keyword } = read(error);
    const group = choices.get(location);
    if (!group || !CHOICE.includes(keyword)) {
      result.push(error);
    } else if (!done.has(location)) {
      done.add(location);
      result.push(
        make(
          group.first,
          group.allowed.length > 0
            ? `must be one of: ${group.allowed.map(v => JSON.stringify(v)).join(', ')}`
            : 'must be one of the allowed values'
        )
      );
    }
  }
  return result;
}
