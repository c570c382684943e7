import { NotebookModel } from '@jupyterlab/notebook';
import { Signal } from '@lumino/signaling';

import { FILE_MISSING, NotebookMetadataModel } from '../model';
import { builtinSections } from './builtins';

/** A real notebook model with some metadata, and the path holder around it. */
function openNotebook(metadata: Record<string, any>) {
  const model = new NotebookModel();
  model.fromJSON({ cells: [], metadata, nbformat: 4, nbformat_minor: 5 });
  model.dirty = false;
  const source = {
    model,
    path: 'folder/analysis.ipynb',
    pathChanged: new Signal<unknown, string>({})
  };
  const sections = builtinSections();
  return {
    model,
    source,
    sections,
    metadata: new NotebookMetadataModel(source, { sections })
  };
}

const ORIGINAL = {
  kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
  language_info: { name: 'python' },
  title: 'Week 3',
  course: { code: 'STAT-201' },
  tags: ['a'],
  zero: 0
};

/** Count the notebook's metadata change events by key. */
function recordChanges(model: NotebookModel): string[] {
  const keys: string[] = [];
  model.metadataChanged.connect((_, change) => keys.push(change.key));
  return keys;
}

describe('NotebookMetadataModel', () => {
  it('reads the path, name, metadata and custom keys of the notebook', () => {
    const { metadata } = openNotebook(ORIGINAL);
    expect(metadata.path).toBe('folder/analysis.ipynb');
    expect(metadata.name).toBe('analysis.ipynb');
    expect(metadata.metadata).toEqual(ORIGINAL);
    expect(metadata.customKeys).toEqual(['course', 'tags', 'zero']);
  });

  it('writes a valid value to its key only and marks the notebook dirty', () => {
    const { model, metadata } = openNotebook(ORIGINAL);
    const changed = recordChanges(model);
    expect(metadata.set('tags', ['a', 'b'])).toEqual([]);
    expect(changed).toEqual(['tags']);
    expect(model.getMetadata('tags')).toEqual(['a', 'b']);
    expect(model.dirty).toBe(true);
    expect(metadata.metadata.tags).toEqual(['a', 'b']);
  });

  it('does not write a value equal to the current one', () => {
    const { model, metadata } = openNotebook(ORIGINAL);
    const changed = recordChanges(model);
    metadata.set('course', { code: 'STAT-201' });
    expect(changed).toEqual([]);
    expect(model.dirty).toBe(false);
  });

  it('refuses invalid section values and leaves the notebook unchanged', () => {
    const { model, metadata } = openNotebook(ORIGINAL);
    const problems = metadata.set('kernelspec', { display_name: 'No name' });
    expect(problems.map(p => p.path)).toEqual(['/kernelspec/name']);
    expect(model.getMetadata('kernelspec')).toEqual(ORIGINAL.kernelspec);
    expect(model.dirty).toBe(false);
  });

  it('deletes one key without rewriting the others', () => {
    const { model, metadata } = openNotebook(ORIGINAL);
    const changed = recordChanges(model);
    metadata.delete('zero');
    expect(changed).toEqual(['zero']);
    expect(model.getMetadata('zero')).toBeUndefined();
    const { zero: _, ...rest } = ORIGINAL;
    expect(model.metadata).toEqual(rest);
  });

  it('renames a key in one edit and refuses names in use', () => {
    const { model, metadata } = openNotebook(ORIGINAL);
    expect(metadata.rename('course', 'tags')?.message).toBe(
      'A key named "%1" already exists.'
    );
    expect(metadata.rename('course', 'course_info')).toBeNull();
    expect(model.getMetadata('course')).toBeUndefined();
    expect(model.getMetadata('course_info')).toEqual({ code: 'STAT-201' });
    expect(Object.keys(model.metadata)).toContain('kernelspec');
  });

  it('replaces the whole metadata by writing only the keys that differ', () => {
    const { model, metadata } = openNotebook(ORIGINAL);
    const changed = recordChanges(model);
    const { zero: _, ...rest } = ORIGINAL;
    expect(
      metadata.replaceAll({ ...rest, course: { code: 'X' }, added: null })
    ).toEqual([]);
    expect(changed.sort()).toEqual(['added', 'course', 'zero']);
    expect(model.metadata).toEqual({
      ...rest,
      course: { code: 'X' },
      added: null
    });
  });

  it('refuses writes to a read-only notebook', () => {
    const { model, metadata } = openNotebook(ORIGINAL);
    model.readOnly = true;
    expect(metadata.set('tags', [])).toHaveLength(1);
    expect(model.getMetadata('tags')).toEqual(['a']);
  });

  it('follows changes made elsewhere and renames', () => {
    const { model, source, metadata } = openNotebook({});
    const seen: string[] = [];
    metadata.changed.connect((_, change) =>
      seen.push(`${change.type}:${change.key ?? ''}`)
    );
    model.setMetadata('tags', ['a']);
    model.deleteMetadata('tags');
    source.path = 'renamed.ipynb';
    source.pathChanged.emit('renamed.ipynb');
    expect(seen).toEqual(['metadata:tags', 'metadata:tags', 'path:']);
    expect('tags' in metadata.metadata).toBe(false);
    expect(metadata.name).toBe('renamed.ipynb');
  });

  it('leaves no listener behind once disposed', () => {
    const { model, source, metadata } = openNotebook({});
    let emitted = 0;
    metadata.changed.connect(() => emitted++);
    metadata.dispose();
    model.setMetadata('tags', ['a']);
    source.pathChanged.emit('x.ipynb');
    expect(emitted).toBe(0);
    expect(metadata.isDisposed).toBe(true);
  });

  describe('names that mean something to JavaScript objects', () => {
    it('writes keys named like Object.prototype members, even as {}', () => {
      const { model, metadata } = openNotebook(ORIGINAL);
      for (const key of ['constructor', 'toString', 'hasOwnProperty']) {
        expect(metadata.set(key, {})).toEqual([]);
        expect(model.getMetadata(key)).toEqual({});
      }
      expect(metadata.customKeys).toContain('toString');
      metadata.delete('toString');
      expect(model.getMetadata('toString')).toBeUndefined();
    });

    it('refuses a key named __proto__, as a key and inside a value', () => {
      const { model, metadata } = openNotebook(ORIGINAL);
      const changed = recordChanges(model);
      expect(metadata.set('__proto__', { a: 1 })[0]?.path).toBe('/__proto__');
      const inside = JSON.parse('{"a": [{"__proto__": {"x": 1}}]}');
      expect(metadata.set('course', inside)[0]?.args).toEqual([
        '/course/a/0/__proto__'
      ]);
      expect(
        metadata.replaceAll(JSON.parse('{"__proto__": {"title": "x"}}'))
      ).toHaveLength(1);
      expect(changed).toEqual([]);
      expect(model.dirty).toBe(false);
    });

    it('refuses, rather than throws on, a value with "constructor" on its first level', () => {
      const { model, metadata } = openNotebook(ORIGINAL);
      const problems = metadata.set('course', { constructor: 'x' });
      expect(problems[0]?.args).toEqual(['/course']);
      expect(model.getMetadata('course')).toEqual({ code: 'STAT-201' });
      // One level deeper, Yjs keeps it.
      expect(metadata.set('course', { deeper: { constructor: 'x' } })).toEqual(
        []
      );
      expect(model.getMetadata('course')).toEqual({
        deeper: { constructor: 'x' }
      });
    });

    it('shows a __proto__ key another writer put into the shared model', () => {
      const { model, metadata } = openNotebook(ORIGINAL);
      const map = (model.sharedModel as any).ymeta.get('metadata');
      map.set('__proto__', 'from elsewhere');
      expect(Object.keys(metadata.metadata)).toContain('__proto__');
      expect(metadata.metadata['__proto__']).toBe('from elsewhere');
      expect(metadata.customKeys).toContain('__proto__');
      metadata.delete('__proto__');
      expect(map.has('__proto__')).toBe(false);
    });
  });

  describe('setField', () => {
    const TOC = {
      ...ORIGINAL,
      toc: { base_numbering: 1, number_sections: true }
    };

    it('writes only a nested leaf, keeping its siblings', () => {
      const { model, metadata } = openNotebook(TOC);
      expect(metadata.setField('/toc/base_numbering', 3)).toEqual([]);
      expect(model.getMetadata('toc')).toEqual({
        base_numbering: 3,
        number_sections: true
      });
      expect(metadata.getField('/toc/base_numbering')).toBe(3);
    });

    it('keeps a sibling another writer changed just before', () => {
      const { model, metadata } = openNotebook(TOC);
      model.setMetadata('toc', { base_numbering: 1, number_sections: false });
      metadata.setField('/toc/base_numbering', 2);
      expect(model.getMetadata('toc')).toEqual({
        base_numbering: 2,
        number_sections: false
      });
    });

    it('checks nested writes against the sections that own them', () => {
      const { model, metadata, sections } = openNotebook(TOC);
      sections.add({
        id: 'toc',
        label: 'Table of contents',
        schema: {
          type: 'object',
          properties: { '/toc/base_numbering': { type: 'integer' } }
        }
      });
      expect(
        metadata.setField('/toc/base_numbering', 'two').map(p => p.path)
      ).toEqual(['/toc/base_numbering']);
      expect(model.getMetadata('toc')).toEqual(TOC.toc);
      // An edit of the sibling is not blocked by the section.
      expect(metadata.setField('/toc/number_sections', false)).toEqual([]);
    });

    it('removes a leaf, and with prune the objects left empty', () => {
      const { model, metadata } = openNotebook({ toc: { base_numbering: 1 } });
      metadata.setField('/toc/base_numbering', undefined);
      expect(model.getMetadata('toc')).toEqual({});
      metadata.setField('/toc/x', 1);
      metadata.setField('/toc/x', undefined, { prune: true });
      expect('toc' in model.metadata).toBe(false);
    });

    it('refuses to write through a value that is not an object', () => {
      const { model, metadata } = openNotebook({ toc: 'none' });
      expect(metadata.setField('/toc/base_numbering', 1)).toHaveLength(1);
      expect(model.getMetadata('toc')).toBe('none');
      expect(metadata.setField('/bad~2', 1)).toHaveLength(1);
    });

    it('names the sections of keys, whole and in part', () => {
      const { metadata, sections } = openNotebook(TOC);
      sections.add({
        id: 'toc',
        label: 'Table of contents',
        schema: {
          type: 'object',
          properties: { '/toc/base_numbering': { type: 'integer' } }
        }
      });
      expect(metadata.sectionOf('kernelspec')).toBe('Kernel');
      expect(metadata.sectionOf('toc')).toBeNull();
      expect(metadata.sectionsInside('toc')).toEqual(['Table of contents']);
      expect(metadata.customKeys).toEqual(['course', 'tags', 'zero', 'toc']);
    });
  });
});

describe('NotebookMetadataModel, when its file is gone', () => {
  it('writes nothing until the file is there again, e.g. saved', () => {
    const model = new NotebookModel();
    model.fromJSON({ cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 });
    const fileChanged = new Signal<unknown, unknown>({});
    const metadata = new NotebookMetadataModel({
      model,
      path: 'gone.ipynb',
      pathChanged: new Signal<unknown, string>({}),
      fileChanged
    });
    const seen: string[] = [];
    metadata.changed.connect((_, change) => seen.push(change.type));
    metadata.setFileState('missing');
    expect(metadata.fileMissing).toBe(true);
    expect(metadata.set('course', 'A')).toEqual([
      { path: '/', message: FILE_MISSING, args: ['gone.ipynb'] }
    ]);
    expect(model.getMetadata('course')).toBeUndefined();
    metadata.setFileState('unknown');
    expect(metadata.fileMissing).toBe(true);
    fileChanged.emit({});
    expect(metadata.fileMissing).toBe(false);
    expect(metadata.set('course', 'A')).toEqual([]);
    expect(seen).toEqual(['file', 'file', 'metadata']);
  });
});
