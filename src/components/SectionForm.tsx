import type { TranslationBundle } from '@jupyterlab/translation';
import { FormComponent } from '@jupyterlab/ui-components';
import {
  JSONExt,
  type PartialJSONObject,
  type PartialJSONValue,
  type ReadonlyJSONObject
} from '@lumino/coreutils';
import type { IChangeEvent } from '@rjsf/core';
import type {
  FormValidation,
  RJSFSchema,
  RJSFValidationError,
  UiSchema
} from '@rjsf/utils';
import React, { useMemo } from 'react';

import { translate } from '../messages';
import type { NotebookMetadataModel } from '../model';
import {
  getPath,
  isPrefix,
  type MetadataPath,
  parseFieldName,
  setPath,
  toPointer,
  unescapeToken
} from '../pointer';
import {
  type ISectionEntry,
  type ISectionField,
  storedValues
} from '../sections/registry';
import { misshapenAt, objectMemberKeyAt } from '../shape';
import type { IMetadataSection, ISectionFormContext } from '../tokens';
import { useUnapplied } from './draft';
import { useOwnedState } from './hooks';
import { withFieldTemplates } from './templates';
import { FieldMessage } from './Section';
import { readableErrors } from '../validation';
import {
  InvalidShapeField,
  JsonValueField,
  SECTION_FORM,
  SECTION_WIDGETS
} from './widgets';
import { isObject, sameValue } from '../json';

/**
 * Properties of a section's form.
 */
export interface ISectionFormProps {
  /** The section, as the registry holds it. */
  entry: ISectionEntry;
  /** The notebook's metadata. */
  model: NotebookMetadataModel;
  /** The metadata it shows (a new object after every change). */
  metadata: Readonly<PartialJSONObject>;
  /** Whether editing is off (read-only notebook). */
  disabled: boolean;
  /** Translations. */
  trans: TranslationBundle;
}

/**
 * The form of one section: JupyterLab's own `FormComponent` over the
 * section's schema, fed with the values of its fields.
 *
 * What the user changes is written field by field, leaf by leaf: only the
 * value the user touched reaches the notebook, through the metadata model,
 * which checks it first. A value rjsf would coerce (out of an enum, of the
 * wrong type, a default filled in) is never written by being shown. A
 * change that is not valid stays in the form, flagged, and is not written.
 */
export const SectionForm = React.memo(function SectionForm(
  props: ISectionFormProps
): JSX.Element {
  const { entry, model, metadata, disabled, trans } = props;
  const section = entry.section;
  const form = useMemo(() => Private.formOf(entry), [entry]);
  // Drafts and messages belong to the notebook shown: the form stays
  // mounted when another notebook is shown, they do not.
  const [pending, setPending] = useOwnedState<Private.IPending[]>(model, []);
  const [problems, setProblems] = useOwnedState<string[]>(model, []);
  // What the form holds that the notebook does not (a save says so).
  useUnapplied(
    model,
    pending.map(change => Private.labelOf(entry, change.path))
  );

  const stored = storedValues(entry, metadata);
  const formData = Private.shownData(entry.fields, stored, pending);
  const misshapen = entry.fields
    .filter(
      field =>
        misshapenAt(field.schema, stored[field.name]) !== null ||
        // Only rjsf's own fields trip over such keys.
        (form.uiSchema[field.name]?.['ui:field'] === undefined &&
          objectMemberKeyAt(stored[field.name]) !== null)
    )
    .map(field => field.name);
  const uiSchema = useMemo(
    () => Private.uiSchemaWith(form.uiSchema, misshapen),
    [form, misshapen.join('\n')]
  );
  const context = useMemo<ISectionFormContext>(
    () => ({
      notebook: model,
      kernel: model.kernel,
      section,
      disabled,
      trans,
      defaultFormData: Private.defaultsOf(entry),
      // JupyterLab's custom renderers write whole fields, by name.
      updateMetadata: (fields: PartialJSONObject) => {
        if (disabled) {
          return;
        }
        const found = Object.entries(fields).flatMap(([name, value]) => {
          const field = entry.fields.find(f => f.name === name);
          return field
            ? model.setField(
                toPointer(field.path),
                Private.unlessDefault(section, field, value)
              )
            : [];
        });
        setProblems(found.map(p => translate(trans, p)));
      }
    }),
    [model, entry, section, disabled, trans, setProblems]
  );

  const onChange = (event: IChangeEvent<ReadonlyJSONObject>, id?: string) => {
    if (id === undefined || disabled) {
      // Not the user's doing: rjsf filling in its own state.
      return;
    }
    const next = (event.formData ?? {}) as PartialJSONObject;
    const leaf = Private.changedLeaf(id, form.idPrefix, formData, next);
    if (!leaf) {
      return;
    }
    const field = entry.fields.find(f => f.name === leaf[0]);
    if (!field) {
      return;
    }
    // An item the form's own buttons add (a list item, a property) is a
    // draft, shown but not written, until the user gives it a valid value.
    const added = Private.addedPaths(leaf, formData, next, path =>
      pending.some(p => p.added && p.path.join('\n') === path.join('\n'))
    );
    if (added.length > 0) {
      setPending([
        ...pending.filter(p => !p.added || getPath(next, p.path) !== undefined),
        ...added.map(path => ({
          path,
          value: getPath(next, path) ?? null,
          added: true
        }))
      ]);
      return;
    }
    const draft = pending.find(p => p.added && isPrefix(p.path, leaf));
    if (draft) {
      const value = getPath(next, draft.path) ?? null;
      const rest = pending.filter(p => p !== draft);
      if (Private.hasErrorsAt(event.errorSchema, draft.path)) {
        setPending([...rest, { ...draft, value }]);
        return;
      }
      const target = toPointer([...field.path, ...draft.path.slice(1)]);
      const found = model.setField(target, value);
      setPending(found.length > 0 ? [...rest, { ...draft, value }] : rest);
      setProblems(found.map(p => translate(trans, p)));
      return;
    }
    const isField = leaf.length === 1;
    const leafValue = getPath(next, leaf);
    const value = isField
      ? Private.unlessDefault(section, field, leafValue)
      : leafValue;
    const target = toPointer([...field.path, ...leaf.slice(1)]);
    // Each change is its own undo step: fields commit their drafts once.
    const found = model.setField(target, value, {
      // Removing a nested field removes the objects it leaves empty.
      prune: isField && value === undefined
    });
    const rest = pending.filter(
      p => !isPrefix(p.path, leaf) && !isPrefix(leaf, p.path)
    );
    setPending(found.length > 0 ? [...rest, { path: leaf, value }] : rest);
    setProblems(found.map(p => translate(trans, p)));
  };

  const customValidate = section.validate
    ? (
        data: ReadonlyJSONObject | undefined,
        errors: FormValidation<ReadonlyJSONObject>
      ) => Private.addSectionProblems(entry, data ?? {}, errors, trans)
    : undefined;

  return (
    <div
      className="jp-NotebookMetadata-sectionForm"
      data-section-id={section.id}
    >
      {section.description && (
        <div className="jp-NotebookMetadata-description">
          {trans.__(section.description)}
        </div>
      )}
      <FormComponent
        schema={form.schema}
        uiSchema={uiSchema as any}
        widgets={form.widgets}
        fields={form.fields}
        formData={formData as ReadonlyJSONObject}
        formContext={context}
        {...SECTION_FORM}
        customValidate={customValidate}
        transformErrors={Private.readableFormErrors}
        disabled={disabled}
        idPrefix={form.idPrefix}
        onChange={onChange}
        onBlur={() => model.endEdit()}
      />
      {[...new Set(problems)].map(problem => (
        <FieldMessage kind="error" key={problem}>
          {problem}
        </FieldMessage>
      ))}
      {section.notes?.map((note, index) => (
        <FieldMessage kind="notice" key={index}>
          {note}
        </FieldMessage>
      ))}
    </div>
  );
}, sameSectionProps);

/** Re-render a section's form only when what it shows may have changed. */
function sameSectionProps(a: ISectionFormProps, b: ISectionFormProps): boolean {
  return (
    a.entry === b.entry &&
    a.model === b.model &&
    a.disabled === b.disabled &&
    a.trans === b.trans &&
    a.entry.fields.every(
      field => a.metadata[field.path[0]] === b.metadata[field.path[0]]
    )
  );
}

/**
 * Module-private helpers.
 */
namespace Private {
  /**
   * A field's value to write: none when it equals the field's default and
   * the section does not write defaults (as core's metadata forms do).
   */
  export function unlessDefault(
    section: IMetadataSection,
    field: ISectionField,
    value: PartialJSONValue | undefined
  ): PartialJSONValue | undefined {
    const writeDefault =
      section.fieldOptions?.[field.name]?.writeDefault ?? true;
    return !writeDefault &&
      value !== undefined &&
      field.schema.default !== undefined &&
      JSONExt.deepEqual(value, field.schema.default as PartialJSONValue)
      ? undefined
      : value;
  }

  /** The defaults of a section's fields, by name. */
  export function defaultsOf(entry: ISectionEntry): PartialJSONObject {
    const defaults: PartialJSONObject = {};
    for (const field of entry.fields) {
      if (field.schema.default !== undefined) {
        defaults[field.name] = field.schema.default as PartialJSONValue;
      }
    }
    return defaults;
  }

  /** A change the user made that could not be written. */
  /**
   * A value's label for the user: the section's, then its field's and its
   * parts' titles (names where the schema has none).
   */
  export function labelOf(entry: ISectionEntry, path: MetadataPath): string {
    const field = entry.fields.find(f => f.name === path[0]);
    let schema: any = field?.schema;
    const parts = [entry.section.label];
    parts.push(schema?.title ?? path[0]);
    for (const part of path.slice(1)) {
      schema = schema?.properties?.[part] ?? schema?.items;
      parts.push(schema?.title ?? part);
    }
    return parts.join(' › ');
  }

  export interface IPending {
    /** Where, in the form's data (field name first). */
    path: MetadataPath;
    /** The value the user gave. */
    value: PartialJSONValue | undefined;
    /** Whether it is an item the form added, not written until valid. */
    added?: boolean;
  }

  /**
   * The list items and object properties a change at `leaf` adds (the
   * form's Add buttons): paths, in the form's data, that `after` has and
   * `before` has not, just under `leaf`. A renamed property is added only
   * when the property it was is a draft itself (`isDraft`).
   */
  export function addedPaths(
    leaf: string[],
    before: PartialJSONObject,
    after: PartialJSONObject,
    isDraft: (path: string[]) => boolean
  ): string[][] {
    const old = getPath(before, leaf);
    const now = getPath(after, leaf);
    if (Array.isArray(now)) {
      const length = Array.isArray(old) ? old.length : 0;
      return now.length > length
        ? now.slice(length).map((_, i) => [...leaf, String(length + i)])
        : [];
    }
    if (isObject(now) && isObject(old)) {
      const renamed = Object.keys(old).filter(
        key => !Object.prototype.hasOwnProperty.call(now, key)
      );
      if (renamed.some(key => !isDraft([...leaf, key]))) {
        return [];
      }
      return Object.keys(now)
        .filter(key => !Object.prototype.hasOwnProperty.call(old, key))
        .map(key => [...leaf, key]);
    }
    return [];
  }

  /** Whether rjsf's error schema has errors at `path` or under it. */
  export function hasErrorsAt(
    errorSchema: unknown,
    path: MetadataPath
  ): boolean {
    let node: unknown = errorSchema;
    for (const part of path) {
      if (!isObject(node)) {
        return false;
      }
      node = node[part];
    }
    const visit = (value: unknown): boolean =>
      isObject(value) &&
      Object.entries(value).some(([key, child]) =>
        key === '__errors'
          ? Array.isArray(child) && child.length > 0
          : visit(child)
      );
    return visit(node);
  }

  /** What a section's form is drawn from, made once per section. */
  export interface IForm {
    schema: RJSFSchema;
    uiSchema: UiSchema;
    widgets: NonNullable<ISectionEntry['section']['widgets']>;
    fields: NonNullable<ISectionEntry['section']['fields']>;
    idPrefix: string;
  }

  /**
   * rjsf's errors, put at their fields and readable: rjsf makes the path of
   * an error from its JSON pointer by turning "/" into ".", which loses
   * fields named by a pointer (`/toc/base_numbering` becomes
   * `.~1toc~1base_numbering`); the path is rewritten as quoted keys. Several
   * errors of one value out of its choices become one.
   */
  export function readableFormErrors(
    errors: RJSFValidationError[]
  ): RJSFValidationError[] {
    const placed = errors.map(error => {
      const property = error.property ?? '';
      if (property === '' || property === '.') {
        return error;
      }
      const keys = property
        .split('.')
        .slice(1)
        .map(part => unescapeToken(part));
      return {
        ...error,
        property: keys.map(key => `[${JSON.stringify(key)}]`).join('')
      };
    });
    return readableErrors(
      placed,
      error => ({
        location: error.property ?? '',
        keyword: error.name ?? '',
        params: error.params
      }),
      (first, message) => ({
        ...first,
        name: 'enum',
        message,
        stack: `${first.property ?? ''} ${message}`.trim()
      })
    );
  }

  /** The form of a section. */
  export function formOf(entry: ISectionEntry): IForm {
    const section = entry.section;
    // The section's heading names it: the form repeats neither its title
    // nor its description.
    const schema: RJSFSchema = { ...section.schema, type: 'object' };
    delete schema.title;
    delete schema.description;
    return {
      schema,
      uiSchema: withFieldTemplates(
        schema,
        withJsonExtras(schema, section.uiSchema ?? {})
      ),
      widgets: { ...SECTION_WIDGETS, ...section.widgets },
      fields: {
        invalidShape: InvalidShapeField,
        jsonValue: JsonValueField,
        ...section.fields
      },
      idPrefix: `jp-NotebookMetadata-${idPart(section.id)}`
    };
  }

  /**
   * The uiSchema, with the values no schema describes (an object's
   * `additionalProperties`, e.g. a kernelspec's `env` or `argv`) drawn as
   * JSON: rjsf guesses a schema from such a value and cannot draw a list
   * without `items`. Fields a section draws itself are left to it.
   */
  export function withJsonExtras(
    schema: unknown,
    uiSchema: UiSchema
  ): UiSchema {
    if (!isObject(schema) || uiSchema['ui:field'] !== undefined) {
      return uiSchema;
    }
    const next: UiSchema = { ...uiSchema };
    if (isObject(schema.properties)) {
      for (const [name, property] of Object.entries(schema.properties)) {
        const inner = withJsonExtras(property, uiSchema[name] ?? {});
        if (Object.keys(inner).length > 0) {
          next[name] = inner;
        }
      }
    }
    const extras = schema.additionalProperties;
    if (extras === true || (isObject(extras) && extras.type === undefined)) {
      next.additionalProperties = {
        'ui:field': 'jsonValue',
        ...(uiSchema.additionalProperties ?? {})
      };
    }
    if (isObject(schema.items)) {
      const inner = withJsonExtras(schema.items, uiSchema.items ?? {});
      if (Object.keys(inner).length > 0) {
        next.items = inner;
      }
    }
    return next;
  }

  /** The uiSchema, with misshapen fields drawn as JSON. */
  export function uiSchemaWith(
    uiSchema: UiSchema,
    misshapen: string[]
  ): UiSchema {
    if (misshapen.length === 0) {
      return uiSchema;
    }
    const next: UiSchema = { ...uiSchema };
    for (const name of misshapen) {
      next[name] = { ...(uiSchema[name] ?? {}), 'ui:field': 'invalidShape' };
    }
    return next;
  }

  /**
   * The data the form shows: the stored values, each absent field's default
   * (shown, not written), and the user's changes that were not written.
   */
  export function shownData(
    fields: ReadonlyArray<ISectionField>,
    stored: PartialJSONObject,
    pending: IPending[]
  ): PartialJSONObject {
    let data: PartialJSONObject = { ...stored };
    for (const field of fields) {
      if (
        data[field.name] === undefined &&
        field.schema.default !== undefined
      ) {
        data[field.name] = field.schema.default as PartialJSONValue;
      }
    }
    for (const change of pending) {
      const result = setPath(data, change.path, change.value);
      if (result.ok) {
        data = (result.value ?? {}) as PartialJSONObject;
      }
    }
    return data;
  }

  /**
   * The path, in the form's data, of the value the user changed: the field
   * rjsf names by `id`, found among the ids it gives every value.
   */
  export function changedLeaf(
    id: string,
    idPrefix: string,
    before: PartialJSONObject,
    after: PartialJSONObject
  ): string[] | null {
    const found: string[][] = [];
    const visit = (node: unknown, nodeId: string, path: string[]) => {
      if (nodeId === id && path.length > 0) {
        found.push(path);
      }
      if (!id.startsWith(nodeId + '_') || node === null) {
        return;
      }
      if (Array.isArray(node)) {
        node.forEach((item, index) =>
          visit(item, `${nodeId}_${index}`, [...path, String(index)])
        );
      } else if (typeof node === 'object') {
        for (const key of Object.keys(node)) {
          visit((node as any)[key], `${nodeId}_${key}`, [...path, key]);
        }
      }
    };
    visit(after, idPrefix, []);
    visit(before, idPrefix, []);
    const changed = found.filter(
      path => !sameValue(getPath(before, path), getPath(after, path))
    );
    return changed[0] ?? found[0] ?? null;
  }

  /**
   * Add the problems of the section's own checks to rjsf's errors, on the
   * fields they are about.
   */
  export function addSectionProblems(
    entry: ISectionEntry,
    data: ReadonlyJSONObject,
    errors: FormValidation<ReadonlyJSONObject>,
    trans: TranslationBundle
  ): FormValidation<ReadonlyJSONObject> {
    const problems = entry.section.validate?.(data as PartialJSONObject) ?? [];
    for (const problem of problems) {
      const message = translate(trans, problem);
      const parsed = parseFieldName(problem.path || '/');
      const field = parsed.ok
        ? entry.fields.find(f => isPrefix(f.path, parsed.path))
        : undefined;
      let target: any = errors;
      if (field && parsed.ok) {
        for (const part of [
          field.name,
          ...parsed.path.slice(field.path.length)
        ]) {
          if (!target?.[part]) {
            break;
          }
          target = target[part];
        }
      }
      target.addError?.(message);
    }
    return errors;
  }

  /** A section id as a part of an element id. */
  function idPart(id: string): string {
    return id.replace(/[^A-Za-z0-9-]/g, '-');
  }
}
