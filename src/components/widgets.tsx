import { JSONExt, type PartialJSONValue } from '@lumino/coreutils';
import type { FieldProps, WidgetProps } from '@rjsf/utils';
import React from 'react';

import { formatJSON, parseJSON, sameJSON } from '../keys';
import { translate } from '../messages';
import { toPointer } from '../pointer';
import { describeTypes, misshapenAt, objectMemberKeyAt } from '../shape';
import type { ISectionFormContext } from '../tokens';
import { formValidator } from '../validation';
import { MeanwhileNote, useDraft } from './draft';
import { describedBy, useFieldName } from './templates';

/**
 * rjsf's text input, with the field's label as its accessible name (the
 * compact templates of JupyterLab's forms draw labels that are not tied to
 * their inputs).
 */
export function LabelledTextWidget(props: WidgetProps): JSX.Element {
  const { id, value, label, required, disabled, readonly, autofocus, options } =
    props;
  const name = useFieldName(label);
  const context = props.formContext as ISectionFormContext | undefined;
  const shown =
    value === undefined || value === null
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  // What is typed is a draft, passed on once (Enter, or the focus leaving):
  // one write, one undo step, and the text is never rewritten while typed.
  const draft = useDraft({
    owner: context?.notebook,
    value: shown,
    label: name || props.schema.title || id,
    trans: context?.trans,
    commit: text => {
      // rjsf's number fields turn the text into a number themselves.
      props.onChange(text === '' ? options.emptyValue : text);
      return null;
    }
  });
  return (
    <>
      <input
        id={id}
        name={id}
        className="form-control"
        type="text"
        inputMode={
          props.schema.type === 'number' || props.schema.type === 'integer'
            ? 'decimal'
            : undefined
        }
        aria-label={name || props.schema.title || id}
        aria-required={required}
        aria-invalid={(props.rawErrors?.length ?? 0) > 0}
        aria-describedby={describedBy(props)}
        required={required}
        disabled={disabled || readonly}
        autoFocus={autofocus}
        {...draft.props}
        onBlur={() => {
          draft.props.onBlur();
          props.onBlur(id, draft.text);
        }}
        onFocus={event => props.onFocus(id, event.target.value)}
      />
      <MeanwhileNote id={`${id}__meanwhile`} note={draft.meanwhile} />
    </>
  );
}

/**
 * rjsf's checkbox, whose `aria-describedby` names only what is drawn: its
 * description, when the schema has one, and its errors, when there are any
 * (rjsf's names a description, errors and help that may not exist).
 */
export function LabelledCheckboxWidget(props: WidgetProps): JSX.Element {
  const { id, value, label, disabled, readonly, autofocus, schema } = props;
  const name = useFieldName(label) || schema.title || id;
  const descriptionId = `${id}__description`;
  const described = [
    schema.description ? descriptionId : '',
    (props.rawErrors?.length ?? 0) > 0 ? `${id}__error` : ''
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="checkbox jp-NotebookMetadata-checkbox">
      <label>
        <input
          type="checkbox"
          id={id}
          name={id}
          checked={value === true}
          aria-invalid={(props.rawErrors?.length ?? 0) > 0}
          aria-describedby={described || undefined}
          disabled={disabled || readonly}
          autoFocus={autofocus}
          onChange={event => props.onChange(event.target.checked)}
          onBlur={event => props.onBlur(id, event.target.checked)}
          onFocus={event => props.onFocus(id, event.target.checked)}
        />
        <span>{name}</span>
      </label>
      {schema.description && (
        <div className="jp-FormGroup-description" id={descriptionId}>
          {schema.description}
        </div>
      )}
    </div>
  );
}

/**
 * A select that never changes a value by showing it: a stored value that is
 * not one of the options is shown as an option of its own, marked, and
 * stays until the user picks another (rjsf's own select shows the first
 * option instead, and the next change would write it).
 */
export function KeepingSelectWidget(props: WidgetProps): JSX.Element {
  const { id, value, label, disabled, readonly, multiple, options } = props;
  const context = props.formContext as ISectionFormContext | undefined;
  const trans = context?.trans;
  const name = useFieldName(label);
  const choices = (options.enumOptions ?? []) as Array<{
    label: string;
    value: unknown;
  }>;
  const indexOf = (item: unknown) =>
    choices.findIndex(choice =>
      JSONExt.deepEqual(
        choice.value as PartialJSONValue,
        item as PartialJSONValue
      )
    );
  const common = {
    id,
    name: id,
    className: 'jp-NotebookMetadata-select',
    'aria-label': name || props.schema.title || id,
    'aria-invalid': (props.rawErrors?.length ?? 0) > 0,
    'aria-describedby': describedBy(props),
    disabled: disabled || readonly,
    onBlur: () => props.onBlur(id, value),
    onFocus: () => props.onFocus(id, value)
  };
  if (multiple) {
    const selected = Array.isArray(value) ? value : [];
    const unknown = selected.filter(item => indexOf(item) < 0);
    return (
      <select
        {...common}
        multiple
        value={selected.map(item => {
          const index = indexOf(item);
          return index < 0 ? `stored-${unknown.indexOf(item)}` : String(index);
        })}
        onChange={event => {
          const picked = Array.from(event.target.selectedOptions).map(option =>
            option.value.startsWith('stored-')
              ? unknown[Number(option.value.slice(7))]
              : choices[Number(option.value)].value
          );
          props.onChange(picked);
        }}
      >
        {unknown.map((item, index) => (
          <option key={`stored-${index}`} value={`stored-${index}`}>
            {Private.notAllowed(item, trans)}
          </option>
        ))}
        {choices.map((choice, index) => (
          <option key={index} value={String(index)}>
            {choice.label}
          </option>
        ))}
      </select>
    );
  }
  const index = value === undefined ? -1 : indexOf(value);
  const selected =
    value === undefined ? '' : index < 0 ? 'stored' : String(index);
  return (
    <select
      {...common}
      value={selected}
      onChange={event => {
        const picked = event.target.value;
        if (picked === 'stored') {
          return;
        }
        props.onChange(
          picked === '' ? options.emptyValue : choices[Number(picked)].value
        );
      }}
    >
      {value === undefined && (
        <option value="">{props.placeholder ?? ''}</option>
      )}
      {index < 0 && value !== undefined && (
        <option value="stored">{Private.notAllowed(value, trans)}</option>
      )}
      {choices.map((choice, i) => (
        <option key={i} value={String(i)}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}

/**
 * A field whose stored value does not have the shape its schema says (an
 * object where a list belongs, a string where an object belongs…), or that
 * the form cannot draw (a key named `toString`): shown as JSON, flagged, and
 * kept until the user writes a value of the right shape.
 */
export function InvalidShapeField(props: FieldProps): JSX.Element {
  const { trans } = props.formContext as ISectionFormContext;
  const found = misshapenAt(props.schema, props.formData);
  const memberKey = found ? null : objectMemberKeyAt(props.formData);
  const expected = trans.__(describeTypes(found?.expected ?? []));
  const notice = memberKey
    ? trans.__(
        'This value has a key named "%1" (at %2), which the form cannot show: it is shown as JSON and kept as it is until you change it.',
        memberKey[memberKey.length - 1],
        toPointer(memberKey)
      )
    : !found || found.path.length === 0
      ? trans.__(
          'This value is not %1 as the section expects: it is shown as JSON and kept as it is until you change it.',
          expected
        )
      : trans.__(
          'Part of this value is not as the section expects (%1 is not %2): it is shown as JSON and kept as it is until you change it.',
          toPointer(found.path),
          expected
        );
  return <JsonTextField {...props} checkSchema={true} notice={notice} />;
}

/**
 * A value the section's schema says nothing about (an extra field of
 * `kernelspec` or of an author, which rjsf cannot draw when it is a list),
 * edited as JSON.
 */
export function JsonValueField(props: FieldProps): JSX.Element {
  // Its schema is rjsf's guess from the stored value: any JSON value goes.
  return <JsonTextField {...props} notice={null} checkSchema={false} />;
}

/**
 * A value as JSON text: a change is passed on once it is valid JSON (of the
 * field's schema, with `checkSchema`); until then it stays here, with what
 * is wrong with it.
 */
function JsonTextField(
  props: FieldProps & { notice: string | null; checkSchema: boolean }
): JSX.Element {
  const context = props.formContext as ISectionFormContext;
  const trans = context.trans;
  // A draft, committed once (the focus leaving, or Ctrl+Enter) when it is
  // JSON (of the field's schema, with `checkSchema`).
  const draft = useDraft({
    owner: context.notebook,
    value: formatJSON(props.formData),
    multiline: true,
    label: props.schema.title || props.name,
    trans,
    validate: text => {
      const parsed = parseJSON(text);
      if (!parsed.ok) {
        return translate(trans, parsed.problem);
      }
      const { errors } = props.checkSchema
        ? formValidator.rawValidation(props.schema, parsed.value as any)
        : { errors: [] };
      if (errors && errors.length > 0) {
        return trans.__(
          '%1 %2',
          errors[0].instancePath || label,
          errors[0].message ?? ''
        );
      }
      return null;
    },
    commit: text => {
      props.onChange(JSON.parse(text));
      return null;
    },
    stillMeans: text => sameJSON(text, props.formData)
  });
  const problem = draft.problem;
  const id = props.idSchema.$id;
  const label = props.schema.title || props.name;
  const text = draft.text;
  // The section's errors of this value are drawn by the field template
  // under `<id>__error`; what is wrong with the text typed here, under
  // `<id>__problem`. Only ids of what is drawn are named.
  const hasErrors = (props.errorSchema?.__errors?.length ?? 0) > 0;
  const describedBy =
    [
      props.notice ? `${id}__notice` : '',
      problem ? `${id}__problem` : '',
      hasErrors ? `${id}__error` : ''
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div
      className={
        props.notice
          ? 'jp-NotebookMetadata-invalidShape'
          : 'jp-NotebookMetadata-jsonValue'
      }
    >
      <label className="jp-NotebookMetadata-label" htmlFor={id}>
        {props.notice ? label : trans.__('%1 (JSON)', label)}
      </label>
      {props.notice && (
        <div
          className="jp-NotebookMetadata-message jp-NotebookMetadata-notice"
          id={`${id}__notice`}
          role="note"
        >
          {props.notice}
        </div>
      )}
      <textarea
        id={id}
        className="jp-mod-styled jp-NotebookMetadata-json"
        aria-invalid={props.notice !== null || problem !== null || hasErrors}
        aria-describedby={describedBy}
        spellCheck={false}
        rows={Math.min(Math.max(text.split('\n').length, 1), 8)}
        disabled={props.disabled || props.readonly}
        {...draft.props}
        onBlur={() => {
          draft.props.onBlur();
          props.onBlur(id, props.formData);
        }}
      />
      {problem && (
        <div
          id={`${id}__problem`}
          className="jp-NotebookMetadata-message jp-NotebookMetadata-error"
          role="alert"
        >
          {problem}
        </div>
      )}
      <MeanwhileNote id={`${id}__meanwhile`} note={draft.meanwhile} />
    </div>
  );
}

/**
 * What every section form shares: live validation with the shared
 * validator, core's compact layout, and no defaults filled into data read
 * from a notebook (an absent key stays absent).
 */
export const SECTION_FORM = {
  validator: formValidator,
  liveValidate: true,
  // Errors are shown at their fields, not again in a list on top.
  showErrorList: false as const,
  compact: true,
  experimental_defaultFormStateBehavior: {
    emptyObjectFields: 'skipDefaults',
    arrayMinItems: { populate: 'never' }
  }
} as const;

/** The widgets every section form starts from. */
export const SECTION_WIDGETS = {
  TextWidget: LabelledTextWidget,
  SelectWidget: KeepingSelectWidget,
  CheckboxWidget: LabelledCheckboxWidget
};

/**
 * Module-private helpers.
 */
namespace Private {
  /** An option's text for a stored value that is not allowed. */
  export function notAllowed(
    value: unknown,
    trans: ISectionFormContext['trans'] | undefined
  ): string {
    const shown = JSON.stringify(value) ?? String(value);
    return trans
      ? trans.__('%1 (stored, not an allowed value)', shown)
      : `${shown} (stored, not an allowed value)`;
  }
}
