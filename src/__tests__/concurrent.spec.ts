/**
 * Concurrent edits of one key by several people, merged field by field;
 * a metadata map replaced under the panel (a file changed on disk under an
 * open room); a collaborator whose room syncs after the panel is made.
 *
 * Peers are notebooks kept in sync by Yjs updates, as a collaborative room
 * keeps them; edits "at the same time" are made while they are disconnected.
 */
import { YNotebook } from '@jupyter/ydoc';
import { NotebookModel } from '@jupyterlab/notebook';
import { Signal } from '@lumino/signaling';
import fc from 'fast-check';
import * as Y from 'yjs';

import { NotebookMetadataModel } from '../model';
import { builtinSections } from './builtins';

const ORIGINAL = {
  kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
  title: 'Week 3',
  course: { code: 'STAT-201', week: 3 },
  tags: ['a']
};

/** The origin of updates that come over the network. */
const NETWORK = { name: 'network' };

/** One person: a shared notebook, its model, and the panel's model. */
interface IPeer {
  shared: YNotebook;
  model: NotebookModel;
  metadata: NotebookMetadataModel;
}

/** Every update made in `from` and not yet delivered to each other peer. */
type Outbox = Map<IPeer, Uint8Array[]>;

/**
 * A room of people on one notebook. While connected, every update reaches
 * everyone at once; while disconnected, each person's updates wait and are
 * delivered, merged, on reconnection.
 */
class Room {
  constructor(count: number, metadata: Record<string, any> = ORIGINAL) {
    const first = YNotebook.create({
      disableDocumentWideUndoRedo: true,
      data: { cells: [], metadata, nbformat: 4, nbformat_minor: 5 }
    });
    const docs = [first];
    for (let i = 1; i < count; i++) {
      const next = new YNotebook({ disableDocumentWideUndoRedo: true });
      Y.applyUpdate(next.ydoc, Y.encodeStateAsUpdate(first.ydoc), NETWORK);
      docs.push(next);
    }
    this.peers = docs.map(doc => Room.peer(doc));
    for (const peer of this.peers) {
      this._listen(peer);
    }
  }

  /** The people, in the order they joined. */
  readonly peers: IPeer[];

  /** Stop delivering updates (they wait until `connect`). */
  disconnect(): void {
    this._connected = false;
  }

  /** Deliver what waited, and go on delivering. */
  connect(): void {
    this._connected = true;
    for (const outbox of this._outboxes.values()) {
      for (const [to, updates] of outbox) {
        if (updates.length > 0) {
          Y.applyUpdate(
            to.shared.ydoc,
            Y.mergeUpdates(updates.splice(0)),
            NETWORK
          );
        }
      }
    }
  }

  /** Let every merge made after an update run, and reach everyone. */
  async settle(): Promise<void> {
    await new Promise(resolve => setTimeout(resolve, 0));
  }

  /** What everyone must agree on; returns it. */
  expectConverged(): Record<string, any> {
    const [first, ...rest] = this.peers;
    const metadata = first.shared.getMetadata();
    for (const peer of this.peers) {
      expect(peer.metadata.metadata).toEqual(peer.shared.getMetadata());
    }
    for (const peer of rest) {
      expect(peer.shared.getMetadata()).toEqual(metadata);
    }
    return metadata;
  }

  /** A notebook model and panel model over a shared notebook. */
  static peer(shared: YNotebook): IPeer {
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

  private _listen(from: IPeer): void {
    const outbox: Outbox = new Map();
    this._outboxes.set(from, outbox);
    from.shared.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === NETWORK) {
        return;
      }
      for (const to of this.peers) {
        if (to === from) {
          continue;
        }
        if (this._connected) {
          Y.applyUpdate(to.shared.ydoc, update, NETWORK);
        } else {
          const waiting = outbox.get(to) ?? [];
          waiting.push(update);
          outbox.set(to, waiting);
        }
      }
    });
  }

  private _connected = true;
  private _outboxes = new Map<IPeer, Outbox>();
}

describe('edits of one key made at the same time', () => {
  it('keeps both people’s changes of different fields of one key, whoever’s write Yjs keeps', async () => {
    // Both ways round: which write Yjs keeps depends on the peers' ids.
    for (const order of [0, 1]) {
      const room = new Room(2);
      const [a, b] = order === 0 ? room.peers : [...room.peers].reverse();
      room.disconnect();
      // A takes `week` out of the course; B changes its code.
      expect(a.metadata.set('course', { code: 'STAT-201' })).toEqual([]);
      expect(b.metadata.set('course', { code: 'STAT-202', week: 3 })).toEqual(
        []
      );
      room.connect();
      await room.settle();
      const metadata = room.expectConverged();
      expect(metadata.course).toEqual({ code: 'STAT-202' });
      // Nothing else changed.
      expect(metadata.title).toBe('Week 3');
      expect(metadata.tags).toEqual(['a']);
    }
  });

  it('keeps three people’s changes of three fields of one key', async () => {
    const room = new Room(3);
    const [a, b, c] = room.peers;
    room.disconnect();
    a.metadata.setField('/kernelspec/display_name', 'Python (A)');
    b.metadata.setField('/kernelspec/language', 'python3');
    c.metadata.setField('/kernelspec/env', { FROM: 'C' }, {});
    room.connect();
    await room.settle();
    const metadata = room.expectConverged();
    expect(metadata.kernelspec).toEqual({
      name: 'python3',
      display_name: 'Python (A)',
      language: 'python3',
      env: { FROM: 'C' }
    });
  });

  it('keeps a change of a key that another removed at the same time', async () => {
    for (const order of [0, 1]) {
      const room = new Room(2);
      const [a, b] = order === 0 ? room.peers : [...room.peers].reverse();
      room.disconnect();
      a.metadata.delete('course');
      b.metadata.setField('/course/code', 'STAT-202');
      room.connect();
      await room.settle();
      expect(room.expectConverged().course).toEqual({
        code: 'STAT-202',
        week: 3
      });
    }
  });

  it('keeps a removal of a key and another’s edit of a sibling key', async () => {
    const room = new Room(2);
    const [a, b] = room.peers;
    room.disconnect();
    a.metadata.delete('tags');
    b.metadata.set('title', 'Week 4');
    room.connect();
    await room.settle();
    const metadata = room.expectConverged();
    expect(metadata.tags).toBeUndefined();
    expect(metadata.title).toBe('Week 4');
  });

  it('takes one value, the same for all, where both changed the same field', async () => {
    const room = new Room(2);
    const [a, b] = room.peers;
    room.disconnect();
    a.metadata.set('title', 'From A');
    b.metadata.set('title', 'From B');
    room.connect();
    await room.settle();
    expect(['From A', 'From B']).toContain(room.expectConverged().title);
  });

  it('merges one person’s several edits made while another edited the key', async () => {
    const room = new Room(2);
    const [a, b] = room.peers;
    room.disconnect();
    a.metadata.setField('/course/code', 'STAT-300');
    a.metadata.setField('/course/room', 'B12');
    b.metadata.setField('/course/week', 4);
    room.connect();
    await room.settle();
    expect(room.expectConverged().course).toEqual({
      code: 'STAT-300',
      room: 'B12',
      week: 4
    });
  });

  it('leaves edits made one after the other as they are', async () => {
    const room = new Room(2);
    const [a, b] = room.peers;
    a.metadata.set('course', { code: 'STAT-300' });
    await room.settle();
    // B saw A's edit: B's removal of the code is B's intent, kept.
    b.metadata.set('course', { week: 5 });
    await room.settle();
    expect(room.expectConverged().course).toEqual({ week: 5 });
  });

  it('converges, every change of a field kept, after any concurrent edits of fields of one key by three people', async () => {
    const field = fc.constantFrom('p', 'q', 'r', 's');
    const op = fc.record({
      peer: fc.integer({ min: 0, max: 2 }),
      field,
      value: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined })
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(op, { maxLength: 6 }), {
          minLength: 1,
          maxLength: 4
        }),
        async rounds => {
          const room = new Room(3, { record: { p: 0, q: 0, r: 0, s: 0 } });
          for (const round of rounds) {
            room.disconnect();
            // Within a round, the last change of each field by each person.
            const changed = new Map<string, Map<number, number | undefined>>();
            for (const { peer, field, value } of round) {
              room.peers[peer].metadata.setField(`/record/${field}`, value);
              const byPeer = changed.get(field) ?? new Map();
              byPeer.set(peer, value);
              changed.set(field, byPeer);
            }
            room.connect();
            await room.settle();
            const record = room.expectConverged().record ?? {};
            // A field changed by one person only has that person's value.
            for (const [name, byPeer] of changed) {
              if (byPeer.size === 1) {
                const [value] = [...byPeer.values()];
                if (value !== undefined) {
                  expect(record[name]).toBe(value);
                }
              }
            }
          }
        }
      ),
      { numRuns: 60 }
    );
    // Under a loaded machine (CI) it takes some seconds.
  }, 120_000);
});

describe('undo with two people', () => {
  it('an undo that keeps another’s later value of the key leaves the other’s own undo whole', async () => {
    const room = new Room(2);
    const [a, b] = room.peers;
    a.metadata.set('title', 'Title by A');
    b.metadata.set('title', 'Title by B');
    // A's undo keeps B's later title.
    a.metadata.history!.undo();
    expect(room.expectConverged().title).toBe('Title by B');
    // B's undo takes B's title back, to A's; redo brings it again.
    b.metadata.history!.undo();
    expect(room.expectConverged().title).toBe('Title by A');
    b.metadata.history!.redo();
    expect(room.expectConverged().title).toBe('Title by B');
  });
});

describe('a metadata map replaced under the panel', () => {
  /**
   * What the server does when the file changed on disk under an open room:
   * it loads the file again and puts a new metadata map in place.
   */
  function replaceFromDisk(server: IPeer, metadata: Record<string, any>): void {
    server.shared.ydoc.transact(() => {
      const map = new Y.Map<any>();
      for (const [key, value] of Object.entries(metadata)) {
        map.set(key, value);
      }
      server.shared.ymeta.set('metadata', map);
    }, 'server');
  }

  it('shows the new values, and edits, undo and merging go on over them', async () => {
    // The third is the server's copy of the room.
    const room = new Room(3);
    const [a, b, server] = room.peers;
    a.metadata.set('title', 'Week 4');
    const seen: string[] = [];
    b.metadata.changed.connect((_, change) => {
      if (change.type === 'metadata') {
        seen.push(change.key!);
      }
    });
    const onDisk = {
      ...ORIGINAL,
      title: 'Changed on disk',
      course: { code: 'STAT-301' },
      added_on_disk: true
    };
    replaceFromDisk(server, onDisk);
    room.expectConverged();
    for (const peer of room.peers) {
      expect(peer.metadata.metadata).toEqual(onDisk);
    }
    expect(seen.sort()).toEqual(['added_on_disk', 'course', 'title']);

    // Edits go on, and undo.
    b.metadata.set('title', 'Week 5', 'notebook:title');
    expect(room.expectConverged().title).toBe('Week 5');
    expect(b.metadata.history!.canUndo).toBe(true);
    b.metadata.history!.undo();
    expect(room.expectConverged().title).toBe('Changed on disk');

    // And concurrent edits of fields still merge.
    room.disconnect();
    a.metadata.setField('/course/week', 6);
    b.metadata.setField('/course/code', 'STAT-302');
    room.connect();
    await room.settle();
    expect(room.expectConverged().course).toEqual({
      code: 'STAT-302',
      week: 6
    });
  });
});

describe('a collaborator whose room syncs after the panel is made', () => {
  it('has an undo history of its own edits once the metadata arrives', async () => {
    const host = YNotebook.create({
      disableDocumentWideUndoRedo: true,
      data: { cells: [], metadata: ORIGINAL, nbformat: 4, nbformat_minor: 5 }
    });
    // The guest's panel is made before anything arrived.
    const guestDoc = new YNotebook({ disableDocumentWideUndoRedo: true });
    const guest = Room.peer(guestDoc);
    expect(guest.metadata.metadata).toEqual({});
    Y.applyUpdate(guestDoc.ydoc, Y.encodeStateAsUpdate(host.ydoc), NETWORK);
    expect(guest.metadata.metadata).toEqual(ORIGINAL);
    expect(guest.metadata.history).not.toBeNull();
    expect(guest.metadata.history!.canUndo).toBe(false);

    guest.metadata.set('title', 'By the guest');
    expect(guest.metadata.history!.canUndo).toBe(true);
    guest.metadata.history!.undo();
    expect(guest.metadata.metadata.title).toBe('Week 3');
    guest.metadata.history!.redo();
    expect(guest.metadata.metadata.title).toBe('By the guest');
  });
});
