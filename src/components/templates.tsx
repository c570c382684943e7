import {
  addIcon,
  deleteIcon,
  moveDownIcon,
  moveUpIcon
} from '@jupyterlab/ui-components';
import type { LabIcon } from '@jupyterlab/ui-components';
import {
  nullTranslator,
  type TranslationBundle
} from '@jupyterlab/translation';
import {
  type ArrayFieldTemplateProps,
  canExpand,
  type FieldErrorProps,
  type FieldTemplateProps,
  type ObjectFieldTemplateProps,
  type RJSFSchema,
  type UiSchema,
  type WidgetProps
} from '@rjsf/utils';
import React, { useContext } from 'react';

import type { ISectionFormContext } from '../tokens';
import { focusLost } from './focus';
import { isObject } from '../json';

/** rjsf's mark of a property the schema does not name (`additionalProperties`). */
const ADDITIONAL_PROPERTY_FLAG = '__additional_property';

/**
 * The item of a list a field is drawn in, with its name ("Author 2"): set
 * by `SectionArrayTemplate` for each item, and cleared again inside an
 * object, so that only the item itself (not its properties) is named after
 * it.
 */
export const ArrayItemContext = React.createContext<{ name: string } | null>(
  null
);

/**
 * The name of a field's control: its label, or the name of the list item it
 * is (rjsf would name the items of a list "tags-0", "tags-1"…).
 */
export function useFieldName(label: string): string {
  return useContext(ArrayItemContext)?.name ?? label;
}

/**
 * The ids a widget's `aria-describedby` names: its field's description, when
 * `SectionFieldTemplate` draws one, and its errors, when there are any (an
 * id is named only when its element exists).
 */
export function describedBy(props: WidgetProps): string | undefined {
  const ids: string[] = [];
  if (
    !props.hideLabel &&
    props.label &&
    props.schema.description &&
    !Object.prototype.hasOwnProperty.call(
      props.schema,
      ADDITIONAL_PROPERTY_FLAG
    )
  ) {
    ids.push(`${props.id}__description`);
  }
  if ((props.rawErrors?.length ?? 0) > 0) {
    ids.push(`${props.id}__error`);
  }
  return ids.length > 0 ? ids.join(' ') : undefined;
}

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
  const trans = Private.translations(props.formContext);
  const name = useFieldName(label);
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
        {isItem && displayLabel && !isRoot && name && !isAdditional && (
          <div className="jp-FormGroup-compactTitle">
            <label
              className="jp-FormGroup-fieldLabel jp-FormGroup-contentItem"
              htmlFor={id}
            >
              {name}
              {required && (
                <span className="jp-NotebookMetadata-required"> *</span>
              )}
            </label>
            <FieldDescription id={id} text={schema.description} />
          </div>
        )}
        {isAdditional && (
          <input
            className="jp-FormGroup-contentItem jp-mod-styled"
            type="text"
            aria-label={trans.__('Name of the property "%1"', label)}
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
            aria-label={trans.__('Remove the property "%1"', label)}
            disabled={disabled || readonly}
            onClick={onDropPropertyClick(label)}
          >
            {trans.__('Remove')}
          </button>
        )}
        <div className="validationErrors">{errors}</div>
      </div>
    </div>
  );
}

/**
 * The errors of a field, announced when they appear (`role="alert"`) and
 * under the id (`<id>__error`) the field's control names in its
 * `aria-describedby`. rjsf's own list has neither role nor live region.
 */
export function SectionFieldErrorTemplate(
  props: FieldErrorProps
): JSX.Element | null {
  const errors = (props.errors ?? []).filter(error => !!error);
  if (errors.length === 0) {
    return null;
  }
  return (
    <div id={`${props.idSchema.$id}__error`} role="alert">
      <ul className="error-detail bs-callout bs-callout-info">
        {errors.map((error, index) => (
          <li key={index} className="text-danger">
            {error}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The template of lists: what JupyterLab's compact list template draws, with
 * buttons that say what they do to which item ("Move Author 2 up", "Remove
 * Author 2"; core's are icon-only web components whose inner button has no
 * name), and items named after their place in the list.
 */
export function SectionArrayTemplate(
  props: ArrayFieldTemplateProps
): JSX.Element {
  const { idSchema, schema, items, canAdd, disabled, readonly } = props;
  const trans = Private.translations(props.formContext);
  const title = props.uiSchema?.['ui:title'] ?? props.title ?? '';
  const itemSchema: unknown = schema.items;
  const itemTitle =
    isObject(itemSchema) &&
    typeof itemSchema.title === 'string' &&
    itemSchema.title
      ? itemSchema.title
      : trans.__('%1 item', title || trans.__('List'));
  const itemName = (index: number) =>
    trans.__('%1 %2', itemTitle, String(index + 1));
  return (
    <div className={props.className}>
      <div className="jp-FormGroup-compactTitle">
        <div
          className="jp-FormGroup-fieldLabel jp-FormGroup-contentItem"
          id={`${idSchema.$id}__title`}
        >
          {title}
        </div>
        <FieldDescription id={idSchema.$id} text={schema.description} />
      </div>
      {items.map(item => {
        const name = itemName(item.index);
        const off = item.disabled || item.readonly;
        return (
          <div key={item.key} className={item.className}>
            <ArrayItemContext.Provider value={{ name }}>
              {item.children}
            </ArrayItemContext.Provider>
            {item.hasToolbar && (
              <div
                className="jp-ArrayOperations"
                role="group"
                aria-label={trans.__('Actions on %1', name)}
              >
                {item.hasMoveUp || item.hasMoveDown ? (
                  <>
                    <Private.ItemButton
                      label={trans.__('Move %1 up', name)}
                      icon={moveUpIcon}
                      disabled={off}
                      unavailable={!item.hasMoveUp}
                      keepFocus
                      onClick={item.onReorderClick(item.index, item.index - 1)}
                    />
                    <Private.ItemButton
                      label={trans.__('Move %1 down', name)}
                      icon={moveDownIcon}
                      disabled={off}
                      unavailable={!item.hasMoveDown}
                      keepFocus
                      onClick={item.onReorderClick(item.index, item.index + 1)}
                    />
                  </>
                ) : null}
                {item.hasRemove && (
                  <Private.ItemButton
                    label={trans.__('Remove %1', name)}
                    icon={deleteIcon}
                    disabled={off}
                    onClick={item.onDropIndexClick(item.index)}
                  />
                )}
              </div>
            )}
          </div>
        );
      })}
      {canAdd && (
        <button
          type="button"
          className="jp-Button jp-mod-minimal jp-mod-styled jp-NotebookMetadata-textButton"
          aria-label={trans.__('Add %1', itemName(items.length))}
          title={trans.__('Add %1', itemName(items.length))}
          disabled={disabled || readonly}
          onClick={props.onAddClick}
        >
          <addIcon.react tag="span" elementPosition="center" />
          {trans.__('Add %1', itemTitle)}
        </button>
      )}
    </div>
  );
}

/**
 * The template of objects: JupyterLab's compact object template, as a group
 * named by its title (or by its place in a list: "Author 2"), with an Add
 * button that says what it adds to.
 */
export function SectionObjectTemplate(
  props: ObjectFieldTemplateProps
): JSX.Element {
  const { idSchema, schema, properties, disabled, readonly } = props;
  const trans = Private.translations(props.formContext);
  const item = useContext(ArrayItemContext);
  const title = item?.name ?? props.uiSchema?.['ui:title'] ?? props.title ?? '';
  const titleId = `${idSchema.$id}__title`;
  return (
    <fieldset id={idSchema.$id} aria-labelledby={title ? titleId : undefined}>
      <div className="jp-FormGroup-compactTitle">
        <div
          className="jp-FormGroup-fieldLabel jp-FormGroup-contentItem"
          id={titleId}
        >
          {title}
        </div>
        <FieldDescription id={idSchema.$id} text={schema.description} />
      </div>
      {/* The object's own properties are not the list item. */}
      <ArrayItemContext.Provider value={null}>
        {properties.map(property => property.content)}
      </ArrayItemContext.Provider>
      {canExpand(schema, props.uiSchema, props.formData) && (
        <button
          type="button"
          className="jp-Button jp-mod-minimal jp-mod-styled jp-NotebookMetadata-textButton"
          aria-label={trans.__(
            'Add a property to %1',
            title || trans.__('the object')
          )}
          title={trans.__(
            'Add a property to %1',
            title || trans.__('the object')
          )}
          disabled={disabled || readonly}
          onClick={props.onAddClick(schema)}
        >
          <addIcon.react tag="span" elementPosition="center" />
          {trans.__('Add a property')}
        </button>
      )}
    </fieldset>
  );
}

/** A field's description, the target of its `aria-describedby`. */
function FieldDescription(props: {
  id: string;
  text: string | undefined;
}): JSX.Element | null {
  return props.text ? (
    <div className="jp-FormGroup-description" id={`${props.id}__description`}>
      {props.text}
    </div>
  ) : null;
}

/** The templates every field of a section form is drawn with. */
const TEMPLATES = {
  'ui:FieldTemplate': SectionFieldTemplate,
  'ui:FieldErrorTemplate': SectionFieldErrorTemplate,
  'ui:ArrayFieldTemplate': SectionArrayTemplate,
  'ui:ObjectFieldTemplate': SectionObjectTemplate
};

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
    for (const [key, template] of Object.entries(TEMPLATES)) {
      if (!next[key]) {
        next[key] = template;
      }
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

/**
 * Module-private helpers.
 */
namespace Private {
  /**
   * The form's translations; without them, the text as written (its
   * values in place of `%1`, `%2`…).
   */
  export function translations(formContext: unknown): TranslationBundle {
    return (
      (formContext as ISectionFormContext | undefined)?.trans ??
      nullTranslator.load('jupyterlab_notebook_metadata')
    );
  }

  /**
   * An icon button of a list item, named by what it does. A move that is not
   * possible (the first item up) is marked `aria-disabled` rather than
   * disabled, so that the button keeps the focus after moving its item to
   * the end; `keepFocus` gives the focus back to the button when React moves
   * its item (moving an element takes the focus from it).
   */
  export function ItemButton(props: {
    label: string;
    icon: LabIcon;
    disabled: boolean;
    unavailable?: boolean;
    keepFocus?: boolean;
    onClick: (event?: any) => void;
  }): JSX.Element {
    const { label, icon, disabled, unavailable, keepFocus, onClick } = props;
    return (
      <button
        type="button"
        className="jp-NotebookMetadata-iconButton jp-ArrayOperationsButton"
        aria-label={label}
        title={label}
        disabled={disabled}
        aria-disabled={unavailable || undefined}
        onClick={event => {
          if (unavailable) {
            return;
          }
          const button = event.currentTarget;
          onClick(event);
          if (keepFocus) {
            requestAnimationFrame(() => {
              if (focusLost() && button.isConnected) {
                button.focus();
              }
            });
          }
        }}
      >
        <icon.react tag="span" elementPosition="center" />
      </button>
    );
  }
}
