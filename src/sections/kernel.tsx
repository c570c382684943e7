import type { TranslationBundle } from '@jupyterlab/translation';
import type { PartialJSONObject, PartialJSONValue } from '@lumino/coreutils';
import type { FieldProps, WidgetProps } from '@rjsf/utils';
import React from 'react';

import { FieldMessage } from '../components/Section';
import { useOwnedState, useSignal } from '../components/hooks';
import type { IKernelSpecInfo, KernelSpecs } from '../kernelspecs';
import type { NotebookMetadataModel } from '../model';
import kernelSchema from '../schemas/kernel.json';
import type { IMetadataSection, ISectionFormContext } from '../tokens';

/**
 * The built-in Kernel section: `kernelspec`, its name picked from the
 * kernelspecs the server has, and `language_info`, which the kernel writes,
 * shown read-only.
 */
export function createKernelSection(
  kernelSpecs: KernelSpecs
): IMetadataSection {
  const KernelPickerWidget = (props: WidgetProps) => (
    <KernelPicker {...props} kernelSpecs={kernelSpecs} />
  );
  return {
    id: 'kernel',
    label: 'Kernel',
    rank: 10,
    schema: kernelSchema as IMetadataSection.ISchema,
    uiSchema: {
      kernelspec: {
        'ui:options': { label: false, expandable: false },
        name: { 'ui:widget': 'kernelPicker' }
      },
      language_info: { 'ui:field': 'languageInfo' }
    },
    widgets: { kernelPicker: KernelPickerWidget },
    fields: { languageInfo: LanguageInfoField }
  };
}

/**
 * The kernel picker: the server's kernelspecs, plus the notebook's own
 * kernelspec when it is not installed, so that it is shown, never replaced.
 * Picking a kernel writes its name, display name and language together (one
 * undo step; other kernelspec fields stay), and offers to switch a running
 * kernel.
 */
function KernelPicker(
  props: WidgetProps & { kernelSpecs: KernelSpecs }
): JSX.Element {
  const { kernelSpecs } = props;
  const { notebook, trans } = props.formContext as ISectionFormContext;
  const model = notebook as NotebookMetadataModel;
  useSignal(kernelSpecs.changed);
  useSignal(model.changed, (_, change) => change.type === 'kernel');
  const [offer, setOffer] = useOwnedState<IKernelSpecInfo | null>(model, null);
  const [problems, setProblems] = useOwnedState<string[]>(model, []);
  const value = typeof props.value === 'string' ? props.value : '';
  const specs = kernelSpecs.specs;
  const known = specs.some(spec => spec.name === value);
  const stored = model.getField('kernelspec');
  const current = isObject(stored) ? stored : undefined;

  const pick = (name: string) => {
    const picked = kernelSpecs.find(name);
    if (!picked) {
      return;
    }
    const next: PartialJSONObject = {
      ...(current ?? {}),
      name: picked.name,
      display_name: picked.display_name,
      language: picked.language
    };
    const found = model.setField('kernelspec', next);
    setProblems(found.map(p => trans.__(p.message, p.arg ?? '')));
    const running = model.runningKernel;
    setOffer(
      found.length === 0 && running && running !== picked.name ? picked : null
    );
  };

  const noticeId = `${props.id}__notice`;
  const problemsId = `${props.id}__problems`;
  const notice = value === '' || !known;
  const describedBy = [
    notice ? noticeId : '',
    problems.length > 0 ? problemsId : '',
    (props.rawErrors?.length ?? 0) > 0 ? `${props.id}__error` : ''
  ]
    .filter(Boolean)
    .join(' ');
  /** The offer goes once answered; the focus goes back to the picker. */
  const closeOffer = () => {
    document.getElementById(props.id)?.focus();
    setOffer(null);
  };
  return (
    <div className="jp-NotebookMetadata-kernel">
      {value !== '' && !known && (
        <FieldMessage kind="notice" id={noticeId}>
          {trans.__(
            'The kernel "%1" is not installed on this server. The notebook keeps it; pick another kernel to change it.',
            typeof current?.display_name === 'string'
              ? `${current.display_name} (${value})`
              : value
          )}
        </FieldMessage>
      )}
      {value === '' && (
        <FieldMessage kind="notice" id={noticeId}>
          {trans.__('This notebook names no kernel. Pick one to record it.')}
        </FieldMessage>
      )}
      <select
        id={props.id}
        className="jp-mod-styled jp-NotebookMetadata-kernelPicker"
        aria-label={trans.__('Kernel')}
        aria-invalid={(props.rawErrors?.length ?? 0) > 0 || problems.length > 0}
        aria-describedby={describedBy || undefined}
        value={value}
        disabled={props.disabled || props.readonly}
        onChange={event => pick(event.target.value)}
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
      {problems.length > 0 && (
        <div id={problemsId}>
          {problems.map(problem => (
            <FieldMessage kind="error" key={problem}>
              {problem}
            </FieldMessage>
          ))}
        </div>
      )}
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
              closeOffer();
            }}
          >
            {trans.__('Switch kernel')}
          </button>
          <button
            type="button"
            className="jp-Button jp-mod-styled jp-mod-reject"
            onClick={closeOffer}
          >
            {trans.__('Keep running kernel')}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * `language_info`, which the kernel writes: shown, not edited.
 */
function LanguageInfoField(props: FieldProps): JSX.Element | null {
  const value = props.formData as PartialJSONValue | undefined;
  const { trans } = props.formContext as ISectionFormContext;
  if (!isObject(value)) {
    return null;
  }
  return <LanguageInfo value={value} trans={trans} />;
}

function LanguageInfo(props: {
  value: PartialJSONObject;
  trans: TranslationBundle;
}): JSX.Element {
  const { value, trans } = props;
  const rows = Object.entries(value);
  return (
    <div className="jp-NotebookMetadata-languageInfo">
      <div className="jp-NotebookMetadata-label">
        {trans.__('Language info (written by the kernel)')}
      </div>
      <dl>
        {rows.map(([key, field]) => (
          <React.Fragment key={key}>
            <dt>{key}</dt>
            <dd>{typeof field === 'string' ? field : JSON.stringify(field)}</dd>
          </React.Fragment>
        ))}
      </dl>
    </div>
  );
}

function isObject(value: unknown): value is PartialJSONObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
