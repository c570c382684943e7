import {
  enter,
  COURSE_METADATA,
  expect,
  notebookWith,
  PYTHON_KERNELSPEC,
  test,
  uniqueName,
  writeNotebook
} from './fixtures';

function notebookFile(prefix: string) {
  return writeNotebook(
    `${uniqueName(prefix)}.ipynb`,
    notebookWith(COURSE_METADATA)
  );
}

/** Put the keyboard focus on the notebook, in command mode. */
async function focusNotebook(lab: import('./fixtures').LabPage) {
  await lab.page.locator('.jp-Notebook .jp-InputPrompt').first().click();
  await lab.focusSettled();
  await expect(lab.page.locator('.jp-Notebook.jp-mod-commandMode')).toHaveCount(
    1
  );
}

test('metadata edits undo and redo from the notebook with the keyboard, and save', async ({
  lab
}) => {
  const name = notebookFile('undo-keys');
  await lab.openNotebook(name);
  await lab.openPanel();
  const title = lab.panel.getByLabel('Title');
  await title.fill('');
  // Typing in one field is one step, however many keys.
  await title.pressSequentially('Week 4: trees');
  await title.blur();
  const tags = lab.panel.getByLabel('Value of tags (JSON)');
  await enter(tags, '["regression", "trees"]');
  await expect
    .poll(async () => (await lab.appMetadata()).tags)
    .toEqual(['regression', 'trees']);

  await focusNotebook(lab);
  await lab.page.keyboard.press('Control+z');
  await expect(tags).toHaveValue(JSON.stringify(['regression']));
  await expect(title).toHaveValue('Week 4: trees');
  await lab.page.keyboard.press('Control+z');
  await expect(title).toHaveValue('Week 3');
  await lab.page.keyboard.press('Control+Shift+z');
  await expect(title).toHaveValue('Week 4: trees');
  await expect(tags).toHaveValue(JSON.stringify(['regression']));
  expect(await lab.isDirty()).toBe(true);

  const saved = (await lab.saveAndRead(name)).metadata;
  expect(saved).toEqual({ ...COURSE_METADATA, title: 'Week 4: trees' });
});

test('a cell edit between two metadata edits undoes in the right order', async ({
  lab
}) => {
  const name = notebookFile('undo-order');
  await lab.openNotebook(name);
  await lab.openPanel();
  await lab.panel.getByLabel('Title').fill('First edit');
  await lab.panel.getByLabel('Title').blur();
  await focusNotebook(lab);
  const cells = lab.page.locator('.jp-Notebook .jp-Cell');
  await expect(cells).toHaveCount(1);
  await lab.page.keyboard.press('b');
  await expect(cells).toHaveCount(2);
  await enter(lab.panel.getByLabel('Value of tags (JSON)'), '[]');
  await expect.poll(async () => (await lab.appMetadata()).tags).toEqual([]);

  await focusNotebook(lab);
  await lab.page.keyboard.press('Control+z');
  await expect
    .poll(async () => (await lab.appMetadata()).tags)
    .toEqual(['regression']);
  await expect(cells).toHaveCount(2);
  await lab.page.keyboard.press('Control+z');
  await expect(cells).toHaveCount(1);
  expect((await lab.appMetadata()).title).toBe('First edit');
  // The undone cell had the focus; back in the notebook, as a user clicks.
  await focusNotebook(lab);
  await lab.page.keyboard.press('Control+z');
  await expect.poll(async () => (await lab.appMetadata()).title).toBe('Week 3');
  await expect(lab.panel.getByLabel('Title')).toHaveValue('Week 3');
});

test('the panel has Undo and Redo buttons and keys, enabled only when possible', async ({
  lab
}) => {
  const name = notebookFile('undo-buttons');
  await lab.openNotebook(name);
  await lab.openPanel();
  const undo = lab.panel.getByRole('button', { name: 'Undo' });
  const redo = lab.panel.getByRole('button', { name: 'Redo' });
  await expect(undo).toBeDisabled();
  await expect(redo).toBeDisabled();

  await lab.panel.getByRole('button', { name: 'Delete key course' }).click();
  await expect(lab.panel.getByLabel('Name of key course')).toHaveCount(0);
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(lab.panel.getByLabel('Name of key course')).toBeVisible();
  await expect(redo).toBeEnabled();
  await expect(undo).toBeDisabled();

  // The same keys with the focus in the panel, outside a text field.
  await redo.focus();
  await lab.page.keyboard.press('Control+Shift+z');
  await expect(lab.panel.getByLabel('Name of key course')).toHaveCount(0);
  await undo.focus();
  await lab.page.keyboard.press('Control+z');
  await expect(lab.panel.getByLabel('Name of key course')).toBeVisible();

  expect((await lab.saveAndRead(name)).metadata).toEqual(COURSE_METADATA);
});

test('what the kernel writes is not an undo step', async ({ lab }) => {
  const name = writeNotebook(
    `${uniqueName('undo-kernel')}.ipynb`,
    notebookWith({ kernelspec: PYTHON_KERNELSPEC, tags: ['regression'] })
  );
  await lab.openNotebook(name, true);
  // The kernel's language_info (with its version) arrives once it is up.
  await expect
    .poll(
      async () =>
        typeof ((await lab.appMetadata()).language_info as any)?.version,
      { timeout: 30_000 }
    )
    .toBe('string');
  await lab.openPanel();
  await expect(lab.panel.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await enter(lab.panel.getByLabel('Value of tags (JSON)'), '["x"]');
  await lab.panel.getByRole('button', { name: 'Undo' }).click();
  await expect
    .poll(async () => (await lab.appMetadata()).tags)
    .toEqual(['regression']);
  expect(((await lab.appMetadata()).language_info as any).name).toBe('python');
  await expect(lab.panel.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('switching notebooks switches the history', async ({ lab }) => {
  const first = notebookFile('history-a');
  const second = notebookFile('history-b');
  await lab.openNotebook(first);
  await lab.openPanel();
  await enter(lab.panel.getByLabel('Title'), 'Edited in the first');
  await expect(lab.panel.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await lab.openNotebook(second);
  await expect(
    lab.panel.locator('.jp-NotebookMetadata-notebookName')
  ).toHaveText(second);
  await expect(lab.panel.getByRole('button', { name: 'Undo' })).toBeDisabled();
});
