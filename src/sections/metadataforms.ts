/**
 * Sections from JupyterLab's own metadata forms: the notebook-level fields
 * of every plugin's `jupyter.lab.metadataforms`, as core's
 * `@jupyterlab/metadataform-extension` reads them. No JupyterLab imports.
 */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';

import type { IMetadataSection } from '../tokens';
import { isObject } from '../json';

/** The metadata forms one plugin's settings schema declares. */
export interface IMetadataFormsSource {
  /** The plugin's id. */
  plugin: string;
  /** Its `jupyter.lab.metadataforms` value. */
  forms: unknown;
}

/** The prefix of the ids of sections made from metadata forms. */
export const METADATA_FORMS_PREFIX = 'metadataforms:';

/**
 * A custom renderer of a metadata-form field, as JupyterLab's form renderer
 * registry holds them: an rjsf field or widget component.
 */
export interface IFieldRenderer {
  /** A component drawing the whole field (rjsf's `ui:field`). */
  fieldRenderer?: unknown;
  /** A component drawing the field's input (rjsf's `ui:widget`). */
  widgetRenderer?: unknown;
}

/**
 * One section per metadata form with notebook-level fields (forms of the
 * same id from several plugins are merged first, as core merges them). Each
 * section has only the notebook-level fields, their defaults, uiSchema and
 * `writeDefault`. A field with a custom renderer is drawn by the renderer
 * `rendererOf` finds for it (JupyterLab's form renderer registry), as core
 * draws it; one with none found is not shown but listed in the notes.
 */
export function sectionsFromMetadataForms(
  sources: ReadonlyArray<IMetadataFormsSource>,
  rendererOf: (id: string) => IFieldRenderer | undefined = () => undefined
): IMetadataSection[] {
  const merged = Private.merge(sources);
  const sections: IMetadataSection[] = [];
  for (const form of merged) {
    const properties: Record<string, RJSFSchema> = {};
    const uiSchema: UiSchema = {};
    const fieldOptions: Record<string, IMetadataSection.IFieldOptions> = {};
    const notes: string[] = [];
    for (const [name, schema] of Object.entries(form.properties)) {
      const options = form.options[name] ?? {};
      if (options.metadataLevel !== 'notebook') {
        continue;
      }
      const title =
        isObject(schema) && typeof schema.title === 'string'
          ? schema.title
          : name;
      const renderer =
        typeof options.customRenderer === 'string'
          ? rendererOf(options.customRenderer)
          : undefined;
      if (
        typeof options.customRenderer === 'string' &&
        !renderer?.fieldRenderer &&
        !renderer?.widgetRenderer
      ) {
        notes.push(
          `"${title}" (${name}) needs JupyterLab's custom renderer "${options.customRenderer}", which this panel cannot draw; edit it in the Property Inspector, or as a custom key.`
        );
        continue;
      }
      properties[name] = schema as RJSFSchema;
      if (form.uiSchema[name] !== undefined) {
        uiSchema[name] = form.uiSchema[name];
      }
      if (renderer?.fieldRenderer) {
        uiSchema[name] = {
          ...uiSchema[name],
          'ui:field': renderer.fieldRenderer
        };
      } else if (renderer?.widgetRenderer) {
        uiSchema[name] = {
          ...uiSchema[name],
          'ui:widget': renderer.widgetRenderer
        };
      }
      if (typeof options.writeDefault === 'boolean') {
        fieldOptions[name] = { writeDefault: options.writeDefault };
      }
    }
    const names = Object.keys(properties);
    if (names.length === 0 && notes.length === 0) {
      continue;
    }
    const order = form.uiSchema['ui:order'];
    if (Array.isArray(order)) {
      const kept = order.filter(
        (name: unknown) => name === '*' || names.includes(name as string)
      );
      uiSchema['ui:order'] = kept.includes('*') ? kept : [...kept, '*'];
    }
    const required = form.required.filter(name => names.includes(name));
    sections.push({
      id: `${METADATA_FORMS_PREFIX}${form.id}`,
      label: Private.labelFor(names, form.label),
      rank: form.rank,
      description: `Notebook fields of JupyterLab's "${form.label}" form.`,
      schema: {
        type: 'object',
        properties,
        ...(required.length > 0 ? { required } : {})
      },
      uiSchema,
      fieldOptions,
      notes
    });
  }
  return sections;
}

/**
 * Module-private helpers.
 */
namespace Private {
  /** Names of well-known top-level keys, for the sections that edit them. */
  const KNOWN_KEYS: Record<string, string> = {
    toc: 'Table of contents'
  };

  /**
   * A section's heading: named for what it holds when every field is inside
   * one well-known key (core's "Common Tools" form holds, at the notebook
   * level, the table of contents' numbering), else the form's label.
   */
  export function labelFor(fields: string[], formLabel: string): string {
    const keys = new Set(
      fields.map(field => (field.startsWith('/') ? field.split('/')[1] : field))
    );
    const [key] = [...keys];
    return keys.size === 1 && KNOWN_KEYS[key] ? KNOWN_KEYS[key] : formLabel;
  }

  /** A metadata form, merged across plugins. */
  export interface IForm {
    id: string;
    label: string;
    rank?: number;
    plugins: string[];
    properties: Record<string, unknown>;
    required: string[];
    uiSchema: UiSchema;
    options: Record<string, Record<string, unknown>>;
  }

  /**
   * The forms of every plugin, those with the same id merged into one
   * (later fields, uiSchema entries and options replace earlier ones).
   */
  export function merge(sources: ReadonlyArray<IMetadataFormsSource>): IForm[] {
    const forms: IForm[] = [];
    for (const { plugin, forms: declared } of sources) {
      if (!Array.isArray(declared)) {
        continue;
      }
      for (const raw of declared) {
        if (!isObject(raw) || typeof raw.id !== 'string') {
          continue;
        }
        const schema = isObject(raw.metadataSchema) ? raw.metadataSchema : {};
        const properties = isObject(schema.properties) ? schema.properties : {};
        let form = forms.find(f => f.id === raw.id);
        if (!form) {
          form = {
            id: raw.id,
            label: typeof raw.label === 'string' ? raw.label : raw.id,
            rank: typeof raw.rank === 'number' ? raw.rank : undefined,
            plugins: [],
            properties: {},
            required: [],
            uiSchema: {},
            options: {}
          };
          forms.push(form);
        }
        if (!form.plugins.includes(plugin)) {
          form.plugins.push(plugin);
        }
        Object.assign(form.properties, properties);
        if (Array.isArray(schema.required)) {
          form.required.push(
            ...schema.required.filter(
              (name): name is string => typeof name === 'string'
            )
          );
        }
        if (isObject(raw.uiSchema)) {
          Object.assign(form.uiSchema, raw.uiSchema);
        }
        if (isObject(raw.metadataOptions)) {
          for (const [name, options] of Object.entries(raw.metadataOptions)) {
            if (isObject(options)) {
              form.options[name] = options;
            }
          }
        }
      }
    }
    return forms;
  }
}
