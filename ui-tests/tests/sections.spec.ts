/**
 * Sections as registered schemas, in the real lab: sections declared in the
 * settings, added by another extension (examples/section-extension), read
 * from JupyterLab's own metadata forms; hidden and broken sections; open
 * sections kept; and values no section allows, kept as they are.
 */
import {
  enter,
  expect,
  notebookWith,
  PYTHON_KERNELSPEC,
  test,
  uniqueName,
  writeNotebook
} from './fixtures';
import {
  COURSE_SECTION,
  LISTY_MESSAGE,
  LISTY_SECTION,
  sectionBody,
  sectionHeading,
  setUserSettings
} from './settings';

/** JSON text with every object's keys sorted, as the server saves it. */
function sortedJSON(value: unknown): string {
  return JSON.stringify(value, (_, item) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.keys(item)
            .sort()
            .map(key => [key, item[key]])
        )
      : item
  );
}

test.describe('sections from settings', () => {
  test.afterEach(async ({ lab }) => {
    await setUserSettings(lab, {});
  });

  test('appear without a reload, write a validated nested value that undoes, and go with their metadata kept', async ({
    lab
  }) => {
    const name = writeNotebook(
      `${uniqueName('settings-section')}.ipynb`,
      notebookWith({
        kernelspec: PYTHON_KERNELSPEC,
        // Core itself adds language_info (and marks the notebook changed)
        // when it is missing.
        language_info: { name: 'python' },
        course: { code: 'STAT-201', room: 'B12' }
      })
    );
    await lab.openNotebook(name);
    await lab.openPanel();
    await expect(sectionHeading(lab, 'Course')).toHaveCount(0);

    await setUserSettings(lab, { sections: [COURSE_SECTION] });
    await expect(sectionHeading(lab, 'Course')).toBeVisible();
    // `course` is still a custom key: the section edits a value inside it.
    await expect(lab.panel.getByLabel('Name of key course')).toBeVisible();
    await expect(
      lab.panel.getByText('Parts of "course" are also edited in: Course.')
    ).toBeVisible();

    const week = sectionBody(lab, 'course').getByLabel('Week');
    await enter(week, '0');
    await expect(sectionBody(lab, 'course')).toContainText('must be >= 1');
    expect((await lab.appMetadata()).course).toEqual({
      code: 'STAT-201',
      room: 'B12'
    });
    expect(await lab.isDirty()).toBe(false);

    await enter(week, '3');
    await expect
      .poll(async () => (await lab.appMetadata()).course)
      .toEqual({ code: 'STAT-201', room: 'B12', week: 3 });
    await week.blur();

    await lab.panel.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(async () => (await lab.appMetadata()).course)
      .toEqual({ code: 'STAT-201', room: 'B12' });
    await lab.panel.getByRole('button', { name: 'Redo' }).click();
    await expect(week).toHaveValue('3');
    expect((await lab.saveAndRead(name)).metadata.course).toEqual({
      code: 'STAT-201',
      room: 'B12',
      week: 3
    });

    await setUserSettings(lab, {});
    await expect(sectionHeading(lab, 'Course')).toHaveCount(0);
    expect((await lab.appMetadata()).course).toEqual({
      code: 'STAT-201',
      room: 'B12',
      week: 3
    });
    await expect(
      lab.panel.getByText('Parts of "course" are also edited in')
    ).toHaveCount(0);
  });

  test('a broken section says what is wrong while the others work, and hidden sections go', async ({
    lab
  }) => {
    const name = writeNotebook(
      `${uniqueName('settings-broken')}.ipynb`,
      notebookWith({
        kernelspec: PYTHON_KERNELSPEC,
        jupytext: { formats: 'ipynb,py:percent' },
        course: { code: 'STAT-201' }
      })
    );
    await lab.openNotebook(name);
    await lab.openPanel();
    await setUserSettings(lab, {
      sections: [
        COURSE_SECTION,
        LISTY_SECTION,
        {
          id: 'kernel-env',
          label: 'Kernel environment',
          schema: {
            type: 'object',
            properties: { '/kernelspec/env': { type: 'object' } }
          }
        },
        {
          id: 'typo',
          label: 'Typo',
          schema: {
            type: 'object',
            properties: { grade: { type: 'strng' } }
          }
        }
      ],
      hiddenSections: ['jupytext', 'notebook']
    });

    const alerts = lab.panel.getByRole('alert');
    await expect(
      alerts.filter({
        hasText:
          'The section "Listy" (declared in the settings, id "listy") cannot be shown'
      })
    ).toContainText(LISTY_MESSAGE);
    await expect(
      alerts.filter({ hasText: 'The section "Kernel environment"' })
    ).toContainText(
      'Its field "/kernelspec/env" overlaps the field "kernelspec" of the section "Kernel", which edits it.'
    );
    await expect(
      alerts.filter({ hasText: 'The section "Typo"' })
    ).toContainText('Its schema is not a valid JSON schema');

    // Hidden: no Jupytext or Notebook section; `jupytext` is a custom key.
    await expect(sectionHeading(lab, 'Jupytext')).toHaveCount(0);
    await expect(sectionHeading(lab, 'Notebook')).toHaveCount(0);
    await expect(lab.panel.getByLabel('Name of key jupytext')).toBeVisible();

    // The rest works.
    await enter(sectionBody(lab, 'course').getByLabel('Week'), '2');
    await expect
      .poll(async () => (await lab.appMetadata()).course)
      .toEqual({ code: 'STAT-201', week: 2 });
    const saved = (await lab.saveAndRead(name)).metadata;
    expect(saved.course).toEqual({ code: 'STAT-201', week: 2 });
    expect(saved.jupytext).toEqual({ formats: 'ipynb,py:percent' });
    expect(saved.kernelspec).toEqual(PYTHON_KERNELSPEC);
  });
});

test('the example extension adds a Review section whose custom widget writes the status', async ({
  lab
}) => {
  const name = writeNotebook(
    `${uniqueName('review')}.ipynb`,
    notebookWith({ kernelspec: PYTHON_KERNELSPEC, tags: ['x'] })
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  await expect(sectionHeading(lab, 'Review')).toBeVisible();
  // Nothing of it set yet: it starts closed.
  await lab.openSection('Review');
  const review = sectionBody(lab, 'example:review');
  await expect(review).toContainText('Where the notebook stands in review.');
  const status = review.getByRole('radiogroup', { name: 'Status' });
  await status.getByRole('radio', { name: 'In review' }).click();
  await expect(
    status.getByRole('radio', { name: 'In review' })
  ).toHaveAttribute('aria-checked', 'true');
  await expect
    .poll(async () => (await lab.appMetadata()).review)
    .toEqual({ status: 'in-review' });

  // The schema still rules: a reviewer of one letter is refused.
  const reviewer = review.getByLabel('Reviewer');
  await enter(reviewer, 'A');
  await expect(review).toContainText('must NOT have fewer than 2 characters');
  await enter(reviewer, 'Ada');
  await expect
    .poll(async () => (await lab.appMetadata()).review)
    .toEqual({ status: 'in-review', reviewer: 'Ada' });
  const saved = (await lab.saveAndRead(name)).metadata;
  expect(saved.review).toEqual({ status: 'in-review', reviewer: 'Ada' });
  expect(saved.kernelspec).toEqual(PYTHON_KERNELSPEC);
  expect(saved.tags).toEqual(['x']);
});

test("JupyterLab's notebook-level metadata form field writes only its nested path", async ({
  lab
}) => {
  const name = writeNotebook(
    `${uniqueName('toc')}.ipynb`,
    notebookWith({
      kernelspec: PYTHON_KERNELSPEC,
      toc: { number_sections: true, base_numbering: 1 }
    })
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  await expect(sectionHeading(lab, 'Table of contents')).toBeVisible();
  const common = sectionBody(lab, 'metadataforms:commonToolsSection');
  await expect(common).toContainText(
    'Notebook fields of JupyterLab\'s "Common Tools" form.'
  );
  const base = common.getByLabel('Table of content - Base number');
  await expect(base).toHaveValue('1');
  await enter(base, '4');
  await expect
    .poll(async () => (await lab.appMetadata()).toc)
    .toEqual({ number_sections: true, base_numbering: 4 });
  await enter(base, '4.5');
  await expect(common).toContainText('must be integer');
  expect((await lab.appMetadata()).toc).toEqual({
    number_sections: true,
    base_numbering: 4
  });
  expect((await lab.saveAndRead(name)).metadata.toc).toEqual({
    number_sections: true,
    base_numbering: 4
  });
});

test('open and closed sections are kept across a switch and a reload', async ({
  lab
}) => {
  const first = writeNotebook(
    `${uniqueName('state-a')}.ipynb`,
    notebookWith({ kernelspec: PYTHON_KERNELSPEC })
  );
  const second = writeNotebook(
    `${uniqueName('state-b')}.ipynb`,
    notebookWith({ kernelspec: PYTHON_KERNELSPEC })
  );
  await lab.openNotebook(first);
  await lab.openPanel();
  const kernel = sectionHeading(lab, 'Kernel');
  const raw = sectionHeading(lab, 'Raw JSON');
  await expect(kernel).toHaveAttribute('aria-expanded', 'true');
  await expect(raw).toHaveAttribute('aria-expanded', 'false');
  await kernel.click();
  await raw.click();
  await expect(kernel).toHaveAttribute('aria-expanded', 'false');
  await expect(raw).toHaveAttribute('aria-expanded', 'true');

  await lab.openNotebook(second);
  await expect(
    lab.panel.locator('.jp-NotebookMetadata-notebookName')
  ).toHaveText(second);
  await expect(kernel).toHaveAttribute('aria-expanded', 'false');
  await expect(raw).toHaveAttribute('aria-expanded', 'true');

  // The state database saves into the workspace as it goes; a reload
  // restores it.
  await expect
    .poll(() =>
      lab.page.evaluate(async workspace => {
        const app = (window as any).jupyterapp;
        const saved = await app.serviceManager.workspaces.fetch(workspace);
        return saved.data['jupyterlab-notebook-metadata:plugin:sections'];
      }, lab.workspace)
    )
    .toEqual({ open: { kernel: false, raw: true } });
  await lab.page.reload();
  await lab.page.waitForFunction(() => (window as any).jupyterapp);
  await lab.page.evaluate(() => (window as any).jupyterapp.restored);
  await lab.openNotebook(first);
  await lab.openPanel();
  await expect(kernel).toHaveAttribute('aria-expanded', 'false');
  await expect(raw).toHaveAttribute('aria-expanded', 'true');
  await kernel.click();
  await raw.click();
});

test('values no section allows are shown, flagged, and kept byte for byte while other fields are edited', async ({
  lab
}) => {
  const odd = {
    kernelspec: { name: 42, display_name: ['Python'], language: 'python' },
    language_info: { name: 'python' },
    title: 12,
    authors: { name: 'Ada' },
    review: { status: 'bogus', reviewer: 'Grace' },
    toc: { base_numbering: 'two' },
    jupytext: 'ipynb,py'
  };
  const name = writeNotebook(`${uniqueName('odd')}.ipynb`, notebookWith(odd));
  await lab.openNotebook(name);
  await lab.openPanel();

  // Out of the enum: shown as it is, as an option of its own, flagged.
  const review = sectionBody(lab, 'example:review');
  await expect(review.getByRole('radio', { checked: true })).toHaveText(
    '"bogus" (stored, not a choice)'
  );
  await expect(review).toContainText(
    'must be one of: "draft", "in-review", "approved"'
  );
  const common = sectionBody(lab, 'metadataforms:commonToolsSection');
  // Of the wrong type: shown as JSON, with a note, flagged.
  await expect(common.getByLabel('Table of content - Base number')).toHaveValue(
    '"two"'
  );
  await expect(common).toContainText(
    'This value is not an integer as the section expects'
  );
  await expect(common).toContainText('must be integer');
  // Misshapen values are shown as JSON, with a note.
  await expect(
    lab.panel.getByText('This value is not a list as the section expects')
  ).toBeVisible();
  await expect(sectionBody(lab, 'kernel')).toContainText(
    'Part of this value is not as the section expects (/name is not a string)'
  );
  await expect(sectionBody(lab, 'jupytext')).toContainText(
    'This value is not an object as the section expects'
  );

  // Focus and leave every field of the panel: nothing is written.
  await lab.page.evaluate(async () => {
    const panel = document.getElementById('jp-notebook-metadata')!;
    for (const field of Array.from(
      panel.querySelectorAll<HTMLElement>('input, select, textarea')
    )) {
      field.focus();
      await new Promise(resolve => requestAnimationFrame(resolve));
      field.blur();
    }
  });
  expect(await lab.isDirty()).toBe(false);

  // Edit a sibling of the value out of the enum: only the sibling changes.
  await enter(review.getByLabel('Reviewer'), 'Grace Hopper');
  await expect
    .poll(async () => (await lab.appMetadata()).review)
    .toEqual({ status: 'bogus', reviewer: 'Grace Hopper' });
  const saved = (await lab.saveAndRead(name)).metadata;
  // The server writes keys sorted: compare in that form.
  for (const key of ['kernelspec', 'title', 'authors', 'toc', 'jupytext']) {
    expect(sortedJSON(saved[key])).toBe(
      sortedJSON((odd as Record<string, unknown>)[key])
    );
  }
  expect(saved.review).toEqual({ status: 'bogus', reviewer: 'Grace Hopper' });
});
