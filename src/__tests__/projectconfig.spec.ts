/**
 * The project configuration of a notebook, looked for through a contents
 * manager (a tree of files in memory here): which file applies, and the
 * cache every view shares, cleared when a candidate file changes.
 */
import { Signal } from '@lumino/signaling';

import type { IFileChange } from '../files';
import { findProjectConfig, ProjectConfigs } from '../projectconfig';

/** A contents manager over `files` (path → text), counting folder listings. */
class FakeContents {
  constructor(public files: Record<string, string>) {}
  listings = 0;
  readonly fileChanged = new Signal<this, IFileChange>(this);

  async get(
    path: string,
    options: { type: 'directory' | 'file' }
  ): Promise<{ content: unknown }> {
    if (options.type === 'directory') {
      this.listings++;
      const prefix = path ? path + '/' : '';
      const names = new Set<string>();
      for (const file of Object.keys(this.files)) {
        if (file.startsWith(prefix)) {
          names.add(file.slice(prefix.length).split('/')[0]);
        }
      }
      return { content: [...names].map(name => ({ name })) };
    }
    if (!(path in this.files)) {
      throw new Error(`No such file: ${path}`);
    }
    return { content: this.files[path] };
  }

  change(path: string): void {
    this.fileChanged.emit({ newValue: { path } });
  }
}

describe('findProjectConfig', () => {
  it('takes the nearest configuration, up to the root', async () => {
    const contents = new FakeContents({
      'jupytext.toml': 'formats = "ipynb,md"\n',
      'course/pyproject.toml': '[project]\nname = "x"\n',
      'course/week/lesson.ipynb': '{}'
    });
    const found = await findProjectConfig(contents, 'course/week/lesson.ipynb');
    // A pyproject.toml without [tool.jupytext] is not a configuration.
    expect(found).toEqual({
      state: 'found',
      found: { path: 'jupytext.toml', config: { formats: 'ipynb,md' } }
    });
  });

  it('says why a configuration cannot be used', async () => {
    const contents = new FakeContents({
      'a/jupytext.toml': 'formats = [1',
      'a/lesson.ipynb': '{}'
    });
    const found = await findProjectConfig(contents, 'a/lesson.ipynb');
    expect(found.state).toBe('invalid');
  });

  it('asks for the files of a folder it cannot list', async () => {
    const contents = new FakeContents({
      'a/jupytext.toml': 'formats = "ipynb,md"\nnot_an_option = 1\n',
      'a/lesson.ipynb': '{}'
    });
    const get = contents.get.bind(contents);
    contents.get = async (path, options) => {
      if (options.type === 'directory' && path === 'a') {
        throw new Error('500: Error while reading config file');
      }
      return get(path, options);
    };
    const found = await findProjectConfig(contents, 'a/lesson.ipynb');
    expect(found).toEqual(
      expect.objectContaining({ state: 'invalid', path: 'a/jupytext.toml' })
    );
  });

  it('finds none where there is none', async () => {
    const contents = new FakeContents({ 'a/lesson.ipynb': '{}' });
    expect(await findProjectConfig(contents, 'a/lesson.ipynb')).toEqual({
      state: 'none'
    });
  });
});

describe('ProjectConfigs', () => {
  it('looks once per notebook, again after a candidate file changes', async () => {
    const contents = new FakeContents({
      'a/lesson.ipynb': '{}',
      'a/other.ipynb': '{}'
    });
    const cache = ProjectConfigs.of(contents);
    expect(ProjectConfigs.of(contents)).toBe(cache);
    expect(cache.known('a/lesson.ipynb')).toBeNull();
    expect((await cache.find('a/lesson.ipynb')).state).toBe('none');
    expect(cache.known('a/lesson.ipynb')).toEqual({ state: 'none' });
    const listed = contents.listings;
    await cache.find('a/lesson.ipynb');
    expect(contents.listings).toBe(listed);

    // A file that is no candidate: still cached.
    contents.files['a/notes.txt'] = '';
    contents.change('a/notes.txt');
    await cache.find('a/lesson.ipynb');
    expect(contents.listings).toBe(listed);

    // A config file made in the root: looked for again.
    contents.files['jupytext.toml'] = 'formats = "ipynb,py:percent"\n';
    contents.change('jupytext.toml');
    expect(cache.known('a/lesson.ipynb')).toBeNull();
    const found = await cache.find('a/lesson.ipynb');
    expect(found).toEqual({
      state: 'found',
      found: {
        path: 'jupytext.toml',
        config: { formats: 'ipynb,py:percent' }
      }
    });
    expect(contents.listings).toBeGreaterThan(listed);

    // Told to those who show it, by path.
    const told: string[] = [];
    cache.changed.connect((_, path) => told.push(path));
    contents.change('jupytext.toml');
    expect(told).toEqual(['a/lesson.ipynb']);

    // The notebook saved (Jupytext reads its config again): forgotten too.
    await cache.find('a/lesson.ipynb');
    contents.change('a/lesson.ipynb');
    expect(cache.known('a/lesson.ipynb')).toBeNull();

    // Shown again: looked for again, and told.
    await cache.find('a/lesson.ipynb');
    const before = contents.listings;
    told.length = 0;
    await cache.refresh('a/lesson.ipynb');
    expect(contents.listings).toBeGreaterThan(before);
    expect(told).toContain('a/lesson.ipynb');

    // A renamed folder above the notebook: looked for again.
    await cache.find('a/other.ipynb');
    contents.fileChanged.emit({
      oldValue: { path: 'a' },
      newValue: { path: 'b' }
    });
    expect(cache.known('a/other.ipynb')).toBeNull();
  });
});
