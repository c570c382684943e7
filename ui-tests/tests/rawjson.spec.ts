/**
 * Raw JSON in the lab's own code editor: highlighted, searchable, problems
 * marked on their lines with a jump to them, Ctrl+Enter applies and Escape
 * discards; its text is built only while it is in view; a large custom
 * value is shown in the same editor and written once.
 */
import type { Locator } from '@playwright/test';

import {
  COURSE_METADATA,
  type LabPage,
  expect,
  notebookWith,
  shownJSON,
  test,
  uniqueName,
  writeNotebook
} from './fixtures';

/** Open a new notebook with `metadata`, the panel, and its raw JSON. */
async function openRawJson(
  lab: LabPage,
  prefix: string,
  metadata: Record<string, unknown>
): Promise<string> {
  const name = writeNotebook(
    `${uniqueName(prefix)}.ipynb`,
    notebookWith(metadata)
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  await lab.openSection('Raw JSON');
  return name;
}

/** The lines a code editor shows. */
async function shownLines(editor: Locator): Promise<string[]> {
  return (await editor.innerText()).split('\n');
}

test('raw JSON is the lab code editor: highlighted, searchable, Ctrl+Enter applies as one undo step, Escape discards', async ({
  lab
}) => {
  const name = await openRawJson(lab, 'raw-editor', COURSE_METADATA);
  const raw = lab.panel.getByLabel('Notebook metadata as JSON');
  await expect.poll(() => shownJSON(raw)).toEqual(COURSE_METADATA);
  // The lab's CodeMirror, with JSON's highlighting (property names and
  // strings in tokens of their own).
  await expect(
    lab.panel.locator('.jp-NotebookMetadata-raw .cm-editor')
  ).toHaveCount(1);
  await expect
    .poll(() =>
      raw.evaluate(node => node.querySelectorAll('.cm-line span[class]').length)
    )
    .toBeGreaterThan(5);

  // Search: the editor's own find panel.
  await raw.click();
  await lab.page.keyboard.press('Control+f');
  const find = lab.panel.locator('.cm-search').getByRole('textbox').first();
  await expect(find).toBeFocused();
  await find.fill('STAT');
  await find.press('Enter');
  await expect(lab.panel.locator('.cm-searchMatch').first()).toBeVisible();
  await find.press('Escape');
  await expect(lab.panel.locator('.cm-search')).toHaveCount(0);

  // Escape takes a draft back: the stored text again, nothing written.
  const edited = { ...COURSE_METADATA, course: { code: 'STAT-202' } };
  await raw.fill(JSON.stringify(edited, null, 2));
  await expect(
    lab.panel.getByRole('button', { name: 'Apply JSON' })
  ).toBeEnabled();
  await raw.press('Escape');
  await expect(raw).toBeFocused();
  await expect.poll(() => shownJSON(raw)).toEqual(COURSE_METADATA);
  await expect(
    lab.panel.getByRole('button', { name: 'Apply JSON' })
  ).toBeDisabled();
  expect(await lab.isDirty()).toBe(false);

  // Ctrl+Enter applies, as one undo step.
  await raw.fill(JSON.stringify(edited, null, 2));
  await raw.press('Control+Enter');
  await expect
    .poll(async () => (await lab.appMetadata()).course)
    .toEqual({ code: 'STAT-202' });
  await expect(
    lab.panel.getByRole('status').filter({ hasText: 'applied' })
  ).toBeVisible();
  await lab.panel.getByRole('button', { name: 'Undo' }).click();
  await expect
    .poll(async () => (await lab.appMetadata()).course)
    .toEqual(COURSE_METADATA.course);
  await expect.poll(() => shownJSON(raw)).toEqual(COURSE_METADATA);
  expect((await lab.saveAndRead(name)).metadata).toEqual(COURSE_METADATA);
});

test('problems in raw JSON are marked on their lines, with a jump to them, and never reach the notebook', async ({
  lab
}) => {
  const name = await openRawJson(lab, 'raw-problems', COURSE_METADATA);
  const raw = lab.panel.getByLabel('Notebook metadata as JSON');
  await expect.poll(() => shownJSON(raw)).toEqual(COURSE_METADATA);
  const apply = lab.panel.getByRole('button', { name: 'Apply JSON' });
  const marks = lab.panel.locator('.jp-NotebookMetadata-problemMark');

  await raw.fill('{\n  "title": "Week 3",\n  "tags": ,\n  "course": {}\n}');
  await apply.click();
  const alert = lab.panel.getByRole('alert');
  await expect(alert).toContainText('Invalid JSON at line 3');
  await expect(raw).toHaveAttribute('aria-invalid', 'true');
  // The mark is in the gutter, level with line 3.
  await expect(marks).toHaveCount(1);
  await expect(marks).toHaveAttribute('title', /Invalid JSON/);
  const markBox = (await marks.boundingBox())!;
  const lineBox = (await raw.locator('.cm-line').nth(2).boundingBox())!;
  expect(
    Math.abs(markBox.y + markBox.height / 2 - (lineBox.y + lineBox.height / 2))
  ).toBeLessThan(4);

  // The jump puts the cursor at the start of that line.
  await alert.getByRole('button', { name: 'Go to line 3' }).click();
  await expect(raw).toBeFocused();
  await lab.page.keyboard.type('9');
  expect((await shownLines(raw))[2]).toBe('9  "tags": ,');

  // A schema's refusal is marked on its key's line.
  await raw.fill(
    '{\n  "title": "Week 3",\n  "kernelspec": {\n    "display_name": "No name"\n  }\n}'
  );
  await apply.click();
  await expect(alert).toContainText('is required');
  await expect(
    alert.getByRole('button', { name: 'Go to line 3' })
  ).toBeVisible();
  await expect(marks).toHaveCount(1);

  // Typing clears the marks; nothing reached the notebook or the file.
  await raw.press('End');
  await lab.page.keyboard.type(' ');
  await expect(marks).toHaveCount(0);
  expect(await lab.appMetadata()).toEqual(COURSE_METADATA);
  expect((await lab.saveAndRead(name)).metadata).toEqual(COURSE_METADATA);
});

test('raw JSON is built only while in view, and always for the notebook shown', async ({
  lab
}) => {
  // Many keys: the raw JSON, last in the panel, is out of view at first.
  const many = (tag: string) => ({
    ...COURSE_METADATA,
    which: tag,
    ...Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`key-${i}`, { tag, i }])
    )
  });
  const first = many('first');
  const second = many('second');
  const other = writeNotebook(
    `${uniqueName('raw-second')}.ipynb`,
    notebookWith(second)
  );
  await openRawJson(lab, 'raw-first', first);
  const body = lab.panel.locator('.jp-NotebookMetadata-body');
  const container = lab.panel.locator('.jp-NotebookMetadata-raw');
  const raw = lab.panel.getByLabel('Notebook metadata as JSON');
  await container.scrollIntoViewIfNeeded();
  await expect.poll(() => shownJSON(raw)).toEqual(first);

  // Out of view, another notebook's text is not built: nothing is shown.
  await body.evaluate(node => (node.scrollTop = 0));
  await expect
    .poll(() =>
      container.evaluate(
        node => node.getBoundingClientRect().top > window.innerHeight
      )
    )
    .toBe(true);
  await lab.openNotebook(other);
  await expect(
    lab.panel.locator('.jp-NotebookMetadata-notebookName')
  ).toHaveText(other);
  await expect(container).toHaveAttribute('aria-busy', 'true');
  expect(await raw.innerText()).not.toContain('"first"');

  // In view, it is built for the notebook shown.
  await container.scrollIntoViewIfNeeded();
  await expect.poll(() => shownJSON(raw)).toEqual(second);
  await expect(container).toHaveAttribute('aria-busy', 'false');
});

test('a large custom value is shown in the code editor and written once, on blur', async ({
  lab
}) => {
  const dataset = Array.from({ length: 20_000 }, (_, i) => ({
    id: i,
    label: `record-${i}`
  }));
  const metadata = { ...COURSE_METADATA, dataset };
  const name = writeNotebook(
    `${uniqueName('large-value')}.ipynb`,
    notebookWith(metadata)
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  await lab.panel
    .getByRole('button', { name: 'Show value of dataset' })
    .click();
  const value = lab.panel.getByLabel('Value of dataset (JSON)');
  await expect(value).toBeFocused();
  await expect(
    lab.panel.locator('.jp-NotebookMetadata-keyRow .cm-editor')
  ).toHaveCount(1);
  // Only what is in view is drawn.
  expect(await value.locator('.cm-line').count()).toBeLessThan(500);
  expect((await shownLines(value))[0]).toBe('[');

  // Escape takes a draft back; blur writes it, once.
  await lab.page.keyboard.type('0');
  await value.press('Escape');
  expect((await shownLines(value))[0]).toBe('[');
  await value.fill('[1, 2]');
  expect(await lab.isDirty()).toBe(false);
  await value.press('Tab');
  await expect
    .poll(async () => (await lab.appMetadata()).dataset)
    .toEqual([1, 2]);
  await lab.panel.getByRole('button', { name: 'Undo' }).click();
  await expect
    .poll(async () => ((await lab.appMetadata()).dataset as unknown[]).length)
    .toBe(dataset.length);
  expect((await lab.saveAndRead(name)).metadata).toEqual(metadata);
});
