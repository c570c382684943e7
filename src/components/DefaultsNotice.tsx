import type { INotebookTracker } from '@jupyterlab/notebook';
import type { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget } from '@jupyterlab/ui-components';
import React, { useEffect, useState } from 'react';

import { fieldLabel } from '../defaults';
import { translate } from '../messages';
import type { IAppliedDefaults, NewNotebookDefaults } from '../newnotebooks';

/**
 * The panel's note on the active notebook, when it was created in this page
 * and got the defaults for new notebooks: which values, from where (a
 * section's defaults, the template; the user's settings or everyone's), or
 * why they were not written.
 */
export function DefaultsNotice(props: {
  defaults: NewNotebookDefaults;
  tracker: INotebookTracker;
  trans: TranslationBundle;
}): JSX.Element | null {
  const { defaults, tracker, trans } = props;
  const [, setVersion] = useState(0);
  useEffect(() => {
    const update = () => setVersion(version => version + 1);
    tracker.currentChanged.connect(update);
    defaults.applied.connect(update);
    return () => {
      tracker.currentChanged.disconnect(update);
      defaults.applied.disconnect(update);
    };
  }, [defaults, tracker]);
  const model = tracker.currentWidget?.model ?? null;
  const applied = defaults.appliedTo(model);
  if (!model || !applied) {
    return null;
  }
  return (
    <div
      className="jp-NotebookMetadata-message jp-NotebookMetadata-defaultsNotice"
      role="note"
      aria-label={trans.__('Defaults for new notebooks')}
    >
      <p>{Private.heading(applied, trans)}</p>
      {Private.groups(applied, trans).map(([from, fields]) => (
        <p key={from}>
          {trans.__('%1: %2', from, fields.map(fieldLabel).join(', '))}
        </p>
      ))}
      {applied.problems.map((problem, index) => (
        <p key={`problem-${index}`} className="jp-NotebookMetadata-error">
          {translate(trans, problem)}
        </p>
      ))}
      <button
        type="button"
        className="jp-mod-styled jp-mod-reject"
        onClick={() => defaults.forget(model)}
      >
        {trans.__('Dismiss')}
      </button>
    </div>
  );
}

/** The notice as a widget of the panel. */
export function createDefaultsNotice(
  defaults: NewNotebookDefaults,
  tracker: INotebookTracker,
  trans: TranslationBundle
): ReactWidget {
  const widget = ReactWidget.create(
    <DefaultsNotice defaults={defaults} tracker={tracker} trans={trans} />
  );
  widget.addClass('jp-NotebookMetadata-defaults');
  return widget;
}

/**
 * Module-private helpers.
 */
namespace Private {
  /** The notice's first sentence. */
  export function heading(
    applied: IAppliedDefaults,
    trans: TranslationBundle
  ): string {
    const whose =
      applied.setting === 'user'
        ? trans.__('your settings')
        : trans.__(
            "the settings for everyone (this server's overrides.json, set by its admin)"
          );
    return applied.origins.length > 0
      ? trans.__(
          'This new notebook got its first metadata from the defaults for new notebooks of %1, as one edit (Undo takes it back).',
          whose
        )
      : trans.__(
          'The defaults for new notebooks of %1 were not written into this new notebook.',
          whose
        );
  }

  /** The written fields, by where they came from. */
  export function groups(
    applied: IAppliedDefaults,
    trans: TranslationBundle
  ): Array<[string, string[]]> {
    const found = new Map<string, string[]>();
    for (const origin of applied.origins) {
      const from =
        origin.from === 'template'
          ? trans.__('From the template')
          : trans.__('Defaults of the section "%1"', origin.section ?? '');
      found.set(from, [...(found.get(from) ?? []), origin.pointer]);
    }
    return Array.from(found.entries());
  }
}
