import { NotebookModel } from '@jupyterlab/notebook';
import { Signal } from '@lumino/signaling';

import type { NotebookMetadataModel } from '../model';
import { ActiveNotebookMetadata } from '../tracker';

/**
 * What the tracker uses of a notebook panel and of the notebook tracker:
 * real notebook models and signals, without the widgets around them.
 */
class PanelStandIn {
  constructor(readonly path: string) {
    this.context = {
      model: new NotebookModel(),
      path,
      pathChanged: new Signal(this)
    };
  }
  readonly context: {
    model: NotebookModel;
    path: string;
    pathChanged: Signal<any, string>;
  };
  readonly disposed = new Signal<this, void>(this);
  isDisposed = false;
  dispose(): void {
    this.isDisposed = true;
    this.disposed.emit();
  }
}

class TrackerStandIn {
  currentWidget: PanelStandIn | null = null;
  readonly currentChanged = new Signal<this, PanelStandIn | null>(this);
  activate(panel: PanelStandIn | null): void {
    this.currentWidget = panel;
    this.currentChanged.emit(panel);
  }
}

function follow() {
  const tracker = new TrackerStandIn();
  const active = new ActiveNotebookMetadata(tracker as any);
  const seen: Array<NotebookMetadataModel | null> = [];
  active.currentChanged.connect((_, model) => seen.push(model));
  return { tracker, active, seen };
}

describe('ActiveNotebookMetadata', () => {
  it('hands out the model of the active notebook and follows switches', () => {
    const { tracker, active, seen } = follow();
    expect(active.current).toBeNull();
    const a = new PanelStandIn('a.ipynb');
    const b = new PanelStandIn('b.ipynb');
    tracker.activate(a);
    tracker.activate(b);
    const modelOfB = active.current;
    tracker.activate(a);
    expect(seen.map(model => model?.path)).toEqual([
      'a.ipynb',
      'b.ipynb',
      'a.ipynb'
    ]);
    tracker.activate(b);
    expect(active.current).toBe(modelOfB);
  });

  it('disposes a notebook’s model with the notebook and falls back to none', () => {
    const { tracker, active, seen } = follow();
    const a = new PanelStandIn('a.ipynb');
    tracker.activate(a);
    const model = active.current!;
    tracker.currentWidget = null;
    a.dispose();
    expect(model.isDisposed).toBe(true);
    expect(active.current).toBeNull();
    expect(seen[seen.length - 1]).toBeNull();
  });

  it('makes no model for a notebook already disposed', () => {
    const { tracker, active } = follow();
    const a = new PanelStandIn('a.ipynb');
    a.isDisposed = true;
    tracker.activate(a);
    expect(active.current).toBeNull();
  });

  it('leaves no listener behind once disposed', () => {
    const { tracker, active, seen } = follow();
    const a = new PanelStandIn('a.ipynb');
    tracker.activate(a);
    const model = active.current!;
    active.dispose();
    expect(model.isDisposed).toBe(true);
    tracker.activate(new PanelStandIn('b.ipynb'));
    expect(seen).toHaveLength(1);
    a.context.model.setMetadata('x', 1);
    expect(active.isDisposed).toBe(true);
  });
});
