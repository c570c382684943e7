/**
 * One screen first: each heading says what its section holds; only the
 * sections with something set start open; Jupytext's format options fold
 * away; language info on one line; the header (the notebook's path once,
 * Undo and Redo) stays in view while the sections scroll.
 */
import {
  COURSE_METADATA,
  expect,
  notebookWith,
  test,
  uniqueName,
  writeNotebook
} from './fixtures';
import { sectionHeading } from './settings';

/** A small notebook: five short keys. */
const SMALL = {
  ...COURSE_METADATA,
  language_info: { name: 'python', version: '3.11.4', file_extension: '.py' }
};

/** The height of everything the panel shows, scrolled or not. */
async function panelHeight(lab: import('./fixtures').LabPage) {
  return lab.panel.evaluate(node => {
    const body = node.querySelector('.jp-NotebookMetadata-body')!;
    const title = node.querySelector('.jp-NotebookMetadata-title')!;
    return body.scrollHeight + title.getBoundingClientRect().height;
  });
}

test('a small notebook fits on one screen: summaries, open sections with content only', async ({
  lab
}, testInfo) => {
  const name = writeNotebook(
    `${uniqueName('small')}.ipynb`,
    notebookWith(SMALL)
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  // The sidebar at its default width.
  expect(
    Math.round((await lab.panel.boundingBox())!.width)
  ).toBeGreaterThanOrEqual(240);

  const summary = (title: string) =>
    sectionHeading(lab, title).locator('.jp-NotebookMetadata-sectionSummary');
  await expect(summary('Kernel')).toHaveText('Python 3 (ipykernel)');
  await expect(summary('Notebook')).toHaveText('Week 3');
  await expect(summary('Jupytext')).toHaveText('not paired');
  await expect(summary('Custom keys')).toHaveText('2');
  // The summary describes the heading; its name stays the title.
  await expect(sectionHeading(lab, 'Kernel')).toHaveAccessibleDescription(
    'Python 3 (ipykernel)'
  );

  const expanded = async (title: string) =>
    sectionHeading(lab, title).getAttribute('aria-expanded');
  expect(await expanded('Kernel')).toBe('true');
  expect(await expanded('Notebook')).toBe('true');
  expect(await expanded('Custom keys')).toBe('true');
  expect(await expanded('Jupytext')).toBe('false');
  expect(await expanded('Raw JSON')).toBe('false');

  // Language info on one line, its details folded.
  await expect(
    lab.panel.locator('.jp-NotebookMetadata-languageLine')
  ).toContainText('python · 3.11.4 · .py');
  await expect(
    lab.panel.locator('.jp-NotebookMetadata-languageInfo dl')
  ).toHaveCount(0);

  // The notebook's name once.
  await expect(lab.panel.locator('.jp-NotebookMetadata-path')).toHaveText(name);
  expect((await lab.panel.innerText()).split(name).length - 1).toBe(1);

  const height = await panelHeight(lab);
  testInfo.annotations.push({
    type: 'panel height',
    description: `${Math.round(height)} px for a notebook of five small keys`
  });
  console.log(`panel height, five small keys, default width: ${height} px`);
  expect(height).toBeLessThan(1100);

  // A closed section opens on a click and remembers it.
  await lab.openSection('Jupytext');
  await expect(lab.panel.getByLabel('Pair with')).toBeVisible();
  // Unpaired: no format options at all.
  await expect(
    lab.panel.getByRole('button', { name: 'Format options' })
  ).toHaveCount(0);
});

test('a paired notebook: Jupytext open, its format options folded under one line', async ({
  lab
}) => {
  const name = writeNotebook(
    `${uniqueName('paired')}.ipynb`,
    notebookWith({
      ...SMALL,
      jupytext: { formats: 'ipynb,py:percent', comment_magics: false }
    })
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  await expect(
    sectionHeading(lab, 'Jupytext').locator(
      '.jp-NotebookMetadata-sectionSummary'
    )
  ).toHaveText('paired with py:percent');
  const options = lab.panel.getByRole('button', { name: 'Format options' });
  await expect(options).toHaveAttribute('aria-expanded', 'false');
  await expect(options).toContainText('1 set');
  await expect(lab.panel.getByLabel('Comment magics')).toHaveCount(0);
  // What is looked for on the server is shown (nothing moves any more).
  await expect(
    lab.panel
      .getByRole('list', { name: 'Paired files preview' })
      .getByRole('listitem')
  ).toHaveText([`${name} exists`, /\.py not created yet$/]);
  await expect(
    lab.panel.getByRole('note', { name: 'What the text file keeps' })
  ).toBeVisible();
  await options.click();
  await expect(options).toHaveAttribute('aria-expanded', 'true');
  await expect(lab.panel.getByLabel('Comment magics')).toHaveValue('false');
});

test('the header stays in view while the sections scroll', async ({ lab }) => {
  const name = writeNotebook(
    `${uniqueName('scroll')}.ipynb`,
    notebookWith({
      ...SMALL,
      ...Object.fromEntries(
        Array.from({ length: 20 }, (_, i) => [`key_${i}`, [i, i + 1]])
      )
    })
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  const body = lab.panel.locator('.jp-NotebookMetadata-body');
  await body.evaluate(node => node.scrollTo(0, node.scrollHeight));
  await expect
    .poll(() => body.evaluate(node => node.scrollTop))
    .toBeGreaterThan(500);
  const header = lab.panel.locator('.jp-NotebookMetadata-header');
  const [bodyBox, headerBox] = [
    await body.boundingBox(),
    await header.boundingBox()
  ];
  expect(Math.abs(headerBox!.y - bodyBox!.y)).toBeLessThan(2);
  await expect(
    lab.panel.getByRole('button', { name: 'Undo' })
  ).toBeInViewport();
});
