/**
 * The folder report's view: the table of notebooks (sortable, filterable,
 * with columns of the user's keys), the batch fix form with its errors next
 * to its inputs, the preview, and the per-file results with their undo.
 */
import type { TranslationBundle } from '@jupyterlab/translation';
import type { PartialJSONValue } from '@lumino/coreutils';
import React, { useMemo, useState } from 'react';

import { useSignal } from '../components/hooks';
import { PRESETS } from '../jupytext';
import { parseJSON } from '../keys';
import { translate } from '../messages';
import { getPath, parseFieldName } from '../pointer';
import type { FolderReportModel, IFilePlan, INotebookRow } from './model';
import { checkField, checkFix, type FolderFix, shortJSON } from './plan';

/** The view's properties. */
export interface IFolderReportViewProps {
  /** The report. */
  model: FolderReportModel;
  /** The extension's translations. */
  trans: TranslationBundle;
  /** Open a notebook with the metadata panel. */
  onOpen: (path: string) => void;
}

/** The columns a table can be sorted by. */
type SortKey = 'path' | 'kernel' | 'pairing' | 'problems' | string;

/** The whole report. */
export function FolderReportView(props: IFolderReportViewProps): JSX.Element {
  const { model, trans } = props;
  useSignal(model.changed);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; up: boolean }>({
    key: 'path',
    up: true
  });
  const [columns, setColumns] = useState<string[]>([]);
  const [column, setColumn] = useState('');
  const [unpicked, setUnpicked] = useState<Set<string>>(new Set());

  const rows = model.rows;
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const matching = needle
      ? rows.filter(row =>
          Private.rowText(row, columns, trans).toLowerCase().includes(needle)
        )
      : rows.slice();
    const value = (row: INotebookRow) =>
      Private.sortValue(row, sort.key, trans);
    matching.sort((a, b) => {
      const c = value(a).localeCompare(value(b), undefined, {
        numeric: true
      });
      return sort.up ? c : -c;
    });
    return matching;
  }, [rows, filter, sort, columns, model.version]);
  const picked = shown
    .filter(row => !unpicked.has(row.path))
    .map(row => row.path);

  const header = (key: SortKey, label: string) => (
    <th
      aria-sort={
        sort.key === key ? (sort.up ? 'ascending' : 'descending') : 'none'
      }
    >
      <button
        className="jp-NotebookMetadata-folderSort"
        onClick={() => setSort({ key, up: sort.key === key ? !sort.up : true })}
      >
        {label}
        {sort.key === key ? (sort.up ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  const columnProblem = column
    ? parseFieldName(column).ok
      ? null
      : trans.__('Type a key name or a JSON pointer such as /toc/number.')
    : null;

  return (
    <div className="jp-NotebookMetadata-folder">
      <div className="jp-NotebookMetadata-folderHeader">
        <h2>
          {trans.__('Notebook metadata of %1', model.paths.join(', ') || '/')}
        </h2>
        <button
          className="jp-mod-styled"
          disabled={model.busy}
          onClick={() => void model.scan()}
        >
          {trans.__('Scan again')}
        </button>
      </div>
      <Progress model={model} trans={trans} />
      <p className="jp-NotebookMetadata-folderSummary" role="status">
        {model.busy && model.progress.phase === 'listing'
          ? trans.__('Listing the folders…')
          : trans.__(
              '%1 notebooks; %2 shown, %3 picked.',
              rows.length,
              shown.length,
              picked.length
            )}
        {model.truncated
          ? ' ' +
            trans.__(
              'Only the first %1 notebooks are read: report a smaller folder to see the others.',
              model.limit
            )
          : ''}
      </p>
      <div className="jp-NotebookMetadata-folderTools">
        <label>
          {trans.__('Filter')}{' '}
          <input
            className="jp-mod-styled"
            type="search"
            value={filter}
            placeholder={trans.__('path, kernel, pairing, problem…')}
            onChange={e => setFilter(e.target.value)}
          />
        </label>
        <form
          onSubmit={e => {
            e.preventDefault();
            if (column && !columnProblem && !columns.includes(column)) {
              setColumns([...columns, column]);
              setColumn('');
            }
          }}
        >
          <label>
            {trans.__('Key column')}{' '}
            <input
              className="jp-mod-styled"
              value={column}
              aria-invalid={!!columnProblem}
              onChange={e => setColumn(e.target.value)}
            />
          </label>{' '}
          <button className="jp-mod-styled" type="submit">
            {trans.__('Add column')}
          </button>
          {columnProblem && (
            <span className="jp-NotebookMetadata-folderError" role="alert">
              {columnProblem}
            </span>
          )}
        </form>
      </div>
      <div className="jp-NotebookMetadata-folderTableWrap">
        <table className="jp-NotebookMetadata-folderTable">
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label={trans.__('Pick every notebook shown')}
                  checked={picked.length === shown.length && shown.length > 0}
                  onChange={e => {
                    const next = new Set(unpicked);
                    for (const row of shown) {
                      if (e.target.checked) {
                        next.delete(row.path);
                      } else {
                        next.add(row.path);
                      }
                    }
                    setUnpicked(next);
                  }}
                />
              </th>
              {header('path', trans.__('Notebook'))}
              {header('kernel', trans.__('Kernel'))}
              {header('pairing', trans.__('Jupytext pairing'))}
              {header('problems', trans.__('Problems'))}
              {columns.map(key => (
                <React.Fragment key={key}>
                  {header(`column:${key}`, key)}
                </React.Fragment>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map(row => (
              <Row
                key={row.path}
                row={row}
                columns={columns}
                picked={!unpicked.has(row.path)}
                onPick={value => {
                  const next = new Set(unpicked);
                  if (value) {
                    next.delete(row.path);
                  } else {
                    next.add(row.path);
                  }
                  setUnpicked(next);
                }}
                onOpen={props.onOpen}
                trans={trans}
              />
            ))}
          </tbody>
        </table>
      </div>
      <FixForm model={model} trans={trans} picked={picked} />
      <Preview model={model} trans={trans} />
      <Results model={model} trans={trans} />
    </div>
  );
}

/** The progress bar of a scan, a batch or an undo. */
function Progress(props: {
  model: FolderReportModel;
  trans: TranslationBundle;
}): JSX.Element | null {
  useSignal(props.model.progressChanged);
  const { progress } = props.model;
  if (progress.phase === 'idle') {
    return null;
  }
  const label = {
    listing: props.trans.__('Listing'),
    reading: props.trans.__('Reading notebooks'),
    applying: props.trans.__('Applying'),
    undoing: props.trans.__('Undoing')
  }[progress.phase];
  return (
    <div className="jp-NotebookMetadata-folderProgress">
      <progress
        aria-label={label}
        max={progress.total || undefined}
        value={progress.total ? progress.done : undefined}
      />
      <span>
        {label} {progress.total ? `${progress.done} / ${progress.total}` : ''}
      </span>
    </div>
  );
}

/** One notebook's row. */
function Row(props: {
  row: INotebookRow;
  columns: string[];
  picked: boolean;
  onPick: (picked: boolean) => void;
  onOpen: (path: string) => void;
  trans: TranslationBundle;
}): JSX.Element {
  const { row, trans } = props;
  const notes: string[] = [];
  if (row.state !== 'ok') {
    notes.push(
      row.state === 'invalid'
        ? trans.__('Not a valid notebook')
        : trans.__('Unreadable')
    );
  }
  if (!row.writable) {
    notes.push(trans.__('Read-only'));
  }
  if (row.open) {
    notes.push(
      row.dirty ? trans.__('Open, unsaved changes') : trans.__('Open')
    );
  }
  return (
    <tr data-path={row.path} className="jp-NotebookMetadata-folderRow">
      <td>
        <input
          type="checkbox"
          aria-label={trans.__('Pick %1', row.path)}
          checked={props.picked}
          onChange={e => props.onPick(e.target.checked)}
        />
      </td>
      <td>
        <button
          className="jp-NotebookMetadata-folderOpen"
          title={trans.__('Open %1 with the metadata panel', row.path)}
          onClick={() => props.onOpen(row.path)}
          disabled={row.state !== 'ok'}
        >
          {row.path}
        </button>
        {notes.map(note => (
          <span key={note} className="jp-NotebookMetadata-folderTag">
            {note}
          </span>
        ))}
        {row.error && (
          <div className="jp-NotebookMetadata-folderError">
            {translate(trans, row.error)}
          </div>
        )}
      </td>
      <td data-column="kernel">
        {row.state === 'ok' && Private.kernelText(row, trans)}
      </td>
      <td data-column="pairing">
        {row.state === 'ok' && Private.pairingText(row, trans)}
      </td>
      <td data-column="problems">
        {row.problems.length > 0 && (
          <ul>
            {row.problems.map((problem, i) => (
              <li key={i}>{translate(trans, problem)}</li>
            ))}
          </ul>
        )}
      </td>
      {props.columns.map(key => (
        <td key={key} data-column={`key:${key}`}>
          {Private.columnText(row, key)}
        </td>
      ))}
    </tr>
  );
}

/** The kinds of fixes, for the picker. */
const KINDS: Array<{ kind: FolderFix['kind']; label: string }> = [
  { kind: 'kernel', label: 'Set the kernel' },
  { kind: 'pair', label: 'Pair with Jupytext' },
  { kind: 'unpair', label: 'Remove the Jupytext pairing' },
  { kind: 'set', label: 'Set a key' },
  { kind: 'rename', label: 'Rename a key' },
  { kind: 'delete', label: 'Delete a key' }
];

/** The batch fix form. */
function FixForm(props: {
  model: FolderReportModel;
  trans: TranslationBundle;
  picked: string[];
}): JSX.Element {
  const { model, trans } = props;
  const [kind, setKind] = useState<FolderFix['kind']>('kernel');
  const [kernel, setKernel] = useState('');
  const [formats, setFormats] = useState(PRESETS[0].formats);
  const [field, setField] = useState('');
  const [to, setTo] = useState('');
  const [valueText, setValueText] = useState('');
  const [problem, setProblem] = useState<{
    at: 'kernel' | 'formats' | 'field' | 'to' | 'value';
    text: string;
  } | null>(null);

  const build = (): FolderFix | null => {
    let fix: FolderFix;
    switch (kind) {
      case 'kernel': {
        const spec = model.kernels.find(k => k.name === kernel);
        if (!spec) {
          setProblem({ at: 'kernel', text: trans.__('Pick a kernel.') });
          return null;
        }
        fix = { kind, spec };
        break;
      }
      case 'pair':
        fix = { kind, formats };
        break;
      case 'unpair':
        fix = { kind };
        break;
      case 'set': {
        const parsed = parseJSON(valueText);
        if (!parsed.ok) {
          setProblem({
            at: 'value',
            text: translate(trans, parsed.problem)
          });
          return null;
        }
        fix = { kind, field, value: parsed.value as PartialJSONValue };
        break;
      }
      case 'rename':
        fix = { kind, from: field, to };
        break;
      case 'delete':
        fix = { kind, field };
        break;
    }
    const wrong = checkFix(fix);
    if (wrong) {
      setProblem({ at: Private.problemAt(fix), text: translate(trans, wrong) });
      return null;
    }
    setProblem(null);
    return fix;
  };

  const error = (at: string) =>
    problem?.at === at ? (
      <span
        className="jp-NotebookMetadata-folderError"
        role="alert"
        id={`jp-NotebookMetadata-folderError-${at}`}
      >
        {problem.text}
      </span>
    ) : null;
  const described = (at: string) =>
    problem?.at === at
      ? {
          'aria-invalid': true,
          'aria-describedby': `jp-NotebookMetadata-folderError-${at}`
        }
      : {};

  return (
    <form
      className="jp-NotebookMetadata-folderFix"
      aria-label={trans.__('Batch fix')}
      onSubmit={e => {
        e.preventDefault();
        const fix = build();
        if (fix) {
          model.preview(fix, props.picked);
        }
      }}
    >
      <h3>{trans.__('Fix the picked notebooks')}</h3>
      <label>
        {trans.__('Fix')}{' '}
        <select
          className="jp-mod-styled"
          aria-label={trans.__('Fix')}
          value={kind}
          onChange={e => {
            setKind(e.target.value as FolderFix['kind']);
            setProblem(null);
          }}
        >
          {KINDS.map(k => (
            <option key={k.kind} value={k.kind}>
              {trans.__(k.label)}
            </option>
          ))}
        </select>
      </label>
      {kind === 'kernel' && (
        <label>
          {trans.__('Kernel')}{' '}
          <select
            className="jp-mod-styled"
            aria-label={trans.__('Kernel')}
            value={kernel}
            onChange={e => setKernel(e.target.value)}
            {...described('kernel')}
          >
            <option value="">{trans.__('Pick an installed kernel')}</option>
            {model.kernels.map(k => (
              <option key={k.name} value={k.name}>
                {k.display_name} ({k.name})
              </option>
            ))}
          </select>
          {error('kernel')}
        </label>
      )}
      {kind === 'pair' && (
        <label>
          {trans.__('Formats')}{' '}
          <input
            className="jp-mod-styled"
            list="jp-NotebookMetadata-folderPresets"
            value={formats}
            onChange={e => setFormats(e.target.value)}
            {...described('formats')}
          />
          <datalist id="jp-NotebookMetadata-folderPresets">
            {PRESETS.map(p => (
              <option key={p.id} value={p.formats}>
                {trans.__(p.label)}
              </option>
            ))}
          </datalist>
          {error('formats')}
        </label>
      )}
      {(kind === 'set' || kind === 'rename' || kind === 'delete') && (
        <label>
          {kind === 'rename'
            ? trans.__('Key')
            : trans.__('Key or JSON pointer')}{' '}
          <input
            className="jp-mod-styled"
            value={field}
            onChange={e => setField(e.target.value)}
            {...described('field')}
          />
          {error('field')}
        </label>
      )}
      {kind === 'rename' && (
        <label>
          {trans.__('New name')}{' '}
          <input
            className="jp-mod-styled"
            value={to}
            onChange={e => setTo(e.target.value)}
            {...described('to')}
          />
          {error('to')}
        </label>
      )}
      {kind === 'set' && (
        <label>
          {trans.__('Value (JSON)')}{' '}
          <textarea
            className="jp-mod-styled"
            value={valueText}
            rows={2}
            onChange={e => setValueText(e.target.value)}
            {...described('value')}
          />
          {error('value')}
        </label>
      )}
      <button
        className="jp-mod-styled jp-mod-accept"
        type="submit"
        disabled={model.busy || props.picked.length === 0}
      >
        {trans.__('Preview')}
      </button>
    </form>
  );
}

/** The preview: what changes in each file. */
function Preview(props: {
  model: FolderReportModel;
  trans: TranslationBundle;
}): JSX.Element | null {
  const { model, trans } = props;
  const plan = model.plan;
  if (!model.fix) {
    return null;
  }
  const changing = plan.filter(p => p.status === 'change');
  return (
    <section
      className="jp-NotebookMetadata-folderPreview"
      aria-label={trans.__('Preview')}
    >
      <h3>
        {trans.__(
          'Preview: %1 of %2 notebooks change',
          changing.length,
          plan.length
        )}
      </h3>
      <ul>
        {plan.map(p => (
          <PlanItem key={p.path} plan={p} trans={trans} />
        ))}
      </ul>
      <button
        className="jp-mod-styled jp-mod-accept"
        disabled={model.busy || changing.length === 0}
        onClick={() => void model.apply()}
      >
        {trans.__('Apply to %1 notebooks', changing.length)}
      </button>{' '}
      <button
        className="jp-mod-styled"
        disabled={model.busy}
        onClick={() => model.clearPreview()}
      >
        {trans.__('Cancel')}
      </button>
    </section>
  );
}

/** One file of the preview. */
function PlanItem(props: {
  plan: IFilePlan;
  trans: TranslationBundle;
}): JSX.Element {
  const { plan, trans } = props;
  const status = {
    change: plan.open
      ? trans.__('changes (in its open editor)')
      : trans.__('changes'),
    same: trans.__('already as asked'),
    refused: trans.__('refused'),
    excluded: trans.__('not touched')
  }[plan.status];
  return (
    <li data-path={plan.path} data-status={plan.status}>
      <strong>{plan.path}</strong>: {status}
      {plan.problems.map((problem, i) => (
        <div key={i} className="jp-NotebookMetadata-folderError">
          {translate(trans, problem)}
        </div>
      ))}
      {plan.changes.length > 0 && (
        <table className="jp-NotebookMetadata-folderDiff">
          <thead>
            <tr>
              <th>{trans.__('Key')}</th>
              <th>{trans.__('Before')}</th>
              <th>{trans.__('After')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.changes.map(change => (
              <tr key={change.key}>
                <td>{change.key}</td>
                <td>
                  <code>
                    {change.before === undefined
                      ? trans.__('(none)')
                      : JSON.stringify(change.before)}
                  </code>
                </td>
                <td>
                  <code>
                    {change.after === undefined
                      ? trans.__('(removed)')
                      : JSON.stringify(change.after)}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

/** The result of each file of the last batch, with their undo. */
function Results(props: {
  model: FolderReportModel;
  trans: TranslationBundle;
}): JSX.Element | null {
  const { model, trans } = props;
  const results = model.results;
  if (results.length === 0) {
    return null;
  }
  const undoable = results.filter(r => model.canUndo(r.path));
  const state = {
    before: trans.__('as before'),
    after: trans.__('changed'),
    unknown: trans.__('not known')
  };
  return (
    <section
      className="jp-NotebookMetadata-folderResults"
      aria-label={trans.__('Results')}
    >
      <h3>
        {model.resultsOf === 'undo'
          ? trans.__('Results of the undo')
          : trans.__('Results of the batch')}
      </h3>
      <button
        className="jp-mod-styled"
        disabled={model.busy || undoable.length === 0}
        onClick={() => void model.undo()}
      >
        {trans.__('Undo the batch (%1 files)', undoable.length)}
      </button>
      <table className="jp-NotebookMetadata-folderTable">
        <thead>
          <tr>
            <th>{trans.__('Notebook')}</th>
            <th>{trans.__('Outcome')}</th>
            <th>{trans.__('The file is')}</th>
            <th>{trans.__('What happened')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {results.map(result => (
            <tr
              key={result.path}
              data-path={result.path}
              data-outcome={result.outcome}
              data-state={result.state}
            >
              <td>{result.path}</td>
              <td>
                {
                  {
                    done: trans.__('done'),
                    skipped: trans.__('skipped'),
                    failed: trans.__('failed')
                  }[result.outcome]
                }
              </td>
              <td>{state[result.state]}</td>
              <td>{translate(trans, result.message)}</td>
              <td>
                {model.canUndo(result.path) && (
                  <button
                    className="jp-mod-styled"
                    disabled={model.busy}
                    aria-label={trans.__('Undo %1', result.path)}
                    onClick={() => void model.undo([result.path])}
                  >
                    {trans.__('Undo')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * Module-private helpers.
 */
namespace Private {
  /** The kernel cell's text. */
  export function kernelText(
    row: INotebookRow,
    trans: TranslationBundle
  ): string {
    if (!row.kernel.name) {
      return trans.__('(none)');
    }
    return row.kernel.installed
      ? `${row.kernel.display} (${row.kernel.name})`
      : trans.__('%1 (not installed)', row.kernel.name);
  }

  /** The pairing cell's text. */
  export function pairingText(
    row: INotebookRow,
    trans: TranslationBundle
  ): string {
    const pairing = row.pairing;
    if (!pairing || pairing.source === 'none') {
      return trans.__('not paired');
    }
    return pairing.source === 'notebook'
      ? pairing.formats
      : trans.__('%1 (from %2)', pairing.formats, pairing.configFile ?? '');
  }

  /** A key column's text. */
  export function columnText(row: INotebookRow, key: string): string {
    const parsed = parseFieldName(key);
    return parsed.ok ? shortJSON(getPath(row.metadata, parsed.path)) : '';
  }

  /** Everything a filter looks through. */
  export function rowText(
    row: INotebookRow,
    columns: string[],
    trans: TranslationBundle
  ): string {
    return [
      row.path,
      row.state === 'ok' ? kernelText(row, trans) : '',
      row.state === 'ok' ? pairingText(row, trans) : '',
      ...row.problems.map(p => translate(trans, p)),
      row.error ? translate(trans, row.error) : '',
      ...columns.map(key => columnText(row, key)),
      row.writable ? '' : 'read-only',
      row.open ? 'open' : ''
    ].join('\n');
  }

  /** What a column sorts by. */
  export function sortValue(
    row: INotebookRow,
    key: string,
    trans: TranslationBundle
  ): string {
    switch (key) {
      case 'path':
        return row.path;
      case 'kernel':
        return row.state === 'ok' ? kernelText(row, trans) : '';
      case 'pairing':
        return row.state === 'ok' ? pairingText(row, trans) : '';
      case 'problems':
        return String(row.problems.length).padStart(6, '0');
      default:
        return columnText(row, key.slice('column:'.length));
    }
  }

  /** Which input a fix's problem is about. */
  export function problemAt(
    fix: FolderFix
  ): 'kernel' | 'formats' | 'field' | 'to' | 'value' {
    switch (fix.kind) {
      case 'kernel':
        return 'kernel';
      case 'pair':
      case 'unpair':
        return 'formats';
      case 'set':
        return checkField(fix.field) ? 'field' : 'value';
      case 'rename':
        return checkField(fix.from, false) ? 'field' : 'to';
      case 'delete':
        return 'field';
    }
  }
}
