/**
 * Drafts: what is typed in a field stays there, unchecked and unwritten,
 * until Enter or the focus leaving commits it once (one write, one undo
 * step); Escape takes it back; what the form's own Add buttons add is a
 * draft until it is valid.
 */
import {
  COURSE_METADATA,
  enter,
  expect,
  notebookWith,
  readNotebook,
  test,
  uniqueName,
  writeNotebook
} from './fixtures';

const PAIRED = {
  ...COURSE_METADATA,
  jupytext: { formats: 'ipynb,py:percent' }
};

test('a suffix typed key by key is written once, as one undo step', async ({
  lab
}) => {
  const name = writeNotebook(
    `${uniqueName('suffix')}.ipynb`,
    notebookWith(PAIRED)
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  const suffix = lab.panel.getByLabel('Suffix of paired file 2');
  await suffix.click();
  await suffix.pressSequentially('.pct');
  // While typing: the text as typed, nothing checked, nothing written.
  await expect(suffix).toHaveValue('.pct');
  await expect(lab.panel.getByRole('alert')).toHaveCount(0);
  expect((await lab.appMetadata()).jupytext).toEqual(PAIRED.jupytext);
  expect(await lab.isDirty()).toBe(false);

  await suffix.press('Tab');
  await expect
    .poll(async () => (await lab.appMetadata()).jupytext)
    .toEqual({ formats: 'ipynb,.pct.py:percent' });
  await expect(suffix).toHaveValue('.pct');
  await expect(
    lab.panel.getByRole('list', { name: 'Paired files preview' })
  ).toContainText(name.replace(/\.ipynb$/, '.pct.py'));

  // One undo takes the whole suffix back.
  await lab.panel.getByRole('button', { name: 'Undo' }).click();
  await expect
    .poll(async () => (await lab.appMetadata()).jupytext)
    .toEqual(PAIRED.jupytext);
  await expect(suffix).toHaveValue('');
  expect((await lab.saveAndRead(name)).metadata).toEqual(PAIRED);
});

test('a prefix that cannot be a pairing stays as typed, with a short message, and is never written', async ({
  lab
}) => {
  const name = writeNotebook(
    `${uniqueName('prefix')}.ipynb`,
    notebookWith(PAIRED)
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  const prefix = lab.panel.getByLabel('Prefix of paired file 2');
  await enter(prefix, 'a,b');
  await expect(prefix).toHaveValue('a,b');
  await expect(prefix).toHaveAttribute('aria-invalid', 'true');
  const alert = lab.panel.getByRole('alert');
  await expect(alert).toContainText('comma');
  expect((await alert.textContent())!.length).toBeLessThan(120);
  // Escape takes the draft back, and the message with it.
  await prefix.press('Escape');
  await expect(prefix).toHaveValue('');
  await expect(alert).toHaveCount(0);
  await enter(prefix, 'docs/');
  await expect
    .poll(async () => (await lab.appMetadata()).jupytext)
    .toEqual({ formats: 'ipynb,docs//py:percent' });
  expect((await lab.saveAndRead(name)).metadata.jupytext).toEqual({
    formats: 'ipynb,docs//py:percent'
  });
});

test('Escape in a field takes its draft back, keeps the focus there and the panel open', async ({
  lab
}) => {
  const name = writeNotebook(
    `${uniqueName('escape')}.ipynb`,
    notebookWith(COURSE_METADATA)
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  const title = lab.panel.getByLabel('Title', { exact: true });
  await title.fill('A draft title');
  await title.press('Escape');
  await expect(title).toHaveValue('Week 3');
  await expect(title).toBeFocused();
  await expect(lab.panel).toBeVisible();

  const tags = lab.panel.getByLabel('Value of tags (JSON)');
  await tags.fill('["a draft"]');
  await tags.press('Escape');
  await expect(tags).toHaveValue(JSON.stringify(['regression']));
  await expect(tags).toBeFocused();

  // A second Escape, with nothing to take back, does not close the panel.
  await tags.press('Escape');
  await expect(lab.panel).toBeVisible();
  expect(await lab.appMetadata()).toEqual(COURSE_METADATA);
  expect(await lab.isDirty()).toBe(false);
});

test('Add Author and Add a property write nothing until the item is valid', async ({
  lab
}) => {
  const metadata = { ...COURSE_METADATA, authors: [{ name: 'Ada' }] };
  const name = writeNotebook(
    `${uniqueName('adds')}.ipynb`,
    notebookWith(metadata)
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  const panel = lab.panel;

  await panel.getByRole('button', { name: 'Add Author 2' }).click();
  await panel
    .getByRole('button', { name: 'Add a property to Author 1' })
    .click();
  // Both are shown, as drafts; the notebook is as it was.
  await expect(panel.getByRole('group', { name: 'Author 2' })).toBeVisible();
  await expect(panel.getByLabel('Name of the property "newKey"')).toBeVisible();
  expect(await lab.appMetadata()).toEqual(metadata);
  expect(await lab.isDirty()).toBe(false);

  // The new author is written once it has its required name.
  await enter(
    panel.getByRole('group', { name: 'Author 2' }).getByLabel('Name'),
    'Grace'
  );
  await expect
    .poll(async () => (await lab.appMetadata()).authors)
    .toEqual([{ name: 'Ada' }, { name: 'Grace' }]);

  // The new property, once named and given a value.
  const key = panel.getByLabel('Name of the property "newKey"');
  await key.fill('email');
  await key.blur();
  expect((await lab.appMetadata()).authors).toEqual([
    { name: 'Ada' },
    { name: 'Grace' }
  ]);
  // An extra property's value is JSON.
  await enter(
    panel.getByRole('group', { name: 'Author 1' }).getByLabel('email (JSON)'),
    '"ada@example.org"'
  );
  await expect
    .poll(async () => (await lab.appMetadata()).authors)
    .toEqual([{ name: 'Ada', email: 'ada@example.org' }, { name: 'Grace' }]);
  expect((await lab.saveAndRead(name)).metadata).toEqual({
    ...metadata,
    authors: [{ name: 'Ada', email: 'ada@example.org' }, { name: 'Grace' }]
  });
});

test('custom keys: an empty value box, checks that never go stale, and a renamed key keeps its place', async ({
  lab
}) => {
  const name = writeNotebook(
    `${uniqueName('keys')}.ipynb`,
    notebookWith({ ...COURSE_METADATA, first: 1, second: 2 })
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  const panel = lab.panel;
  const value = panel.getByLabel('New key value (JSON)');
  await expect(value).toHaveValue('');
  await expect(value).toHaveAttribute('placeholder', /JSON/);

  // A taken name is said at once, and no longer once the key is gone.
  await panel.getByLabel('New key name').fill('second');
  const taken = panel
    .getByRole('alert')
    .filter({ hasText: 'A key named "second" already exists.' });
  await expect(taken).toBeVisible();
  await panel.getByRole('button', { name: 'Delete key second' }).click();
  await expect(taken).toHaveCount(0);

  // Text that is not JSON, in words; fixed, the message goes as typed.
  await value.fill('hello');
  await panel.getByRole('button', { name: 'Add key' }).click();
  const invalid = panel
    .getByRole('alert')
    .filter({ hasText: 'text needs double quotes' });
  await expect(invalid).toBeVisible();
  await value.fill('"hello"');
  await expect(invalid).toHaveCount(0);
  await panel.getByRole('button', { name: 'Add key' }).click();
  await expect.poll(async () => (await lab.appMetadata()).second).toBe('hello');

  // Renamed, "course" stays where it was in the list.
  const names = () =>
    panel
      .locator('.jp-NotebookMetadata-keyRow .jp-NotebookMetadata-keyName')
      .evaluateAll(nodes =>
        nodes.map(node => (node as HTMLInputElement).value)
      );
  const before = await names();
  await enter(panel.getByLabel('Name of key course'), 'course_info');
  await expect(panel.getByLabel('Name of key course_info')).toBeVisible();
  expect(await names()).toEqual(
    before.map(key => (key === 'course' ? 'course_info' : key))
  );
  expect(readNotebook(name).metadata.course).toEqual(COURSE_METADATA.course);
  expect((await lab.saveAndRead(name)).metadata.course_info).toEqual(
    COURSE_METADATA.course
  );
});

test("the notebook's own paired file has no Remove button", async ({ lab }) => {
  const name = writeNotebook(
    `${uniqueName('own')}.ipynb`,
    notebookWith(PAIRED)
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  const list = lab.panel.getByRole('list', {
    name: 'Paired files',
    exact: true
  });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(
    lab.panel.getByRole('button', { name: 'Remove paired file 1' })
  ).toHaveCount(0);
  await expect(list.getByRole('listitem').first()).toContainText(
    'this notebook'
  );
  // Removing the only other file unpairs (the notebook alone pairs nothing).
  await lab.panel.getByRole('button', { name: 'Remove paired file 2' }).click();
  await expect
    .poll(async () => 'jupytext' in (await lab.appMetadata()))
    .toBe(false);
});

test('a save goes on without what the panel has not applied, and says so, naming the fields', async ({
  lab
}) => {
  const name = writeNotebook(
    `${uniqueName('unapplied')}.ipynb`,
    notebookWith(COURSE_METADATA)
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  // A value the section refuses (the display name is required)...
  await enter(lab.panel.getByLabel('Display name'), '');
  await expect(
    lab.panel.getByRole('alert').filter({ hasText: 'required' }).first()
  ).toBeVisible();
  // ...and a title being typed, not applied yet, the focus still there.
  const title = lab.panel.getByLabel('Title', { exact: true });
  await title.fill('Week 4');
  const saved = await lab.readAfterSave(name, () => title.press('Control+s'));
  expect(saved.metadata).toEqual(COURSE_METADATA);
  const notice = lab.page
    .locator('.Toastify__toast')
    .filter({ hasText: 'Saved without' });
  await expect(notice).toContainText('Display name');
  await expect(notice).toContainText('Title');
  // The save took nothing away from the panel.
  await expect(title).toHaveValue('Week 4');
  await expect(title).toBeFocused();
});
