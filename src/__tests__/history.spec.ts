import { NotebookModel } from '@jupyterlab/notebook';
import { Signal } from '@lumino/signaling';
import fc from 'fast-check';

import { NotebookMetadataModel } from '../model';

/** A real notebook model with one code cell, as a loaded notebook is. */
function openNotebook(metadata: Record<string, any> = {}) {
  const model = new NotebookModel();
  model.fromJSON({
    cells: [
      {
        cell_type: 'code',
        source: 'x = 1',
        metadata: {},
        outputs: [],
        execution_count: null
      }
    ],
    metadata: {
      kernelspec: {
        name: 'python3',
        display_name: 'Python 3',
        language: 'python'
      },
      ...metadata
    },
    nbformat: 4,
    nbformat_minor: 5
  });
  // As a document context does after loading a file.
  model.sharedModel.clearUndoHistory();
  model.dirty = false;
  const source = {
    model,
    path: 'a.ipynb',
    pathChanged: new Signal<unknown, string>({})
  };
  return { model, metadata: new NotebookMetadataModel(source) };
}

/**
 * A notebook-level cell edit (the notebook's undo covers adding, removing
 * and moving cells; text inside a cell has the cell's own undo), as its own
 * undo step.
 */
function addCell(model: NotebookModel, text: string): void {
  model.sharedModel.insertCell(model.sharedModel.cells.length, {
    cell_type: 'code',
    source: text
  });
  (model.sharedModel as any).undoManager.stopCapturing();
}

/** The sources of the notebook's cells. */
function sources(model: NotebookModel): string[] {
  return model.sharedModel.cells.map(cell => cell.getSource());
}

/** The kernel (or any other writer) changing kernelspec. */
function kernelWrite(model: NotebookModel, name: string): void {
  model.setMetadata('kernelspec', {
    name,
    display_name: name,
    language: 'python'
  });
}

describe('MetadataHistory', () => {
  it('makes a panel edit one step of the notebook’s undo, and redo brings it back', () => {
    const { model, metadata } = openNotebook({ course: 'A' });
    const history = metadata.history!;
    expect(history.canUndo).toBe(false);
    metadata.set('course', 'B');
    expect(history.canUndo).toBe(true);
    model.sharedModel.undo();
    expect(model.getMetadata('course')).toBe('A');
    expect(metadata.metadata.course).toBe('A');
    expect(model.dirty).toBe(true);
    expect(history.canRedo).toBe(true);
    history.redo();
    expect(model.getMetadata('course')).toBe('B');
  });

  it('undoes an added key by removing it and a deleted key by restoring it', () => {
    const { model, metadata } = openNotebook({ course: 'A' });
    metadata.set('added', [1]);
    metadata.delete('course');
    model.sharedModel.undo();
    expect(model.getMetadata('course')).toBe('A');
    model.sharedModel.undo();
    expect(model.getMetadata('added')).toBeUndefined();
  });

  it('keeps kernel writes out of the history and never undoes over them', () => {
    const { model, metadata } = openNotebook();
    kernelWrite(model, 'loaded-kernel');
    expect(metadata.history!.canUndo).toBe(false);
    metadata.set('kernelspec', { name: 'picked', display_name: 'Picked' });
    kernelWrite(model, 'kernel-after-start');
    model.sharedModel.undo();
    // The panel's step is undone; the newer kernel write stands.
    expect(model.getMetadata('kernelspec').name).toBe('kernel-after-start');
    expect(metadata.history!.canUndo).toBe(false);
  });

  it('merges writes of one edit into one step, and different fields into several', () => {
    const { model, metadata } = openNotebook({ title: 'T' });
    for (const text of ['W', 'We', 'Wee', 'Week']) {
      metadata.set('title', text, 'notebook:title');
    }
    metadata.set('tags', ['x'], 'value:tags');
    model.sharedModel.undo();
    expect(model.getMetadata('tags')).toBeUndefined();
    expect(model.getMetadata('title')).toBe('Week');
    model.sharedModel.undo();
    expect(model.getMetadata('title')).toBe('T');
  });

  it('starts a new step after an edit ends or something else happened', () => {
    const { model, metadata } = openNotebook({ title: 'T' });
    metadata.set('title', 'A', 'notebook:title');
    metadata.endEdit();
    metadata.set('title', 'AB', 'notebook:title');
    addCell(model, 'y = 2');
    metadata.set('title', 'ABC', 'notebook:title');
    model.sharedModel.undo();
    expect(model.getMetadata('title')).toBe('AB');
    expect(sources(model)).toEqual(['x = 1', 'y = 2']);
    model.sharedModel.undo();
    expect(sources(model)).toEqual(['x = 1']);
    model.sharedModel.undo();
    expect(model.getMetadata('title')).toBe('A');
  });

  it('undoes in true order among cell edits', () => {
    const { model, metadata } = openNotebook({ course: 'A' });
    metadata.set('course', 'B');
    addCell(model, 'y = 2');
    metadata.set('course', 'C');
    model.sharedModel.undo();
    expect(model.getMetadata('course')).toBe('B');
    expect(sources(model)).toEqual(['x = 1', 'y = 2']);
    model.sharedModel.undo();
    expect(sources(model)).toEqual(['x = 1']);
    expect(model.getMetadata('course')).toBe('B');
    model.sharedModel.undo();
    expect(model.getMetadata('course')).toBe('A');
  });

  it('is shared by two views of a notebook and leaves nothing behind when released', () => {
    const { model, metadata } = openNotebook();
    const manager = (model.sharedModel as any).undoManager;
    const original = metadata.history!;
    const second = new NotebookMetadataModel({
      model,
      path: 'a.ipynb',
      pathChanged: new Signal<unknown, string>({})
    });
    expect(second.history).toBe(original);
    const listeners = () =>
      manager._observers.get('stack-item-added')?.size ?? 0;
    const withHistory = listeners();
    metadata.dispose();
    expect(listeners()).toBe(withHistory);
    second.dispose();
    expect(listeners()).toBe(withHistory - 1);
    // Without a history, kernel-style writes are captured again as before.
    kernelWrite(model, 'k');
    expect(model.sharedModel.canUndo()).toBe(true);
  });

  it('ends any random sequence in the state a reference model predicts', () => {
    type Op =
      | { kind: 'set'; key: string; value: number }
      | { kind: 'delete'; key: string }
      | { kind: 'kernel'; name: string }
      | { kind: 'cell'; text: string }
      | { kind: 'undo' }
      | { kind: 'redo' };
    const key = fc.constantFrom('a', 'b', 'c');
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        kind: fc.constant('set' as const),
        key,
        value: fc.integer({ min: 0, max: 9 })
      }),
      fc.record({ kind: fc.constant('delete' as const), key }),
      fc.record({
        kind: fc.constant('kernel' as const),
        name: fc.constantFrom('k1', 'k2')
      }),
      fc.record({
        kind: fc.constant('cell' as const),
        text: fc.constantFrom('p', 'q', 'r')
      }),
      fc.constant({ kind: 'undo' as const }),
      fc.constant({ kind: 'redo' as const })
    );

    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), ops => {
        const { model, metadata } = openNotebook({ a: 0 });
        // Reference: the state, and stacks of steps that each know how to
        // undo and redo themselves. Kernel writes are not steps.
        type State = {
          meta: Record<string, number | undefined>;
          cells: string[];
          kernel: string;
        };
        const state: State = {
          meta: { a: 0 },
          cells: ['x = 1'],
          kernel: 'python3'
        };
        type Step = {
          field: 'meta' | 'cell';
          key?: string;
          before: any;
          after: any;
        };
        const undoStack: Step[] = [];
        const redoStack: Step[] = [];
        const apply = (step: Step, value: any) => {
          if (step.field === 'cell') {
            state.cells = value;
          } else {
            state.meta[step.key!] = value;
          }
        };
        for (const o of ops) {
          switch (o.kind) {
            case 'set':
            case 'delete': {
              const after = o.kind === 'set' ? o.value : undefined;
              const before = state.meta[o.key];
              if (before === after) {
                break;
              }
              if (after === undefined) {
                metadata.delete(o.key);
              } else {
                metadata.set(o.key, after);
              }
              const step: Step = { field: 'meta', key: o.key, before, after };
              apply(step, after);
              undoStack.push(step);
              redoStack.length = 0;
              break;
            }
            case 'kernel':
              kernelWrite(model, o.name);
              state.kernel = o.name;
              break;
            case 'cell': {
              addCell(model, o.text);
              const after = [...state.cells, o.text];
              const step: Step = { field: 'cell', before: state.cells, after };
              apply(step, after);
              undoStack.push(step);
              redoStack.length = 0;
              break;
            }
            case 'undo': {
              metadata.history!.undo();
              const step = undoStack.pop();
              if (step) {
                apply(step, step.before);
                redoStack.push(step);
              }
              break;
            }
            case 'redo': {
              metadata.history!.redo();
              const step = redoStack.pop();
              if (step) {
                apply(step, step.after);
                undoStack.push(step);
              }
              break;
            }
          }
        }
        const expected: Record<string, number> = {};
        for (const [k, v] of Object.entries(state.meta)) {
          if (v !== undefined) {
            expected[k] = v;
          }
        }
        const actual = model.metadata as Record<string, any>;
        const actualCustom = Object.fromEntries(
          Object.entries(actual).filter(([k]) => ['a', 'b', 'c'].includes(k))
        );
        expect(actualCustom).toEqual(expected);
        expect(metadata.metadata).toEqual(actual);
        expect(sources(model)).toEqual(state.cells);
        expect(actual.kernelspec.name).toBe(state.kernel);
        expect(metadata.history!.canUndo).toBe(undoStack.length > 0);
        expect(metadata.history!.canRedo).toBe(redoStack.length > 0);
        metadata.dispose();
      }),
      {
        numRuns: 200,
        // Found once: a key deleted and set again, both undone with another
        // writer's change in between.
        examples: [
          [
            [
              { kind: 'delete', key: 'a' },
              { kind: 'set', key: 'a', value: 0 },
              { kind: 'undo' },
              { kind: 'kernel', name: 'k1' },
              { kind: 'undo' }
            ] as any
          ]
        ]
      }
    );
  });
});
