import { NotebookModel } from '@jupyterlab/notebook';
import { nullTranslator } from '@jupyterlab/translation';
import { Signal } from '@lumino/signaling';
import React from 'react';
import { act } from 'react-dom/test-utils';
import { createRoot, type Root } from 'react-dom/client';

import { SectionForm } from '../components/SectionForm';
import { NotebookMetadataModel } from '../model';
import { SectionRegistry } from '../sections/registry';
import type { FieldProps } from '@rjsf/utils';

import type { IMetadataSection } from '../tokens';

/** A notebook, its metadata model and a registry with one section. */
function setUp(metadata: Record<string, any>, section: IMetadataSection) {
  const notebook = new NotebookModel();
  notebook.fromJSON({ cells: [], metadata, nbformat: 4, nbformat_minor: 5 });
  notebook.dirty = false;
  const sections = new SectionRegistry();
  sections.add(section);
  const model = new NotebookMetadataModel(
    {
      model: notebook,
      path: 'nb.ipynb',
      pathChanged: new Signal<unknown, string>({})
    },
    { sections }
  );
  return { notebook, model, entry: sections.entries[0] };
}

/** Render a section's form into the document. */
async function render(
  setup: ReturnType<typeof setUp>
): Promise<{ node: HTMLElement; root: Root }> {
  const node = document.createElement('div');
  document.body.appendChild(node);
  const root = createRoot(node);
  await act(async () => {
    root.render(
      <SectionForm
        entry={setup.entry}
        model={setup.model}
        metadata={setup.model.metadata}
        disabled={false}
        trans={nullTranslator.load('test')}
      />
    );
  });
  return { node, root };
}

/** Type into an input or pick in a select, as React sees it. */
async function change(element: HTMLElement, value: string): Promise<void> {
  await act(async () => {
    const proto =
      element instanceof HTMLSelectElement
        ? HTMLSelectElement.prototype
        : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(element, value);
    element.dispatchEvent(
      new Event(element instanceof HTMLSelectElement ? 'change' : 'input', {
        bubbles: true
      })
    );
  });
}

/** Type into a text field and leave it: its draft is committed. */
async function type(element: HTMLElement, value: string): Promise<void> {
  await change(element, value);
  await act(async () => {
    element.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
}

/** Press a key in a field. */
async function press(element: HTMLElement, key: string): Promise<void> {
  await act(async () => {
    element.dispatchEvent(
      new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
    );
  });
}

const GRADING: IMetadataSection = {
  id: 'grading',
  label: 'Grading',
  schema: {
    type: 'object',
    properties: {
      '/grading/points': { type: 'integer', title: 'Points', default: 10 },
      '/grading/level': {
        type: 'string',
        title: 'Level',
        enum: ['easy', 'hard']
      },
      '/grading/note': { type: 'string', title: 'Note' }
    }
  },
  fieldOptions: { '/grading/points': { writeDefault: false } }
};

describe('SectionForm', () => {
  it('shows values it does not allow, and writes nothing by showing them', async () => {
    const setup = setUp(
      { grading: { level: 'bogus', extra: [1] }, other: 1 },
      GRADING
    );
    const { node, root } = await render(setup);
    const level = node.querySelector<HTMLSelectElement>(
      'select[id$="_/grading/level"]'
    )!;
    expect(level.selectedOptions[0].textContent).toBe(
      '"bogus" (stored, not an allowed value)'
    );
    // The default of an absent field is shown, not written.
    expect(
      node.querySelector<HTMLInputElement>('input[id$="_/grading/points"]')!
        .value
    ).toBe('10');
    expect(setup.notebook.dirty).toBe(false);
    expect(setup.notebook.getMetadata('grading')).toEqual({
      level: 'bogus',
      extra: [1]
    });

    // A change of another field writes that field only.
    const note = node.querySelector<HTMLInputElement>(
      'input[id$="_/grading/note"]'
    )!;
    await type(note, 'ok');
    expect(setup.notebook.getMetadata('grading')).toEqual({
      level: 'bogus',
      extra: [1],
      note: 'ok'
    });
    act(() => root.unmount());
  });

  it('writes a value only once it is valid, and keeps what was typed', async () => {
    const setup = setUp({ grading: { points: 5 } }, GRADING);
    const { node, root } = await render(setup);
    const points = node.querySelector<HTMLInputElement>(
      'input[id$="_/grading/points"]'
    )!;
    await type(points, '2.5');
    expect(setup.notebook.getMetadata('grading')).toEqual({ points: 5 });
    expect(points.value).toBe('2.5');
    expect(node.textContent).toContain('must be integer');
    await type(points, '7');
    expect(setup.notebook.getMetadata('grading')).toEqual({ points: 7 });
    act(() => root.unmount());
  });

  it('keeps what is typed as a draft: Enter commits it once, Escape takes it back', async () => {
    const setup = setUp({ grading: { note: 'a' } }, GRADING);
    const { node, root } = await render(setup);
    const note = node.querySelector<HTMLInputElement>(
      'input[id$="_/grading/note"]'
    )!;
    await change(note, 'ab');
    await change(note, 'abc');
    expect(setup.notebook.getMetadata('grading')).toEqual({ note: 'a' });
    await press(note, 'Escape');
    expect(note.value).toBe('a');
    await change(note, 'xyz');
    await press(note, 'Enter');
    expect(setup.notebook.getMetadata('grading')).toEqual({ note: 'xyz' });
    expect(note.value).toBe('xyz');
    act(() => root.unmount());
  });

  it('removes a value set to its default when the field says not to write defaults', async () => {
    const setup = setUp({ grading: { points: 5 }, other: 1 }, GRADING);
    const { node, root } = await render(setup);
    const points = node.querySelector<HTMLInputElement>(
      'input[id$="_/grading/points"]'
    )!;
    await type(points, '10');
    // The emptied `grading` goes too; `other` stays.
    expect('grading' in setup.notebook.metadata).toBe(false);
    expect(setup.notebook.getMetadata('other')).toBe(1);
    act(() => root.unmount());
  });

  it("gives JupyterLab's custom renderers core's form context: defaults, and writes by field name", async () => {
    /** A renderer as core's are written: it writes through the context. */
    const Tagged = (props: FieldProps) => (
      <button
        type="button"
        data-default={JSON.stringify(props.formContext.defaultFormData)}
        onClick={() =>
          props.formContext.updateMetadata({ [props.name]: 'tagged' }, true)
        }
      >
        Tag
      </button>
    );
    const section: IMetadataSection = {
      id: 'drawn',
      label: 'Drawn',
      schema: {
        type: 'object',
        properties: {
          '/drawn/tag': { type: 'string', default: 'none' },
          '/drawn/count': { type: 'integer' }
        }
      },
      uiSchema: { '/drawn/tag': { 'ui:field': Tagged } }
    };
    const setup = setUp({ drawn: { count: 2 }, other: 1 }, section);
    const { node, root } = await render(setup);
    const button = node.querySelector<HTMLButtonElement>(
      'button[data-default]'
    )!;
    expect(JSON.parse(button.dataset.default!)).toEqual({
      '/drawn/tag': 'none'
    });
    await act(async () => button.click());
    expect(setup.notebook.getMetadata('drawn')).toEqual({
      count: 2,
      tag: 'tagged'
    });
    expect(setup.notebook.getMetadata('other')).toBe(1);
    act(() => root.unmount());
  });
});
