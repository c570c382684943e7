/**
 * The folder report on a generated folder: mixed kernels, pairings, missing
 * keys, a read-only file, a file that is not JSON, a notebook open with
 * unsaved cell edits and a file changed on disk during the batch. Every
 * file is checked on disk after the batch and after its undo.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import {
  expect,
  labRoot,
  type LabPage,
  notebookWith,
  PYTHON_KERNELSPEC,
  test,
  uniqueName,
  writeNotebook
} from './fixtures';

/** The text of a file in the served folder. */
function bytesOf(name: string): string {
  return fs.readFileSync(path.join(labRoot, name), 'utf-8');
}

/**
 * A notebook's text without its top-level metadata's value (the generated
 * files have it after the cells, and no other key holds "metadata").
 */
function withoutMetadata(text: string): string {
  const start = text.lastIndexOf('"metadata"');
  const end = text.indexOf('"nbformat"', start);
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return text.slice(0, start) + text.slice(end);
}

/**
 * Make a file read-only for the server. The tests run as root, for whom a
 * mode of 444 still allows writing (the server would report it writable):
 * as root the file is made immutable (`chattr +i`), which the kernel
 * refuses to write for root too; otherwise its mode is 444.
 */
function makeReadOnly(file: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', file]);
    return () => execFileSync('chattr', ['-i', file]);
  }
  fs.chmodSync(file, 0o444);
  return () => fs.chmodSync(file, 0o644);
}

/** Undo or redo in an open notebook's own history. */
function historyStep(
  lab: LabPage,
  notebookPath: string,
  step: 'undo' | 'redo'
) {
  return lab.page.evaluate(
    ({ p, step }) => {
      const app = (window as any).jupyterapp;
      for (const widget of app.shell.widgets('main')) {
        if (widget.context?.path === p) {
          widget.context.model.sharedModel[step]();
        }
      }
    },
    { p: notebookPath, step }
  );
}

/** The open notebook's metadata key, its cell source and dirty flag. */
function openState(lab: LabPage, notebookPath: string) {
  return lab.page.evaluate(p => {
    const app = (window as any).jupyterapp;
    for (const widget of app.shell.widgets('main')) {
      if (widget.context?.path === p) {
        const model = widget.context.model;
        return {
          kernelspec: model.getMetadata('kernelspec'),
          source: model.cells.get(0).sharedModel.getSource() as string,
          dirty: model.dirty as boolean
        };
      }
    }
    return null;
  }, notebookPath);
}

test('a folder report: rows, a kernel fix previewed, applied file by file, checked on disk, and undone', async ({
  lab
}) => {
  test.setTimeout(120_000);
  const folder = uniqueName('folder-report');
  const at = (name: string) => `${folder}/${name}`;
  const oldOpenSpec = { ...PYTHON_KERNELSPEC, display_name: 'Old Python' };
  // a: already on the installed kernel, paired; b: a kernel nobody has;
  // sub/c: no kernel, an author without a name, written compact.
  writeNotebook(
    at('a.ipynb'),
    notebookWith({
      kernelspec: PYTHON_KERNELSPEC,
      jupytext: { formats: 'ipynb,py:percent' },
      course: 'STAT-201'
    })
  );
  writeNotebook(
    at('b.ipynb'),
    notebookWith({
      kernelspec: {
        name: 'conda-env-foo-py',
        display_name: 'Python [conda env:foo]',
        language: 'python'
      },
      course: 'STAT-202'
    })
  );
  fs.mkdirSync(path.join(labRoot, folder, 'sub'));
  fs.writeFileSync(
    path.join(labRoot, at('sub/c.ipynb')),
    JSON.stringify(notebookWith({ authors: [{ affiliation: 'X' }] }))
  );
  writeNotebook(
    at('locked.ipynb'),
    notebookWith({ kernelspec: { name: 'ir', display_name: 'R' } })
  );
  fs.writeFileSync(path.join(labRoot, at('broken.ipynb')), '{"cells": [ oops');
  writeNotebook(at('open.ipynb'), notebookWith({ kernelspec: oldOpenSpec }));
  writeNotebook(
    at('z-racy.ipynb'),
    notebookWith({ kernelspec: { name: 'julia-1.9', display_name: 'Julia' } })
  );
  const names = [
    'a.ipynb',
    'b.ipynb',
    'sub/c.ipynb',
    'locked.ipynb',
    'broken.ipynb',
    'open.ipynb',
    'z-racy.ipynb'
  ];
  const original = Object.fromEntries(names.map(n => [n, bytesOf(at(n))]));
  const unlock = makeReadOnly(path.join(labRoot, at('locked.ipynb')));
  try {
    // The open notebook, with a cell edit not saved.
    await lab.openNotebook(at('open.ipynb'));
    await lab.page.evaluate(p => {
      const app = (window as any).jupyterapp;
      const widget = app.shell.currentWidget;
      if (widget.context.path !== p) {
        throw new Error('not the open notebook');
      }
      widget.context.model.cells.get(0).sharedModel.setSource('edited = 1');
    }, at('open.ipynb'));

    // Opened from the file browser's context menu on the folder.
    await lab.page.evaluate(
      f =>
        (window as any).jupyterapp.commands.execute('filebrowser:go-to-path', {
          path: f
        }),
      folder
    );
    await lab.page.evaluate(() => {
      const app = (window as any).jupyterapp;
      app.shell.activateById('filebrowser');
      return app.commands.execute('filebrowser:go-to-path', { path: '/' });
    });
    await lab.page
      .locator('.jp-DirListing-item[data-isdir="true"]', { hasText: folder })
      .click({ button: 'right' });
    await lab.page
      .locator('.lm-Menu-itemLabel', { hasText: /^Notebook Metadata Report$/ })
      .click();
    const report = lab.page.locator('.jp-NotebookMetadata-folderReport');
    await expect(report).toBeVisible();
    const row = (name: string) =>
      report.locator(
        `tr.jp-NotebookMetadata-folderRow[data-path="${at(name)}"]`
      );
    await expect(
      report.locator('tr.jp-NotebookMetadata-folderRow')
    ).toHaveCount(7);

    // What each row says.
    await expect(row('a.ipynb').locator('[data-column="kernel"]')).toHaveText(
      'Python 3 (ipykernel) (python3)'
    );
    await expect(row('a.ipynb').locator('[data-column="pairing"]')).toHaveText(
      'ipynb,py:percent'
    );
    await expect(row('b.ipynb').locator('[data-column="kernel"]')).toHaveText(
      'conda-env-foo-py (not installed)'
    );
    await expect(row('b.ipynb').locator('[data-column="pairing"]')).toHaveText(
      'not paired'
    );
    await expect(
      row('sub/c.ipynb').locator('[data-column="kernel"]')
    ).toHaveText('(none)');
    await expect(
      row('sub/c.ipynb').locator('[data-column="problems"]')
    ).toContainText('"authors/0/name" is missing');
    await expect(row('locked.ipynb')).toContainText('Read-only');
    await expect(row('broken.ipynb')).toContainText('Not a valid notebook');
    await expect(row('broken.ipynb')).toContainText('It is not valid JSON');
    await expect(row('open.ipynb')).toContainText('Open, unsaved changes');

    // A key as a column; the filter; sorting by it.
    await report.getByLabel('Key column').fill('course');
    await report.getByRole('button', { name: 'Add column' }).click();
    await expect(
      row('b.ipynb').locator('[data-column="key:course"]')
    ).toHaveText('STAT-202');
    await report.getByLabel('Filter').fill('not installed');
    await expect(
      report.locator('tr.jp-NotebookMetadata-folderRow')
    ).toHaveCount(3);
    await report.getByLabel('Filter').fill('');
    await report.getByRole('button', { name: 'course' }).click();
    await report.getByRole('button', { name: 'course ▲' }).click();
    await expect(
      report.locator('tr.jp-NotebookMetadata-folderRow').first()
    ).toHaveAttribute('data-path', at('b.ipynb'));

    // Bad input is refused next to its field, nothing previewed.
    const fix = report.getByRole('form', { name: 'Batch fix' });
    await fix.getByLabel('Fix', { exact: true }).selectOption('set');
    await fix.getByLabel('Key or JSON pointer').fill('title');
    await fix.getByLabel('Value (JSON)').fill('{oops');
    await fix.getByRole('button', { name: 'Preview' }).click();
    await expect(fix.getByRole('alert')).toContainText('JSON');
    await expect(report.getByRole('region', { name: 'Preview' })).toHaveCount(
      0
    );
    // A value the sections refuse: each notebook says why.
    await fix.getByLabel('Value (JSON)').fill('5');
    await fix.getByRole('button', { name: 'Preview' }).click();
    const preview = report.getByRole('region', { name: 'Preview' });
    await expect(
      preview.locator(`li[data-path="${at('b.ipynb')}"]`)
    ).toHaveAttribute('data-status', 'refused');
    await expect(
      preview.locator(`li[data-path="${at('b.ipynb')}"]`)
    ).toContainText('/title must be string');
    await expect(
      preview.getByRole('button', { name: 'Apply to 0 notebooks' })
    ).toBeDisabled();

    // The kernel fix: the preview shows each file's before and after.
    await fix.getByLabel('Fix', { exact: true }).selectOption('kernel');
    await fix.getByLabel('Kernel', { exact: true }).selectOption('python3');
    await fix.getByRole('button', { name: 'Preview' }).click();
    const status = (name: string) =>
      preview.locator(`li[data-path="${at(name)}"]`);
    await expect(status('b.ipynb')).toHaveAttribute('data-status', 'change');
    await expect(status('b.ipynb')).toContainText('"name":"conda-env-foo-py"');
    await expect(status('b.ipynb')).toContainText('"name":"python3"');
    await expect(status('a.ipynb')).toHaveAttribute('data-status', 'same');
    await expect(status('sub/c.ipynb')).toHaveAttribute(
      'data-status',
      'change'
    );
    await expect(status('open.ipynb')).toHaveAttribute('data-status', 'change');
    await expect(status('locked.ipynb')).toHaveAttribute(
      'data-status',
      'excluded'
    );
    await expect(status('locked.ipynb')).toContainText('read-only');
    await expect(status('broken.ipynb')).toHaveAttribute(
      'data-status',
      'excluded'
    );
    await expect(status('z-racy.ipynb')).toHaveAttribute(
      'data-status',
      'change'
    );
    // Nothing is written by a preview.
    for (const name of names) {
      expect(bytesOf(at(name))).toBe(original[name]);
    }

    // Another program writes z-racy.ipynb as the batch reads it again.
    const racy = notebookWith({
      kernelspec: { name: 'julia-1.10', display_name: 'Julia 1.10' }
    });
    const racyText = JSON.stringify(racy, null, 2);
    await lab.page.route(
      url => url.pathname.endsWith(`/api/contents/${at('z-racy.ipynb')}`),
      async route => {
        if (route.request().method() === 'GET') {
          fs.writeFileSync(path.join(labRoot, at('z-racy.ipynb')), racyText);
        }
        await route.continue();
      }
    );
    await preview.getByRole('button', { name: 'Apply to 4 notebooks' }).click();
    const results = report.getByRole('region', { name: 'Results' });
    const result = (name: string) =>
      results.locator(`tr[data-path="${at(name)}"]`);
    await expect(result('b.ipynb')).toHaveAttribute('data-outcome', 'done');
    await expect(result('sub/c.ipynb')).toHaveAttribute('data-outcome', 'done');
    await expect(result('open.ipynb')).toHaveAttribute('data-outcome', 'done');
    await expect(result('open.ipynb')).toContainText('open notebook');
    await expect(result('z-racy.ipynb')).toHaveAttribute(
      'data-outcome',
      'skipped'
    );
    await expect(result('z-racy.ipynb')).toHaveAttribute(
      'data-state',
      'before'
    );
    await expect(result('z-racy.ipynb')).toContainText('changed on disk');
    await lab.page.unrouteAll();

    // On disk: only the metadata of b and c changed, their other bytes
    // are the same; every other file is as it was.
    for (const name of ['b.ipynb', 'sub/c.ipynb']) {
      const text = bytesOf(at(name));
      expect(withoutMetadata(text)).toBe(withoutMetadata(original[name]));
      const before = JSON.parse(original[name]);
      const after = JSON.parse(text);
      expect(after.metadata).toEqual({
        ...before.metadata,
        kernelspec: { ...before.metadata.kernelspec, ...PYTHON_KERNELSPEC }
      });
      expect(after.cells).toEqual(before.cells);
    }
    for (const name of [
      'a.ipynb',
      'locked.ipynb',
      'broken.ipynb',
      'open.ipynb'
    ]) {
      expect(bytesOf(at(name))).toBe(original[name]);
    }
    expect(bytesOf(at('z-racy.ipynb'))).toBe(racyText);
    // The open notebook: changed in its model, its cell edit kept, unsaved.
    expect(await openState(lab, at('open.ipynb'))).toEqual({
      kernelspec: PYTHON_KERNELSPEC,
      source: 'edited = 1',
      dirty: true
    });
    // One undo step there, which leaves the cell edit.
    await historyStep(lab, at('open.ipynb'), 'undo');
    expect((await openState(lab, at('open.ipynb')))?.kernelspec).toEqual(
      oldOpenSpec
    );
    expect((await openState(lab, at('open.ipynb')))?.source).toBe('edited = 1');
    await historyStep(lab, at('open.ipynb'), 'redo');
    expect((await openState(lab, at('open.ipynb')))?.kernelspec).toEqual(
      PYTHON_KERNELSPEC
    );

    // Undo, file by file: c alone first, then the rest.
    await results
      .getByRole('button', { name: `Undo ${at('sub/c.ipynb')}` })
      .click();
    await expect(result('sub/c.ipynb')).toContainText('Restored');
    expect(bytesOf(at('sub/c.ipynb'))).toBe(original['sub/c.ipynb']);
    expect(bytesOf(at('b.ipynb'))).not.toBe(original['b.ipynb']);
    await results
      .getByRole('button', { name: /^Undo the batch \(2 files\)$/ })
      .click();
    await expect(result('b.ipynb')).toContainText('Restored');
    await expect(result('open.ipynb')).toContainText(
      'Undone in the open notebook'
    );
    // Every file as before the batch, byte for byte (z-racy as the other
    // program wrote it); the open notebook's model as before, cell edit kept.
    for (const name of names.filter(n => n !== 'z-racy.ipynb')) {
      expect(bytesOf(at(name))).toBe(original[name]);
    }
    expect(bytesOf(at('z-racy.ipynb'))).toBe(racyText);
    expect(await openState(lab, at('open.ipynb'))).toEqual({
      kernelspec: oldOpenSpec,
      source: 'edited = 1',
      dirty: true
    });

    // A row opens its notebook with the panel.
    await row('sub/c.ipynb')
      .getByRole('button', { name: at('sub/c.ipynb') })
      .click();
    await expect.poll(() => lab.currentPath()).toBe(at('sub/c.ipynb'));
    await expect(lab.page.locator('#jp-notebook-metadata')).toBeVisible();
  } finally {
    unlock();
  }
});

test('the folder report from the palette: the file browser folder, a pairing set and removed', async ({
  lab
}) => {
  const folder = uniqueName('folder-palette');
  writeNotebook(`${folder}/one.ipynb`, notebookWith({ title: 'One' }));
  writeNotebook(
    `${folder}/two.ipynb`,
    notebookWith({ title: 'Two', jupytext: { formats: 'ipynb,md' } })
  );
  // Paired by its folder's Jupytext config, not by its own metadata.
  writeNotebook(
    `${folder}/course/three.ipynb`,
    notebookWith({ title: 'Three' })
  );
  fs.writeFileSync(
    path.join(labRoot, folder, 'course', 'jupytext.toml'),
    'formats = "ipynb,py:percent"\n'
  );
  const one = bytesOf(`${folder}/one.ipynb`);
  const report = lab.page.locator('.jp-NotebookMetadata-folderReport');
  const pairing = (name: string) =>
    report.locator(`tr[data-path="${folder}/${name}"] [data-column="pairing"]`);
  await lab.page.evaluate(
    f =>
      (window as any).jupyterapp.commands.execute('filebrowser:go-to-path', {
        path: f
      }),
    folder
  );
  await lab.page.evaluate(() =>
    (window as any).jupyterapp.commands.execute(
      'apputils:activate-command-palette'
    )
  );
  await lab.page.keyboard.type('Notebook Metadata Report');
  await lab.page
    .locator('.lm-CommandPalette-item', {
      hasText: 'Notebook Metadata Report of the Current Folder'
    })
    .click();
  await expect(report.locator('tr.jp-NotebookMetadata-folderRow')).toHaveCount(
    3
  );
  await expect(pairing('one.ipynb')).toHaveText('not paired');
  await expect(pairing('two.ipynb')).toHaveText('ipynb,md');
  await expect(pairing('course/three.ipynb')).toHaveText(
    `ipynb,py:percent (from ${folder}/course/jupytext.toml)`
  );
  const fix = report.getByRole('form', { name: 'Batch fix' });
  await fix.getByLabel('Fix', { exact: true }).selectOption('pair');
  await fix.getByLabel('Formats').fill('py:percent');
  await fix.getByRole('button', { name: 'Preview' }).click();
  await expect(fix.getByRole('alert')).toContainText(
    'must include the notebook'
  );
  await fix.getByLabel('Formats').fill('ipynb,py:percent');
  await fix.getByRole('button', { name: 'Preview' }).click();
  await report.getByRole('button', { name: 'Apply to 3 notebooks' }).click();
  const results = report.getByRole('region', { name: 'Results' });
  await expect(results.locator('tr[data-outcome="done"]')).toHaveCount(3);
  const after = JSON.parse(bytesOf(`${folder}/one.ipynb`));
  expect(after.metadata).toEqual({
    title: 'One',
    jupytext: { formats: 'ipynb,py:percent' }
  });
  expect(withoutMetadata(bytesOf(`${folder}/one.ipynb`))).toBe(
    withoutMetadata(one)
  );
  await expect(pairing('two.ipynb')).toHaveText('ipynb,py:percent');
  await expect(pairing('course/three.ipynb')).toHaveText('ipynb,py:percent');
  // Remove the pairing: the `jupytext` key goes with its only entry; the
  // config's pairing shows again.
  await fix.getByLabel('Fix', { exact: true }).selectOption('unpair');
  await fix.getByRole('button', { name: 'Preview' }).click();
  await report.getByRole('button', { name: 'Apply to 3 notebooks' }).click();
  await expect(pairing('one.ipynb')).toHaveText('not paired');
  await expect(pairing('course/three.ipynb')).toHaveText(
    `ipynb,py:percent (from ${folder}/course/jupytext.toml)`
  );
  expect(JSON.parse(bytesOf(`${folder}/one.ipynb`)).metadata).toEqual({
    title: 'One'
  });
  expect(JSON.parse(bytesOf(`${folder}/two.ipynb`)).metadata).toEqual({
    title: 'Two'
  });
});

test('a write that fails midway: that file stays whole as before, the others are changed, and the report says which', async ({
  lab
}) => {
  const folder = uniqueName('folder-midway');
  const names = ['n1.ipynb', 'n2.ipynb', 'n3.ipynb'];
  for (const name of names) {
    writeNotebook(
      `${folder}/${name}`,
      notebookWith({ kernelspec: { name: 'old-kernel', display_name: 'Old' } })
    );
  }
  const original = Object.fromEntries(
    names.map(n => [n, bytesOf(`${folder}/${n}`)])
  );
  // The server refuses to write n2 (403: made read-only as its save is sent,
  // after the batch read it again): a real error of the server.
  lab.allowProblem(/HTTP 403: PUT .*\/n2\.ipynb/);
  lab.allowConsoleError(/Failed to load resource: .* status of 403/);
  const n2 = path.join(labRoot, folder, 'n2.ipynb');
  let unlock: (() => void) | null = null;
  try {
    await lab.page.route(
      url => url.pathname.endsWith(`/api/contents/${folder}/n2.ipynb`),
      async route => {
        if (route.request().method() === 'PUT' && !unlock) {
          unlock = makeReadOnly(n2);
        }
        await route.continue();
      }
    );
    await lab.page.evaluate(
      f =>
        (window as any).jupyterapp.commands.execute(
          'notebook-metadata:folder-report',
          { paths: [f] }
        ),
      folder
    );
    const report = lab.page.locator('.jp-NotebookMetadata-folderReport');
    await expect(
      report.locator('tr.jp-NotebookMetadata-folderRow')
    ).toHaveCount(3);
    const fix = report.getByRole('form', { name: 'Batch fix' });
    await fix.getByLabel('Kernel', { exact: true }).selectOption('python3');
    await fix.getByRole('button', { name: 'Preview' }).click();
    await report.getByRole('button', { name: 'Apply to 3 notebooks' }).click();
    const results = report.getByRole('region', { name: 'Results' });
    const result = (name: string) =>
      results.locator(`tr[data-path="${folder}/${name}"]`);
    await expect(result('n2.ipynb')).toHaveAttribute('data-outcome', 'failed');
    await expect(result('n2.ipynb')).toHaveAttribute('data-state', 'before');
    await expect(result('n2.ipynb')).toContainText('it is as it was');
    for (const name of ['n1.ipynb', 'n3.ipynb']) {
      await expect(result(name)).toHaveAttribute('data-outcome', 'done');
      await expect(result(name)).toHaveAttribute('data-state', 'after');
      const text = bytesOf(`${folder}/${name}`);
      expect(JSON.parse(text).metadata.kernelspec).toEqual(PYTHON_KERNELSPEC);
      expect(withoutMetadata(text)).toBe(withoutMetadata(original[name]));
    }
    expect(bytesOf(`${folder}/n2.ipynb`)).toBe(original['n2.ipynb']);
    await lab.page.unrouteAll();
    // The batch undone: the changed files back to their bytes.
    await results
      .getByRole('button', { name: /^Undo the batch \(2 files\)$/ })
      .click();
    await expect(result('n1.ipynb')).toContainText('Restored');
    await expect(result('n3.ipynb')).toContainText('Restored');
    for (const name of names) {
      expect(bytesOf(`${folder}/${name}`)).toBe(original[name]);
    }
  } finally {
    (unlock as (() => void) | null)?.();
  }
});
