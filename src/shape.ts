/**
 * Whether a value read from a notebook has the shape a JSON schema gives it,
 * and where it does not: the types of the value and of everything inside
 * it (other constraints are validation's business). No JupyterLab imports.
 */
import { isObject } from './json';

/** Where a value first differs in type from its schema, and what was expected. */
export interface IMisshapen {
  /** The path inside the value (empty: the value itself). */
  path: string[];
  /** The types the schema allows there (`object`, `array`, `string`…). */
  expected: string[];
}

/**
 * Where a value does not have the types its schema gives (an object or list
 * where the schema wants another type, a scalar where it wants an object or
 * list), anywhere inside, or null. A form could not show such a value as it
 * is, so it is shown as JSON instead.
 */
export function misshapenAt(
  schema: unknown,
  value: unknown
): IMisshapen | null {
  if (value === undefined || !isObject(schema)) {
    return null;
  }
  const types = allowedTypes(schema.type);
  if (types && !types.some(type => hasType(value, type))) {
    return { path: [], expected: types };
  }
  const inside = (key: string, itemSchema: unknown, item: unknown) => {
    const found = misshapenAt(itemSchema, item);
    return found
      ? { path: [key, ...found.path], expected: found.expected }
      : null;
  };
  if (isObject(value)) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    for (const key of Object.keys(value)) {
      const found = inside(
        key,
        Object.prototype.hasOwnProperty.call(properties, key)
          ? properties[key]
          : schema.additionalProperties,
        value[key]
      );
      if (found) {
        return found;
      }
    }
  }
  if (Array.isArray(value) && isObject(schema.items)) {
    for (let index = 0; index < value.length; index++) {
      const found = inside(String(index), schema.items, value[index]);
      if (found) {
        return found;
      }
    }
  }
  return null;
}

/**
 * The path of the first key, anywhere in a value, named like a member of
 * every JavaScript object (`toString`, `valueOf`, `hasOwnProperty`…), or
 * null. rjsf looks fields up with `in`, takes such a key for a field of the
 * schema and draws nothing for it, so such a value is shown as JSON.
 */
export function objectMemberKeyAt(value: unknown): string[] | null {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = objectMemberKeyAt(value[index]);
      if (found) {
        return [String(index), ...found];
      }
    }
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      if (key in Object.prototype) {
        return [key];
      }
      const found = objectMemberKeyAt(value[key]);
      if (found) {
        return [key, ...found];
      }
    }
  }
  return null;
}

/** "an object", "a list", "a string or null"… for a list of JSON types. */
export function describeTypes(types: string[]): string {
  const names: Record<string, string> = {
    object: 'an object',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    integer: 'an integer',
    boolean: 'true or false',
    null: 'null'
  };
  return types.map(type => names[type] ?? type).join(' or ');
}

function allowedTypes(type: unknown): string[] | null {
  if (typeof type === 'string') {
    return [type];
  }
  if (Array.isArray(type) && type.every(t => typeof t === 'string')) {
    return type as string[];
  }
  return null;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return true;
  }
}
