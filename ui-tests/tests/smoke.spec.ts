/**
 * The smoke test: every section edits the notebook, an edit undoes and
 * redoes, and the save is on disk. It runs in every project: the lab and
 * Notebook 7 of the releases users install, and the oldest JupyterLab and
 * Notebook 7 the extension supports (playwright.config.ts).
 */
import {
  expect,
  notebookWith,
  PYTHON_KERNELSPEC,
  test,
  uniqueName,
  writeNotebook
} from './fixtures';

test('every section edits the notebook, undoes in its history, and saves', async ({
  lab
}) => {
  const name = writeNotebook(
    `${uniqueName('every-section')}.ipynb`,
    notebookWith({
      kernelspec: PYTHON_KERNELSPEC,
      title: 'Week 3',
      course: { code: 'STAT-201' }
    })
  );
  // With its kernel running, as a user has it (JupyterLab 4.1 starts it
  // whatever the kernel preference of docmanager:open says).
  await lab.openNotebook(name, true);
  await expect.poll(() => lab.runningKernel()).toBe('python3');
  await lab.openPanel();
  const panel = lab.panel;

  // Kernel (the running one kept: switching it is panel.spec.ts's), Notebook,
  // Jupytext, custom keys: one edit each.
  await panel
    .getByRole('combobox', { name: 'Kernel' })
    .selectOption('python3-second');
  const offer = panel.getByRole('group', { name: 'Switch the running kernel' });
  await offer.getByRole('button', { name: 'Keep running kernel' }).click();
  await expect(offer).toHaveCount(0);
  expect(await lab.runningKernel()).toBe('python3');
  await expect(panel.getByLabel('Display name')).toHaveValue(
    'Python 3 (second)'
  );
  await panel.getByLabel('Title').fill('Week 4');
  await panel.getByLabel('Title').press('Enter');
  await lab.openSection('Jupytext');
  await panel
    .getByLabel('Pair with')
    .selectOption({ label: 'Python script, percent format' });
  await panel.getByLabel('New key name').fill('grading');
  await panel.getByLabel('New key value (JSON)').fill('{"points": 10}');
  await panel.getByRole('button', { name: 'Add key' }).click();
  const edited = {
    kernelspec: {
      name: 'python3-second',
      display_name: 'Python 3 (second)',
      language: 'python'
    },
    title: 'Week 4',
    course: { code: 'STAT-201' },
    jupytext: { formats: 'ipynb,py:percent' },
    grading: { points: 10 }
  };
  /** The metadata, but what the notebook itself adds (language_info). */
  const metadata = async () => {
    const { language_info: _, ...rest } = await lab.appMetadata();
    return rest;
  };
  await expect.poll(metadata).toEqual(edited);

  // The last edit undoes and redoes through the notebook's history.
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByLabel('Value of grading (JSON)')).toHaveCount(0);
  const { grading: _, ...beforeAdding } = edited;
  await expect.poll(metadata).toEqual(beforeAdding);
  await panel.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(metadata).toEqual(edited);

  const { language_info: __, ...saved } = (await lab.saveAndRead(name))
    .metadata;
  expect(saved).toEqual(edited);
});
