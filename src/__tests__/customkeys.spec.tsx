import { NotebookModel } from '@jupyterlab/notebook';
import { nullTranslator } from '@jupyterlab/translation';
import { Signal } from '@lumino/signaling';
import React from 'react';
import { act } from 'react-dom/test-utils';
import { createRoot, type Root } from 'react-dom/client';

import {
  CUSTOM_KEYS_PAGE,
  CustomKeysSection
} from '../components/CustomKeysSection';
import * as keys from '../keys';
import { NotebookMetadataModel } from '../model';

/** A notebook of `count` custom keys, and its metadata model. */
function setUp(count: number) {
  const metadata: Record<string, any> = {};
  for (let i = 0; i < count; i++) {
    metadata[`key_${String(i).padStart(4, '0')}`] = { id: i, tags: ['a'] };
  }
  const notebook = new NotebookModel();
  notebook.fromJSON({ cells: [], metadata, nbformat: 4, nbformat_minor: 5 });
  notebook.dirty = false;
  const model = new NotebookMetadataModel({
    model: notebook,
    path: 'many.ipynb',
    pathChanged: new Signal<unknown, string>({})
  });
  return { notebook, model };
}

/** The custom keys of the model's notebook, as the view renders them. */
function view(model: NotebookMetadataModel): JSX.Element {
  return (
    <CustomKeysSection
      model={model}
      metadata={model.metadata}
      keys={model.customKeys}
      disabled={false}
      trans={nullTranslator.load('test')}
    />
  );
}

// Tell React that this is a test environment where `act` is used.
(globalThis as any).IS_REACT_ACT_ENVIRONMENT = true;

describe('CustomKeysSection', () => {
  let node: HTMLElement;
  let root: Root;

  beforeEach(() => {
    node = document.createElement('div');
    document.body.appendChild(node);
    root = createRoot(node);
  });

  afterEach(() => {
    act(() => root.unmount());
    node.remove();
    jest.restoreAllMocks();
  });

  const rowNames = () =>
    [
      ...node.querySelectorAll<HTMLInputElement>(
        '.jp-NotebookMetadata-keyRow .jp-NotebookMetadata-keyName'
      )
    ].map(input => input.value);

  it('draws one page of rows of 3,000 keys, and finds the others by name', async () => {
    const { model } = setUp(3000);
    await act(async () => root.render(view(model)));
    expect(rowNames()).toHaveLength(CUSTOM_KEYS_PAGE);
    expect(rowNames()).toContain('key_0000');
    expect(rowNames()).not.toContain('key_2999');
    expect(node.textContent).toMatch(/Show 25 more \(297\d not shown\)/);

    const find = node.querySelector<HTMLInputElement>(
      'input[aria-label="Find custom keys by name"]'
    )!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(
        HTMLInputElement.prototype,
        'value'
      )!.set!.call(find, 'key_2999');
      find.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(rowNames()).toEqual(['key_2999']);
  });

  it('draws again only the row of a key changed by another writer', async () => {
    const { notebook, model } = setUp(3000);
    await act(async () => root.render(view(model)));
    const formatted = jest.spyOn(keys, 'formatJSON');

    // Another writer (the kernel, a collaborator, code) changes one key.
    notebook.setMetadata('key_0003', { id: 'changed' });
    await act(async () => root.render(view(model)));

    // Each row formats its value when it is drawn: only one row was.
    const drawn = formatted.mock.calls.filter(
      ([value]) => (value as any)?.id !== undefined
    );
    expect(drawn).toEqual([[{ id: 'changed' }]]);
    const shown = node.querySelector<HTMLTextAreaElement>(
      'textarea[aria-label="Value of key_0003 (JSON)"]'
    );
    expect(shown?.value).toBe(JSON.stringify({ id: 'changed' }));
  });
});
