import type { WidgetProps } from '@rjsf/utils';
import React from 'react';

import { formValidator } from '../validation';

/**
 * rjsf's text input, with the field's label as its accessible name (the
 * compact templates of JupyterLab's forms draw labels that are not tied to
 * their inputs).
 */
export function LabelledTextWidget(props: WidgetProps): JSX.Element {
  const { id, value, label, required, disabled, readonly, autofocus, options } =
    props;
  return (
    <input
      id={id}
      name={id}
      className="form-control"
      type="text"
      aria-label={label}
      aria-required={required}
      aria-invalid={(props.rawErrors?.length ?? 0) > 0}
      aria-describedby={`${id}__error`}
      value={value ?? ''}
      required={required}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      onChange={event =>
        props.onChange(
          event.target.value === '' ? options.emptyValue : event.target.value
        )
      }
      onBlur={event => props.onBlur(id, event.target.value)}
      onFocus={event => props.onFocus(id, event.target.value)}
    />
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
  compact: true,
  experimental_defaultFormStateBehavior: {
    emptyObjectFields: 'skipDefaults',
    arrayMinItems: { populate: 'never' }
  }
} as const;
