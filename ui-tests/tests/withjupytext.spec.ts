/**
 * The panel beside real Jupytext (1.19.6, from PyPI: its contents manager
 * writes the paired files on save, its lab extension is loaded): what the
 * panel pairs, Jupytext writes, where the panel said, in the format chosen;
 * checked on disk. Runs in the `jupytext-lab` project only.
 */
import fs from 'node:fs';
import path from 'node:path';

import {
  enter,
  expect,
  federatedExtensions,
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

/** The files under a folder of the served root (server paths), sorted. */
function filesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(labRoot, dir), {
      withFileTypes: true
    })) {
      const child = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) {
          walk(child);
        }
      } else {
        found.push(child);
      }
    }
  };
  walk(folder);
  return found.sort();
}

/** The text of a file of the served root. */
function readText(name: string): string {
  return fs.readFileSync(path.join(labRoot, name), 'utf-8');
}

test('Jupytext is on in this lab: its server writes paired files, its lab extension is loaded', async ({
  lab
}) => {
  const federated = await federatedExtensions(lab.page);
  expect(federated).toEqual(
    expect.arrayContaining([
      'jupyterlab-jupytext',
      'jupyterlab-notebook-metadata'
    ])
  );
});

test('a preset picked in the panel: Jupytext writes the percent script on save, where the preview said', async ({
  lab
}) => {
  const folder = uniqueName('jt-preset');
  const name = writeNotebook(`${folder}/lesson.ipynb`, notebookWith(ORIGINAL));
  await lab.openNotebook(name);
  await lab.openPanel();
  await lab.openSection('Jupytext');
  await lab.panel
    .getByLabel('Pair with')
    .selectOption({ label: 'Python script, percent format' });
  const preview = lab.panel.getByRole('list', { name: 'Paired files preview' });
  await expect(preview.getByRole('listitem')).toHaveText([
    `${name} exists`,
    `${folder}/lesson.py not created yet`
  ]);
  const saved = await lab.saveAndRead(name);
  // Jupytext keeps the pairing in the notebook, and every other key.
  expect(saved.metadata).toEqual({
    ...ORIGINAL,
    jupytext: { formats: 'ipynb,py:percent' }
  });
  expect(filesUnder(folder)).toEqual([name, `${folder}/lesson.py`]);
  const script = readText(`${folder}/lesson.py`);
  expect(script).toMatch(/^# ---\n# jupyter:\n# {3}jupytext:\n/);
  expect(script).toContain('#     formats: ipynb,py:percent');
  expect(script).toContain('#       format_name: percent');
  expect(script).toContain('# %%\nprint("hello")');
  // Custom keys stay in the notebook only (Jupytext's default filter).
  expect(script).not.toContain('STAT-201');
  await expect(preview.getByRole('listitem')).toHaveText([
    `${name} exists`,
    `${folder}/lesson.py exists`
  ]);
});

/**
 * Formats strings typed into the panel, and what Jupytext writes for them:
 * the preview lists exactly the files that appear on save.
 */
const TYPED: Array<{ formats: string; notebook: string; marker: RegExp }> = [
  { formats: 'ipynb,py:light', notebook: 'a.ipynb', marker: /^print/m },
  { formats: 'ipynb,md', notebook: 'a.ipynb', marker: /^```python$/m },
  {
    formats: 'ipynb,md:myst',
    notebook: 'a.ipynb',
    marker: /^```\{code-cell\}/m
  },
  {
    formats: 'ipynb,.pct.py:percent',
    notebook: 'a.ipynb',
    marker: /^# %%$/m
  },
  {
    formats: 'ipynb,scripts//py:percent',
    notebook: 'a.ipynb',
    marker: /^# %%$/m
  },
  {
    formats: 'notebooks///ipynb,scripts///py:percent',
    notebook: 'notebooks/unit/a.ipynb',
    marker: /^# %%$/m
  }
];

test('typed formats strings: the files Jupytext writes are the files the preview lists', async ({
  lab
}) => {
  test.setTimeout(TYPED.length * 30_000);
  for (const { formats, notebook, marker } of TYPED) {
    const folder = uniqueName('jt-typed');
    const name = writeNotebook(`${folder}/${notebook}`, notebookWith(ORIGINAL));
    await lab.openNotebook(name);
    await lab.openPanel();
    await lab.openSection('Jupytext');
    await enter(lab.panel.getByLabel('Jupytext formats'), formats);
    const items = lab.panel
      .getByRole('list', { name: 'Paired files preview' })
      .getByRole('listitem');
    await expect(items.first()).toHaveText(`${name} exists`);
    const listed = (await items.allTextContents()).map(text =>
      text.replace(/ (exists|not created yet)$/, '')
    );
    expect(listed.length, formats).toBe(formats.split(',').length);
    const saved = await lab.saveAndRead(name);
    expect(saved.metadata.jupytext, formats).toEqual({ formats });
    expect(filesUnder(folder), formats).toEqual([...listed].sort());
    for (const text of listed.filter(file => file !== name)) {
      expect(readText(text), `${formats}: ${text}`).toMatch(marker);
      expect(readText(text), `${formats}: ${text}`).toContain(formats);
    }
    await lab.closeCurrent();
  }
});

test('unpaired in the panel, the notebook is saved alone: the script is left as it was', async ({
  lab
}) => {
  const folder = uniqueName('jt-unpair');
  const name = writeNotebook(
    `${folder}/lesson.ipynb`,
    notebookWith({ ...ORIGINAL, jupytext: { formats: 'ipynb,py:percent' } })
  );
  await lab.openNotebook(name);
  await lab.saveAndRead(name);
  const script = `${folder}/lesson.py`;
  const written = readText(script);
  expect(written).toContain('formats: ipynb,py:percent');

  await lab.openPanel();
  await lab.openSection('Jupytext');
  await enter(lab.panel.getByLabel('Jupytext formats'), '');
  await lab.openSection('Notebook');
  await enter(lab.panel.getByLabel('Title', { exact: true }), 'Unpaired');
  const saved = await lab.saveAndRead(name);
  expect(saved.metadata).toEqual({ ...ORIGINAL, title: 'Unpaired' });
  // Jupytext writes no more to the script; it stays on disk, as it was.
  expect(readText(script)).toBe(written);
  await expect(
    lab.panel
      .getByRole('list', { name: 'Files no longer paired' })
      .getByRole('listitem')
  ).toHaveText([script]);
});

test('a key the filter keeps is in the script; edited there on disk, the reopened notebook shows it', async ({
  lab
}) => {
  const folder = uniqueName('jt-edited');
  const name = writeNotebook(
    `${folder}/lesson.ipynb`,
    notebookWith({
      ...ORIGINAL,
      title: 'Week 1',
      jupytext: {
        formats: 'ipynb,py:percent',
        notebook_metadata_filter: 'title'
      }
    })
  );
  await lab.openNotebook(name);
  await lab.saveAndRead(name);
  const script = `${folder}/lesson.py`;
  const written = readText(script);
  // The filter keeps `title`; `course` stays in the notebook only.
  expect(written).toContain('#   title: Week 1');
  expect(written).not.toContain('STAT-201');
  await lab.closeCurrent();

  // Another program edits the script (newer than the notebook).
  fs.writeFileSync(
    path.join(labRoot, script),
    written.replace('#   title: Week 1', '#   title: Week 2')
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  // Jupytext reads the inputs and the kept keys from the script, the other
  // keys from the notebook.
  await expect(lab.panel.getByLabel('Title', { exact: true })).toHaveValue(
    'Week 2'
  );
  const metadata = await lab.appMetadata();
  expect(metadata.course).toEqual(ORIGINAL.course);
  expect(metadata.title).toBe('Week 2');
  // Saved, both files agree; the notebook on disk has the script's title.
  const saved = await lab.saveAndRead(name);
  expect(saved.metadata.title).toBe('Week 2');
  expect(readText(script)).toContain('#   title: Week 2');
  expect(readNotebook(name).metadata.course).toEqual(ORIGINAL.course);
});

test("a jupytext.toml above the notebook's folder pairs it: the panel says so, and Jupytext writes what it previews", async ({
  lab
}) => {
  const folder = uniqueName('jt-toml');
  fs.mkdirSync(path.join(labRoot, folder), { recursive: true });
  fs.writeFileSync(
    path.join(labRoot, folder, 'jupytext.toml'),
    'formats = "ipynb,py:percent"\nnotebook_metadata_filter = "course"\n'
  );
  const name = writeNotebook(
    `${folder}/unit/lesson.ipynb`,
    notebookWith(ORIGINAL)
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  await lab.openSection('Jupytext');
  const note = lab.panel.locator('.jp-NotebookMetadata-projectConfig');
  await expect(note).toContainText(
    `Paired by the project's Jupytext config ${folder}/jupytext.toml: ipynb,py:percent`
  );
  await expect(note).toContainText(
    `On save, ${folder}/jupytext.toml sets notebook_metadata_filter = "course"`
  );
  await expect(
    note
      .getByRole('list', { name: 'Paired files preview' })
      .getByRole('listitem')
  ).toHaveText([`${name} exists`, `${folder}/unit/lesson.py not created yet`]);
  await lab.saveAndRead(name);
  expect(filesUnder(`${folder}/unit`)).toEqual([
    name,
    `${folder}/unit/lesson.py`
  ]);
  // The config's filter keeps `course` in the script.
  expect(readText(`${folder}/unit/lesson.py`)).toContain('STAT-201');
});

test('pairing groups of a pyproject.toml: each notebook gets the first group its path matches', async ({
  lab
}) => {
  const folder = uniqueName('jt-groups');
  fs.mkdirSync(path.join(labRoot, folder), { recursive: true });
  fs.writeFileSync(
    path.join(labRoot, folder, 'pyproject.toml'),
    [
      '[project]',
      'name = "course"',
      '',
      '[[tool.jupytext.formats]]',
      '"notebooks/" = "ipynb"',
      '"scripts/" = "py:percent"',
      '',
      '[[tool.jupytext.formats]]',
      '"" = "ipynb,md"',
      ''
    ].join('\n')
  );
  const cases = [
    {
      name: writeNotebook(
        `${folder}/notebooks/a.ipynb`,
        notebookWith(ORIGINAL)
      ),
      group: 1,
      written: [`${folder}/scripts/a.py`]
    },
    {
      name: writeNotebook(`${folder}/other/b.ipynb`, notebookWith(ORIGINAL)),
      group: 2,
      written: [`${folder}/other/b.md`]
    }
  ];
  for (const { name, group, written } of cases) {
    await lab.openNotebook(name);
    await lab.openPanel();
    await lab.openSection('Jupytext');
    const note = lab.panel.locator('.jp-NotebookMetadata-projectConfig');
    await expect(note).toContainText(
      `Paired by the project's Jupytext config ${folder}/pyproject.toml (its pairing group ${group})`
    );
    const items = note
      .getByRole('list', { name: 'Paired files preview' })
      .getByRole('listitem');
    // Once the files are looked for.
    await expect(items.first()).toHaveText(`${name} exists`);
    const listed = (await items.allTextContents()).map(text =>
      text.replace(/ (exists|not created yet)$/, '')
    );
    expect(listed).toEqual([name, ...written]);
    await lab.saveAndRead(name);
    for (const file of written) {
      expect(fs.existsSync(path.join(labRoot, file)), file).toBe(true);
    }
    await lab.closeCurrent();
  }
  expect(filesUnder(folder)).toEqual(
    [
      `${folder}/pyproject.toml`,
      ...cases.flatMap(({ name, written }) => [name, ...written])
    ].sort()
  );
});

test("the notebook's own formats win over the project's config, and the panel says so", async ({
  lab
}) => {
  const folder = uniqueName('jt-own');
  fs.mkdirSync(path.join(labRoot, folder), { recursive: true });
  fs.writeFileSync(
    path.join(labRoot, folder, 'jupytext.toml'),
    'formats = "ipynb,py:percent"\n'
  );
  const name = writeNotebook(
    `${folder}/lesson.ipynb`,
    notebookWith({ ...ORIGINAL, jupytext: { formats: 'ipynb,md' } })
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  await expect(
    lab.panel.locator('.jp-NotebookMetadata-projectConfig')
  ).toContainText(
    `The notebook's own formats win over the project's Jupytext config ${folder}/jupytext.toml, which pairs it as ipynb,py:percent.`
  );
  await lab.saveAndRead(name);
  expect(filesUnder(folder)).toEqual(
    [`${folder}/jupytext.toml`, name, `${folder}/lesson.md`].sort()
  );
});

test("beside Jupytext's own extension: its pairing shows in the panel at once, the panel's in its menu, and the palette has one entry per pairing", async ({
  lab
}) => {
  const name = writeNotebook(
    `${uniqueName('jt-menu')}.ipynb`,
    notebookWith(ORIGINAL)
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  await lab.openSection('Jupytext');
  const formats = lab.panel.getByLabel('Jupytext formats');
  const toggled = (id: string) =>
    lab.page.evaluate(
      id => (window as any).jupyterapp.commands.isToggled(id),
      id
    );
  // Jupytext's command pairs: the panel shows it.
  await lab.command('jupytext:pair-nb-with-auto:percent');
  await expect(formats).toHaveValue('ipynb,auto:percent');
  // The panel pairs: Jupytext's menu shows it checked.
  await enter(formats, 'ipynb,auto:light');
  await expect
    .poll(() => toggled('jupytext:pair-nb-with-auto:light'))
    .toBe(true);
  expect(await toggled('jupytext:pair-nb-with-auto:percent')).toBe(false);
  expect((await lab.saveAndRead(name)).metadata.jupytext).toEqual({
    formats: 'ipynb,auto:light'
  });
  // The palette: Jupytext's pairing commands, none of ours beside them.
  const palette = lab.page.locator('#command-palette');
  await expect(async () => {
    if (!(await palette.isVisible())) {
      await lab.page.locator('.jp-Notebook .jp-InputPrompt').first().click();
      await lab.focusSettled();
      await lab.page.keyboard.press('Control+Shift+C');
    }
    await palette.locator('input').fill('pair', { timeout: 2000 });
    await expect(
      palette.locator('.lm-CommandPalette-item[data-command^="jupytext:pair"]')
    ).not.toHaveCount(0, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  const listed = await palette
    .locator('.lm-CommandPalette-item')
    .evaluateAll(items =>
      items.map(item => item.getAttribute('data-command') ?? '')
    );
  // (The folder report's command matches "pair" too, by its category.)
  expect(
    listed.filter(id => id.startsWith('notebook-metadata:jupytext-'))
  ).toEqual([]);
  expect(listed).toContain('jupytext:pair-nb-with-auto:percent');
  await lab.page.keyboard.press('Escape');
});

test('a hidden .jupytext.toml is ignored by a server that hides dot-files, by Jupytext and by the panel alike', async ({
  lab
}) => {
  const folder = uniqueName('jt-hidden');
  fs.mkdirSync(path.join(labRoot, folder), { recursive: true });
  fs.writeFileSync(
    path.join(labRoot, folder, '.jupytext.toml'),
    'formats = "ipynb,py:percent"\n'
  );
  const name = writeNotebook(`${folder}/lesson.ipynb`, notebookWith(ORIGINAL));
  await lab.openNotebook(name);
  await lab.openPanel();
  await lab.openSection('Jupytext');
  // Looked for, and none applies: the server does not list the dot-file.
  await expect(
    lab.panel.locator('.jp-NotebookMetadata-jupytext')
  ).toHaveAttribute('data-project-config', 'none');
  await expect(lab.panel.getByLabel('Pair with')).toHaveValue('');
  await lab.saveAndRead(name);
  expect(filesUnder(folder)).toEqual([`${folder}/.jupytext.toml`, name]);
});

test('what the text file keeps: a key the default filter drops is kept in one undoable step, checked in the script', async ({
  lab
}) => {
  const folder = uniqueName('jt-keep');
  const name = writeNotebook(
    `${folder}/lesson.ipynb`,
    notebookWith({
      ...ORIGINAL,
      title: 'Week 3',
      jupytext: { formats: 'ipynb,py:percent' }
    })
  );
  const script = `${folder}/lesson.py`;
  await lab.openNotebook(name);
  await lab.saveAndRead(name);
  // Jupytext's default filter: neither `title` nor `course` is in the script.
  expect(readText(script)).not.toContain('Week 3');
  expect(readText(script)).not.toContain('STAT-201');

  await lab.openPanel();
  await lab.openSection('Jupytext');
  const keeps = lab.panel.getByRole('note', {
    name: 'What the text file keeps'
  });
  await expect(keeps).toContainText(
    `The metadata ${script} keeps: jupytext, kernelspec.`
  );
  await expect(keeps).toContainText(
    'Only in the .ipynb: course, language_info, title.'
  );
  await expect(keeps).toContainText("Jupytext's default");
  // The Notebook section says so of its title, the custom key row of course.
  await lab.openSection('Notebook');
  await expect(
    lab.panel.getByText(
      `${script} does not keep "title": only the .ipynb has it.`
    )
  ).toBeVisible();
  const courseRow = lab.panel.getByRole('group', { name: 'Key course' });
  await expect(courseRow).toContainText(
    `${script} does not keep "course": only the .ipynb has it.`
  );

  await courseRow
    .getByRole('button', { name: 'Keep "course" in the text file' })
    .click();
  await expect(courseRow.getByRole('note')).toHaveCount(0);
  await expect(keeps).toContainText(
    `The metadata ${script} keeps: course, jupytext, kernelspec.`
  );
  await expect(keeps).toContainText(
    'Decided by the notebook\'s notebook_metadata_filter, "course".'
  );
  let saved = await lab.saveAndRead(name);
  expect(saved.metadata.jupytext).toEqual({
    formats: 'ipynb,py:percent',
    notebook_metadata_filter: 'course'
  });
  expect(readText(script)).toContain('#     code: STAT-201');
  expect(readText(script)).toContain('notebook_metadata_filter: course');
  expect(readText(script)).not.toContain('Week 3');

  // One Undo takes the filter back; Jupytext writes the script without it.
  await lab.panel.getByRole('button', { name: 'Undo' }).click();
  await expect(courseRow).toContainText(
    `${script} does not keep "course": only the .ipynb has it.`
  );
  saved = await lab.saveAndRead(name);
  expect(saved.metadata.jupytext).toEqual({ formats: 'ipynb,py:percent' });
  expect(readText(script)).not.toContain('STAT-201');
  expect(saved.metadata.course).toEqual(ORIGINAL.course);
});

test("a config's filter that drops a key: the panel names the file that decides, and the script leaves the key out", async ({
  lab
}) => {
  const folder = uniqueName('jt-drop');
  fs.mkdirSync(path.join(labRoot, folder), { recursive: true });
  fs.writeFileSync(
    path.join(labRoot, folder, 'jupytext.yml'),
    'formats: ipynb,md:myst\nnotebook_metadata_filter: "all,-course"\n'
  );
  const name = writeNotebook(
    `${folder}/lesson.ipynb`,
    notebookWith({
      ...ORIGINAL,
      title: 'Week 4',
      // The notebook's own filter would keep `course`: the config's wins.
      jupytext: { notebook_metadata_filter: 'course' }
    })
  );
  const text = `${folder}/lesson.md`;
  await lab.openNotebook(name);
  await lab.openPanel();
  await lab.openSection('Jupytext');
  const keeps = lab.panel.getByRole('note', {
    name: 'What the text file keeps'
  });
  await expect(keeps).toContainText(
    `Decided by notebook_metadata_filter = "all,-course" in ${folder}/jupytext.yml.`
  );
  await expect(keeps).toContainText('Only in the .ipynb: course.');
  const courseRow = lab.panel.getByRole('group', { name: 'Key course' });
  await expect(courseRow).toContainText(
    `The notebook_metadata_filter of ${folder}/jupytext.yml decides (all,-course): change it there to keep more.`
  );
  await expect(courseRow.getByRole('button', { name: /^Keep/ })).toHaveCount(0);
  await lab.saveAndRead(name);
  const written = readText(text);
  expect(written).toMatch(/^---\n/);
  expect(written).toContain('title: Week 4');
  expect(written).not.toContain('STAT-201');
  expect(readNotebook(name).metadata.course).toEqual(ORIGINAL.course);
});

test('a script opened as a notebook: a key its filter leaves out is lost on save unless kept, and kept it is in the script', async ({
  lab
}) => {
  const folder = uniqueName('jt-script');
  const script = `${folder}/lesson.py`;
  fs.mkdirSync(path.join(labRoot, folder), { recursive: true });
  fs.writeFileSync(
    path.join(labRoot, script),
    [
      '# ---',
      '# jupyter:',
      '#   kernelspec:',
      '#     display_name: Python 3 (ipykernel)',
      '#     language: python',
      '#     name: python3',
      '# ---',
      '',
      '# %%',
      'print("week 5")',
      ''
    ].join('\n')
  );
  await lab.openNotebook(script);
  await lab.openPanel();
  await lab.openSection('Custom keys');
  await lab.panel.getByLabel('New key name').fill('course');
  await lab.panel.getByLabel('New key value (JSON)').fill('"STAT-201"');
  await lab.panel.getByRole('button', { name: 'Add key' }).click();
  const courseRow = lab.panel.getByRole('group', { name: 'Key course' });
  await expect(courseRow).toContainText(
    `${script} does not keep "course": lost when the notebook is saved.`
  );
  await courseRow
    .getByRole('button', { name: 'Keep "course" in the text file' })
    .click();
  await expect(courseRow.getByRole('note')).toHaveCount(0);
  await lab.page.evaluate(() =>
    (window as any).jupyterapp.commands.execute('docmanager:save')
  );
  await expect.poll(() => readText(script)).toContain('#   course: STAT-201');
  expect(readText(script)).toContain('print("week 5")');
  // Only the script: no .ipynb was written.
  expect(filesUnder(folder)).toEqual([script]);
});

test('a change of format in the panel: Jupytext rewrites the script in the new format, in the same file', async ({
  lab
}) => {
  const folder = uniqueName('jt-change');
  const name = writeNotebook(
    `${folder}/lesson.ipynb`,
    notebookWith({ ...ORIGINAL, jupytext: { formats: 'ipynb,py:percent' } })
  );
  const script = `${folder}/lesson.py`;
  await lab.openNotebook(name);
  await lab.saveAndRead(name);
  expect(readText(script)).toContain('# %%\nprint("hello")');

  await lab.openPanel();
  await lab.openSection('Jupytext');
  await lab.panel
    .getByLabel('Format of paired file 2')
    .selectOption({ label: 'light' });
  await expect(lab.panel.getByLabel('Jupytext formats')).toHaveValue(
    'ipynb,py:light'
  );
  const saved = await lab.saveAndRead(name);
  expect(saved.metadata.jupytext).toEqual({ formats: 'ipynb,py:light' });
  expect(filesUnder(folder)).toEqual([name, script]);
  const written = readText(script);
  expect(written).toContain('#       format_name: light');
  expect(written).not.toContain('# %%');
  expect(written).toMatch(/^print\("hello"\)$/m);
});

test('a config file made invalid while the notebook is open: the panel says why Jupytext refuses to save, and the files stay as they were', async ({
  lab
}) => {
  const folder = uniqueName('jt-invalid');
  fs.mkdirSync(path.join(labRoot, folder), { recursive: true });
  const config = path.join(labRoot, folder, 'jupytext.toml');
  fs.writeFileSync(config, 'formats = "ipynb,py:percent"\n');
  const name = writeNotebook(`${folder}/lesson.ipynb`, notebookWith(ORIGINAL));
  const other = writeNotebook(`${folder}/other.ipynb`, notebookWith(ORIGINAL));
  await lab.openNotebook(name);
  await lab.saveAndRead(name);
  const script = `${folder}/lesson.py`;
  await lab.openNotebook(other);
  const before = { notebook: readText(name), script: readText(script) };

  // Another program breaks the config: Jupytext answers every request
  // about the folder with an error (the file browser's listing too).
  // (The panel, unable to list the folder, asks for each config file
  // itself: one that is not there is a 404.)
  lab.allowProblem(
    /500|404|Error while reading config file|Internal Server Error|Not Found/i
  );
  fs.writeFileSync(config, 'formats = "ipynb,py:percent"\nnot_an_option = 1\n');
  // Shown again, the notebook says so.
  await lab.page.evaluate(path => {
    const app = (window as any).jupyterapp;
    const widget = [...app.shell.widgets('main')].find(
      (w: any) => w.context?.path === path
    );
    app.shell.activateById(widget.id);
  }, name);
  await expect.poll(() => lab.currentPath()).toBe(name);
  await lab.openPanel();
  await lab.openSection('Jupytext');
  await expect(lab.panel.getByRole('alert')).toContainText(
    `The Jupytext config file ${folder}/jupytext.toml is not valid, so Jupytext cannot open or save this notebook:`
  );
  await expect(lab.panel.getByRole('alert')).toContainText('not_an_option');
  // The panel still edits the notebook.
  await lab.openSection('Notebook');
  await enter(lab.panel.getByLabel('Title', { exact: true }), 'Week 6');
  expect((await lab.appMetadata()).title).toBe('Week 6');

  // Jupytext refuses the save (the lab says so); nothing changes on disk.
  const refused = await lab.page.evaluate(() =>
    (window as any).jupyterapp.commands.execute('docmanager:save').then(
      () => 'saved',
      (error: unknown) => String(error)
    )
  );
  expect(refused).toContain(
    'jupytext.toml is incorrect: options not_an_option are not supported'
  );
  const dialog = lab.page.getByRole('dialog', {
    name: 'File Save Error for lesson.ipynb'
  });
  await expect(dialog).toContainText('options not_an_option are not supported');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  expect(readText(name)).toBe(before.notebook);
  expect(readText(script)).toBe(before.script);
});
