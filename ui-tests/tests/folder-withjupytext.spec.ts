/**
 * The folder report beside real Jupytext (its contents manager on the
 * server): a paired notebook is saved as a notebook, so that Jupytext writes
 * its paired script too; an unpaired one gets only its metadata changed in
 * its text. Runs in the `jupytext-lab` project only (its file name matches
 * the project's pattern).
 */
import fs from 'node:fs';
import path from 'node:path';

import {
  expect,
  labRoot,
  notebookWith,
  PAIRABLE_METADATA,
  PYTHON_KERNELSPEC,
  test,
  uniqueName,
  writeNotebook
} from './fixtures';

/** The text of a file in the served folder. */
function bytesOf(name: string): string {
  return fs.readFileSync(path.join(labRoot, name), 'utf-8');
}

test('with Jupytext: a kernel fix writes the paired script too, and its undo puts both back', async ({
  lab
}) => {
  const folder = uniqueName('folder-jupytext');
  const oldSpec = {
    name: 'conda-env-foo-py',
    display_name: 'Python [conda env:foo]',
    language: 'python'
  };
  writeNotebook(
    `${folder}/paired.ipynb`,
    notebookWith({
      ...PAIRABLE_METADATA,
      kernelspec: oldSpec,
      jupytext: { formats: 'ipynb,py:percent' }
    })
  );
  writeNotebook(
    `${folder}/alone.ipynb`,
    notebookWith({ ...PAIRABLE_METADATA, kernelspec: oldSpec })
  );
  const alone = bytesOf(`${folder}/alone.ipynb`);
  await lab.page.evaluate(
    f =>
      (window as any).jupyterapp.commands.execute(
        'notebook-metadata:folder-report',
        { paths: [f] }
      ),
    folder
  );
  const report = lab.page.locator('.jp-NotebookMetadata-folderReport');
  await expect(report.locator('tr.jp-NotebookMetadata-folderRow')).toHaveCount(
    2
  );
  const fix = report.getByRole('form', { name: 'Batch fix' });
  await fix.getByLabel('Kernel', { exact: true }).selectOption('python3');
  await fix.getByRole('button', { name: 'Preview' }).click();
  await report.getByRole('button', { name: 'Apply to 2 notebooks' }).click();
  const results = report.getByRole('region', { name: 'Results' });
  const paired = results.locator(`tr[data-path="${folder}/paired.ipynb"]`);
  await expect(paired).toHaveAttribute('data-outcome', 'done');
  await expect(paired).toContainText('saved through Jupytext');
  await expect(
    results.locator(`tr[data-path="${folder}/alone.ipynb"]`)
  ).toHaveAttribute('data-outcome', 'done');

  // The paired notebook and its script both name the new kernel.
  const script = `${folder}/paired.py`;
  expect(
    JSON.parse(bytesOf(`${folder}/paired.ipynb`)).metadata.kernelspec
  ).toEqual(PYTHON_KERNELSPEC);
  expect(bytesOf(script)).toContain('name: python3');
  expect(bytesOf(script)).toContain('print("hello")');
  // The unpaired one: only its metadata changed, no script written.
  const aloneText = bytesOf(`${folder}/alone.ipynb`);
  expect(JSON.parse(aloneText).metadata.kernelspec).toEqual(PYTHON_KERNELSPEC);
  expect(JSON.parse(aloneText).cells).toEqual(JSON.parse(alone).cells);
  expect(fs.existsSync(path.join(labRoot, folder, 'alone.py'))).toBe(false);

  // Undone: the script is written again with the old kernel.
  await results.getByRole('button', { name: /^Undo the batch/ }).click();
  await expect(paired).toContainText('Restored');
  expect(
    JSON.parse(bytesOf(`${folder}/paired.ipynb`)).metadata.kernelspec
  ).toEqual(oldSpec);
  expect(bytesOf(script)).toContain('name: conda-env-foo-py');
  expect(bytesOf(`${folder}/alone.ipynb`)).toBe(alone);
});
