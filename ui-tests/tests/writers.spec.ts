/**
 * Two writers at once in the real lab: the kernel writes `language_info`
 * (and core `kernelspec`) while the user types in a panel field.
 */
import {
  expect,
  notebookWith,
  PYTHON_KERNELSPEC,
  test,
  uniqueName,
  writeNotebook
} from './fixtures';

/** What the user types while the kernel starts, a character at a time. */
const TYPING =
  'trees, forests and the bias-variance trade-off, explained slowly and with many examples from the course notes';

test('the kernel writes language_info while the user types a title: nothing typed is lost', async ({
  lab
}) => {
  const name = writeNotebook(
    `${uniqueName('kernel-while-typing')}.ipynb`,
    notebookWith({
      kernelspec: PYTHON_KERNELSPEC,
      language_info: { name: 'python' },
      title: 'Week 3',
      tags: ['regression']
    })
  );
  await lab.openNotebook(name);
  await lab.openPanel();
  const title = lab.panel.getByLabel('Title', { exact: true });
  await title.fill('');
  await title.pressSequentially('Week 4: ');

  // The kernel starts now; its language_info arrives while the user types.
  await lab.page.evaluate(() => {
    const widget = (window as any).jupyterapp.shell.currentWidget;
    void widget.sessionContext.changeKernel({ name: 'python3' });
  });
  let typed = '';
  const kernelWrote = async () =>
    typeof ((await lab.appMetadata()).language_info as any)?.version ===
    'string';
  for (const char of TYPING) {
    await title.pressSequentially(char);
    typed += char;
    if (await kernelWrote()) {
      break;
    }
  }
  await expect.poll(kernelWrote, { timeout: 60_000 }).toBe(true);
  await title.pressSequentially(' (end)');
  const expected = `Week 4: ${typed} (end)`;

  await expect(title).toHaveValue(expected);
  // The kernel's write did not touch the draft; Enter commits it.
  await title.press('Enter');
  await expect.poll(async () => (await lab.appMetadata()).title).toBe(expected);
  const metadata = await lab.appMetadata();
  expect((metadata.language_info as any).name).toBe('python');
  expect(metadata.tags).toEqual(['regression']);
  // The kernel's language_info is shown, and no undo step of the panel's.
  await expect(
    lab.panel.locator('.jp-NotebookMetadata-languageInfo')
  ).toContainText((metadata.language_info as any).version);

  // The typing is one undo step, and undoing it keeps the kernel's write.
  await title.blur();
  await lab.panel.getByRole('button', { name: 'Undo' }).click();
  await expect(title).toHaveValue('Week 3');
  expect((await lab.appMetadata()).language_info).toEqual(
    metadata.language_info
  );
  await lab.panel.getByRole('button', { name: 'Redo' }).click();
  await expect(title).toHaveValue(expected);

  const saved = (await lab.saveAndRead(name)).metadata;
  expect(saved.title).toBe(expected);
  expect(saved.language_info).toEqual(metadata.language_info);
  expect(saved.tags).toEqual(['regression']);
});
