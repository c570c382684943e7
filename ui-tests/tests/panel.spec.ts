import fs from 'node:fs';
import path from 'node:path';

import {
  COURSE_METADATA,
  enter,
  expect,
  labRoot,
  notebookWith,
  PYTHON_KERNELSPEC,
  readNotebook,
  shownJSON,
  test,
  uniqueName,
  writeNotebook
} from './fixtures';

const ORIGINAL = {
  kernelspec: PYTHON_KERNELSPEC,
  language_info: { name: 'python', version: '3.11.2' },
  title: 'Week 3',
  authors: [{ name: 'Ada Lovelace', affiliation: 'Analytical Engines' }],
  course: { code: 'STAT-201', week: 3 },
  tags: ['regression'],
  'odd key: ünïcødé / spaces': { nested: [1, 2.5, null, true, { deep: 'x' }] },
  empty_object: {},
  zero: 0
};

function notebookFile(
  prefix: string,
  metadata: Record<string, unknown> = ORIGINAL
) {
  return writeNotebook(`${uniqueName(prefix)}.ipynb`, notebookWith(metadata));
}

test.describe('opening the panel', () => {
  test('from the command palette, focusing its first field', async ({
    lab
  }) => {
    await lab.openNotebook(notebookFile('palette'));
    await lab.runFromPalette(lab.openPanelLabel);
    await expect(lab.panel).toBeVisible();
    await expect(
      lab.panel.getByRole('combobox', { name: 'Kernel' })
    ).toBeFocused();
  });

  test('with the keyboard shortcut and from the notebook context menu', async ({
    lab
  }) => {
    await lab.openNotebook(notebookFile('shortcut'));
    await lab.page.locator('.jp-Notebook').first().click();
    await lab.page.keyboard.press('Control+Alt+M');
    await expect(lab.panel).toBeVisible();
    await lab.page.evaluate(() =>
      (window as any).jupyterapp.shell.collapseRight()
    );
    await expect(lab.panel).toBeHidden();

    await lab.page
      .locator('.jp-Notebook .jp-Cell')
      .first()
      .click({ button: 'right' });
    await lab.page
      .locator('.lm-Menu-item', { hasText: lab.openPanelLabel })
      .click();
    await expect(lab.panel).toBeVisible();
  });

  test('stays open after a reload, showing the restored notebook', async ({
    lab
  }) => {
    const name = notebookFile('restore');
    await lab.openNotebook(name);
    await lab.openPanelFromSidebar();
    await expect(lab.panel.locator('.jp-NotebookMetadata-path')).toHaveText(
      name
    );
    // Wait until the workspace has the panel, then reload the same workspace.
    await expect
      .poll(async () =>
        lab.page.evaluate(async ws => {
          const response = await fetch(`/lab/api/workspaces/${ws}`);
          const { data } = await response.json();
          return data['layout-restorer:data']?.right?.current ?? null;
        }, lab.workspace)
      )
      .toBe('jupyterlab-notebook-metadata');
    await lab.page.reload();
    await lab.page.waitForFunction(() => (window as any).jupyterapp);
    await lab.page.evaluate(() => (window as any).jupyterapp.restored);
    await expect(lab.panel).toBeVisible();
    await expect(lab.panel.locator('.jp-NotebookMetadata-path')).toHaveText(
      name
    );
  });
});

test('follows the active notebook, keeps it when focus moves into the panel, and shows a placeholder after the last one closes', async ({
  lab
}) => {
  const first = notebookFile('first', { ...ORIGINAL, title: 'First notebook' });
  const second = notebookFile('second', {
    ...ORIGINAL,
    title: 'Second notebook'
  });
  await lab.openNotebook(first);
  await lab.openNotebook(second);
  await lab.openPanel();
  const title = lab.panel.getByLabel('Title');
  await expect(title).toHaveValue('Second notebook');

  await lab.page
    .locator('.lm-DockPanel-tabBar .lm-TabBar-tab', { hasText: first })
    .click();
  await expect(
    lab.panel.locator('.jp-NotebookMetadata-notebookName')
  ).toHaveText(first);
  await expect(title).toHaveValue('First notebook');

  await title.click();
  await expect(title).toBeFocused();
  await expect(
    lab.panel.locator('.jp-NotebookMetadata-notebookName')
  ).toHaveText(first);

  // One at a time: `application:close-all` trips a race in JupyterLab's own
  // toolbar (a page error from ReactiveToolbar after a disposed throttler).
  await lab.closeCurrent();
  await expect(
    lab.panel.locator('.jp-NotebookMetadata-notebookName')
  ).toHaveText(second);
  await lab.closeCurrent();
  await expect(
    lab.panel.locator('.jp-NotebookMetadata-placeholder')
  ).toHaveText(/No notebook is open/);
});

test('picking a kernel fills name, display name and language, keeps other fields, and saves', async ({
  lab
}) => {
  const name = notebookFile('kernel', {
    ...ORIGINAL,
    kernelspec: {
      name: 'julia-1.10',
      display_name: 'Julia 1.10.4',
      language: 'julia',
      env: { JULIA_NUM_THREADS: '4' }
    }
  });
  await lab.openNotebook(name);
  await lab.openPanel();
  const notice = lab.panel
    .getByRole('note')
    .filter({ hasText: 'not installed' });
  await expect(notice).toContainText('julia-1.10');
  const picker = lab.panel.getByRole('combobox', { name: 'Kernel' });
  await expect(picker).toHaveValue('julia-1.10');
  await expect(picker.locator('option')).toHaveText([
    'julia-1.10 (not installed)',
    'Python 3 (ipykernel)',
    'Python 3 (second)'
  ]);
  // Not installed is shown and kept: nothing was written by showing it.
  expect(await lab.isDirty()).toBe(false);

  await picker.selectOption('python3-second');
  await expect(notice).toHaveCount(0);
  await expect(lab.panel.getByLabel('Display name')).toHaveValue(
    'Python 3 (second)'
  );
  const saved = (await lab.saveAndRead(name)).metadata;
  expect(saved.kernelspec).toEqual({
    name: 'python3-second',
    display_name: 'Python 3 (second)',
    language: 'python',
    env: { JULIA_NUM_THREADS: '4' }
  });
  const { kernelspec: _, ...untouched } = ORIGINAL;
  for (const [key, value] of Object.entries(untouched)) {
    expect(saved[key], key).toEqual(value);
  }
});

test('the kernel picker follows the kernelspecs the server has', async ({
  lab
}) => {
  await lab.openNotebook(notebookFile('live-specs'));
  await lab.openPanel();
  const picker = lab.panel.getByRole('combobox', { name: 'Kernel' });
  await expect(picker.locator('option')).toHaveText([
    'Python 3 (ipykernel)',
    'Python 3 (second)'
  ]);
  // Install a kernelspec on the server (JUPYTER_PATH of the test server).
  const dir = path.join(
    `${labRoot}-state`,
    'jupyter',
    'kernels',
    uniqueName('third')
  );
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'kernel.json'),
    JSON.stringify({
      argv: ['python', '-m', 'ipykernel_launcher', '-f', '{connection_file}'],
      display_name: 'Python 3 (third)',
      language: 'python'
    })
  );
  try {
    await lab.page.evaluate(() =>
      (window as any).jupyterapp.serviceManager.kernelspecs.refreshSpecs()
    );
    await expect(picker.locator('option')).toHaveText([
      'Python 3 (ipykernel)',
      'Python 3 (second)',
      'Python 3 (third)'
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('offers to switch the running kernel when another kernelspec is picked', async ({
  lab
}) => {
  // Switching kernels cancels the debugger's pending request to the old one:
  // JupyterLab's own debugger sidebar reports that as an unhandled rejection.
  lab.allowPageError(
    /Canceled future for debug_request message before replies were done/
  );
  const name = notebookFile('running');
  await lab.openNotebook(name, true);
  await expect.poll(() => lab.runningKernel()).toBe('python3');
  await lab.openPanel();
  await lab.panel
    .getByRole('combobox', { name: 'Kernel' })
    .selectOption('python3-second');
  const offer = lab.panel.getByRole('group', {
    name: 'Switch the running kernel'
  });
  await expect(offer).toContainText('Switch it to Python 3 (second) too?');
  await offer.getByRole('button', { name: 'Switch kernel' }).click();
  await expect.poll(() => lab.runningKernel()).toBe('python3-second');
  await expect(offer).toHaveCount(0);
});

test('offers to start the picked kernel when none runs, and marks language info of another kernel', async ({
  lab
}) => {
  const name = writeNotebook(
    `${uniqueName('start')}.ipynb`,
    notebookWith({
      ...COURSE_METADATA,
      language_info: { name: 'julia', version: '1.10.4' }
    })
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  await expect(
    lab.panel.getByRole('note').filter({ hasText: 'Written by a julia kernel' })
  ).toContainText("not by this notebook's python kernel");
  expect(await lab.runningKernel()).toBeNull();
  await lab.panel
    .getByRole('combobox', { name: 'Kernel' })
    .selectOption('python3-second');
  const offer = lab.panel.getByRole('group', { name: 'Start the kernel' });
  await expect(offer).toContainText(
    'No kernel is running. Start Python 3 (second) now?'
  );
  await offer.getByRole('button', { name: 'Start kernel' }).click();
  await expect
    .poll(() => lab.runningKernel(), { timeout: 30_000 })
    .toBe('python3-second');
  await expect(offer).toHaveCount(0);
  // The kernel writes its own language info: the mark goes.
  await expect
    .poll(async () => ((await lab.appMetadata()).language_info as any).name, {
      timeout: 60_000
    })
    .toBe('python');
  await expect(
    lab.panel.getByRole('note').filter({ hasText: 'Written by a' })
  ).toHaveCount(0);
});

test('custom keys: add, rename, edit and delete, saved key by key', async ({
  lab
}) => {
  const name = notebookFile('custom');
  await lab.openNotebook(name);
  await lab.openPanel();
  const panel = lab.panel;

  // Add
  await panel.getByLabel('New key name').fill('grading');
  await panel.getByLabel('New key value (JSON)').fill('{"points": 10}');
  await panel.getByRole('button', { name: 'Add key' }).click();
  await expect(panel.getByLabel('Value of grading (JSON)')).toBeVisible();

  // Rename
  const courseName = panel.getByLabel('Name of key course');
  await courseName.fill('course_info');
  await courseName.press('Enter');
  await expect(panel.getByLabel('Name of key course_info')).toBeVisible();

  // Edit
  await enter(
    panel.getByLabel('Value of tags (JSON)'),
    '["regression", "homework"]'
  );

  // Delete
  await panel.getByRole('button', { name: 'Delete key zero' }).click();
  await expect(panel.getByLabel('Name of key zero')).toHaveCount(0);

  expect(await lab.isDirty()).toBe(true);
  const saved = (await lab.saveAndRead(name)).metadata;
  expect(saved).toEqual({
    kernelspec: ORIGINAL.kernelspec,
    language_info: ORIGINAL.language_info,
    title: ORIGINAL.title,
    authors: ORIGINAL.authors,
    course_info: ORIGINAL.course,
    tags: ['regression', 'homework'],
    'odd key: ünïcødé / spaces': ORIGINAL['odd key: ünïcødé / spaces'],
    empty_object: {},
    grading: { points: 10 }
  });
});

test('invalid input shows a message at the field and never reaches the notebook', async ({
  lab
}) => {
  const name = notebookFile('invalid');
  const before = readNotebook(name);
  await lab.openNotebook(name);
  await lab.openPanel();
  const panel = lab.panel;

  const tags = panel.getByLabel('Value of tags (JSON)');
  await enter(tags, '["regression", ');
  await expect(
    panel.getByRole('alert').filter({ hasText: 'Invalid JSON' })
  ).toBeVisible();
  await expect(tags).toHaveAttribute('aria-invalid', 'true');

  const courseName = panel.getByLabel('Name of key course');
  await courseName.fill('tags');
  await courseName.press('Enter');
  await expect(
    panel
      .getByRole('alert')
      .filter({ hasText: 'A key named "tags" already exists.' })
  ).toBeVisible();

  await panel.getByLabel('New key name').fill('title');
  await panel.getByRole('button', { name: 'Add key' }).click();
  await expect(
    panel
      .getByRole('alert')
      .filter({ hasText: '"title" is edited in its own section (Notebook).' })
  ).toBeVisible();

  const display = panel.getByLabel('Display name');
  await enter(display, '');
  expect((await lab.appMetadata()).kernelspec).toEqual(PYTHON_KERNELSPEC);

  expect(await lab.appMetadata()).toEqual(before.metadata);
  expect(await lab.isDirty()).toBe(false);
  expect((await lab.saveAndRead(name)).metadata).toEqual(before.metadata);
});

test('the title and authors fields write through the form', async ({ lab }) => {
  const name = notebookFile('notebook-fields');
  await lab.openNotebook(name);
  await lab.openPanel();
  await enter(lab.panel.getByLabel('Title'), 'Week 4: trees');
  await expect
    .poll(async () => (await lab.appMetadata()).title)
    .toBe('Week 4: trees');
  const saved = (await lab.saveAndRead(name)).metadata;
  expect(saved.title).toBe('Week 4: trees');
  expect(saved.authors).toEqual(ORIGINAL.authors);
});

test('a change made elsewhere shows at once and keeps what is being typed in another field', async ({
  lab
}) => {
  const name = notebookFile('external');
  await lab.openNotebook(name);
  await lab.openPanel();
  const tags = lab.panel.getByLabel('Value of tags (JSON)');
  await tags.fill('["half typed", ');
  await lab.page.evaluate(() => {
    const model = (window as any).jupyterapp.shell.currentWidget.context.model;
    model.setMetadata('course', { code: 'MATH-101' });
    model.setMetadata('added_elsewhere', true);
  });
  await expect(lab.panel.getByLabel('Value of course (JSON)')).toHaveValue(
    JSON.stringify({ code: 'MATH-101' })
  );
  await expect(
    lab.panel.getByLabel('Value of added_elsewhere (JSON)')
  ).toHaveValue('true');
  await expect(tags).toHaveValue('["half typed", ');
});

test('the raw JSON view applies valid edits key by key and refuses invalid ones', async ({
  lab
}) => {
  const name = notebookFile('raw');
  await lab.openNotebook(name);
  await lab.openPanel();
  await lab.panel.getByRole('button', { name: 'Raw JSON' }).click();
  const raw = lab.panel.getByLabel('Notebook metadata as JSON');
  await expect.poll(() => shownJSON(raw)).toEqual(ORIGINAL);
  const text = await raw.innerText();

  await raw.fill(
    text.replace('"STAT-201"', '"STAT-202"').replace(/,\s*"zero": 0/, '')
  );
  await lab.panel.getByRole('button', { name: 'Apply JSON' }).click();
  await expect
    .poll(async () => (await lab.appMetadata()).course)
    .toEqual({
      code: 'STAT-202',
      week: 3
    });
  expect('zero' in (await lab.appMetadata())).toBe(false);

  await raw.fill('{"kernelspec": {"display_name": "No name"}}');
  await lab.panel.getByRole('button', { name: 'Apply JSON' }).click();
  await expect(lab.panel.getByRole('alert')).toContainText('is required');
  await raw.fill('{"broken": ');
  await lab.panel.getByRole('button', { name: 'Apply JSON' }).click();
  await expect(lab.panel.getByRole('alert')).toContainText('Invalid JSON');

  const saved = await lab.saveAndRead(name);
  const { zero: _, ...rest } = ORIGINAL;
  expect(saved.metadata).toEqual({
    ...rest,
    course: { code: 'STAT-202', week: 3 }
  });
});

test('large values are collapsed until asked for, and kept', async ({
  lab
}) => {
  const big = Array.from({ length: 5000 }, (_, i) => ({
    id: i,
    label: `item ${i}`
  }));
  const name = notebookFile('large', { ...ORIGINAL, dataset: big });
  await lab.openNotebook(name);
  await lab.openPanel();
  await expect(lab.panel.getByLabel('Value of dataset (JSON)')).toHaveCount(0);
  await expect(
    lab.panel.locator('.jp-NotebookMetadata-collapsedValue')
  ).toContainText('list of 5000 items');
  await lab.panel
    .getByRole('button', { name: 'Show value of dataset' })
    .click();
  await expect(lab.panel.getByLabel('Value of dataset (JSON)')).toBeVisible();
  await enter(lab.panel.getByLabel('Value of tags (JSON)'), '[]');
  expect((await lab.saveAndRead(name)).metadata.dataset).toEqual(big);
});

test('a read-only notebook is shown disabled with a notice', async ({
  lab
}) => {
  const name = notebookFile('readonly');
  await lab.openNotebook(name);
  await lab.page.evaluate(() => {
    (window as any).jupyterapp.shell.currentWidget.context.model.readOnly =
      true;
  });
  await lab.openPanel();
  await expect(
    lab.panel
      .getByRole('note')
      .filter({ hasText: 'This notebook is read-only' })
  ).toBeVisible();
  await expect(
    lab.panel.getByRole('combobox', { name: 'Kernel' })
  ).toBeDisabled();
  await expect(lab.panel.getByLabel('Value of tags (JSON)')).toBeDisabled();
  await expect(lab.panel.getByLabel('New key name')).toHaveCount(0);
});

for (const theme of ['JupyterLab Light', 'JupyterLab Dark']) {
  test(`screenshot of the panel in ${theme}`, async ({ lab }, testInfo) => {
    const name = notebookFile('screenshot');
    await lab.command('apputils:change-theme', { theme });
    await expect
      .poll(() =>
        lab.page.evaluate(() => document.body.dataset.jpThemeName ?? '')
      )
      .toBe(theme);
    await lab.openNotebook(name);
    await lab.openPanel();
    await enter(
      lab.panel.getByLabel('Value of tags (JSON)'),
      '["regression", '
    );
    await expect(lab.panel.getByRole('alert')).toBeVisible();
    const background = await lab.panel.evaluate(
      node => getComputedStyle(node).backgroundColor
    );
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    const light = (r + g + b) / 3 > 128;
    expect(light).toBe(theme === 'JupyterLab Light');
    const file = testInfo.outputPath(`panel-${theme.replace(/\W+/g, '-')}.png`);
    await lab.panel.screenshot({ path: file });
    await testInfo.attach(`panel in ${theme}`, {
      path: file,
      contentType: 'image/png'
    });
  });
}
