import type { TranslationBundle } from '@jupyterlab/translation';
import { FormComponent } from '@jupyterlab/ui-components';
import type {
  PartialJSONObject,
  PartialJSONValue,
  ReadonlyJSONObject
} from '@lumino/coreutils';
import type { IChangeEvent } from '@rjsf/core';
import type { WidgetProps } from '@rjsf/utils';
import React, { useState } from 'react';

import type { IKernelSpecInfo, KernelSpecs } from '../kernelspecs';
import type { NotebookMetadataModel } from '../model';
import { formSchema } from '../validation';
import { FieldMessage } from './Section';
import { LabelledTextWidget, SECTION_FORM } from './widgets';
import { useSignal } from './hooks';

/**
 * Properties of the kernel section.
 */
export interface IKernelSectionProps {
  /** The notebook's metadata model. */
  model: NotebookMetadataModel;
  /** The notebook's `kernelspec` value. */
  kernelspec: PartialJSONValue | undefined;
  /** The notebook's `language_info` value. */
  languageInfo: PartialJSONValue | undefined;
  /** The server's kernelspecs. */
  kernelSpecs: KernelSpecs;
  /** Whether editing is off (read-only notebook). */
  disabled: boolean;
  /** Translations. */
  trans: TranslationBundle;
}

/** What the kernel picker widget needs, through rjsf's form context. */
interface IKernelFormContext {
  specs: ReadonlyArray<IKernelSpecInfo>;
  trans: TranslationBundle;
}

const SCHEMA = formSchema('kernel');

const UI_SCHEMA = {
  kernelspec: {
    'ui:options': { label: false, expandable: false },
    name: { 'ui:widget': 'kernelPicker' }
  }
};

const WIDGETS = { kernelPicker: KernelPicker, TextWidget: LabelledTextWidget };

/**
 * The notebook's kernel: a form generated from `schemas/kernel.json`, with
 * the name picked from the kernelspecs the server has.
 */
export const KernelSection = React.memo(function KernelSection(
  props: IKernelSectionProps
): JSX.Element {
  const { model, kernelspec, languageInfo, kernelSpecs, disabled, trans } =
    props;
  useSignal(kernelSpecs.changed);
  useSignal(model.changed, (_, change) => change.type === 'kernel');
  const [offer, setOffer] = useState<IKernelSpecInfo | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const current = isObject(kernelspec) ? kernelspec : undefined;
  const name = typeof current?.name === 'string' ? current.name : undefined;
  const installed = kernelSpecs.find(name);
  const formContext: IKernelFormContext = { specs: kernelSpecs.specs, trans };

  const onChange = (event: IChangeEvent<ReadonlyJSONObject>) => {
    const next = event.formData?.kernelspec as PartialJSONObject | undefined;
    if (!next || JSON.stringify(next) === JSON.stringify(current)) {
      return;
    }
    let value: PartialJSONObject = { ...next };
    const picked =
      next.name !== name ? kernelSpecs.find(next.name as string) : undefined;
    if (picked) {
      // Picking a kernel fills its three fields together; other fields stay.
      value = {
        ...value,
        name: picked.name,
        display_name: picked.display_name,
        language: picked.language
      };
    }
    // Typing in a field is one step; picking a kernel is a step of its own.
    const found = model.set(
      'kernelspec',
      value,
      picked ? undefined : 'kernelspec'
    );
    setProblems(found.map(p => trans.__(p.message, p.arg ?? '')));
    const running = model.runningKernel;
    setOffer(
      found.length === 0 && picked && running && running !== picked.name
        ? picked
        : null
    );
  };

  return (
    <div className="jp-NotebookMetadata-kernel">
      {name !== undefined && !installed && (
        <FieldMessage kind="notice">
          {trans.__(
            'The kernel "%1" is not installed on this server. The notebook keeps it; pick another kernel to change it.',
            typeof current?.display_name === 'string'
              ? `${current.display_name} (${name})`
              : name
          )}
        </FieldMessage>
      )}
      {name === undefined && (
        <FieldMessage kind="notice">
          {trans.__('This notebook names no kernel. Pick one to record it.')}
        </FieldMessage>
      )}
      <FormComponent
        schema={SCHEMA}
        uiSchema={UI_SCHEMA}
        widgets={WIDGETS}
        formData={
          (current ? { kernelspec: current } : {}) as ReadonlyJSONObject
        }
        formContext={formContext}
        {...SECTION_FORM}
        disabled={disabled}
        idPrefix="jp-NotebookMetadata-kernel"
        onChange={onChange}
        onBlur={() => model.endEdit()}
      />
      {problems.map(problem => (
        <FieldMessage kind="error" key={problem}>
          {problem}
        </FieldMessage>
      ))}
      {offer && (
        <div
          className="jp-NotebookMetadata-offer"
          role="group"
          aria-label={trans.__('Switch the running kernel')}
        >
          <span>
            {trans.__(
              'A %1 kernel is running. Switch it to %2 too?',
              model.runningKernel ?? '',
              offer.display_name
            )}
          </span>
          <button
            type="button"
            className="jp-Button jp-mod-styled jp-mod-accept"
            onClick={() => {
              void model.changeKernel(offer.name);
              setOffer(null);
            }}
          >
            {trans.__('Switch kernel')}
          </button>
          <button
            type="button"
            className="jp-Button jp-mod-styled jp-mod-reject"
            onClick={() => setOffer(null)}
          >
            {trans.__('Keep running kernel')}
          </button>
        </div>
      )}
      <LanguageInfo value={languageInfo} trans={trans} />
    </div>
  );
});

/**
 * The kernel picker: the server's kernelspecs, plus the notebook's own
 * kernelspec when it is not installed, so that it is shown, never replaced.
 */
function KernelPicker(props: WidgetProps): JSX.Element {
  const { specs, trans } = props.formContext as IKernelFormContext;
  const value = typeof props.value === 'string' ? props.value : '';
  const known = specs.some(spec => spec.name === value);
  return (
    <select
      id={props.id}
      className="jp-mod-styled jp-NotebookMetadata-kernelPicker"
      aria-label={trans.__('Kernel')}
      value={value}
      disabled={props.disabled || props.readonly}
      onChange={event => props.onChange(event.target.value || undefined)}
      onBlur={() => props.onBlur(props.id, value)}
      onFocus={() => props.onFocus(props.id, value)}
    >
      {value === '' && <option value="">{trans.__('No kernel')}</option>}
      {!known && value !== '' && (
        <option value={value}>{trans.__('%1 (not installed)', value)}</option>
      )}
      {specs.map(spec => (
        <option key={spec.name} value={spec.name}>
          {spec.display_name}
        </option>
      ))}
    </select>
  );
}

/**
 * `language_info`, which the kernel writes: shown, not edited.
 */
function LanguageInfo(props: {
  value: PartialJSONValue | undefined;
  trans: TranslationBundle;
}): JSX.Element | null {
  const { value, trans } = props;
  if (!isObject(value)) {
    return null;
  }
  const rows = Object.entries(value).filter(
    ([, field]) => typeof field === 'string' || typeof field === 'number'
  );
  return (
    <div className="jp-NotebookMetadata-languageInfo">
      <div className="jp-NotebookMetadata-label">
        {trans.__('Language info (written by the kernel)')}
      </div>
      <dl>
        {rows.map(([key, field]) => (
          <React.Fragment key={key}>
            <dt>{key}</dt>
            <dd>{String(field)}</dd>
          </React.Fragment>
        ))}
      </dl>
    </div>
  );
}

function isObject(value: unknown): value is PartialJSONObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
