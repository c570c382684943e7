import { NotebookModel } from '@jupyterlab/notebook';
import { Signal } from '@lumino/signaling';

import { NotebookMetadataModel } from '../model';

/** A real notebook model with some metadata, and the path holder around it. */
function openNotebook(metadata: Record<string, any>) {
  const model = new NotebookModel();
  model.fromJSON({ cells: [], metadata, nbformat: 4, nbformat_minor: 5 });
  const source = {
    model,
    path: 'folder/analysis.ipynb',
    pathChanged: new Signal<unknown, string>({})
  };
  return { model, source };
}

describe('NotebookMetadataModel', () => {
  it('reads the path, name and metadata of the notebook', () => {
    const { source } = openNotebook({ course: { code: 'STAT-201' } });
    const metadata = new NotebookMetadataModel(source);
    expect(metadata.path).toBe('folder/analysis.ipynb');
    expect(metadata.name).toBe('analysis.ipynb');
    expect(metadata.metadata.course).toEqual({ code: 'STAT-201' });
  });

  it('emits changed on a metadata change made elsewhere and on a rename', () => {
    const { model, source } = openNotebook({});
    const metadata = new NotebookMetadataModel(source);
    let emitted = 0;
    metadata.changed.connect(() => emitted++);
    model.setMetadata('tags', ['a']);
    expect(emitted).toBe(1);
    source.path = 'renamed.ipynb';
    source.pathChanged.emit('renamed.ipynb');
    expect(emitted).toBe(2);
    expect(metadata.name).toBe('renamed.ipynb');
  });

  it('leaves no listener behind once disposed', () => {
    const { model, source } = openNotebook({});
    const metadata = new NotebookMetadataModel(source);
    let emitted = 0;
    metadata.changed.connect(() => emitted++);
    metadata.dispose();
    model.setMetadata('tags', ['a']);
    source.pathChanged.emit('x.ipynb');
    expect(emitted).toBe(0);
    expect(metadata.isDisposed).toBe(true);
  });
});
