import type { PartialJSONObject, PartialJSONValue } from '@lumino/coreutils';
import type { FieldProps, WidgetProps } from '@rjsf/utils';
import React from 'react';

import { FieldMessage } from '../components/Section';
import { useOwnedState, useSignal } from '../components/hooks';
import type { IKernelSpecInfo, KernelSpecs } from '../kernelspecs';
import { translate } from '../messages';
import kernelSchema from '../schemas/kernel.json';
import type { IMetadataSection, ISectionFormContext } from '../tokens';
import { isJSONObject } from '../json';

/**
 * The built-in Kernel section: `kernelspec`, its name picked from the
 * kernelspecs the server has, and `language_info`, which the kernel writes,
 * shown read-only.
 */
export function createKernelSection(
  kernelSpecs: KernelSpecs,
  options: {
    /** Whether the kernels are in-browser ones, with no server (JupyterLite). */
    noServer?: boolean;
  } = {}
): IMetadataSection {
  const noServer = options.noServer ?? false;
  const KernelPickerWidget = (props: WidgetProps) => (
    <KernelPicker {...props} kernelSpecs={kernelSpecs} noServer={noServer} />
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
    fields: { languageInfo: LanguageInfoField },
    validate: values => {
      const spec = values.kernelspec;
      return isJSONObject(spec) && spec.name === '' && !namesNoKernel(spec)
        ? [
            {
              path: '/kernelspec/name',
              message:
                'The kernelspec has a display name or language but no kernel name: pick a kernel.'
            }
          ]
        : [];
    },
    summary: (values, trans) => {
      const spec = isJSONObject(values.kernelspec) ? values.kernelspec : {};
      const name = spec.display_name ?? spec.name;
      return typeof name === 'string' && name ? name : trans.__('no kernel');
    }
  };
}

/**
 * Whether a kernelspec says "no kernel" as Jupyter writes it: JupyterLab
 * and jupyter-collaboration's server give a notebook without one
 * `{"name": "", "display_name": ""}`; a kernelspec whose other fields are
 * empty or missing too says the same.
 */
function namesNoKernel(spec: PartialJSONObject): boolean {
  return (
    spec.name === '' &&
    [spec.display_name, spec.language].every(
      field => field === undefined || field === ''
    )
  );
}

/**
 * The kernel picker: the server's kernelspecs, plus the notebook's own
 * kernelspec when it is not installed, so that it is shown, never replaced.
 * Picking a kernel writes its name, display name and language together (one
 * undo step; other kernelspec fields stay), and offers to switch a running
 * kernel.
 */
function KernelPicker(
  props: WidgetProps & { kernelSpecs: KernelSpecs; noServer: boolean }
): JSX.Element {
  const { kernelSpecs } = props;
  const { notebook, kernel, trans } = props.formContext as ISectionFormContext;
  useSignal(kernelSpecs.changed);
  useSignal(kernel.changed);
  const [offer, setOffer] = useOwnedState<IKernelSpecInfo | null>(
    notebook,
    null
  );
  const [problems, setProblems] = useOwnedState<string[]>(notebook, []);
  const value = typeof props.value === 'string' ? props.value : '';
  const specs = kernelSpecs.specs;
  const known = specs.some(spec => spec.name === value);
  const stored = notebook.getField('kernelspec');
  const current = isJSONObject(stored) ? stored : undefined;

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
    const found = notebook.setField('kernelspec', next);
    setProblems(found.map(p => translate(trans, p)));
    const running = kernel.running;
    // Offer to switch a running kernel, or to start one when none runs.
    setOffer(found.length === 0 && running !== picked.name ? picked : null);
  };

  const running = kernel.running;
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
  /** The kernel the notebook names, as its notice shows it. */
  const kernelName =
    typeof current?.display_name === 'string'
      ? `${current.display_name} (${value})`
      : value;
  /** The offer goes once answered; the focus goes back to the picker. */
  const closeOffer = () => {
    document.getElementById(props.id)?.focus();
    setOffer(null);
  };
  return (
    <div className="jp-NotebookMetadata-kernel">
      {value !== '' && !known && (
        <FieldMessage kind="notice" id={noticeId}>
          {props.noServer
            ? trans.__(
                'The kernel "%1" is not one of the kernels of this JupyterLite site. The notebook keeps it; pick another kernel to change it.',
                kernelName
              )
            : trans.__(
                'The kernel "%1" is not installed on this server. The notebook keeps it; pick another kernel to change it.',
                kernelName
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
        className="jp-NotebookMetadata-select jp-NotebookMetadata-kernelPicker"
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
      {!offer && running && known && running !== value && (
        <div
          className="jp-NotebookMetadata-offer"
          role="group"
          aria-label={trans.__('Another kernel is running')}
        >
          <span>
            {trans.__(
              'The notebook names %1, but %2 is running for it.',
              kernelSpecs.find(value)?.display_name ?? value,
              kernelSpecs.find(running)?.display_name ?? running
            )}
          </span>
          <button
            type="button"
            className="jp-Button jp-mod-styled jp-mod-accept"
            onClick={() => void kernel.change(value)}
          >
            {trans.__(
              'Switch to %1',
              kernelSpecs.find(value)?.display_name ?? value
            )}
          </button>
        </div>
      )}
      {offer && (
        <div
          className="jp-NotebookMetadata-offer"
          role="group"
          aria-label={
            running
              ? trans.__('Switch the running kernel')
              : trans.__('Start the kernel')
          }
        >
          <span>
            {running
              ? trans.__(
                  'A %1 kernel is running. Switch it to %2 too?',
                  kernelSpecs.find(running)?.display_name ?? running,
                  offer.display_name
                )
              : trans.__(
                  'No kernel is running. Start %1 now?',
                  offer.display_name
                )}
          </span>
          <button
            type="button"
            className="jp-Button jp-mod-styled jp-mod-accept"
            onClick={() => {
              void kernel.change(offer.name);
              closeOffer();
            }}
          >
            {running ? trans.__('Switch kernel') : trans.__('Start kernel')}
          </button>
          <button
            type="button"
            className="jp-Button jp-mod-styled jp-mod-reject"
            onClick={closeOffer}
          >
            {running ? trans.__('Keep running kernel') : trans.__('Not now')}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * `language_info`, which the kernel writes: shown, not edited, on one line
 * (its details fold away), and marked when it is of another language than
 * the notebook's kernel (written by the kernel it had before).
 */
function LanguageInfoField(props: FieldProps): JSX.Element | null {
  const value = props.formData as PartialJSONValue | undefined;
  const { notebook, trans } = props.formContext as ISectionFormContext;
  const [opened, setOpen] = useOwnedState<boolean | null>(notebook, null);
  if (!isJSONObject(value)) {
    return null;
  }
  // Details folded, unless some field is not text (shown as it is).
  const open =
    opened ?? Object.values(value).some(field => typeof field !== 'string');
  const kernelspec = notebook.getField('kernelspec');
  const kernelLanguage = isJSONObject(kernelspec)
    ? kernelspec.language
    : undefined;
  const stale =
    typeof kernelLanguage === 'string' &&
    typeof value.name === 'string' &&
    kernelLanguage.toLowerCase() !== value.name.toLowerCase();
  const line = [value.name, value.version, value.file_extension]
    .filter(part => part !== undefined && part !== null && part !== '')
    .map(part => (typeof part === 'string' ? part : JSON.stringify(part)))
    .join(' · ');
  const detailsId = `${props.idSchema.$id}__details`;
  return (
    <div className="jp-NotebookMetadata-languageInfo">
      <div className="jp-NotebookMetadata-languageLine">
        <span className="jp-NotebookMetadata-label">
          {trans.__('Language info')}
        </span>
        <span className="jp-NotebookMetadata-code">{line || '—'}</span>
        <button
          type="button"
          className="jp-Button jp-mod-minimal jp-mod-styled jp-NotebookMetadata-textButton"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={trans.__('Details of the language info')}
          onClick={() => setOpen(!open)}
        >
          {open ? trans.__('Less') : trans.__('Details')}
        </button>
      </div>
      {stale && (
        <FieldMessage kind="notice">
          {trans.__(
            "Written by a %1 kernel, not by this notebook's %2 kernel: the kernel rewrites it when it starts.",
            String(value.name),
            kernelLanguage
          )}
        </FieldMessage>
      )}
      {open && (
        <dl id={detailsId}>
          {Object.entries(value).map(([key, field]) => (
            <React.Fragment key={key}>
              <dt>{key}</dt>
              <dd>
                {typeof field === 'string' ? field : JSON.stringify(field)}
              </dd>
            </React.Fragment>
          ))}
        </dl>
      )}
      <div className="jp-NotebookMetadata-hint">
        {trans.__('Written by the kernel.')}
      </div>
    </div>
  );
}
