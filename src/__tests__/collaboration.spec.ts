/**
 * Two writers at once: two notebooks kept in sync by Yjs updates, as
 * collaborative editing keeps them, each with its own panel model and undo
 * history. Edits made "at the same time" are made while the peers are
 * disconnected and exchanged when they reconnect, as a slow network does.
 */
import { YNotebook } from '@jupyter/ydoc';
import { NotebookModel } from '@jupyterlab/notebook';
import { Signal } from '@lumino/signaling';
import fc from 'fast-check';
import * as Y from 'yjs';

import { NotebookMetadataModel } from '../model';
import { builtinSections } from './builtins';

const KERNELSPEC = {
  name: 'python3',
  display_name: 'Python 3',
  language: 'python'
};

const ORIGINAL = {
  kernelspec: KERNELSPEC,
  language_info: { name: 'python' },
  title: 'Week 3',
  course: { code: 'STAT-201' },
  tags: ['a']
};

/** One collaborator: a shared notebook, its model, and the panel's model. */
interface IPeer {
  shared: YNotebook;
  model: NotebookModel;
  metadata: NotebookMetadataModel;
}

/** The origin of updates that arrive from the other peer. */
const NETWORK = { name: 'network' };

/**
 * Two peers editing one notebook. While connected, every update reaches the
 * other peer at once; while disconnected, updates wait and are delivered,
 * merged into one, on reconnection.
 */
class Collaboration {
  constructor(metadata: Record<string, any> = ORIGINAL) {
    const first = YNotebook.create({
      disableDocumentWideUndoRedo: true,
      data: {
        cells: [
          {
            cell_type: 'code',
            source: 'x = 1',
            metadata: {},
            outputs: [],
            execution_count: null
          } as any
        ],
        metadata,
        nbformat: 4,
        nbformat_minor: 5
      }
    });
    // The second peer starts empty and receives the document, as a
    // collaborator joining a room does.
    const second = new YNotebook({ disableDocumentWideUndoRedo: true });
    Y.applyUpdate(second.ydoc, Y.encodeStateAsUpdate(first.ydoc), NETWORK);
    this.a = Collaboration.peer(first);
    this.b = Collaboration.peer(second);
    this._listen(this.a, this.b);
    this._listen(this.b, this.a);
  }

  /** The first and second collaborators. */
  readonly a: IPeer;
  readonly b: IPeer;

  /** Stop delivering updates (they wait until `connect`). */
  disconnect(): void {
    this._connected = false;
  }

  /** Deliver what waited, each side's updates merged into one, and go on. */
  connect(): void {
    this._connected = true;
    for (const [peer, updates] of this._waiting) {
      if (updates.length > 0) {
        const merged = Y.mergeUpdates(updates.splice(0));
        Y.applyUpdate(peer.shared.ydoc, merged, NETWORK);
      }
    }
  }

  /** The state both peers must agree on. */
  expectConverged(): void {
    const { a, b } = this;
    expect(a.shared.getMetadata()).toEqual(b.shared.getMetadata());
    expect(a.metadata.metadata).toEqual(a.shared.getMetadata());
    expect(b.metadata.metadata).toEqual(b.shared.getMetadata());
    expect(a.shared.cells.map(c => c.getSource())).toEqual(
      b.shared.cells.map(c => c.getSource())
    );
  }

  /** A notebook model and panel model over a shared notebook. */
  private static peer(shared: YNotebook): IPeer {
    // As a document context does after loading: the load is no undo step.
    shared.clearUndoHistory();
    const model = new NotebookModel({ sharedModel: shared });
    const metadata = new NotebookMetadataModel(
      {
        model,
        path: 'shared.ipynb',
        pathChanged: new Signal<unknown, string>({})
      },
      { sections: builtinSections() }
    );
    return { shared, model, metadata };
  }

  private _listen(from: IPeer, to: IPeer): void {
    const waiting: Uint8Array[] = [];
    this._waiting.set(to, waiting);
    from.shared.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === NETWORK) {
        return;
      }
      if (this._connected) {
        Y.applyUpdate(to.shared.ydoc, update, NETWORK);
      } else {
        waiting.push(update);
      }
    });
  }

  private _connected = true;
  private _waiting = new Map<IPeer, Uint8Array[]>();
}

/** The kernel (or core) writing a key, as it does, outside the panel. */
function kernelWrite(peer: IPeer, key: string, value: any): void {
  peer.model.setMetadata(key, value);
}

describe('two writers at once', () => {
  it('keeps edits of different keys made at the same time, on both sides', () => {
    const room = new Collaboration();
    const { a, b } = room;
    room.disconnect();
    expect(a.metadata.set('title', 'Week 4')).toEqual([]);
    expect(a.metadata.setField('/kernelspec/display_name', 'Py 3')).toEqual([]);
    expect(b.metadata.set('tags', ['a', 'b'])).toEqual([]);
    expect(b.metadata.set('added', { by: 'b' })).toEqual([]);
    b.metadata.delete('course');
    room.connect();
    room.expectConverged();
    expect(a.model.metadata).toEqual({
      kernelspec: { ...KERNELSPEC, display_name: 'Py 3' },
      language_info: { name: 'python' },
      title: 'Week 4',
      tags: ['a', 'b'],
      added: { by: 'b' }
    });
  });

  it('keeps edits of different keys made one after the other, on both sides', () => {
    const room = new Collaboration();
    const { a, b } = room;
    a.metadata.set('title', 'Week 4', 'notebook:title');
    b.metadata.set('course', { code: 'STAT-202' }, 'value:course');
    a.metadata.set('title', 'Week 4b', 'notebook:title');
    room.expectConverged();
    expect(b.model.getMetadata('title')).toBe('Week 4b');
    expect(a.model.getMetadata('course')).toEqual({ code: 'STAT-202' });
  });

  it('converges to one value when both sides edit the same key at once', async () => {
    const room = new Collaboration();
    const { a, b } = room;
    room.disconnect();
    a.metadata.set('title', 'From A');
    b.metadata.set('title', 'From B');
    a.metadata.setField('/kernelspec/display_name', 'A kernel');
    b.metadata.setField('/kernelspec/language', 'B language');
    a.metadata.set('tags', ['a', 'from A']);
    b.metadata.delete('tags');
    room.connect();
    room.expectConverged();
    expect(['From A', 'From B']).toContain(a.model.getMetadata('title'));
    // The other keys of each side are kept.
    expect(a.model.getMetadata('course')).toEqual({ code: 'STAT-201' });
    // Once the side whose write was dropped merged it: both fields of the
    // kernelspec, and the tags one side changed while the other removed them.
    await new Promise(resolve => setTimeout(resolve, 0));
    room.expectConverged();
    expect(a.model.getMetadata('kernelspec')).toEqual({
      ...KERNELSPEC,
      display_name: 'A kernel',
      language: 'B language'
    });
    expect(a.model.getMetadata('tags')).toEqual(['a', 'from A']);
    expect(['From A', 'From B']).toContain(a.model.getMetadata('title'));
  });

  it('never reverts the other side’s later edit of the same key by an undo', () => {
    const room = new Collaboration();
    const { a, b } = room;
    a.metadata.set('title', 'From A');
    b.metadata.set('title', 'From B');
    expect(a.metadata.history!.canUndo).toBe(true);
    a.metadata.history!.undo();
    room.expectConverged();
    expect(a.model.getMetadata('title')).toBe('From B');
    expect(a.metadata.history!.canUndo).toBe(false);
  });

  it('never reverts the other side’s edits of other keys by an undo', () => {
    const room = new Collaboration();
    const { a, b } = room;
    a.metadata.set('title', 'From A');
    b.metadata.set('course', { code: 'B' });
    b.metadata.delete('tags');
    a.metadata.history!.undo();
    room.expectConverged();
    expect(a.model.metadata).toEqual({
      ...ORIGINAL,
      course: { code: 'B' },
      tags: undefined
    });
    expect(a.metadata.history!.canUndo).toBe(false);
    a.metadata.history!.redo();
    room.expectConverged();
    expect(b.model.getMetadata('title')).toBe('From A');
  });

  it('never reverts the other side’s edit that arrived merged with cell changes', () => {
    const room = new Collaboration();
    const { a, b } = room;
    a.metadata.set('title', 'From A');
    room.disconnect();
    // B works offline: a new cell and a new title, sent as one update.
    b.shared.insertCell(1, { cell_type: 'code', source: 'y = 2' });
    b.metadata.set('title', 'From B');
    room.connect();
    a.metadata.history!.undo();
    room.expectConverged();
    expect(a.model.getMetadata('title')).toBe('From B');
    expect(a.shared.cells.map(c => c.getSource())).toEqual(['x = 1', 'y = 2']);
  });

  it('keeps a kernel write that lands while the user types', () => {
    const room = new Collaboration();
    const { a, b } = room;
    const typed = ['W', 'We', 'Wee', 'Week', 'Week ', 'Week 4'];
    typed.slice(0, 3).forEach(text => a.metadata.set('title', text, 'title'));
    // The kernel of A's session, then one on B's side, write language_info.
    kernelWrite(a, 'language_info', { name: 'python', version: '3.11' });
    typed.slice(3, 5).forEach(text => a.metadata.set('title', text, 'title'));
    kernelWrite(b, 'language_info', { name: 'python', version: '3.12' });
    a.metadata.set('title', typed[5], 'title');
    room.expectConverged();
    expect(b.model.getMetadata('title')).toBe('Week 4');
    expect(b.model.getMetadata('language_info')).toEqual({
      name: 'python',
      version: '3.12'
    });
    // The typing is one step; undoing it keeps what the kernel wrote.
    a.metadata.history!.undo();
    room.expectConverged();
    expect(a.model.getMetadata('title')).toBe('Week 3');
    expect(a.model.getMetadata('language_info')).toEqual({
      name: 'python',
      version: '3.12'
    });
    expect(a.metadata.history!.canUndo).toBe(false);
  });

  it('keeps a kernel write in the middle of a typed edit of one notebook', () => {
    const room = new Collaboration();
    const { a } = room;
    a.metadata.set('title', 'W', 'title');
    kernelWrite(a, 'language_info', { name: 'python', version: '3.11' });
    a.metadata.set('title', 'We', 'title');
    expect(a.model.getMetadata('language_info')).toEqual({
      name: 'python',
      version: '3.11'
    });
    a.metadata.history!.undo();
    expect(a.model.getMetadata('title')).toBe('Week 3');
    expect(a.model.getMetadata('language_info').version).toBe('3.11');
  });

  it('converges after any sequence of edits, undos and reconnections', async () => {
    type Op =
      | { kind: 'set'; side: 'a' | 'b'; key: string; value: number }
      | { kind: 'delete'; side: 'a' | 'b'; key: string }
      | { kind: 'leaf'; side: 'a' | 'b'; leaf: string; value: string }
      | { kind: 'kernel'; side: 'a' | 'b'; value: number }
      | { kind: 'undo' | 'redo'; side: 'a' | 'b' }
      | { kind: 'disconnect' | 'connect' };
    const side = fc.constantFrom<'a' | 'b'>('a', 'b');
    const key = fc.constantFrom('title', 'x', 'y');
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        kind: fc.constant('set' as const),
        side,
        key,
        value: fc.integer({ min: 0, max: 5 })
      }),
      fc.record({ kind: fc.constant('delete' as const), side, key }),
      fc.record({
        kind: fc.constant('leaf' as const),
        side,
        leaf: fc.constantFrom('display_name', 'language'),
        value: fc.constantFrom('p', 'q')
      }),
      fc.record({
        kind: fc.constant('kernel' as const),
        side,
        value: fc.integer({ min: 0, max: 3 })
      }),
      fc.record({ kind: fc.constantFrom('undo', 'redo'), side }),
      fc.record({ kind: fc.constantFrom('disconnect', 'connect') })
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async ops => {
        const room = new Collaboration();
        for (const o of ops) {
          if (!('side' in o)) {
            room[o.kind]();
            continue;
          }
          const peer = o.side === 'a' ? room.a : room.b;
          switch (o.kind) {
            case 'set':
              // Titles must be strings: numbers are refused and not written.
              peer.metadata.set(
                o.key,
                o.key === 'title' ? `t${o.value}` : o.value
              );
              break;
            case 'delete':
              peer.metadata.delete(o.key);
              break;
            case 'leaf':
              peer.metadata.setField(`/kernelspec/${o.leaf}`, o.value);
              break;
            case 'kernel':
              kernelWrite(peer, 'language_info', {
                name: 'python',
                version: String(o.value)
              });
              break;
            case 'undo':
              peer.metadata.history!.undo();
              break;
            case 'redo':
              peer.metadata.history!.redo();
              break;
          }
        }
        room.connect();
        // Merges of edits of one key made at the same time.
        await new Promise(resolve => setTimeout(resolve, 0));
        room.expectConverged();
        const kernelspec = room.a.model.getMetadata('kernelspec') as any;
        expect(kernelspec.name).toBe('python3');
      }),
      { numRuns: 150 }
    );
    // Under a loaded machine (CI) it takes some seconds.
  }, 120_000);
});
