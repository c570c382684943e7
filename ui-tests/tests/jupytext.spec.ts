import fs from 'node:fs';
import path from 'node:path';

import {
  enter,
  expect,
  labRoot,
  notebookWith,
  PAIRABLE_METADATA,
  readNotebook,
  test,
  uniqueName,
  writeNotebook
} from './fixtures';

/** The metadata of the notebooks paired here. */
const ORIGINAL = PAIRABLE_METADATA;

function notebookFile(
  name: string,
  metadata: Record<string, unknown> = ORIGINAL
) {
  return writeNotebook(name, notebookWith(metadata));
}

test('pair through a preset, saved to disk, every other key kept', async ({
  lab
}) => {
  const name = notebookFile(`${uniqueName('preset')}.ipynb`);
  await lab.openNotebook(name);
  await lab.openPanel();
  await lab.openSection('Jupytext');
  await lab.panel
    .getByLabel('Pair with')
    .selectOption({ label: 'Python script, percent format' });
  await expect(lab.panel.getByLabel('Jupytext formats')).toHaveValue(
    'ipynb,py:percent'
  );
  await expect(lab.panel.getByLabel('Extension of paired file 2')).toHaveValue(
    '.py'
  );
  expect((await lab.saveAndRead(name)).metadata).toEqual({
    ...ORIGINAL,
    jupytext: { formats: 'ipynb,py:percent' }
  });
});

test('without Jupytext in the lab, the panel says that nothing writes the paired files, and nothing does', async ({
  lab
}) => {
  const folder = uniqueName('nojupytext');
  const name = notebookFile(`${folder}/lesson.ipynb`);
  await lab.openNotebook(name);
  await lab.openPanel();
  await lab.openSection('Jupytext');
  const notice = lab.panel.getByText(
    'Jupytext is not installed in this JupyterLab: nothing here writes the paired files'
  );
  await expect(lab.panel.getByLabel('Jupytext formats')).toHaveValue('');
  await expect(notice).toHaveCount(0);
  await enter(lab.panel.getByLabel('Jupytext formats'), 'ipynb,py:percent');
  await expect(notice).toBeVisible();
  // What a Jupytext would keep in the script is still told.
  await expect(
    lab.panel.getByRole('note', { name: 'What the text file keeps' })
  ).toContainText('Only in the .ipynb: course, language_info.');
  await lab.saveAndRead(name);
  expect(
    fs
      .readdirSync(path.join(labRoot, folder))
      .filter(file => !file.startsWith('.'))
  ).toEqual(['lesson.ipynb']);
});

test('pair through the text box, with folders, and preview the paired files', async ({
  lab
}) => {
  const folder = uniqueName('project');
  const name = notebookFile(`${folder}/notebooks/a/b.ipynb`);
  await lab.openNotebook(name);
  await lab.openPanel();
  await lab.openSection('Jupytext');
  const box = lab.panel.getByLabel('Jupytext formats');
  await box.fill('notebooks///ipynb,scripts///py:percent');
  await box.blur();
  const preview = lab.panel.getByRole('list', { name: 'Paired files preview' });
  await expect(preview.getByRole('listitem')).toHaveText([
    `${name} exists`,
    `${folder}/scripts/a/b.py not created yet`
  ]);
  // The list of paired files follows the text box.
  await expect(lab.panel.getByLabel('Prefix of paired file 2')).toHaveValue(
    'scripts//'
  );
  expect((await lab.saveAndRead(name)).metadata.jupytext).toEqual({
    formats: 'notebooks///ipynb,scripts///py:percent'
  });
});

test('an invalid formats string shows the message and leaves the notebook unchanged', async ({
  lab
}) => {
  const name = notebookFile(`${uniqueName('invalid')}.ipynb`, {
    ...ORIGINAL,
    jupytext: { formats: 'ipynb,py:percent', notebook_metadata_filter: '-all' }
  });
  const before = readNotebook(name).metadata;
  await lab.openNotebook(name);
  await lab.openPanel();
  const box = lab.panel.getByLabel('Jupytext formats');
  await enter(box, 'ipynb,py:spin');
  await expect(lab.panel.getByRole('alert')).toContainText('spin');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await enter(box, 'ipynb,foo');
  await expect(lab.panel.getByRole('alert')).toContainText('foo');
  expect(await lab.appMetadata()).toEqual(before);
  expect(await lab.isDirty()).toBe(false);
});

test('pair and unpair from the palette; unpairing removes the emptied key', async ({
  lab
}) => {
  const name = notebookFile(`${uniqueName('palette')}.ipynb`);
  await lab.openNotebook(name);
  await lab.runFromPalette('Pair Notebook with MyST Markdown');
  await expect
    .poll(async () => (await lab.appMetadata()).jupytext)
    .toEqual({ formats: 'ipynb,md:myst' });
  const toggled = await lab.page.evaluate(() =>
    (window as any).jupyterapp.commands.isToggled(
      'notebook-metadata:jupytext-pair-myst'
    )
  );
  expect(toggled).toBe(true);
  await lab.openPanel();
  await expect(lab.panel.getByLabel('Jupytext formats')).toHaveValue(
    'ipynb,md:myst'
  );

  await lab.runFromPalette('Unpair Notebook');
  await expect
    .poll(async () => 'jupytext' in (await lab.appMetadata()))
    .toBe(false);
  await expect(lab.panel.getByLabel('Jupytext formats')).toHaveValue('');
  expect((await lab.saveAndRead(name)).metadata).toEqual(ORIGINAL);
});

test('the preview marks an existing paired file, and follows a rename', async ({
  lab
}) => {
  const base = uniqueName('existing');
  const name = notebookFile(`${base}.ipynb`, {
    ...ORIGINAL,
    jupytext: { formats: 'ipynb,py:percent,md' }
  });
  fs.writeFileSync(path.join(labRoot, `${base}.py`), '# %%\nprint("hello")\n');
  await lab.openNotebook(name);
  await lab.openPanel();
  const preview = lab.panel.getByRole('list', { name: 'Paired files preview' });
  await expect(preview.getByRole('listitem')).toHaveText([
    `${base}.ipynb exists`,
    `${base}.py exists`,
    `${base}.md not created yet`
  ]);
  await lab.page.evaluate(async newName => {
    const widget = (window as any).jupyterapp.shell.currentWidget;
    await widget.context.rename(newName);
  }, `${base}-renamed.ipynb`);
  await expect(preview.getByRole('listitem')).toHaveText([
    `${base}-renamed.ipynb exists`,
    `${base}-renamed.py not created yet`,
    `${base}-renamed.md not created yet`
  ]);
});

test('format options and filters are written into jupytext and removed when reset', async ({
  lab
}) => {
  const name = notebookFile(`${uniqueName('options')}.ipynb`, {
    ...ORIGINAL,
    jupytext: { formats: 'ipynb,py:percent' }
  });
  await lab.openNotebook(name);
  await lab.openPanel();
  await lab.panel.getByRole('button', { name: 'Format options' }).click();
  await lab.panel.getByLabel('Comment magics').selectOption('false');
  await enter(lab.panel.getByLabel('Notebook metadata filter'), '-all');
  await expect
    .poll(async () => (await lab.appMetadata()).jupytext)
    .toEqual({
      formats: 'ipynb,py:percent',
      comment_magics: false,
      notebook_metadata_filter: '-all'
    });
  await lab.panel.getByLabel('Comment magics').selectOption('');
  await enter(lab.panel.getByLabel('Notebook metadata filter'), '');
  expect((await lab.saveAndRead(name)).metadata.jupytext).toEqual({
    formats: 'ipynb,py:percent'
  });
});

test('a file no longer paired is listed as still on disk, no longer kept in sync', async ({
  lab
}) => {
  const base = uniqueName('unpaired');
  const name = notebookFile(`${base}.ipynb`, {
    ...ORIGINAL,
    jupytext: { formats: 'ipynb,py:percent' }
  });
  fs.writeFileSync(path.join(labRoot, `${base}.py`), '# %%\nprint("hello")\n');
  await lab.openNotebook(name);
  await lab.openPanel();
  const stale = lab.panel.getByRole('list', { name: 'Files no longer paired' });
  await expect(
    lab.panel.getByRole('list', { name: 'Paired files preview' })
  ).toContainText(`${base}.py exists`);
  await expect(stale).toHaveCount(0);

  // Paired with Markdown instead: the script stays on disk, unpaired.
  await lab.panel.getByLabel('Pair with').selectOption({ label: 'Markdown' });
  await expect(stale.getByRole('listitem')).toHaveText([`${base}.py`]);
  await expect(
    lab.panel.getByRole('note').filter({ hasText: 'no longer kept in sync' })
  ).toBeVisible();
  expect(fs.existsSync(path.join(labRoot, `${base}.py`))).toBe(true);

  // Paired with it again: it is no longer listed.
  await lab.panel
    .getByLabel('Pair with')
    .selectOption({ label: 'Python script, percent format' });
  await expect(stale).toHaveCount(0);
});

test('an invalid Jupytext config file is shown as invalid, with the reason, and the panel works', async ({
  lab
}) => {
  const folder = uniqueName('invalid-config');
  fs.mkdirSync(path.join(labRoot, folder), { recursive: true });
  fs.writeFileSync(
    path.join(labRoot, folder, 'jupytext.toml'),
    'formats = "ipynb,py:percent"\nnot_an_option = true\n'
  );
  const name = notebookFile(`${folder}/lesson.ipynb`);
  await lab.openNotebook(name);
  await lab.openPanel();
  await lab.openSection('Jupytext');
  const alert = lab.panel
    .getByRole('alert')
    .filter({ hasText: 'is not valid' });
  await expect(alert).toContainText(`${folder}/jupytext.toml`);
  await expect(alert).toContainText('not_an_option');
  // Everything else works: a pairing of the notebook's own is written.
  await lab.panel.getByLabel('Pair with').selectOption({ label: 'Markdown' });
  expect((await lab.saveAndRead(name)).metadata.jupytext).toEqual({
    formats: 'ipynb,md'
  });
});
