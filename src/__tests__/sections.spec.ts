import celltagsSchema from '@jupyterlab/celltags-extension/schema/plugin.json';
import toolsSchema from '@jupyterlab/notebook-extension/schema/tools.json';

import { sectionsFromMetadataForms } from '../sections/metadataforms';
import { SectionRegistry } from '../sections/registry';
import { sectionsFromSettings } from '../sections/settings';
import type { IMetadataSection } from '../tokens';
import { builtinSections } from './builtins';

/** A small valid section. */
function section(
  id: string,
  properties: Record<string, any>,
  extra: Partial<IMetadataSection> = {}
): IMetadataSection {
  return { id, label: id, schema: { type: 'object', properties }, ...extra };
}

describe('SectionRegistry', () => {
  it('orders sections by rank, then by when they were added', () => {
    const registry = new SectionRegistry();
    registry.add(section('c', { c: {} }));
    registry.add(section('a', { a: {} }, { rank: 5 }));
    registry.add(section('b', { b: {} }));
    expect(registry.sections.map(s => s.id)).toEqual(['a', 'c', 'b']);
  });

  it('removes a section through its handle, and tells its views', () => {
    const registry = new SectionRegistry();
    let changes = 0;
    registry.changed.connect(() => changes++);
    const handle = registry.add(section('a', { a: {} }));
    registry.add(section('b', { b: {} }));
    handle.dispose();
    handle.dispose();
    expect(registry.sections.map(s => s.id)).toEqual(['b']);
    expect(changes).toBe(3);
  });

  it('keeps the first section of an id and says why the other is not shown', () => {
    const registry = new SectionRegistry();
    registry.add(section('dup', { a: {} }, { label: 'First' }));
    registry.add(section('dup', { b: {} }, { label: 'Second' }));
    expect(registry.sections.map(s => s.label)).toEqual(['First']);
    const second = registry.entries.find(e => e.section.label === 'Second')!;
    expect(second.active).toBe(false);
    expect(second.problems).toEqual([
      {
        message: 'Another section already has the id "%1" ("%2").',
        args: ['dup', 'First']
      }
    ]);
  });

  it("refuses a section whose field overlaps another section's field", () => {
    const registry = builtinSections();
    registry.add(section('mine', { '/kernelspec/env': {}, course: {} }));
    registry.add(section('toc', { '/toc/base_numbering': {} }));
    registry.add(section('toc-all', { toc: {} }), 'settings');
    const mine = registry.entries.find(e => e.section.id === 'mine')!;
    expect(mine.active).toBe(false);
    expect(mine.problems[0].args).toEqual([
      '/kernelspec/env',
      'kernelspec',
      'Kernel'
    ]);
    // Its other field is not claimed either: it is still a custom key.
    expect(registry.ownerOfKey('course')).toBeNull();
    const tocAll = registry.entries.find(e => e.section.id === 'toc-all')!;
    expect(tocAll.problems[0].args).toEqual([
      'toc',
      '/toc/base_numbering',
      'toc'
    ]);
    expect(registry.sections.map(s => s.id)).toEqual([
      'kernel',
      'notebook',
      'jupytext',
      'toc'
    ]);
  });

  it('lets an earlier origin win an overlap, whatever the order of adding', () => {
    const registry = new SectionRegistry();
    registry.add(section('from-settings', { course: {} }), 'settings');
    registry.add(section('from-code', { course: {} }), 'extension');
    expect(registry.sections.map(s => s.id)).toEqual(['from-code']);
    expect(registry.ownerOfKey('course')?.section.id).toBe('from-code');
  });

  it('says what is wrong with a malformed section, and keeps the others', () => {
    const registry = builtinSections();
    const bad: any[] = [
      { id: 'no-schema', label: 'No schema' },
      { id: 'array', label: 'Array', schema: { type: 'array' } },
      {
        id: 'empty',
        label: 'Empty',
        schema: { type: 'object', properties: {} }
      },
      {
        id: 'bad-type',
        label: 'Bad type',
        schema: { type: 'object', properties: { x: { type: 'strin' } } }
      },
      {
        id: 'bad-pointer',
        label: 'Bad pointer',
        schema: { type: 'object', properties: { '/a~2': {} } }
      },
      {
        id: 'self-overlap',
        label: 'Self overlap',
        schema: { type: 'object', properties: { a: {}, '/a/b': {} } }
      },
      { id: '', label: 'No id', schema: { properties: { y: {} } } },
      {
        id: 'rank',
        label: 'Rank',
        rank: 'high',
        schema: { properties: { z: {} } }
      }
    ];
    for (const item of bad) {
      registry.add(item, 'settings');
    }
    for (const item of bad) {
      const entry = registry.entries.find(e => e.section === item)!;
      expect([item.id, entry.active]).toEqual([item.id, false]);
      expect(entry.problems.length).toBeGreaterThan(0);
    }
    const messages = (id: string) =>
      registry.entries
        .find(e => e.section.id === id)!
        .problems.map(p => p.message);
    expect(messages('bad-type')[0]).toMatch(/not a valid JSON schema/);
    expect(messages('self-overlap')).toEqual([
      'Its fields "%1" and "%2" overlap.'
    ]);
    expect(registry.sections.map(s => s.id)).toEqual([
      'kernel',
      'notebook',
      'jupytext'
    ]);
  });

  it('hides sections by id; a hidden section owns no key', () => {
    const registry = builtinSections();
    expect(registry.ownerOfKey('jupytext')?.section.id).toBe('jupytext');
    registry.setHidden(['jupytext']);
    expect(registry.sections.map(s => s.id)).toEqual(['kernel', 'notebook']);
    expect(registry.ownerOfKey('jupytext')).toBeNull();
    expect(
      registry.entries.find(e => e.section.id === 'jupytext')!.hidden
    ).toBe(true);
  });

  it('knows the sections editing values inside a key', () => {
    const registry = builtinSections();
    registry.add(section('toc', { '/toc/base_numbering': {} }));
    expect(registry.sectionsInside('toc').map(e => e.section.id)).toEqual([
      'toc'
    ]);
    expect(registry.ownerOfKey('toc')).toBeNull();
  });

  describe('validate', () => {
    const registry = builtinSections();
    registry.add(
      section('toc', {
        '/toc/base_numbering': { type: 'integer', minimum: 1 }
      })
    );
    registry.add(
      section(
        'review',
        {
          review: {
            type: 'object',
            properties: { status: { enum: ['draft', 'done'] } }
          }
        },
        {
          schema: {
            type: 'object',
            properties: { review: {} },
            required: ['review']
          }
        }
      )
    );

    it('checks the changed fields of a write against their schema', () => {
      expect(
        registry.validate({}, { toc: { base_numbering: 'two' } }, ['toc'])
      ).toEqual([
        {
          path: '/toc/base_numbering',
          message: '%1 must be integer',
          args: ['/toc/base_numbering']
        }
      ]);
      expect(
        registry.validate({}, { toc: { base_numbering: 2 } }, ['toc'])
      ).toEqual([]);
    });

    it('does not check values the write leaves as they were', () => {
      const before = {
        toc: { base_numbering: 'two', number_sections: true },
        kernelspec: { display_name: 'no name' }
      };
      expect(
        registry.validate(
          before,
          { ...before, toc: { base_numbering: 'two', number_sections: false } },
          ['toc']
        )
      ).toEqual([]);
      expect(
        registry.validate(before, { ...before, course: 1 }, ['course'])
      ).toEqual([]);
    });

    it('lets a value be written next to an invalid one inside the same field', () => {
      const registry = new SectionRegistry();
      registry.add(
        section('review', {
          review: {
            type: 'object',
            properties: {
              status: {
                type: 'string',
                oneOf: [{ const: 'draft' }, { const: 'done' }]
              },
              reviewer: { type: 'string', minLength: 2 }
            },
            required: ['status']
          }
        })
      );
      const before = { review: { status: 'bogus', reviewer: 'Al' } };
      expect(
        registry.validate(
          before,
          { review: { status: 'bogus', reviewer: 'Ada' } },
          ['review']
        )
      ).toEqual([]);
      // Missing before and after: not this write's doing either.
      expect(
        registry.validate(
          { review: { reviewer: 'Al' } },
          { review: { reviewer: 'Ada' } },
          ['review']
        )
      ).toEqual([]);
      // The value written is still checked, once, saying what is allowed.
      expect(
        registry.validate(
          before,
          { review: { status: 'nope', reviewer: 'Al' } },
          ['review']
        )
      ).toEqual([
        {
          path: '/review/status',
          message: '%1 must be one of: "draft", "done"',
          args: ['/review/status']
        }
      ]);
      expect(
        registry.validate(before, { review: { reviewer: 'Al' } }, ['review'])
      ).toEqual([
        {
          path: '/review/status',
          message: '"%1" is required.',
          args: ['/review/status']
        }
      ]);
    });

    it('refuses to remove a required field', () => {
      expect(
        registry.validate({ review: {} }, {}, ['review']).map(p => p.message)
      ).toEqual(['"%1" is required.']);
    });

    it("runs the section's own checks on the fields it changes", () => {
      expect(
        registry.validate({}, { jupytext: { formats: 'ipynb,py:nope' } }, [
          'jupytext'
        ])
      ).toHaveLength(1);
      expect(
        registry.validate({}, { jupytext: { formats: 'ipynb,py:percent' } }, [
          'jupytext'
        ])
      ).toEqual([]);
    });

    it('checks nothing for hidden sections', () => {
      const hidden = builtinSections();
      hidden.setHidden(['kernel']);
      expect(hidden.validate({}, { kernelspec: 'x' }, ['kernelspec'])).toEqual(
        []
      );
    });
  });
});

describe('sectionsFromSettings', () => {
  it('passes every declared section on, well formed or not', () => {
    const declared = sectionsFromSettings({
      sections: [
        {
          id: 'course',
          label: 'Course',
          rank: 40,
          schema: {
            type: 'object',
            properties: { course: { type: 'string' } }
          },
          uiSchema: { course: { 'ui:placeholder': 'STAT-201' } }
        },
        { label: 'No id' },
        'not an object',
        null
      ],
      hiddenSections: ['jupytext', 3, null]
    });
    expect(declared.sections.map(s => [s.id, s.label])).toEqual([
      ['course', 'Course'],
      ['', 'No id'],
      ['', 'sections[2]'],
      ['', 'sections[3]']
    ]);
    expect(declared.sections[0].uiSchema).toEqual({
      course: { 'ui:placeholder': 'STAT-201' }
    });
    expect(declared.hidden).toEqual(['jupytext']);
  });

  it('reads nothing from settings that are not there or not lists', () => {
    expect(sectionsFromSettings(undefined)).toEqual({
      sections: [],
      hidden: []
    });
    expect(sectionsFromSettings({ sections: {}, hiddenSections: 'x' })).toEqual(
      {
        sections: [],
        hidden: []
      }
    );
  });

  it('gives sections the registry lists with their problems', () => {
    const registry = builtinSections();
    for (const item of sectionsFromSettings({
      sections: [
        { label: 'No id' },
        { id: 'kernel', label: 'Again', schema: { properties: { k: {} } } }
      ]
    }).sections) {
      registry.add(item, 'settings');
    }
    expect(
      registry.entries.filter(e => !e.active).map(e => e.problems[0].message)
    ).toEqual([
      'It has no id.',
      'Another section already has the id "%1" ("%2").'
    ]);
  });
});

describe('sectionsFromMetadataForms', () => {
  const core = [
    {
      plugin: '@jupyterlab/notebook-extension:tools',
      forms: (toolsSchema as any)['jupyter.lab.metadataforms']
    },
    {
      plugin: '@jupyterlab/celltags-extension:plugin',
      forms: (celltagsSchema as any)['jupyter.lab.metadataforms']
    }
  ];

  it("reads the notebook-level fields of JupyterLab 4.6's own forms", () => {
    const sections = sectionsFromMetadataForms(core);
    expect(sections).toHaveLength(1);
    const [common] = sections;
    expect(common.id).toBe('metadataforms:commonToolsSection');
    expect(common.label).toBe('Table of contents');
    expect(Object.keys(common.schema.properties)).toEqual([
      '/toc/base_numbering'
    ]);
    expect(common.schema.properties['/toc/base_numbering']).toEqual({
      title: 'Table of content - Base number',
      type: 'integer'
    });
    // Cell-level fields are left to the Property Inspector, and ui:order
    // keeps only what the section has.
    expect(common.uiSchema).toEqual({ 'ui:order': ['*'] });
    // Named for what it holds; no plugin ids.
    expect(common.description).toBe(
      'Notebook fields of JupyterLab\'s "Common Tools" form.'
    );
    expect(common.notes).toEqual([]);
    const registry = builtinSections();
    registry.add(common, 'metadataforms');
    expect(registry.sections.map(s => s.id)).toContain(common.id);
  });

  it('keeps defaults, uiSchema, writeDefault and rank; notes custom renderers', () => {
    const [form] = sectionsFromMetadataForms([
      {
        plugin: 'my:plugin',
        forms: [
          {
            id: 'grading',
            label: 'Grading',
            rank: 4,
            metadataSchema: {
              type: 'object',
              properties: {
                '/grading/points': { type: 'integer', default: 10 },
                '/grading/visual': { type: 'string' },
                '/cell_only': { type: 'string' }
              },
              required: ['/grading/points', '/cell_only']
            },
            uiSchema: { '/grading/points': { 'ui:widget': 'updown' } },
            metadataOptions: {
              '/grading/points': {
                metadataLevel: 'notebook',
                writeDefault: false
              },
              '/grading/visual': {
                metadataLevel: 'notebook',
                customRenderer: 'my:renderer'
              }
            }
          }
        ]
      }
    ]);
    expect(form.rank).toBe(4);
    expect(form.schema).toEqual({
      type: 'object',
      properties: { '/grading/points': { type: 'integer', default: 10 } },
      required: ['/grading/points']
    });
    expect(form.uiSchema).toEqual({
      '/grading/points': { 'ui:widget': 'updown' }
    });
    expect(form.fieldOptions).toEqual({
      '/grading/points': { writeDefault: false }
    });
    expect(form.notes).toHaveLength(1);
    expect(form.notes![0]).toMatch(/"\/grading\/visual" .*my:renderer/s);
  });

  it("draws a field with JupyterLab's custom renderer when the registry has it", () => {
    const fieldRenderer = () => null;
    const widgetRenderer = () => null;
    const renderers: Record<string, unknown> = {
      'my:field': { fieldRenderer },
      'my:widget': { widgetRenderer }
    };
    const [form] = sectionsFromMetadataForms(
      [
        {
          plugin: 'my:plugin',
          forms: [
            {
              id: 'drawn',
              label: 'Drawn',
              metadataSchema: {
                type: 'object',
                properties: {
                  '/drawn/field': { type: 'string' },
                  '/drawn/widget': { type: 'string' },
                  '/drawn/unknown': { type: 'string' }
                }
              },
              uiSchema: { '/drawn/widget': { 'ui:help': 'Help' } },
              metadataOptions: {
                '/drawn/field': {
                  metadataLevel: 'notebook',
                  customRenderer: 'my:field'
                },
                '/drawn/widget': {
                  metadataLevel: 'notebook',
                  customRenderer: 'my:widget'
                },
                '/drawn/unknown': {
                  metadataLevel: 'notebook',
                  customRenderer: 'my:unknown'
                }
              }
            }
          ]
        }
      ],
      id => renderers[id] as any
    );
    expect(Object.keys(form.schema.properties)).toEqual([
      '/drawn/field',
      '/drawn/widget'
    ]);
    expect(form.uiSchema).toEqual({
      '/drawn/field': { 'ui:field': fieldRenderer },
      '/drawn/widget': { 'ui:help': 'Help', 'ui:widget': widgetRenderer }
    });
    expect(form.notes).toHaveLength(1);
    expect(form.notes![0]).toMatch(/my:unknown/);
  });

  it('merges forms of the same id from several plugins, as core does', () => {
    const sections = sectionsFromMetadataForms([
      {
        plugin: 'a',
        forms: [
          {
            id: 'shared',
            label: 'Shared',
            metadataSchema: { properties: { '/x': { type: 'string' } } },
            metadataOptions: { '/x': { metadataLevel: 'notebook' } }
          }
        ]
      },
      {
        plugin: 'b',
        forms: [
          {
            id: 'shared',
            metadataSchema: { properties: { '/y': { type: 'number' } } },
            metadataOptions: { '/y': { metadataLevel: 'notebook' } }
          },
          'junk',
          { id: 3 }
        ]
      },
      { plugin: 'c', forms: 'not a list' }
    ]);
    expect(sections.map(s => [s.id, Object.keys(s.schema.properties)])).toEqual(
      [['metadataforms:shared', ['/x', '/y']]]
    );
  });
});
