import type { Contents } from '@jupyterlab/services';
import type { TranslationBundle } from '@jupyterlab/translation';
import {
  addIcon,
  caretDownIcon,
  caretRightIcon,
  deleteIcon
} from '@jupyterlab/ui-components';
import type { PartialJSONValue } from '@lumino/coreutils';
import type { FieldProps } from '@rjsf/utils';
import React from 'react';

import { FieldMessage } from '../components/Section';
import { DraftInput, MeanwhileNote, useDraft } from '../components/draft';
import {
  type ITextFileKeeping,
  useProjectConfig,
  useKeeping
} from '../components/TextFileKeeps';
import { useFileStates, useOwnedState, useSignal } from '../components/hooks';
import {
  checkJupytext,
  FORMAT_OPTIONS,
  formatNamesFor,
  formatsText,
  formatsToString,
  type IFormat,
  jupytextOf,
  NOTEBOOK_EXTENSIONS,
  pairedPaths,
  parseFormats,
  PRESETS,
  scriptExtensionFromMetadata,
  validateFormat,
  validateFormats,
  withEntry,
  withFormats
} from '../jupytext';
import { effectivePairing } from '../jupytext/config';
import { translate } from '../messages';
import { type ProjectConfig, ProjectConfigs } from '../projectconfig';
import jupytextSchema from '../schemas/jupytext.json';
import type { IMetadataSection, ISectionFormContext } from '../tokens';

/** The boolean format options Jupytext knows. */
const BOOLEAN_OPTIONS = FORMAT_OPTIONS.slice(0, 8);

/** The metadata filters, edited as text. */
const FILTERS = ['notebook_metadata_filter', 'cell_metadata_filter'];

/** What people read for each option: a name and what it does. */
const OPTION_TEXT: Record<string, { label: string; description: string }> = {
  comment_magics: {
    label: 'Comment magics',
    description: 'Comment out Jupyter magics (%, !) in the text file.'
  },
  hide_notebook_metadata: {
    label: 'Hide notebook metadata',
    description:
      'Wrap the notebook metadata in an HTML comment (Markdown formats).'
  },
  root_level_metadata_as_raw_cell: {
    label: 'Root metadata as a raw cell',
    description:
      "Keep a text file's root-level metadata (an R Markdown title or author) in a raw cell, not in the notebook metadata."
  },
  split_at_heading: {
    label: 'Split at headings',
    description:
      'Start a new Markdown cell at each heading (Markdown, R Markdown).'
  },
  rst2md: {
    label: 'reStructuredText to Markdown',
    description:
      'Convert reStructuredText to Markdown when reading a Sphinx Gallery script.'
  },
  cell_metadata_json: {
    label: 'Cell metadata as JSON',
    description: 'Write cell metadata as JSON rather than as key=value pairs.'
  },
  use_runtools: {
    label: 'Use runtools',
    description:
      'Map R Markdown chunk options to runtools cell metadata rather than to Jupyter Book tags.'
  },
  doxygen_equation_markers: {
    label: 'Doxygen equation markers',
    description: "Write equations with Doxygen's markers in script comments."
  },
  notebook_metadata_filter: {
    label: 'Notebook metadata filter',
    description:
      'Which notebook metadata the text file keeps: "-all", "all", or keys to add and remove, e.g. "title,-widgets".'
  },
  cell_metadata_filter: {
    label: 'Cell metadata filter',
    description:
      'Which cell metadata the text file keeps: "-all", "all", or keys, e.g. "tags,-autoscroll".'
  }
};

/**
 * The built-in Jupytext section: `metadata.jupytext` as one field with its
 * own controls (presets, the paired files and the whole formats string kept
 * in sync and checked by Jupytext's grammar, the metadata filters and
 * format options, and a preview of the paired files).
 */
export function createJupytextSection(
  contents: Contents.IManager | null,
  options: {
    /** Whether Jupytext is in this JupyterLab (its extension is loaded). */
    jupytextInLab?: boolean;
    /**
     * Whether there is no server at all (JupyterLite): nothing writes the
     * paired files, whatever is installed.
     */
    noServer?: boolean;
  } = {}
): IMetadataSection {
  const jupytextInLab = options.jupytextInLab ?? true;
  const noServer = options.noServer ?? false;
  const Field = (props: FieldProps) => (
    <JupytextField
      {...props}
      contents={contents}
      jupytextInLab={jupytextInLab}
      noServer={noServer}
    />
  );
  return {
    id: 'jupytext',
    label: 'Jupytext',
    rank: 30,
    schema: jupytextSchema as IMetadataSection.ISchema,
    uiSchema: { jupytext: { 'ui:field': 'jupytext' } },
    fields: { jupytext: Field },
    summary: (values, trans, notebook) => {
      const stored = formatsText(values.jupytext);
      if (stored === null) {
        return trans.__('unreadable pairing');
      }
      const config =
        !stored && contents
          ? ProjectConfigs.of(contents).known(notebook.path)
          : null;
      if (config?.state === 'found') {
        const effective = effectivePairing(
          undefined,
          config.found,
          notebook.path,
          { metadata: notebook.metadata }
        );
        const paired = parseFormats(effective.formats);
        if (effective.source === 'config' && paired.ok) {
          return trans.__(
            'paired with %1 by %2',
            formatsToString(
              paired.formats.filter(f => f.extension !== '.ipynb')
            ),
            config.found.path.split('/').pop() ?? ''
          );
        }
      }
      const parsed = parseFormats(stored);
      const others = parsed.ok
        ? parsed.formats.filter(f => f.extension !== '.ipynb')
        : [];
      return others.length > 0
        ? trans.__('paired with %1', formatsToString(others))
        : trans.__('not paired');
    },
    validate: values => {
      const jupytext = values.jupytext;
      // A value that is not an object is flagged by the schema already.
      if (
        jupytext === null ||
        typeof jupytext !== 'object' ||
        Array.isArray(jupytext)
      ) {
        return [];
      }
      const problem = checkJupytext(jupytext);
      return problem
        ? [{ path: '/jupytext', message: '%1', args: [problem] }]
        : [];
    }
  };
}

/**
 * `metadata.jupytext`: the pairing (presets, a list of paired files, and the
 * whole formats string, kept in sync), the metadata filters and format
 * options, and a preview of the paired files. Writes through the notebook's
 * metadata, checked by the section.
 */
function JupytextField(
  props: FieldProps & {
    contents: Contents.IManager | null;
    jupytextInLab: boolean;
    noServer: boolean;
  }
): JSX.Element {
  const { contents } = props;
  const context = props.formContext as ISectionFormContext;
  const { notebook: model, trans } = context;
  const disabled = context.disabled || !!props.disabled;
  // The preview follows renames, and `auto` the kernel's language.
  useSignal(model.changed);
  const metadata = model.metadata;
  const jupytext = props.formData as PartialJSONValue | undefined;
  const stored = formatsText(jupytext);
  const [problem, setProblem] = useOwnedState<string | null>(model, null);
  const projectConfig = useProjectConfig(contents, model.path);
  // The panel's own lookup of the config (once per notebook shown) serves.
  const keeping = useKeeping(model, projectConfig);

  /**
   * Write a pairing: nothing reaches the notebook unless it is valid.
   * Returns why it cannot be written, or null.
   */
  const pair = (formatsString: string): string | null => {
    const next = Private.checkedFormats(formatsString);
    if (!next.ok) {
      return next.message;
    }
    const problems = model.setField(
      'jupytext',
      withFormats(jupytext, next.formats)
    );
    return translate(trans, problems[0]);
  };
  // The whole formats string is a draft, written once (Enter, or the focus
  // leaving); what is wrong with it shows under it, and it stays.
  const formatsDraft = useDraft({
    owner: model,
    value: stored ?? '',
    label: trans.__('Jupytext formats'),
    trans,
    commit: text => {
      const found = pair(text);
      if (found === null) {
        setProblem(null);
      }
      return found;
    }
  });
  const shownProblem = formatsDraft.problem ?? problem;
  // The format options fold away, under a line that says how many are set.
  const [opened, setShowOptions] = useOwnedState<boolean | null>(model, null);
  const options = jupytextOf(jupytext);
  const optionsSet = [...FILTERS, ...BOOLEAN_OPTIONS].filter(
    key => options[key] !== undefined
  ).length;
  // Folded, unless a stored option is of another type than Jupytext's.
  const showOptions =
    opened ??
    (FILTERS.some(
      key => options[key] !== undefined && typeof options[key] !== 'string'
    ) ||
      BOOLEAN_OPTIONS.some(
        key => options[key] !== undefined && typeof options[key] !== 'boolean'
      ));

  const parsed = parseFormats(stored ?? '');
  const formats: IFormat[] = parsed.ok ? parsed.formats : [];
  const layout = pairedPaths(
    model.path,
    formats,
    scriptExtensionFromMetadata(metadata)
  );
  // The notebook's own entry (Jupytext keeps formats it does not resolve).
  const own = layout.ok
    ? formats.indexOf(layout.paths[0].format)
    : formats.findIndex(
        f => f.extension === '.ipynb' && !f.prefix && !f.suffix
      );
  const preset =
    PRESETS.find(p => p.formats === stored)?.id ?? (stored ? 'custom' : '');
  const formatsId = 'jp-NotebookMetadata-jupytextFormats';
  const ids = {
    hint: `${formatsId}-hint`,
    unreadable: `${formatsId}-unreadable`,
    problem: `${formatsId}-error`,
    // The section's own check of `jupytext`, drawn by the field template.
    sectionErrors: `${props.idSchema.$id}__error`
  };
  const unreadable = stored === null && !formatsDraft.editing;
  const hasSectionErrors = (props.errorSchema?.__errors?.length ?? 0) > 0;
  const formatsDescribedBy = [
    ids.hint,
    unreadable ? ids.unreadable : '',
    shownProblem ? ids.problem : '',
    hasSectionErrors ? ids.sectionErrors : ''
  ]
    .filter(Boolean)
    .join(' ');
  // Not paired by its own formats, the notebook may be by the project's.
  const pairedByConfig =
    !stored &&
    projectConfig?.state === 'found' &&
    effectivePairing(undefined, projectConfig.found, model.path, { metadata })
      .source === 'config';
  const unpairedLabel = pairedByConfig
    ? trans.__('From the project config')
    : trans.__('Not paired');
  const presetLabel =
    preset === ''
      ? unpairedLabel
      : preset === 'custom'
        ? trans.__('Custom pairing')
        : trans.__(PRESETS.find(p => p.id === preset)!.label);

  return (
    <div
      className="jp-NotebookMetadata-jupytext"
      data-project-config={projectConfig?.state ?? 'unknown'}
    >
      <label
        className="jp-NotebookMetadata-label"
        htmlFor="jp-NotebookMetadata-jupytextPreset"
      >
        {trans.__('Pair with')}
      </label>
      <select
        id="jp-NotebookMetadata-jupytextPreset"
        className="jp-NotebookMetadata-select jp-NotebookMetadata-wide"
        title={presetLabel}
        value={preset}
        disabled={disabled}
        onChange={event => {
          const chosen = PRESETS.find(p => p.id === event.target.value);
          setProblem(pair(chosen ? chosen.formats : ''));
        }}
      >
        <option value="">{unpairedLabel}</option>
        {preset === 'custom' && (
          <option value="custom">{trans.__('Custom pairing')}</option>
        )}
        {PRESETS.map(p => (
          <option key={p.id} value={p.id}>
            {trans.__(p.label)}
          </option>
        ))}
      </select>

      <FormatRows
        formats={formats}
        owner={model}
        disabled={disabled || !parsed.ok}
        trans={trans}
        onChange={next => pair(formatsToString(next))}
        onProblem={setProblem}
        own={own}
      />

      <label
        className="jp-NotebookMetadata-label"
        htmlFor="jp-NotebookMetadata-jupytextFormats"
      >
        {trans.__('Formats')}
      </label>
      <input
        id="jp-NotebookMetadata-jupytextFormats"
        className="jp-mod-styled jp-NotebookMetadata-wide jp-NotebookMetadata-code"
        aria-label={trans.__('Jupytext formats')}
        aria-invalid={shownProblem !== null || hasSectionErrors}
        aria-describedby={formatsDescribedBy}
        placeholder="ipynb,py:percent"
        spellCheck={false}
        disabled={disabled}
        {...formatsDraft.props}
      />
      <div className="jp-NotebookMetadata-hint" id={ids.hint}>
        {trans.__(
          'Comma-separated formats: extension:format, with an optional folder or prefix, e.g. "ipynb,scripts//py:percent".'
        )}
      </div>
      {unreadable && (
        <FieldMessage kind="notice" id={ids.unreadable}>
          {trans.__(
            'The notebook\'s "jupytext.formats" cannot be read; it is kept as it is.'
          )}
        </FieldMessage>
      )}
      {shownProblem && (
        <FieldMessage kind="error" id={ids.problem}>
          {shownProblem}
        </FieldMessage>
      )}
      <MeanwhileNote note={formatsDraft.meanwhile} />

      <ProjectPairing
        notebook={model}
        formats={stored}
        config={projectConfig}
        contents={contents}
        trans={trans}
      />
      {stored && (
        <PairedFilesPreview
          path={model.path}
          formats={stored}
          scriptExtension={scriptExtensionFromMetadata(metadata)}
          contents={contents}
          trans={trans}
        />
      )}
      {props.noServer && (stored || keeping) && (
        <FieldMessage kind="notice">
          {trans.__(
            'There is no Jupyter server here (JupyterLite): no server writes the paired files when the notebook is saved. The pairing is kept in the notebook for Jupytext wherever it runs (e.g. "jupytext --sync" on a downloaded copy).'
          )}
        </FieldMessage>
      )}
      {!props.noServer && !props.jupytextInLab && (stored || keeping) && (
        <FieldMessage kind="notice">
          {trans.__(
            'Jupytext is not installed in this JupyterLab: nothing here writes the paired files when the notebook is saved. The pairing is kept for Jupytext wherever it runs (e.g. "jupytext --sync").'
          )}
        </FieldMessage>
      )}
      {keeping && <TextFileKeeps keeping={keeping} trans={trans} />}
      <UnpairedFiles
        paths={Private.noLongerPaired(
          model,
          layout.ok ? layout.paths.map(p => p.path) : null
        )}
        contents={contents}
        trans={trans}
      />

      {(stored !== '' || optionsSet > 0) && (
        <div className="jp-NotebookMetadata-formatOptions">
          <button
            type="button"
            className="jp-NotebookMetadata-disclosure"
            aria-expanded={showOptions}
            aria-controls="jp-NotebookMetadata-formatOptions"
            onClick={() => setShowOptions(!showOptions)}
          >
            {showOptions ? (
              <caretDownIcon.react tag="span" />
            ) : (
              <caretRightIcon.react tag="span" />
            )}
            {trans.__('Format options')}
            <span className="jp-NotebookMetadata-sectionSummary">
              {optionsSet > 0
                ? trans.__('%1 set', optionsSet)
                : trans.__('Jupytext defaults')}
            </span>
          </button>
          {showOptions && (
            <div id="jp-NotebookMetadata-formatOptions">
              {FILTERS.map(key => (
                <TextOption
                  key={key}
                  name={key}
                  label={trans.__(OPTION_TEXT[key].label)}
                  description={trans.__(OPTION_TEXT[key].description)}
                  value={jupytextOf(jupytext)[key]}
                  disabled={disabled}
                  owner={model}
                  commit={value => {
                    const found = model.setField(
                      'jupytext',
                      withEntry(jupytext, key, value)
                    );
                    return translate(trans, found[0]);
                  }}
                />
              ))}
              <div
                className="jp-NotebookMetadata-options"
                role="group"
                aria-label={trans.__('Format options')}
              >
                {BOOLEAN_OPTIONS.map(key => {
                  const value = jupytextOf(jupytext)[key];
                  const id = `jp-NotebookMetadata-jupytext-${key}`;
                  // A stored value that is neither true nor false is shown, and kept
                  // until another choice is made.
                  const shown =
                    value === true
                      ? 'true'
                      : value === false
                        ? 'false'
                        : value === undefined
                          ? ''
                          : 'stored';
                  return (
                    <div key={key} className="jp-NotebookMetadata-option">
                      <div className="jp-NotebookMetadata-optionText">
                        <label
                          className="jp-NotebookMetadata-optionLabel"
                          htmlFor={id}
                        >
                          {trans.__(OPTION_TEXT[key].label)}
                        </label>
                        <code
                          className="jp-NotebookMetadata-optionKey"
                          title={key}
                        >
                          {key}
                        </code>
                        <div
                          className="jp-NotebookMetadata-hint"
                          id={`${id}-hint`}
                        >
                          {trans.__(OPTION_TEXT[key].description)}
                        </div>
                      </div>
                      <select
                        id={id}
                        className="jp-NotebookMetadata-select"
                        aria-describedby={`${id}-hint`}
                        value={shown}
                        disabled={disabled}
                        onChange={event => {
                          const choice = event.target.value;
                          if (choice === 'stored') {
                            return;
                          }
                          model.setField(
                            'jupytext',
                            withEntry(
                              jupytext,
                              key,
                              choice === '' ? undefined : choice === 'true'
                            )
                          );
                        }}
                      >
                        {shown === 'stored' && (
                          <option value="stored">
                            {trans.__(
                              '%1 (stored, not true or false)',
                              JSON.stringify(value)
                            )}
                          </option>
                        )}
                        <option value="">{trans.__('Default')}</option>
                        <option value="true">{trans.__('Yes')}</option>
                        <option value="false">{trans.__('No')}</option>
                      </select>
                    </div>
                  );
                })}
              </div>
            </div>
          )}
        </div>
      )}
      <TextRepresentation
        value={jupytextOf(jupytext).text_representation}
        trans={trans}
      />
    </div>
  );
}

/**
 * The pairing as a list of paired files: folder and file-name prefix,
 * suffix, extension and format name of each, every control labelled.
 */
function FormatRows(props: {
  formats: IFormat[];
  /** Whose drafts the fields hold (the notebook). */
  owner: unknown;
  disabled: boolean;
  trans: TranslationBundle;
  /** Write the pairing; returns why it cannot be, or null. */
  onChange: (formats: IFormat[]) => string | null;
  /** Say what is wrong with a change made by a button or a select. */
  onProblem: (problem: string | null) => void;
  /** The index of the notebook's own entry (-1: none). */
  own: number;
}): JSX.Element {
  const { formats, owner, disabled, trans, onChange, onProblem, own } = props;
  // A changed file is checked on its own first: its message is about it.
  const replace = (index: number, format: IFormat) =>
    validateFormat(format) ??
    onChange(formats.map((f, i) => (i === index ? format : f)));
  const change = (next: IFormat[]) => onProblem(onChange(next));
  const set = (index: number, format: IFormat) =>
    onProblem(replace(index, format));
  const extensions = [...NOTEBOOK_EXTENSIONS, '.auto'];
  const id = (index: number, part: string) =>
    `jp-NotebookMetadata-pairedFile-${index}-${part}`;
  return (
    <div className="jp-NotebookMetadata-formatRows">
      <ul
        className="jp-NotebookMetadata-formatList"
        aria-label={trans.__('Paired files')}
      >
        {formats.map((format, index) => (
          <li key={index} className="jp-NotebookMetadata-formatRow">
            <div className="jp-NotebookMetadata-formatTitle">
              <span className="jp-NotebookMetadata-formatName">
                {trans.__('File %1: %2', index + 1, formatsToString([format]))}
              </span>
              {index === own ? (
                // The notebook itself: removing it would pair files that
                // match no notebook. "Not paired" removes the pairing.
                <span className="jp-NotebookMetadata-badge">
                  {trans.__('this notebook')}
                </span>
              ) : (
                <button
                  type="button"
                  className="jp-Button jp-mod-minimal jp-mod-styled jp-NotebookMetadata-textButton"
                  aria-label={trans.__('Remove paired file %1', index + 1)}
                  title={trans.__('Remove paired file %1', index + 1)}
                  disabled={disabled}
                  onClick={() => {
                    const rest = formats.filter((_, i) => i !== index);
                    // The notebook alone is no pairing: unpair.
                    change(rest.length === 1 && index !== own ? [] : rest);
                  }}
                >
                  <deleteIcon.react tag="span" />
                  {trans.__('Remove')}
                </button>
              )}
            </div>
            <div className="jp-NotebookMetadata-formatFields">
              <div>
                <label htmlFor={id(index, 'prefix')}>
                  {trans.__('Prefix')}
                </label>
                <DraftInput
                  id={id(index, 'prefix')}
                  owner={owner}
                  className="jp-mod-styled jp-NotebookMetadata-code"
                  aria-label={trans.__('Prefix of paired file %1', index + 1)}
                  placeholder={trans.__('e.g. scripts/')}
                  title={trans.__(
                    'A folder ("scripts/"), a file-name prefix, or both; "root//" for a folder tree'
                  )}
                  value={format.prefix ?? ''}
                  disabled={disabled}
                  commit={text =>
                    replace(index, {
                      ...format,
                      prefix: text || undefined
                    })
                  }
                />
              </div>
              <div>
                <label htmlFor={id(index, 'suffix')}>
                  {trans.__('Suffix')}
                </label>
                <DraftInput
                  id={id(index, 'suffix')}
                  owner={owner}
                  className="jp-mod-styled jp-NotebookMetadata-code"
                  aria-label={trans.__('Suffix of paired file %1', index + 1)}
                  placeholder={trans.__('e.g. .pct')}
                  title={trans.__(
                    'What the file name ends with, before the extension'
                  )}
                  value={format.suffix ?? ''}
                  disabled={disabled}
                  commit={text =>
                    replace(index, {
                      ...format,
                      suffix: text || undefined
                    })
                  }
                />
              </div>
              <div>
                <label htmlFor={id(index, 'extension')}>
                  {trans.__('Extension')}
                </label>
                <select
                  id={id(index, 'extension')}
                  className="jp-NotebookMetadata-select"
                  aria-label={trans.__(
                    'Extension of paired file %1',
                    index + 1
                  )}
                  value={format.extension}
                  disabled={disabled}
                  onChange={event => {
                    const extension = event.target.value;
                    const names = formatNamesFor(extension);
                    const formatName =
                      format.format_name && names.includes(format.format_name)
                        ? format.format_name
                        : undefined;
                    set(index, {
                      ...format,
                      extension,
                      format_name: formatName
                    });
                  }}
                >
                  {extensions.map(ext => (
                    <option key={ext} value={ext}>
                      {ext}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={id(index, 'format')}>
                  {trans.__('Format')}
                </label>
                <select
                  id={id(index, 'format')}
                  className="jp-NotebookMetadata-select"
                  aria-label={trans.__('Format of paired file %1', index + 1)}
                  value={format.format_name ?? ''}
                  disabled={disabled}
                  onChange={event =>
                    set(index, {
                      ...format,
                      format_name: event.target.value || undefined
                    })
                  }
                >
                  <option value="">{trans.__('Default')}</option>
                  {formatNamesFor(format.extension).map(name => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="jp-Button jp-mod-styled jp-NotebookMetadata-addFormat"
        disabled={disabled}
        onClick={() =>
          change(
            formats.length === 0
              ? [
                  { extension: '.ipynb' },
                  { extension: '.py', format_name: 'percent' }
                ]
              : [...formats, { extension: '.md' }]
          )
        }
      >
        <addIcon.react tag="span" />
        {trans.__('Add a paired file')}
      </button>
    </div>
  );
}

/**
 * The files the notebook is paired with, computed from its own path, each
 * marked as existing on the server or not.
 */
function PairedFilesPreview(props: {
  path: string;
  formats: string;
  scriptExtension: string | undefined;
  contents: Contents.IManager | null;
  trans: TranslationBundle;
}): JSX.Element {
  const { path, formats, scriptExtension, contents, trans } = props;
  const parsed = parseFormats(formats);
  const result = parsed.ok
    ? pairedPaths(path, parsed.formats, scriptExtension)
    : { ok: false as const, message: parsed.message };
  const paths = result.ok ? result.paths.map(p => p.path) : [];
  const states = useFileStates(contents, paths);

  if (!result.ok) {
    return <FieldMessage kind="notice">{result.message}</FieldMessage>;
  }
  return (
    <ul
      className="jp-NotebookMetadata-pairedFiles"
      aria-label={trans.__('Paired files preview')}
    >
      {result.paths.map(({ path: file }) => {
        const state = states[file];
        return (
          <li
            key={file}
            data-exists={
              state === undefined ? 'unknown' : String(state === 'exists')
            }
          >
            <span className="jp-NotebookMetadata-code">{file}</span>{' '}
            <span className="jp-NotebookMetadata-badge">
              {state === undefined
                ? '…'
                : state === 'exists'
                  ? trans.__('exists')
                  : trans.__('not created yet')}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The project's Jupytext configuration file, when one applies to the
 * notebook (found as Jupytext's contents manager finds it): whether it
 * pairs the notebook, or the notebook's own formats win; the options it
 * writes on save over the notebook's; a file Jupytext cannot use, with
 * the reason.
 */
function ProjectPairing(props: {
  notebook: ISectionFormContext['notebook'];
  formats: string | null;
  config: ProjectConfig | null;
  contents: Contents.IManager | null;
  trans: TranslationBundle;
}): JSX.Element | null {
  const { notebook, formats, config, contents, trans } = props;
  if (!config || config.state === 'none') {
    return null;
  }
  if (config.state !== 'found') {
    return (
      <FieldMessage kind={config.state === 'invalid' ? 'error' : 'notice'}>
        {config.state === 'invalid'
          ? trans.__(
              'The Jupytext config file %1 is not valid, so Jupytext cannot open or save this notebook: %2',
              config.path,
              translate(trans, config.problem) ?? ''
            )
          : trans.__(
              'The Jupytext config file %1 decides the pairing, but the panel cannot read it: %2',
              config.path,
              translate(trans, config.problem) ?? ''
            )}
      </FieldMessage>
    );
  }
  const effective = effectivePairing(
    formats ?? undefined,
    config.found,
    notebook.path,
    { metadata: notebook.metadata }
  );
  const file = config.found.path;
  const pairing = effective.configPairing;
  const group =
    pairing?.group !== undefined
      ? trans.__(' (its pairing group %1)', String(pairing.group + 1))
      : '';
  const options = Object.entries(effective.saveOptions).map(
    ([option, value]) => `${option} = ${JSON.stringify(value)}`
  );
  return (
    <div className="jp-NotebookMetadata-projectConfig" role="note">
      <div>
        {effective.source === 'config'
          ? trans.__(
              "Paired by the project's Jupytext config %1%2: %3",
              file,
              group,
              effective.formats
            )
          : pairing && effective.configPairingIgnored === 'notebook-formats'
            ? trans.__(
                "The notebook's own formats win over the project's Jupytext config %1%2, which pairs it as %3.",
                file,
                group,
                pairing.formats
              )
            : trans.__(
                "The project's Jupytext config %1 applies to this notebook; it pairs it with no other file.",
                file
              )}
      </div>
      {options.length > 0 && (
        <div>
          {trans.__('On save, %1 sets %2', file, options.join(', '))}
          {effective.overriddenOptions.length > 0 &&
            trans.__(
              ", over the notebook's own %1.",
              effective.overriddenOptions.join(', ')
            )}
        </div>
      )}
      {effective.source === 'config' && (
        <PairedFilesPreview
          path={notebook.path}
          formats={effective.formats}
          scriptExtension={scriptExtensionFromMetadata(notebook.metadata)}
          contents={contents}
          trans={trans}
        />
      )}
    </div>
  );
}

/**
 * Which top-level keys the text files keep and leave out, and the filter
 * that decides (the project config's, the notebook's own, or Jupytext's
 * default).
 */
function TextFileKeeps(props: {
  keeping: ITextFileKeeping;
  trans: TranslationBundle;
}): JSX.Element {
  const { keeping, trans } = props;
  const keys = [...keeping.keys].sort();
  const kept = keys.filter(key => keeping.kept(key) === 'kept');
  const partly = keys.filter(key => keeping.kept(key) === 'partly');
  const left = keys.filter(
    key =>
      keeping.kept(key) === 'dropped' || keeping.kept(key) === 'unsupported'
  );
  const list = (names: string[]) =>
    names.length > 0 ? names.join(', ') : trans.__('none');
  return (
    <div
      className="jp-NotebookMetadata-textFileKeeps"
      role="note"
      aria-label={trans.__('What the text file keeps')}
    >
      <div>
        {trans.__(
          'The metadata %1 keeps: %2.',
          keeping.files.join(', '),
          list(kept)
        )}
        {partly.length > 0 && ' ' + trans.__('Part of: %1.', list(partly))}
        {left.length > 0 &&
          ' ' +
            (keeping.textOnly
              ? trans.__('Lost on save: %1.', list(left))
              : trans.__('Only in the .ipynb: %1.', list(left)))}
      </div>
      <div className="jp-NotebookMetadata-hint">
        {keeping.filterFile !== null
          ? trans.__(
              'Decided by notebook_metadata_filter = "%1" in %2.',
              keeping.filter,
              keeping.filterFile
            )
          : keeping.filter
            ? trans.__(
                'Decided by the notebook\'s notebook_metadata_filter, "%1".',
                keeping.filter
              )
            : trans.__(
                "Jupytext's default: jupytext, kernelspec and a few more; set a metadata filter under Format options to keep other keys."
              )}
      </div>
    </div>
  );
}

/**
 * The files this notebook was paired with while it was shown, and no
 * longer is, that are still on disk: nothing keeps them in sync any more.
 */
function UnpairedFiles(props: {
  paths: string[];
  contents: Contents.IManager | null;
  trans: TranslationBundle;
}): JSX.Element | null {
  const { paths, contents, trans } = props;
  const states = useFileStates(contents, paths);
  const existing = paths.filter(path => states[path] === 'exists');
  if (existing.length === 0) {
    return null;
  }
  return (
    <div className="jp-NotebookMetadata-unpaired" role="note">
      <div>{trans.__('Still on disk, no longer kept in sync:')}</div>
      <ul aria-label={trans.__('Files no longer paired')}>
        {existing.map(path => (
          <li key={path} className="jp-NotebookMetadata-code">
            {path}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A text option of `jupytext` (a metadata filter), committed once. */
function TextOption(props: {
  name: string;
  label: string;
  description: string;
  value: PartialJSONValue | undefined;
  disabled: boolean;
  owner: unknown;
  commit: (value: string | undefined) => string | null;
}): JSX.Element {
  const { name, value, disabled } = props;
  const id = `jp-NotebookMetadata-jupytext-${name}`;
  return (
    <div className="jp-NotebookMetadata-textOption">
      <label className="jp-NotebookMetadata-optionLabel" htmlFor={id}>
        {props.label}
      </label>{' '}
      <code className="jp-NotebookMetadata-optionKey" title={name}>
        {name}
      </code>
      <DraftInput
        id={id}
        owner={props.owner}
        className="jp-mod-styled jp-NotebookMetadata-wide jp-NotebookMetadata-code"
        aria-describedby={`${id}-hint`}
        placeholder="-all"
        value={
          typeof value === 'string'
            ? value
            : value === undefined
              ? ''
              : JSON.stringify(value)
        }
        disabled={
          disabled || (value !== undefined && typeof value !== 'string')
        }
        commit={text => props.commit(text === '' ? undefined : text)}
      />
      <div className="jp-NotebookMetadata-hint" id={`${id}-hint`}>
        {props.description}
      </div>
    </div>
  );
}

/** `jupytext.text_representation`, which Jupytext writes: shown only. */
function TextRepresentation(props: {
  value: PartialJSONValue | undefined;
  trans: TranslationBundle;
}): JSX.Element | null {
  const value = props.value;
  if (value === undefined) {
    return null;
  }
  const isRecord =
    value !== null && typeof value === 'object' && !Array.isArray(value);
  return (
    <div className="jp-NotebookMetadata-languageInfo">
      <div className="jp-NotebookMetadata-label">
        {props.trans.__('Text representation (written by Jupytext)')}
      </div>
      {isRecord ? (
        <dl>
          {Object.entries(value).map(([key, field]) => (
            <React.Fragment key={key}>
              <dt>{key}</dt>
              <dd>
                {typeof field === 'string' ? field : JSON.stringify(field)}
              </dd>
            </React.Fragment>
          ))}
        </dl>
      ) : (
        <div className="jp-NotebookMetadata-code">{JSON.stringify(value)}</div>
      )}
    </div>
  );
}

/**
 * Module-private helpers.
 */
namespace Private {
  /** The files each notebook was paired with while it was shown. */
  const pairedBefore = new WeakMap<object, Set<string>>();

  /**
   * The files a notebook was paired with while it was shown and is not now
   * (`paired`: its paired files now, itself first; null when they cannot
   * be known).
   */
  export function noLongerPaired(
    notebook: object,
    paired: string[] | null
  ): string[] {
    if (paired === null) {
      return [];
    }
    const [self, ...others] = paired;
    let seen = pairedBefore.get(notebook);
    if (!seen) {
      seen = new Set();
      pairedBefore.set(notebook, seen);
    }
    for (const path of others) {
      seen.add(path);
    }
    return [...seen].filter(path => path !== self && !others.includes(path));
  }

  /**
   * A formats string checked and in Jupytext's short form ('' unpairs), or
   * why it is invalid.
   */
  export function checkedFormats(
    text: string
  ): { ok: true; formats: string } | { ok: false; message: string } {
    const value = text.trim();
    if (value === '') {
      return { ok: true, formats: '' };
    }
    const parsed = parseFormats(value);
    if (!parsed.ok) {
      return parsed;
    }
    const error = validateFormats(parsed.formats);
    return error
      ? { ok: false, message: error }
      : { ok: true, formats: formatsToString(parsed.formats) };
  }
}
