import { NotebookModel } from '@jupyterlab/notebook';
import { CommandRegistry } from '@lumino/commands';
import { Signal } from '@lumino/signaling';

import {
  isPristine,
  newNotebookMetadata,
  NO_DEFAULTS,
  readNewNotebookDefaults
} from '../defaults';
import { NotebookMetadataModel } from '../model';
import {
  applyNewNotebookDefaults,
  looksNew,
  NewNotebookDefaults
} from '../newnotebooks';
import { SectionRegistry } from '../sections/registry';
import { sectionsFromSettings } from '../sections/settings';

/** The course section of examples/hub/overrides.json, as the admin has it. */
import overrides from '../../examples/hub/overrides.json';

const admin = overrides['jupyterlab-notebook-metadata:plugin'];

/** A registry with the admin's sections, from the settings as the lab has them. */
function courseRegistry(): SectionRegistry {
  const registry = new SectionRegistry();
  for (const section of sectionsFromSettings(admin).sections) {
    registry.add(section, 'settings');
  }
  return registry;
}

/** A notebook as the server makes a new one, loaded as a context does. */
function notebook(
  metadata: Record<string, any> = {},
  cells: string[] = [],
  path = 'Untitled.ipynb'
) {
  const model = new NotebookModel();
  model.fromJSON({
    cells: cells.map(source => ({
      cell_type: 'code',
      source,
      metadata: {},
      outputs: [],
      execution_count: null
    })),
    metadata,
    nbformat: 4,
    nbformat_minor: 5
  });
  model.sharedModel.clearUndoHistory();
  model.dirty = false;
  return {
    model,
    path,
    pathChanged: new Signal<unknown, string>({}),
    ready: Promise.resolve()
  };
}

/** All metadata of a notebook model. */
function metadataOf(model: NotebookModel): Record<string, any> {
  return JSON.parse(JSON.stringify(model.metadata));
}

/** What JupyterLab gives a notebook without kernel keys as it reads it. */
const blank = {
  kernelspec: { display_name: '', name: '' },
  language_info: { name: '' }
};

const course = {
  course: { name: 'Data Science 101', week: 1, graded: false },
  grading: { points: 0, rubric: 'default' }
};

describe('readNewNotebookDefaults', () => {
  it('reads the admin example', () => {
    expect(readNewNotebookDefaults(admin)).toEqual({
      sectionDefaults: ['course'],
      template: { grading: { points: 0, rubric: 'default' } }
    });
  });

  it('takes anything not well formed for not set', () => {
    expect(readNewNotebookDefaults(null)).toEqual(NO_DEFAULTS);
    expect(readNewNotebookDefaults({ newNotebookMetadata: [] })).toEqual(
      NO_DEFAULTS
    );
    expect(
      readNewNotebookDefaults({
        newNotebookMetadata: { sectionDefaults: ['a', 3, ''], template: 'x' }
      })
    ).toEqual({ sectionDefaults: ['a'], template: {} });
  });
});

describe('newNotebookMetadata', () => {
  const sections = [
    {
      id: 'course',
      label: 'Course',
      fields: [
        { path: ['course', 'name'], schema: { default: 'DS' } },
        { path: ['course', 'week'], schema: { default: 1 } },
        { path: ['course', 'assignment'], schema: {} }
      ]
    }
  ];

  it("writes the sections' defaults, then the template over them, saying where each came from", () => {
    const result = newNotebookMetadata(
      {
        sectionDefaults: ['course'],
        template: { course: { week: 2 }, grading: { points: 0 } }
      },
      sections,
      { kernelspec: { name: 'python3', display_name: 'Python 3' } }
    );
    expect(result.changes).toEqual({
      course: { name: 'DS', week: 2 },
      grading: { points: 0 }
    });
    expect(result.origins).toEqual([
      { pointer: '/course/name', from: 'section', section: 'Course' },
      { pointer: '/course/week', from: 'template' },
      { pointer: '/grading/points', from: 'template' }
    ]);
    expect(result.problems).toEqual([]);
  });

  it('keeps what the notebook has beside what it writes', () => {
    const result = newNotebookMetadata(
      { sectionDefaults: [], template: { kernelspec: { env: 'course' } } },
      [],
      { kernelspec: { name: 'python3', display_name: 'Python 3' } }
    );
    expect(result.changes).toEqual({
      kernelspec: { name: 'python3', display_name: 'Python 3', env: 'course' }
    });
  });

  it('names a section that does not exist, and writes the rest', () => {
    const result = newNotebookMetadata(
      { sectionDefaults: ['nope'], template: { a: 1 } },
      sections,
      {}
    );
    expect(result.changes).toEqual({ a: 1 });
    expect(result.problems).toEqual([
      'There is no section "nope" to take defaults from.'
    ]);
  });

  it('refuses a template value under one that is not an object', () => {
    const result = newNotebookMetadata(
      { sectionDefaults: [], template: { kernelspec: { name: 'x' } } },
      [],
      { kernelspec: 'python3' }
    );
    expect(result.changes).toEqual({});
    expect(result.problems).toEqual([
      '/kernelspec/name: The value holding "name" is not an object.'
    ]);
  });
});

describe('isPristine', () => {
  it('is a notebook as the server makes it, or with a kernel written in', () => {
    expect(isPristine({}, [])).toBe(true);
    expect(isPristine({ kernelspec: {}, language_info: {} }, [''])).toBe(true);
  });

  it('is not a notebook with metadata or cells of its own', () => {
    expect(isPristine({ course: {} }, [])).toBe(false);
    expect(isPristine({}, ['x = 1'])).toBe(false);
    expect(isPristine({}, ['', ''])).toBe(false);
  });
});

describe('applyNewNotebookDefaults', () => {
  const defaults = readNewNotebookDefaults(admin);

  it("writes the admin's defaults as one undo step", () => {
    const source = notebook({ kernelspec: { name: 'python3' } }, ['']);
    const applied = applyNewNotebookDefaults(
      source,
      defaults,
      courseRegistry(),
      'everyone'
    );
    expect(applied?.problems).toEqual([]);
    expect(applied?.origins.map(o => [o.pointer, o.from])).toEqual([
      ['/course/name', 'section'],
      ['/course/week', 'section'],
      ['/course/graded', 'section'],
      ['/grading/points', 'template'],
      ['/grading/rubric', 'template']
    ]);
    const kernel = {
      kernelspec: { name: 'python3' },
      language_info: { name: '' }
    };
    expect(metadataOf(source.model)).toEqual({ ...kernel, ...course });
    expect(source.model.dirty).toBe(true);
    const history = new NotebookMetadataModel(source).history!;
    expect(history.canUndo).toBe(true);
    history.undo();
    expect(metadataOf(source.model)).toEqual(kernel);
    expect(history.canUndo).toBe(false);
    history.redo();
    expect(metadataOf(source.model)).toEqual({ ...kernel, ...course });
  });

  it('never writes into a notebook with metadata of its own', () => {
    const source = notebook({ title: 'Mine' });
    const before = metadataOf(source.model);
    expect(
      applyNewNotebookDefaults(source, defaults, courseRegistry(), 'everyone')
    ).toBeNull();
    expect(metadataOf(source.model)).toEqual(before);
    expect(source.model.dirty).toBe(false);
  });

  it('takes a notebook with cells or metadata of its own for one that existed', () => {
    expect(looksNew(notebook())).toBe(true);
    expect(looksNew(notebook({}, ['']))).toBe(true);
    expect(looksNew(notebook({ title: 'Mine' }))).toBe(false);
    expect(looksNew(notebook({}, ['print(1)']))).toBe(false);
  });

  it('writes nothing a section refuses, and says why', () => {
    const source = notebook();
    const applied = applyNewNotebookDefaults(
      source,
      { sectionDefaults: ['course'], template: { course: { week: 99 } } },
      courseRegistry(),
      'user'
    );
    expect(applied?.origins).toEqual([]);
    expect(applied?.problems.length).toBeGreaterThan(0);
    expect(applied?.problems[0].args?.[0]).toBe('/course/week');
    expect(metadataOf(source.model)).toEqual(blank);
    expect(source.model.dirty).toBe(false);
  });

  it('does nothing without defaults', () => {
    const source = notebook();
    expect(
      applyNewNotebookDefaults(source, NO_DEFAULTS, courseRegistry(), 'user')
    ).toBeNull();
    expect(metadataOf(source.model)).toEqual(blank);
  });
});

describe('NewNotebookDefaults', () => {
  /** The lab's parts it follows: commands, and a tracker of notebooks. */
  function lab() {
    const commands = new CommandRegistry();
    let count = 0;
    commands.addCommand('docmanager:new-untitled', {
      execute: async args => {
        count += 1;
        return {
          path: `Untitled${count}.${args.type === 'notebook' ? 'ipynb' : 'txt'}`
        };
      }
    });
    const tracker = { widgetAdded: new Signal<any, any>({}) };
    const defaults = new NewNotebookDefaults({
      commands,
      tracker: tracker as any,
      sections: courseRegistry()
    });
    defaults.setDefaults(readNewNotebookDefaults(admin), 'everyone');
    /**
     * Open a notebook as the lab does; resolves once it is known whether
     * it is new (what is not new is never waited for further).
     */
    const open = async (source: ReturnType<typeof notebook>) => {
      tracker.widgetAdded.emit({ context: source });
      await source.ready;
      await new Promise(resolve => setTimeout(resolve, 0));
    };
    return { commands, defaults, open };
  }

  it('writes the defaults into the notebook the page created, once', async () => {
    const { commands, defaults, open } = lab();
    const created = (await commands.execute('docmanager:new-untitled', {
      type: 'notebook'
    })) as { path: string };
    const source = notebook({}, [], created.path);
    const applied = new Promise(resolve =>
      defaults.applied.connect((_, model) => resolve(model))
    );
    await open(source);
    await applied;
    expect(metadataOf(source.model)).toEqual({ ...blank, ...course });
    expect(defaults.appliedTo(source.model)?.setting).toBe('everyone');
    // Opened again (closed and reopened, or in a second view): not again.
    const again = notebook({}, [], created.path);
    await open(again);
    expect(metadataOf(again.model)).toEqual(blank);
  });

  it('never writes into a notebook it did not see created', async () => {
    const { commands, defaults, open } = lab();
    await commands.execute('docmanager:new-untitled', { type: 'file' });
    const created = (await commands.execute('docmanager:new-untitled', {
      type: 'notebook'
    })) as { path: string };
    const others = [
      notebook({}, [], 'Untitled1.txt'),
      notebook({}, [], 'old.ipynb'),
      // Created here, but with a cell of its own by the time it opened.
      notebook({}, ['x = 1'], created.path)
    ];
    for (const source of others) {
      await open(source);
    }
    // A new notebook opened after them gets its defaults: by then, any
    // write into the others would have been made.
    const fresh = (await commands.execute('docmanager:new-untitled', {
      type: 'notebook'
    })) as { path: string };
    const applied = new Promise(resolve =>
      defaults.applied.connect((_, model) => resolve(model))
    );
    const last = notebook({}, [], fresh.path);
    await open(last);
    expect(await applied).toBe(last.model);
    for (const source of others) {
      expect(metadataOf(source.model)).not.toHaveProperty('course');
      expect(source.model.dirty).toBe(false);
      expect(defaults.appliedTo(source.model)).toBeNull();
    }
  });
});
