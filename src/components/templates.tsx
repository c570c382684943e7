import type { FieldTemplateProps, RJSFSchema, UiSchema } from '@rjsf/utils';
import React from 'react';

import type { ISectionFormContext } from '../tokens';

/** rjsf's mark of a property the schema does not name (`additionalProperties`). */
const ADDITIONAL_PROPERTY_FLAG = '__additional_property';

/**
 * The field template of the section forms. It draws what JupyterLab's own
 * compact template draws (same classes, so core's styles apply), and also
 * ties each label to its control (`<label for>`), gives the name field of
 * an extra property and its Remove button accessible names, and ties the
 * field's description to its control. Core's template is not exported, so
 * this replaces it rather than wrapping it.
 */
export function SectionFieldTemplate(props: FieldTemplateProps): JSX.Element {
  const {
    id,
    label,
    displayLabel,
    schema,
    rawErrors,
    errors,
    children,
    hidden,
    required,
    disabled,
    readonly,
    onKeyChange,
    onDropPropertyClick
  } = props;
  const trans = (props.formContext as ISectionFormContext | undefined)?.trans;
  const say = (text: string, ...args: string[]) =>
    trans ? trans.__(text, ...args) : text.replace('%1', args[0] ?? '');
  if (hidden) {
    return <div className="hidden">{children}</div>;
  }
  // The root's id is the form's prefix, which has no "_".
  const isRoot = !id.includes('_');
  const isAdditional = Object.prototype.hasOwnProperty.call(
    schema,
    ADDITIONAL_PROPERTY_FLAG
  );
  const isItem = !(schema.type === 'object' || schema.type === 'array');
  const wrapper = isRoot
    ? 'jp-root'
    : schema.type === 'object'
      ? 'jp-objectFieldWrapper'
      : schema.type === 'array'
        ? 'jp-arrayFieldWrapper'
        : 'jp-inputFieldWrapper jp-FormGroup-contentItem';
  return (
    <div
      className={`form-group ${
        displayLabel || schema.type === 'boolean' ? 'small-field' : ''
      }`}
    >
      {(rawErrors?.length ?? 0) > 0 && (
        <div className="jp-modifiedIndicator jp-errorIndicator" />
      )}
      <div className="jp-FormGroup-content jp-FormGroup-contentCompact">
        {isItem && displayLabel && !isRoot && label && !isAdditional && (
          <div className="jp-FormGroup-compactTitle">
            <label
              className="jp-FormGroup-fieldLabel jp-FormGroup-contentItem"
              htmlFor={id}
            >
              {label}
              {required && (
                <span className="jp-NotebookMetadata-required"> *</span>
              )}
            </label>
            {schema.description && (
              <div
                className="jp-FormGroup-description"
                id={`${id}__description`}
              >
                {schema.description}
              </div>
            )}
          </div>
        )}
        {isAdditional && (
          <input
            className="jp-FormGroup-contentItem jp-mod-styled"
            type="text"
            aria-label={say('Name of the property "%1"', label)}
            defaultValue={label}
            disabled={disabled || readonly}
            onBlur={event => onKeyChange(event.target.value)}
          />
        )}
        <div className={wrapper}>{children}</div>
        {isAdditional && (
          <button
            type="button"
            className="jp-FormGroup-contentItem jp-mod-styled jp-mod-warn jp-FormGroup-removeButton"
            aria-label={say('Remove the property "%1"', label)}
            disabled={disabled || readonly}
            onClick={onDropPropertyClick(label)}
          >
            {say('Remove')}
          </button>
        )}
        <div className="validationErrors">{errors}</div>
      </div>
    </div>
  );
}

/**
 * The uiSchema with `SectionFieldTemplate` as the template of every field
 * the schema names (its properties, list items and extra properties, all
 * the way down); a template the uiSchema chose itself is kept.
 */
export function withFieldTemplates(
  schema: RJSFSchema,
  uiSchema: UiSchema = {}
): UiSchema {
  const visit = (node: unknown, ui: UiSchema | undefined): UiSchema => {
    const next: UiSchema = { ...(ui ?? {}) };
    if (!next['ui:FieldTemplate']) {
      next['ui:FieldTemplate'] = SectionFieldTemplate;
    }
    if (!isObject(node)) {
      return next;
    }
    if (isObject(node.properties)) {
      for (const [name, child] of Object.entries(node.properties)) {
        next[name] = visit(child, ui?.[name] as UiSchema | undefined);
      }
    }
    if (isObject(node.items)) {
      next.items = visit(node.items, ui?.items as UiSchema | undefined);
    }
    const isObjectSchema = node.type === 'object' || isObject(node.properties);
    if (isObjectSchema && node.additionalProperties !== false) {
      next.additionalProperties = visit(
        isObject(node.additionalProperties) ? node.additionalProperties : {},
        ui?.additionalProperties as UiSchema | undefined
      );
    }
    return next;
  };
  const root = visit(schema, uiSchema);
  // The root draws no label; core's template is kept for it.
  delete root['ui:FieldTemplate'];
  if (uiSchema['ui:FieldTemplate']) {
    root['ui:FieldTemplate'] = uiSchema['ui:FieldTemplate'];
  }
  return root;
}

function isObject(value: unknown): value is { [key: string]: any } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
