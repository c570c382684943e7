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

/** A server's folders, as JupyterLab's contents manager lists them. */
class FoldersStandIn {
  files = new Set<string>();
  failing = false;
  listed: string[] = [];
  async get(path: string): Promise<{ content: Array<{ name: string }> }> {
    this.listed.push(path);
    if (this.failing) {
      throw new Error('The server is unreachable');
    }
    const prefix = path ? `${path}/` : '';
    const names = new Set<string>();
    for (const file of this.files) {
      if (file.startsWith(prefix)) {
        names.add(file.slice(prefix.length).split('/')[0]);
      }
    }
    return { content: [...names].map(name => ({ name })) };
  }
}

/** Let pending listings finish. */
async function settled(): Promise<void> {
  // The look for the file is made in a task of its own after a switch.
  await new Promise(resolve => setTimeout(resolve, 0));
  for (let i = 0; i < 10; i++) {
    await Promise.resolve();
  }
}

describe('ActiveNotebookMetadata, when the file goes away', () => {
  function watch() {
    const tracker = new TrackerStandIn();
    const folders = new FoldersStandIn();
    const active = new ActiveNotebookMetadata(tracker as any, {
      files: folders,
      fileCheckInterval: 1e9,
      fileCheckDelay: 0
    });
    return { tracker, folders, active };
  }

  it('tells the model its file is gone, when the page gets the focus back, and writes nothing', async () => {
    const { tracker, folders, active } = watch();
    folders.files.add('work/a.ipynb');
    const a = new PanelStandIn('work/a.ipynb');
    tracker.activate(a);
    await settled();
    const model = active.current!;
    expect(model.fileMissing).toBe(false);
    expect(model.set('course', 'A')).toEqual([]);

    folders.files.delete('work/a.ipynb');
    window.dispatchEvent(new Event('focus'));
    await settled();
    expect(model.fileMissing).toBe(true);
    expect(model.set('course', 'B')[0]?.args).toEqual(['work/a.ipynb']);
    expect(a.context.model.getMetadata('course')).toBe('A');
    active.dispose();
  });

  it('looks again at the new path of a renamed notebook', async () => {
    const { tracker, folders, active } = watch();
    const a = new PanelStandIn('a.ipynb');
    tracker.activate(a);
    await settled();
    expect(active.current!.fileMissing).toBe(true);
    folders.files.add('moved/b.ipynb');
    (a.context as any).path = 'moved/b.ipynb';
    a.context.pathChanged.emit('moved/b.ipynb');
    await settled();
    expect(active.current!.fileMissing).toBe(false);
    active.dispose();
  });

  it('looks once after quick switches, for the notebook shown last', async () => {
    const { tracker, folders, active } = watch();
    folders.files.add('work/c.ipynb');
    tracker.activate(new PanelStandIn('work/a.ipynb'));
    tracker.activate(new PanelStandIn('b.ipynb'));
    tracker.activate(new PanelStandIn('work/c.ipynb'));
    expect(folders.listed).toEqual([]);
    await settled();
    expect(folders.listed).toEqual(['', 'work']);
    expect(active.current!.fileMissing).toBe(false);
    active.dispose();
  });

  it('changes nothing when the server cannot be asked', async () => {
    const { tracker, folders, active } = watch();
    folders.failing = true;
    tracker.activate(new PanelStandIn('a.ipynb'));
    await settled();
    expect(active.current!.fileMissing).toBe(false);
    active.dispose();
  });

  it('stops looking once disposed', async () => {
    const { tracker, folders, active } = watch();
    tracker.activate(new PanelStandIn('a.ipynb'));
    await settled();
    active.dispose();
    const count = folders.listed.length;
    window.dispatchEvent(new Event('focus'));
    await settled();
    expect(folders.listed).toHaveLength(count);
  });
});
