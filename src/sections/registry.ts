/**
 * The set of sections the panel shows: built-in, added by other extensions,
 * declared in settings, and read from JupyterLab's metadata forms; ordered
 * by rank, with the reason for every section that cannot be shown.
 * No JupyterLab imports.
 */
import {
  type PartialJSONObject,
  type ReadonlyJSONObject
} from '@lumino/coreutils';
import { DisposableDelegate, type IDisposable } from '@lumino/disposable';
import { type ISignal, Signal } from '@lumino/signaling';
import type { RJSFSchema } from '@rjsf/utils';

import {
  getPath,
  type MetadataPath,
  overlaps,
  parseFieldName,
  toPointer,
  unescapeToken
} from '../pointer';
import type {
  IMessage,
  IMetadataProblem,
  IMetadataSection,
  INotebookMetadataSections
} from '../tokens';
import { formValidator, readableErrors } from '../validation';
import { isObject, sameValue } from '../json';

/** Where a section comes from; earlier origins win conflicts. */
export type SectionOrigin =
  'builtin' | 'extension' | 'settings' | 'metadataforms';

/** One field of a section. */
export interface ISectionField {
  /** Its name in the section's schema. */
  readonly name: string;
  /** Where it lives in the metadata. */
  readonly path: MetadataPath;
  /** Its schema. */
  readonly schema: RJSFSchema;
}

/**
 * A section as the registry holds it.
 */
export interface ISectionEntry {
  /** The section. */
  readonly section: IMetadataSection;
  /** Where it comes from. */
  readonly origin: SectionOrigin;
  /** Its fields (empty when its schema cannot be read). */
  readonly fields: ReadonlyArray<ISectionField>;
  /** Why it cannot be shown; empty when it is fine. */
  readonly problems: ReadonlyArray<IMessage>;
  /** Whether settings hide it. */
  readonly hidden: boolean;
  /** Whether it is shown and edits its fields (not hidden, no problems). */
  readonly active: boolean;
}

/** The rank of a section that gives none. */
export const DEFAULT_RANK = 100;

/**
 * The panel's sections.
 *
 * A section that cannot be shown keeps an entry with its problems, so the
 * panel can say which section is wrong and why; the other sections keep
 * working. When two sections claim overlapping fields, the one of the
 * earlier origin (built-in, extension, settings, metadata forms) or, within
 * one origin, the one added first keeps them.
 */
export class SectionRegistry implements INotebookMetadataSections {
  /** Emitted when sections are added, removed, hidden or shown. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /** Every section added, ordered for display, problems included. */
  get entries(): ReadonlyArray<ISectionEntry> {
    return this._entries;
  }

  /** The sections shown, in order. */
  get sections(): ReadonlyArray<IMetadataSection> {
    return this._entries.filter(e => e.active).map(e => e.section);
  }

  /** The ids of the sections settings hide. */
  get hidden(): ReadonlySet<string> {
    return this._hidden;
  }

  /**
   * Add a section (from another extension, unless said otherwise).
   *
   * @returns a handle that removes the section again.
   */
  add(
    section: IMetadataSection,
    origin: SectionOrigin = 'extension'
  ): IDisposable {
    const added: Private.IAdded = {
      section,
      origin,
      order: Private.nextOrder(),
      checked: Private.check(section)
    };
    this._added.push(added);
    this._update();
    return new DisposableDelegate(() => {
      const index = this._added.indexOf(added);
      if (index >= 0) {
        this._added.splice(index, 1);
        this._update();
      }
    });
  }

  /** Hide the sections with these ids (and show every other one). */
  setHidden(ids: Iterable<string>): void {
    const next = new Set(ids);
    if (
      next.size === this._hidden.size &&
      [...next].every(id => this._hidden.has(id))
    ) {
      return;
    }
    this._hidden = next;
    this._update();
  }

  /**
   * The shown section that edits a top-level key as a whole, if any (its
   * key is then not a custom key).
   */
  ownerOfKey(key: string): ISectionEntry | null {
    return this._keyOwners.get(key) ?? null;
  }

  /** The shown sections with a field inside a top-level key. */
  sectionsInside(key: string): ISectionEntry[] {
    return this._entries.filter(
      entry =>
        entry.active &&
        entry.fields.some(
          field => field.path[0] === key && field.path.length > 1
        )
    );
  }

  /**
   * The problems of a write, from `before` to `after`, of the given
   * top-level keys: every changed field of a shown section is checked
   * against its schema and the section's own checks. Fields the write does
   * not change are not checked, so a value that was already invalid does not
   * block edits of other values.
   */
  validate(
    before: Readonly<PartialJSONObject>,
    after: Readonly<PartialJSONObject>,
    keys: ReadonlyArray<string>
  ): IMetadataProblem[] {
    const problems: IMetadataProblem[] = [];
    const written = new Set(keys);
    for (const entry of this._entries) {
      if (!entry.active) {
        continue;
      }
      const changed = entry.fields.filter(
        field =>
          written.has(field.path[0]) &&
          !sameValue(getPath(before, field.path), getPath(after, field.path))
      );
      if (changed.length > 0) {
        problems.push(...Private.validateEntry(entry, before, after, changed));
      }
    }
    return problems;
  }

  /** Recompute the entries after a change, then tell the views. */
  private _update(): void {
    const byPriority = [...this._added].sort(
      (a, b) =>
        Private.ORIGINS.indexOf(a.origin) - Private.ORIGINS.indexOf(b.origin) ||
        a.order - b.order
    );
    const ids = new Map<string, Private.IAdded>();
    const claimed: Array<{
      path: MetadataPath;
      name: string;
      by: Private.IAdded;
    }> = [];
    const results = new Map<Private.IAdded, ISectionEntry>();
    for (const added of byPriority) {
      const { section, checked } = added;
      const problems = [...checked.problems];
      const hidden = this._hidden.has(section.id);
      const owner = ids.get(section.id);
      if (owner) {
        problems.push({
          message: 'Another section already has the id "%1" ("%2").',
          args: [section.id, owner.section.label]
        });
      } else {
        ids.set(section.id, added);
      }
      if (problems.length === 0 && !hidden) {
        for (const field of checked.fields) {
          const clash = claimed.find(c => overlaps(c.path, field.path));
          if (clash) {
            problems.push({
              message:
                'Its field "%1" overlaps the field "%2" of the section "%3", which edits it.',
              args: [field.name, clash.name, clash.by.section.label]
            });
          }
        }
        if (problems.length === 0) {
          for (const field of checked.fields) {
            claimed.push({ path: field.path, name: field.name, by: added });
          }
        }
      }
      results.set(added, {
        section,
        origin: added.origin,
        fields: checked.fields,
        problems,
        hidden,
        active: !hidden && problems.length === 0
      });
    }
    this._entries = [...this._added]
      .sort(
        (a, b) =>
          (a.section.rank ?? DEFAULT_RANK) - (b.section.rank ?? DEFAULT_RANK) ||
          a.order - b.order
      )
      .map(added => results.get(added)!);
    this._keyOwners = new Map();
    for (const entry of this._entries) {
      if (entry.active) {
        for (const field of entry.fields) {
          if (field.path.length === 1) {
            this._keyOwners.set(field.path[0], entry);
          }
        }
      }
    }
    this._changed.emit();
  }

  private _added: Private.IAdded[] = [];
  private _entries: ISectionEntry[] = [];
  private _keyOwners = new Map<string, ISectionEntry>();
  private _hidden = new Set<string>();
  private _changed = new Signal<this, void>(this);
}

/**
 * Module-private helpers.
 */
namespace Private {
  /** Origins, earliest (strongest) first. */
  export const ORIGINS: SectionOrigin[] = [
    'builtin',
    'extension',
    'settings',
    'metadataforms'
  ];

  let order = 0;

  /** A number that grows with every section added. */
  export function nextOrder(): number {
    order += 1;
    return order;
  }

  /** What a section's own check found. */
  export interface IChecked {
    fields: ISectionField[];
    problems: IMessage[];
  }

  /** A section as added. */
  export interface IAdded {
    section: IMetadataSection;
    origin: SectionOrigin;
    order: number;
    checked: IChecked;
  }

  /**
   * The fields of a section, or what is wrong with it: its id, label, rank
   * and schema, each field's name, and whether the schema compiles.
   */
  export function check(section: IMetadataSection): IChecked {
    const problems: IMessage[] = [];
    const fields: ISectionField[] = [];
    if (typeof section.id !== 'string' || section.id.trim() === '') {
      problems.push({ message: 'It has no id.' });
    }
    if (typeof section.label !== 'string' || section.label.trim() === '') {
      problems.push({ message: 'It has no label.' });
    }
    if (
      section.rank !== undefined &&
      (typeof section.rank !== 'number' || !Number.isFinite(section.rank))
    ) {
      problems.push({ message: 'Its rank is not a number.' });
    }
    const schema = section.schema as unknown;
    if (!isObject(schema)) {
      problems.push({ message: 'Its schema is not an object.' });
      return { fields, problems };
    }
    if (schema.type !== undefined && schema.type !== 'object') {
      problems.push({
        message: 'Its schema must be of type "object", not %1.',
        args: [JSON.stringify(schema.type)]
      });
    }
    const properties = schema.properties;
    if (!isObject(properties) || Object.keys(properties).length === 0) {
      problems.push({
        message: 'Its schema has no "properties": it edits no field.'
      });
      return { fields, problems };
    }
    for (const [name, fieldSchema] of Object.entries(properties)) {
      const parsed = parseFieldName(name);
      if (!parsed.ok) {
        problems.push({ message: '%1', args: [parsed.message] });
        continue;
      }
      if (!isObject(fieldSchema) && typeof fieldSchema !== 'boolean') {
        problems.push({
          message: 'The schema of its field "%1" is not an object.',
          args: [name]
        });
        continue;
      }
      const inner = fields.find(f => overlaps(f.path, parsed.path));
      if (inner) {
        problems.push({
          message: 'Its fields "%1" and "%2" overlap.',
          args: [inner.name, name]
        });
        continue;
      }
      fields.push({
        name,
        path: parsed.path,
        schema: fieldSchema as RJSFSchema
      });
    }
    if (section.uiSchema !== undefined && !isObject(section.uiSchema)) {
      problems.push({ message: 'Its uiSchema is not an object.' });
    }
    if (problems.length === 0) {
      const { validationError } = formValidator.rawValidation(
        schema as RJSFSchema,
        {}
      );
      if (validationError) {
        problems.push({
          message: 'Its schema is not a valid JSON schema: %1',
          args: [validationError.message]
        });
      }
    }
    return { fields: problems.length === 0 ? fields : [], problems };
  }

  /**
   * The problems of the changed fields of a section, in the state `after`.
   * A problem is reported only where the write changes the value: a value
   * that was already invalid, next to the one written, blocks nothing.
   */
  export function validateEntry(
    entry: ISectionEntry,
    before: Readonly<PartialJSONObject>,
    after: Readonly<PartialJSONObject>,
    changed: ISectionField[]
  ): IMetadataProblem[] {
    const values: PartialJSONObject = {};
    for (const field of entry.fields) {
      const value = getPath(after, field.path);
      if (value !== undefined) {
        values[field.name] = value;
      }
    }
    const changedNames = new Set(changed.map(f => f.name));
    const isChanged = (path: MetadataPath) =>
      !sameValue(getPath(before, path), getPath(after, path));
    const problems: IMetadataProblem[] = [];
    const { errors } = formValidator.rawValidation(
      entry.section.schema as RJSFSchema,
      values as ReadonlyJSONObject
    );
    for (const error of readableErrors(errors ?? [])) {
      const parts = error.instancePath
        .split('/')
        .slice(1)
        .map((part: string) => unescapeToken(part));
      const params = (error.params ?? {}) as Record<string, unknown>;
      // Where the problem is: the missing or extra member, if it is one.
      const member =
        error.keyword === 'required'
          ? params.missingProperty
          : error.keyword === 'additionalProperties'
            ? params.additionalProperty
            : undefined;
      const at = typeof member === 'string' ? [...parts, member] : parts;
      const field = entry.fields.find(f => f.name === at[0]);
      if (!field || !changedNames.has(field.name)) {
        continue;
      }
      const path = [...field.path, ...at.slice(1)];
      if (!isChanged(path)) {
        continue;
      }
      const pointer = toPointer(path);
      problems.push(
        error.keyword === 'required'
          ? { path: pointer, message: '"%1" is required.', args: [pointer] }
          : {
              path: pointer,
              message: '%1 ' + (error.message ?? 'is invalid'),
              args: [pointer]
            }
      );
    }
    if (entry.section.validate) {
      for (const problem of entry.section.validate(values)) {
        const parsed = parseFieldName(problem.path || '/');
        if (!parsed.ok || isChanged(parsed.path)) {
          problems.push(problem);
        }
      }
    }
    return problems;
  }
}

/** A section's stored values, by field name (fields with no value left out). */
export function storedValues(
  entry: ISectionEntry,
  metadata: Readonly<PartialJSONObject>
): PartialJSONObject {
  const values: PartialJSONObject = {};
  for (const field of entry.fields) {
    const value = getPath(metadata, field.path);
    if (value !== undefined) {
      values[field.name] = value;
    }
  }
  return values;
}
