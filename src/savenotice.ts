import { Notification } from '@jupyterlab/apputils';
import type { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import type { TranslationBundle } from '@jupyterlab/translation';
import { DisposableDelegate, type IDisposable } from '@lumino/disposable';

import { unappliedEdits } from './components/draft';
import type { ActiveNotebookMetadata } from './tracker';

/**
 * Say so when a notebook is saved while the panel holds edits of it that
 * are not in it (a draft being typed, a value its section refused): the
 * save goes on without them, and the notice names their fields.
 */
export function noticeUnappliedAtSave(
  tracker: INotebookTracker,
  active: ActiveNotebookMetadata,
  trans: TranslationBundle
): IDisposable {
  /** The notice shown for each notebook, by path. */
  const notices = new Map<string, string>();
  const onSave = (context: NotebookPanel['context'], state: string) => {
    const model = active.current;
    if (state !== 'started' || !model || model.path !== context.path) {
      return;
    }
    const fields = unappliedEdits.of(model);
    if (fields.length === 0) {
      return;
    }
    const message = trans.__(
      'Saved without what the metadata panel holds and has not applied: %1. Press Enter or leave a field to apply it; a value with an error stays until it is valid.',
      fields.join('; ')
    );
    // One notice per notebook: a later save (the lab's autosave too)
    // updates it rather than piling up another.
    const shown = notices.get(context.path);
    const updated =
      shown !== undefined &&
      Notification.update({
        id: shown,
        message,
        type: 'warning',
        autoClose: 10_000
      });
    if (!updated) {
      notices.set(
        context.path,
        Notification.warning(message, { autoClose: 10_000 })
      );
    }
  };
  const follow = (_: INotebookTracker, notebook: NotebookPanel) => {
    notebook.context.saveState.connect(onSave);
  };
  tracker.forEach(notebook => follow(tracker, notebook));
  tracker.widgetAdded.connect(follow);
  return new DisposableDelegate(() => {
    tracker.widgetAdded.disconnect(follow);
    tracker.forEach(notebook => notebook.context.saveState.disconnect(onSave));
  });
}
