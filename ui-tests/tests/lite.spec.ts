/**
 * The panel in JupyterLite 0.8.6, where there is no server at all: the site
 * scripts/lite.mjs builds with `jupyter lite build` from .venv-lite (the
 * extension's wheel installed there as a site author installs it) and the
 * notebooks of examples/ as its files. Contents and settings live in the
 * browser's storage (IndexedDB), kernels are the in-browser ones (Pyodide,
 * which the site does not hold: no kernel starts, nothing comes from the
 * internet). Each test has a browser context of its own, so a storage of
 * its own.
 */
import fs from 'node:fs';
import path from 'node:path';

import { shownJSON } from './fixtures';
import { expect, type LitePage, test } from './litesite';

/** The notebooks of the site, as examples/ has them. */
const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

/** The metadata of a notebook of examples/. */
function exampleMetadata(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(EXAMPLES, name), 'utf-8'))
    .metadata;
}

/** The kernelspec of the site's one kernel (jupyterlite-pyodide-kernel). */
const PYODIDE_KERNELSPEC = {
  name: 'python',
  display_name: 'Python (Pyodide)',
  language: 'python'
};

/** What the Jupytext section says where there is no server. */
const NO_SERVER_NOTICE =
  'There is no Jupyter server here (JupyterLite): no server writes the paired files when the notebook is saved.';

/** axe-core's script, injected into the page. */
const AXE_SOURCE = fs.readFileSync(
  require.resolve('axe-core/axe.min.js'),
  'utf-8'
);

test('the site holds the extension beside its own, and no lab extension that has no place there', async ({
  lite
}) => {
  const config = await (
    await lite.page.request.get('jupyter-lite.json')
  ).json();
  const names = config['jupyter-config-data'].federated_extensions
    .map((extension: { name: string }) => extension.name)
    .sort();
  // The Pyodide kernel's, ours, and nbconvert's Pygments theme (JupyterLab
  // brings it, as in a site author's environment); no Jupytext, galata or
  // collaboration extension.
  expect(names).toEqual([
    '@jupyterlite/pyodide-kernel-extension',
    'jupyterlab-notebook-metadata',
    'jupyterlab_pygments'
  ]);
  expect(
    await lite.page.evaluate(() =>
      (window as any).jupyterapp
        .listPlugins()
        .filter((id: string) => id.startsWith('jupyterlab-notebook-metadata:'))
        .sort()
    )
  ).toEqual([
    'jupyterlab-notebook-metadata:folder',
    'jupyterlab-notebook-metadata:jupytext',
    'jupyterlab-notebook-metadata:new-notebooks',
    'jupyterlab-notebook-metadata:panel',
    'jupyterlab-notebook-metadata:plugin'
  ]);
});

test('the panel opens, follows the active notebook, and shows its placeholder when none is open', async ({
  lite
}) => {
  const pathShown = lite.panel.locator('.jp-NotebookMetadata-path');
  await lite.openNotebook('custom-keys.ipynb');
  // The shortcut, from the notebook.
  await lite.page.locator('.jp-Notebook .jp-InputPrompt').first().click();
  await lite.page.keyboard.press('Control+Alt+M');
  await expect(lite.panel).toBeVisible();
  await expect(pathShown).toHaveText('custom-keys.ipynb');
  await expect(lite.panel.getByLabel('Title')).toHaveValue(
    'Week 3: linear models'
  );

  await lite.openNotebook('course/week-1.ipynb');
  await expect(pathShown).toHaveText('course/week-1.ipynb');
  await expect(lite.panel.getByLabel('Title')).toHaveValue('Week 1: tables');

  await lite.command('application:close-all');
  await expect(
    lite.panel.getByText(
      'No notebook is open. Open a notebook to see its metadata.'
    )
  ).toBeVisible();
});

test("every section edits the notebook, the save lands in the browser's storage, and the edits are there after a reload", async ({
  lite
}) => {
  const name = 'custom-keys.ipynb';
  const original = exampleMetadata(name);
  await lite.openNotebook(name);
  await lite.openPanel();
  const panel = lite.panel;
  // A file of the site: nothing of it is in the browser's storage yet.
  expect(await lite.storedNotebook(name)).toBeNull();

  // Kernel: the site's in-browser kernel; none starts.
  await panel.getByRole('combobox', { name: 'Kernel' }).selectOption('python');
  await expect(panel.getByLabel('Display name')).toHaveValue(
    'Python (Pyodide)'
  );
  // Notebook: the title.
  await lite.enter(panel.getByLabel('Title'), 'Week 4: trees');
  // Jupytext: a preset.
  await lite.openSection('Jupytext');
  await panel
    .getByLabel('Pair with')
    .selectOption({ label: 'Python script, percent format' });
  // Custom keys: a new key, and a value changed.
  await panel.getByLabel('New key name').fill('reviewed');
  await panel.getByLabel('New key value (JSON)').fill('true');
  await panel.getByRole('button', { name: 'Add key' }).click();
  await lite.enter(
    panel.getByLabel('Value of tags (JSON)'),
    '["regression", "trees"]'
  );
  // Raw JSON: the course's week, in the whole metadata's text.
  await lite.openSection('Raw JSON');
  const raw = panel.getByLabel('Notebook metadata as JSON');
  await expect
    .poll(async () => ((await shownJSON(raw)) as any)?.reviewed)
    .toBe(true);
  const text = await raw.innerText();
  await raw.fill(text.replace('"week": 3', '"week": 4'));
  await panel.getByRole('button', { name: 'Apply JSON' }).click();

  const edited = {
    ...original,
    kernelspec: PYODIDE_KERNELSPEC,
    title: 'Week 4: trees',
    jupytext: { formats: 'ipynb,py:percent' },
    reviewed: true,
    tags: ['regression', 'trees'],
    course: { ...(original.course as object), week: 4 }
  };
  await expect.poll(() => lite.appMetadata()).toEqual(edited);
  expect(await lite.runningKernel()).toBeNull();

  await lite.save();
  // What the browser's storage holds: every key, the untouched ones as
  // they were.
  await expect
    .poll(async () => (await lite.storedNotebook(name))?.metadata)
    .toEqual(edited);
  // The site's own file is as it was: the save stayed in this browser.
  const served = await (await lite.page.request.get(`files/${name}`)).json();
  expect(served.metadata).toEqual(original);

  await lite.reload();
  await lite.openNotebook(name);
  await lite.openPanel();
  await expect(panel.locator('.jp-NotebookMetadata-path')).toHaveText(name);
  await expect(panel.getByLabel('Title')).toHaveValue('Week 4: trees');
  await expect(panel.getByRole('combobox', { name: 'Kernel' })).toHaveValue(
    'python'
  );
  await lite.openSection('Jupytext');
  await expect(panel.getByLabel('Jupytext formats')).toHaveValue(
    'ipynb,py:percent'
  );
  await expect(panel.getByLabel('Value of reviewed (JSON)')).toHaveValue(
    'true'
  );
  expect(await lite.appMetadata()).toEqual(edited);
  expect(await lite.isDirty()).toBe(false);
});

test("the kernel section lists the site's kernels, flags the notebook's own, and starts none unasked", async ({
  lite
}) => {
  const name = 'kernel-not-installed.ipynb';
  await lite.openNotebook(name);
  await lite.openPanel();
  const picker = lite.panel.getByRole('combobox', { name: 'Kernel' });
  await expect(picker.locator('option')).toHaveText([
    'julia-1.10 (not installed)',
    'Python (Pyodide)'
  ]);
  await expect(
    lite.panel.getByText(
      'The kernel "Julia 1.10.4 (julia-1.10)" is not one of the kernels of this JupyterLite site. The notebook keeps it; pick another kernel to change it.'
    )
  ).toBeVisible();
  // Kept until another is picked: viewing writes nothing.
  expect(await lite.isDirty()).toBe(false);

  await picker.selectOption('python');
  await expect
    .poll(async () => (await lite.appMetadata()).kernelspec)
    .toEqual(PYODIDE_KERNELSPEC);
  await expect(lite.panel.getByText('is not one of the kernels')).toHaveCount(
    0
  );
  // As in the lab, the panel offers to start it; nothing starts unasked.
  const offer = lite.panel.getByRole('group', { name: 'Start the kernel' });
  await expect(offer).toContainText(
    'No kernel is running. Start Python (Pyodide) now?'
  );
  await offer.getByRole('button', { name: 'Not now' }).click();
  await expect(offer).toHaveCount(0);
  expect(await lite.runningKernel()).toBeNull();
});

test('Jupytext: the pairing edits, the panel says that no server writes the paired files, and the preview asks the contents service', async ({
  lite
}) => {
  const name = 'paired-with-script.ipynb';
  await lite.openNotebook(name);
  await lite.openPanel();
  await lite.openSection('Jupytext');
  const panel = lite.panel;
  await expect(panel.getByText(NO_SERVER_NOTICE)).toBeVisible();
  // The server-side message of a lab without Jupytext is not shown here.
  await expect(
    panel.getByText('Jupytext is not installed in this JupyterLab')
  ).toHaveCount(0);
  // The site's files, as the contents service lists them.
  const preview = panel.getByRole('list', { name: 'Paired files preview' });
  await expect(preview.getByRole('listitem')).toHaveText([
    'paired-with-script.ipynb exists',
    'paired-with-script.py exists'
  ]);

  await panel.getByLabel('Pair with').selectOption({ label: 'MyST Markdown' });
  await expect(panel.getByLabel('Jupytext formats')).toHaveValue(
    'ipynb,md:myst'
  );
  await expect(preview.getByRole('listitem')).toHaveText([
    'paired-with-script.ipynb exists',
    'paired-with-script.md not created yet'
  ]);
  await lite.save();
  await expect
    .poll(async () => (await lite.storedNotebook(name))?.metadata.jupytext)
    .toEqual({ formats: 'ipynb,md:myst' });
  // Nothing wrote a paired file, and the preview, asked again after the
  // save, says so.
  expect(await lite.listFolder('')).not.toContain('paired-with-script.md');
  await expect(preview.getByRole('listitem')).toHaveText([
    'paired-with-script.ipynb exists',
    'paired-with-script.md not created yet'
  ]);

  // The course's jupytext.toml, read through the contents service, pairs
  // its notebooks.
  await lite.openNotebook('course/week-1.ipynb');
  await expect(lite.sectionHeading('Jupytext')).toHaveAccessibleDescription(
    /paired with py:percent by jupytext\.toml/
  );
});

test('metadata edits undo and redo, from the panel and from the notebook', async ({
  lite
}) => {
  await lite.openNotebook('course/week-1.ipynb');
  await lite.openPanel();
  const title = lite.panel.getByLabel('Title');
  await lite.enter(title, 'Week 1: tables and joins');
  await expect
    .poll(async () => (await lite.appMetadata()).title)
    .toBe('Week 1: tables and joins');

  await lite.panel.getByRole('button', { name: 'Undo' }).click();
  await expect(title).toHaveValue('Week 1: tables');
  await lite.panel.getByRole('button', { name: 'Redo' }).click();
  await expect(title).toHaveValue('Week 1: tables and joins');

  // Z in the notebook's command mode, as for a cell edit.
  await lite.page.locator('.jp-Notebook .jp-InputPrompt').first().click();
  await expect(
    lite.page.locator('.jp-Notebook.jp-mod-commandMode')
  ).toHaveCount(1);
  await lite.page.keyboard.press('z');
  await expect(title).toHaveValue('Week 1: tables');
  expect((await lite.appMetadata()).title).toBe('Week 1: tables');
});

test("sections from the settings: the site's (overrides.json), then the user's from the Settings Editor, still there after a reload", async ({
  lite
}) => {
  await lite.openNotebook('custom-keys.ipynb');
  await lite.openPanel();
  // The site author's section, in lite/overrides.json.
  await lite.openSection('Course');
  const week = lite.panel.getByRole('textbox', { name: 'Week', exact: true });
  await expect(
    lite.panel.getByRole('textbox', { name: 'Code', exact: true })
  ).toHaveValue('STAT-201');
  await expect(week).toHaveValue('3');
  await lite.enter(week, '0');
  await expect(
    lite.panel.getByRole('alert').filter({ hasText: 'must be >= 1' }).first()
  ).toBeVisible();
  // Refused: the notebook keeps its week.
  expect(((await lite.appMetadata()).course as any).week).toBe(3);
  await lite.enter(week, '5');
  await expect
    .poll(async () => (await lite.appMetadata()).course)
    .toEqual({ code: 'STAT-201', term: '2026-autumn', week: 5 });

  // The user's own sections, which take the place of the site's.
  await writeSettings(
    lite,
    {
      sections: [
        {
          id: 'grading',
          label: 'Grading',
          schema: {
            type: 'object',
            properties: {
              '/grading/points': { type: 'integer', title: 'Points' }
            }
          }
        }
      ]
    },
    'Grading'
  );
  await expect(lite.sectionHeading('Course')).toHaveCount(0);
  await lite.openSection('Grading');
  const points = lite.panel.getByRole('textbox', {
    name: 'Points',
    exact: true
  });
  await expect(points).toHaveValue('10');
  await lite.enter(points, '12');
  await expect
    .poll(async () => (await lite.appMetadata()).grading)
    .toEqual({ points: 12, autograde: true, due: null });

  // The user's settings are in the browser's storage too.
  await lite.reload();
  await lite.openNotebook('custom-keys.ipynb');
  await lite.openPanel();
  await expect(lite.sectionHeading('Grading')).toHaveCount(1);
  await expect(lite.sectionHeading('Course')).toHaveCount(0);
});

test('axe-core finds no violation in the panel, every section open (JupyterLab Light)', async ({
  lite
}) => {
  const audited: string[] = [];
  const violations: string[] = [];
  for (const name of [
    'paired-with-script.ipynb',
    'kernel-not-installed.ipynb',
    'custom-keys.ipynb'
  ]) {
    await lite.openNotebook(name);
    await lite.openPanel();
    await expect(lite.panel.locator('.jp-NotebookMetadata-path')).toHaveText(
      name
    );
    const closed = lite.panel.locator(
      '.jp-NotebookMetadata-sectionToggle[aria-expanded="false"]'
    );
    while ((await closed.count()) > 0) {
      await closed.first().click();
    }
    // Everything on screen (axe cannot tell the contrast of what is
    // scrolled away); the raw JSON's text is built once in view, then the
    // panel grows.
    await fitPanel(lite);
    await expect(
      lite.panel.locator('.jp-NotebookMetadata-raw[aria-busy="true"]')
    ).toHaveCount(0, { timeout: 60_000 });
    await fitPanel(lite);
    await expect(
      lite.panel.locator('.jp-NotebookMetadata-badge', { hasText: '…' })
    ).toHaveCount(0);
    await lite.page.mouse.move(0, 0);
    const result = await audit(lite);
    audited.push(`${name}: ${result.passes} rules passed`);
    violations.push(...result.violations.map(v => `[${name}] ${v}`));
    await lite.page.setViewportSize({ width: 1400, height: 900 });
  }
  console.log(
    `axe (JupyterLite, JupyterLab Light):\n  ${audited.join('\n  ')}`
  );
  expect(
    await lite.page.locator('body').getAttribute('data-jp-theme-name')
  ).toBe('JupyterLab Light');
  expect(violations, violations.join('\n')).toEqual([]);
});

/** Make the viewport as tall as the panel's content. */
async function fitPanel(lite: LitePage): Promise<void> {
  const height = await lite.page.evaluate(
    () => document.querySelector('.jp-NotebookMetadata-body')!.scrollHeight
  );
  await lite.page.setViewportSize({
    width: 1400,
    height: Math.min(Math.max(900, height + 300), 16000)
  });
}

/**
 * Run axe-core on the panel: its violations, one line per node, and the
 * number of rules that passed (an audit that saw nothing fails the test).
 */
async function audit(
  lite: LitePage
): Promise<{ violations: string[]; passes: number }> {
  if (!(await lite.page.evaluate(() => 'axe' in window))) {
    await lite.page.addScriptTag({ content: AXE_SOURCE });
  }
  const result = await lite.page.evaluate(async () => {
    const found = await (window as any).axe.run({
      include: ['#jp-notebook-metadata']
    });
    return {
      violations: found.violations.flatMap((v: any) =>
        v.nodes.map(
          (node: any) =>
            `${v.id} (${v.impact}): ${v.help}: ${node.target.join(' ')}`
        )
      ),
      passes: found.passes.length
    };
  });
  expect(result.passes).toBeGreaterThan(10);
  return result;
}

/**
 * Replace the user's settings of the panel with `settings` in JupyterLab's
 * JSON Settings Editor, as a user does (JupyterLite keeps them in the
 * browser's storage), save them, wait until the panel shows the section
 * labelled `shown`, and close the editor.
 */
async function writeSettings(
  lite: LitePage,
  settings: Record<string, unknown>,
  shown: string
): Promise<void> {
  const page = lite.page;
  await lite.command('settingeditor:open-json');
  await page
    .locator(
      '.jp-PluginList-entry[data-id="jupyterlab-notebook-metadata:plugin"]'
    )
    .first()
    .click();
  const user = page.locator('.jp-SettingsRawEditor-user .cm-content');
  await expect(user).toBeVisible();
  await user.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(JSON.stringify(settings, null, 2));
  await page.keyboard.press('Control+S');
  // Saved: the panel shows the new section (of the notebook still open).
  await expect(lite.sectionHeading(shown)).toHaveCount(1);
  await page.evaluate(() => {
    const app = (window as any).jupyterapp;
    for (const widget of Array.from(app.shell.widgets('main')) as any[]) {
      if (
        widget.id.includes('setting') ||
        widget.hasClass('jp-SettingEditor')
      ) {
        widget.close();
      }
    }
  });
}
