/**
 * Files that move while the panel is open and a field is being edited:
 * renamed and moved, deleted on disk, changed on disk by another program,
 * closed with an unsaved draft, switched to read-only, kernel killed.
 * Nothing is written to the wrong notebook, nothing is lost, no page error.
 */
import fs from 'node:fs';
import path from 'node:path';

import {
  enter,
  COURSE_METADATA,
  expect,
  labRoot,
  type LabPage,
  notebookWith,
  readNotebook,
  test,
  uniqueName,
  writeNotebook
} from './fixtures';

/**
 * A notebook the test never edits, open in the background: at the end its
 * file is what it was and it has no unsaved change.
 */
async function bystander(lab: LabPage, folder: string) {
  const name = writeNotebook(
    `${folder}/bystander.ipynb`,
    notebookWith({ ...COURSE_METADATA, title: 'Bystander' })
  );
  const bytes = fs.readFileSync(path.join(labRoot, name));
  await lab.openNotebook(name);
  return {
    name,
    /** Its file is unchanged and it has no unsaved change. */
    async expectUntouched() {
      expect(fs.readFileSync(path.join(labRoot, name)).equals(bytes)).toBe(
        true
      );
      const dirty = await lab.page.evaluate(p => {
        const app = (window as any).jupyterapp;
        for (const widget of app.shell.widgets('main')) {
          if (widget.context?.path === p) {
            return widget.context.model.dirty as boolean;
          }
        }
        return null;
      }, name);
      expect(dirty === null || dirty === false).toBe(true);
    }
  };
}

/** The Title field of the panel. */
function titleField(lab: LabPage) {
  return lab.panel.getByLabel('Title', { exact: true });
}

/** Start typing a title: clear the field, type part of it, commit it. */
async function startTyping(lab: LabPage, text: string) {
  const title = titleField(lab);
  await title.fill('');
  await title.pressSequentially(text);
  // Enter commits what is typed; the focus stays in the field.
  await title.press('Enter');
  await expect.poll(async () => (await lab.appMetadata()).title).toBe(text);
  return title;
}

test('renamed and moved while a field is edited: the panel follows the new path and its paired-files preview', async ({
  lab
}) => {
  const folder = uniqueName('files-rename');
  const other = await bystander(lab, folder);
  const name = writeNotebook(
    `${folder}/paired.ipynb`,
    notebookWith({
      ...COURSE_METADATA,
      jupytext: { formats: 'ipynb,py:percent' }
    })
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  const preview = lab.panel.getByRole('list', { name: 'Paired files preview' });
  await expect(preview).toContainText(`${folder}/paired.py`);
  const title = await startTyping(lab, 'Wee');

  fs.mkdirSync(path.join(labRoot, folder, 'moved'));
  const moved = `${folder}/moved/renamed.ipynb`;
  await lab.page.evaluate(
    ({ from, to }) =>
      (window as any).jupyterapp.serviceManager.contents.rename(from, to),
    { from: name, to: moved }
  );
  await expect(lab.panel.locator('.jp-NotebookMetadata-path')).toHaveText(
    moved
  );
  await expect(preview).toContainText(`${folder}/moved/renamed.py`);
  await expect(preview).not.toContainText(`${folder}/paired.py`);
  await expect(title).toBeFocused();
  await title.pressSequentially('k 4');
  await expect(title).toHaveValue('Week 4');
  await title.press('Enter');

  const saved = await lab.saveAndRead(moved);
  expect(fs.existsSync(path.join(labRoot, name))).toBe(false);
  expect(saved.metadata).toEqual({
    ...COURSE_METADATA,
    title: 'Week 4',
    jupytext: { formats: 'ipynb,py:percent' }
  });
  await other.expectUntouched();
});

test('deleted on disk while a field is edited: a clear message, no write, and a save brings it back', async ({
  lab
}) => {
  const folder = uniqueName('files-deleted');
  const other = await bystander(lab, folder);
  const name = writeNotebook(
    `${folder}/doomed.ipynb`,
    notebookWith(COURSE_METADATA)
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  const title = await startTyping(lab, 'Wee');

  // Another program deletes the file; the user comes back to the page.
  fs.unlinkSync(path.join(labRoot, name));
  await lab.page.evaluate(() => window.dispatchEvent(new Event('focus')));
  const message = lab.panel.getByRole('alert').filter({
    hasText: 'is no longer on the server'
  });
  await expect(message).toContainText(name);
  await expect(title).toBeDisabled();
  // What was typed stays in the open notebook; nothing is written.
  await expect(title).toHaveValue('Wee');
  expect((await lab.appMetadata()).title).toBe('Wee');
  expect(
    await lab.page.evaluate(
      () =>
        (window as any).jupyterapp.shell.currentWidget.context.model.metadata
          .course
    )
  ).toEqual(COURSE_METADATA.course);
  expect(fs.existsSync(path.join(labRoot, name))).toBe(false);

  // Saving writes the file again (core asks the server for it first: that
  // request answers 404, as the file is gone).
  lab.allowProblem(/HTTP 404: GET .*\/api\/contents\/.*doomed\.ipynb/);
  lab.allowProblem(
    /console error: Failed to load resource: the server responded with a status of 404/
  );
  await lab.saveCurrent();
  await expect(message).toHaveCount(0);
  await expect(title).toBeEnabled();
  // Back in the field, at the end of what was typed.
  await title.focus();
  await title.press('End');
  await title.pressSequentially('k 4');
  await title.press('Enter');
  await expect.poll(async () => (await lab.appMetadata()).title).toBe('Week 4');
  expect((await lab.saveAndRead(name)).metadata).toEqual({
    ...COURSE_METADATA,
    title: 'Week 4'
  });
  await other.expectUntouched();
});

/** Another program writes the notebook on disk, later than the lab's copy. */
function changeOnDisk(name: string, metadata: Record<string, unknown>) {
  const file = path.join(labRoot, name);
  fs.writeFileSync(file, JSON.stringify(notebookWith(metadata), null, 1));
  // Clearly later than the lab's last save, whatever the clock's grain.
  const later = new Date(Date.now() + 60_000);
  fs.utimesSync(file, later, later);
}

/** Save through core, and answer its "File Changed" dialog. */
async function saveAndAnswer(lab: LabPage, answer: 'Revert' | 'Overwrite') {
  const saved = lab.page.evaluate(() =>
    (window as any).jupyterapp.shell.currentWidget.context.save()
  );
  const dialog = lab.page.locator('.jp-Dialog');
  await expect(dialog).toContainText('File Changed');
  await dialog.getByRole('button', { name: answer }).click();
  await saved;
}

test('changed on disk by another program, then Revert: the panel shows the file on disk', async ({
  lab
}) => {
  const folder = uniqueName('files-changed-revert');
  const other = await bystander(lab, folder);
  const name = writeNotebook(
    `${folder}/shared.ipynb`,
    notebookWith(COURSE_METADATA)
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  const title = await startTyping(lab, 'Mine');
  const theirs = { ...COURSE_METADATA, title: 'Theirs', from_disk: [1, 2] };
  changeOnDisk(name, theirs);

  await saveAndAnswer(lab, 'Revert');
  await expect(title).toHaveValue('Theirs');
  await expect(lab.panel.getByLabel('Name of key from_disk')).toBeVisible();
  expect(await lab.isDirty()).toBe(false);
  expect(readNotebook(name).metadata).toEqual(theirs);
  // The panel edits the reverted notebook as any other.
  await enter(title, 'Theirs, edited');
  expect((await lab.saveAndRead(name)).metadata).toEqual({
    ...theirs,
    title: 'Theirs, edited'
  });
  await other.expectUntouched();
});

test('changed on disk by another program, then Overwrite: the panel keeps what the user typed', async ({
  lab
}) => {
  const folder = uniqueName('files-changed-overwrite');
  const name = writeNotebook(
    `${folder}/shared.ipynb`,
    notebookWith(COURSE_METADATA)
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  const title = await startTyping(lab, 'Mine');
  changeOnDisk(name, { ...COURSE_METADATA, title: 'Theirs', from_disk: 1 });

  await saveAndAnswer(lab, 'Overwrite');
  await expect(title).toHaveValue('Mine');
  await expect(lab.panel.getByLabel('Name of key from_disk')).toHaveCount(0);
  expect(readNotebook(name).metadata).toEqual({
    ...COURSE_METADATA,
    title: 'Mine'
  });
});

test('closed while a field has an unsaved draft: what was valid is saved, the draft goes nowhere else', async ({
  lab
}) => {
  const folder = uniqueName('files-closed');
  const other = await bystander(lab, folder);
  const name = writeNotebook(
    `${folder}/closing.ipynb`,
    notebookWith(COURSE_METADATA)
  );
  const before = readNotebook(name);
  await lab.openNotebook(name);
  await lab.openPanel();
  await startTyping(lab, 'Typed before closing');
  // A value being typed, not valid JSON yet: it is a draft, never written.
  const course = lab.panel.getByLabel('Value of course (JSON)');
  await enter(course, '{"code": "STAT-');
  await expect(lab.panel.getByRole('alert')).toContainText('Invalid JSON');

  // Close it; core asks whether to save the unsaved changes.
  const closing = lab.page.evaluate(() =>
    (window as any).jupyterapp.commands.execute('application:close')
  );
  const dialog = lab.page.locator('.jp-Dialog');
  await expect(dialog).toContainText('Save your work');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await closing;

  // The panel now shows the notebook left open, with its own values.
  await expect(lab.panel.locator('.jp-NotebookMetadata-path')).toHaveText(
    other.name
  );
  await expect(titleField(lab)).toHaveValue('Bystander');
  await expect(lab.panel.getByLabel('Value of course (JSON)')).toHaveValue(
    JSON.stringify(COURSE_METADATA.course)
  );
  expect(readNotebook(name).metadata).toEqual({
    ...before.metadata,
    title: 'Typed before closing'
  });
  await other.expectUntouched();
});

test('switched to read-only while a field is edited: what was typed stays, nothing more is written until it is writable again', async ({
  lab
}) => {
  const folder = uniqueName('files-read-only');
  const name = writeNotebook(
    `${folder}/locked.ipynb`,
    notebookWith(COURSE_METADATA)
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  const title = await startTyping(lab, 'Wee');

  // As core does when the file turns out not to be writable (tests run as
  // root, for whom every file is writable, so the flag is set directly).
  const setReadOnly = (readOnly: boolean) =>
    lab.page.evaluate(value => {
      (window as any).jupyterapp.shell.currentWidget.context.model.readOnly =
        value;
    }, readOnly);
  await setReadOnly(true);
  await expect(lab.panel).toContainText('This notebook is read-only');
  await expect(title).toBeDisabled();
  await expect(title).toHaveValue('Wee');
  await expect(lab.panel.getByRole('button', { name: 'Add key' })).toHaveCount(
    0
  );
  expect((await lab.appMetadata()).title).toBe('Wee');

  await setReadOnly(false);
  await expect(title).toBeEnabled();
  // Back in the field, at the end of what was typed.
  await title.focus();
  await title.press('End');
  await title.pressSequentially('k 4');
  await expect(title).toHaveValue('Week 4');
  await title.press('Enter');
  expect((await lab.saveAndRead(name)).metadata).toEqual({
    ...COURSE_METADATA,
    title: 'Week 4'
  });
});

test('the kernel is killed while a field is edited: nothing typed is lost', async ({
  lab
}) => {
  // Notebook 7's debugger asks a kernel whether it can debug; when the kernel
  // dies with that request pending, core rejects the request's promise
  // unhandled. Core's, not ours, and only when the kernel is killed.
  lab.allowPageError(
    /Canceled future for debug_request message before replies were done/
  );
  const folder = uniqueName('files-kernel-killed');
  const name = writeNotebook(
    `${folder}/running.ipynb`,
    notebookWith(COURSE_METADATA)
  );
  await lab.openNotebook(name, true);
  await expect
    .poll(
      async () =>
        typeof ((await lab.appMetadata()).language_info as any)?.version,
      { timeout: 60_000 }
    )
    .toBe('string');
  await lab.openPanel();
  const title = await startTyping(lab, 'Wee');

  // The kernel tells its process id; another program kills it.
  const pidFile = path.join(labRoot, folder, 'kernel.pid');
  await lab.page.evaluate(async file => {
    const widget = (window as any).jupyterapp.shell.currentWidget;
    const kernel = widget.sessionContext.session.kernel;
    await kernel.requestExecute({
      code: `import os\nopen(${JSON.stringify(file)}, 'w').write(str(os.getpid()))`,
      store_history: false
    }).done;
  }, pidFile);
  process.kill(Number(fs.readFileSync(pidFile, 'utf-8')), 'SIGKILL');

  // Core tells the user; the server starts the kernel again.
  const dialog = lab.page.locator('.jp-Dialog');
  await expect(dialog).toContainText('Kernel Restarting', { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Ok' }).click();
  await title.focus();
  await title.press('End');
  await title.pressSequentially('k 4');
  await expect(title).toHaveValue('Week 4');
  await title.press('Enter');
  // The server has started the kernel's process again. Asked of the server:
  // the client's own status may stay "unknown" for over a minute while its
  // websocket reconnects (jupyter-server 2.21 with ipykernel 7), core's
  // concern and not what this test is about.
  const kernelId = await lab.page.evaluate(
    () =>
      (window as any).jupyterapp.shell.currentWidget.sessionContext.session
        ?.kernel?.id as string
  );
  await expect
    .poll(
      async () => {
        const response = await lab.page.request.get(`api/kernels/${kernelId}`);
        return response.ok()
          ? ((await response.json()) as { execution_state: string })
              .execution_state
          : `answered ${response.status()}`;
      },
      { timeout: 60_000 }
    )
    .toMatch(/^(starting|idle|busy)$/);
  await expect.poll(async () => (await lab.appMetadata()).title).toBe('Week 4');
  const saved = (await lab.saveAndRead(name)).metadata;
  expect(saved.title).toBe('Week 4');
  expect(saved.course).toEqual(COURSE_METADATA.course);
});
