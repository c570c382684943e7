/**
 * `node scripts/screenshots-folder.mjs`: the README's pictures of the folder
 * report (docs/folder-report-light.png, -dark.png), from the real lab on a
 * small generated course folder: mixed kernels, pairings, a missing
 * author's name, a file that is not JSON; with a kernel fix previewed.
 * Run `node scripts/build.mjs` first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { launchChromium, openLab, startLab } from './lab-session.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'docs');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nbmeta-folder-shots-'));

/** A notebook with these metadata. */
function write(name, metadata) {
  const file = path.join(folder, 'course', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const notebook = {
    cells: [
      {
        cell_type: 'code',
        execution_count: null,
        id: 'c1',
        metadata: {},
        outputs: [],
        source: 'x = 1'
      }
    ],
    metadata,
    nbformat: 4,
    nbformat_minor: 5
  };
  fs.writeFileSync(file, JSON.stringify(notebook, null, 1));
}

const python = {
  name: 'python3',
  display_name: 'Python 3 (ipykernel)',
  language: 'python'
};
write('week-01.ipynb', {
  kernelspec: python,
  jupytext: { formats: 'ipynb,py:percent' },
  course: 'STAT-201',
  title: 'Week 1'
});
write('week-02.ipynb', {
  kernelspec: {
    name: 'conda-env-stats-py',
    display_name: 'Python [conda env:stats]',
    language: 'python'
  },
  course: 'STAT-201',
  title: 'Week 2'
});
write('week-03.ipynb', {
  kernelspec: python,
  authors: [{ affiliation: 'Stats department' }],
  title: 'Week 3'
});
write('labs/lab-01.ipynb', {
  kernelspec: { name: 'ir', display_name: 'R', language: 'R' },
  course: 'STAT-201'
});
write('labs/lab-02.ipynb', { course: 'STAT-202' });
fs.writeFileSync(path.join(folder, 'course', 'draft.ipynb'), '{"cells": [');

const lab = await startLab(folder);
const browser = await launchChromium();
try {
  for (const [file, theme] of [
    ['folder-report-light.png', 'JupyterLab Light'],
    ['folder-report-dark.png', 'JupyterLab Dark']
  ]) {
    const page = await openLab(browser, lab, 'folder-shots', {
      width: 1200,
      height: 820
    });
    await page.evaluate(
      t =>
        window.jupyterapp.commands.execute('apputils:change-theme', {
          theme: t
        }),
      theme
    );
    await page.waitForFunction(
      t => document.body.dataset.jpThemeName === t,
      theme
    );
    await page.evaluate(() => window.jupyterapp.shell.collapseLeft());
    await page.evaluate(() =>
      window.jupyterapp.commands.execute('notebook-metadata:folder-report', {
        paths: ['course']
      })
    );
    const report = page.locator('.jp-NotebookMetadata-folderReport');
    await report.getByLabel('Key column').fill('course');
    await report.getByRole('button', { name: 'Add column' }).click();
    const fix = report.getByRole('form', { name: 'Batch fix' });
    await fix.getByLabel('Kernel', { exact: true }).selectOption('python3');
    await fix.getByRole('button', { name: 'Preview' }).click();
    await report.getByRole('region', { name: 'Preview' }).waitFor();
    await report.screenshot({ path: path.join(out, file) });
    await page.close();
  }
} finally {
  await browser.close();
  await lab.stop();
  fs.rmSync(folder, { recursive: true, force: true });
}
