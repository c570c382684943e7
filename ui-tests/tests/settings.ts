/**
 * The panel's settings, written as a user writes them, in JupyterLab's
 * Advanced Settings Editor (the JSON editor of the user's preferences), for
 * the tests of the Settings Editor itself; or through the app's setting
 * registry (the settings REST API), for every other test.
 */
import { expect, type LabPage } from './fixtures';

/** The id of the extension's settings plugin. */
export const PLUGIN_ID = 'jupyterlab-notebook-metadata:plugin';

/** A section declared in the settings: one nested field, `/course/week`. */
export const COURSE_SECTION = {
  id: 'course',
  label: 'Course',
  rank: 15,
  schema: {
    type: 'object',
    properties: {
      '/course/week': { type: 'integer', title: 'Week', minimum: 1 }
    }
  }
};

/** A section declared in the settings whose schema cannot be shown. */
export const LISTY_SECTION = {
  id: 'listy',
  label: 'Listy',
  schema: { type: 'array', items: { type: 'string' } }
};

/** What the panel says of LISTY_SECTION. */
export const LISTY_MESSAGE =
  'Its schema must be of type "object", not "array".';

/** A section heading's toggle button in the panel. */
export function sectionHeading(lab: LabPage, label: string) {
  // Named by its title alone; its summary is its description.
  return lab.panel
    .locator('.jp-NotebookMetadata-sectionToggle')
    .and(lab.panel.getByRole('button', { name: label, exact: true }));
}

/** The content of the section with this id. */
export function sectionBody(lab: LabPage, id: string) {
  return lab.panel.locator(
    `section[data-section="${id}"] .jp-NotebookMetadata-sectionContent`
  );
}

/**
 * Replace the user's settings of the panel with `settings` through the app's
 * setting registry, which saves them with the settings REST API and tells the
 * plugins of the page at once.
 */
export async function putSettings(
  lab: LabPage,
  settings: Record<string, unknown>
): Promise<void> {
  await lab.page.evaluate(
    async ({ id, raw }) => {
      const registry = await (window as any).galata.getPlugin(
        '@jupyterlab/apputils-extension:settings'
      );
      await registry.upload(id, raw);
    },
    { id: PLUGIN_ID, raw: JSON.stringify(settings, null, 2) }
  );
}

/**
 * Replace the user's settings of the panel with `settings` in the Advanced
 * Settings Editor, save them, close the editor, and give the focus back to
 * the notebook.
 */
export async function setUserSettings(
  lab: LabPage,
  settings: Record<string, unknown>
): Promise<void> {
  const page = lab.page;
  await lab.command('settingeditor:open-json');
  await page
    .locator(`.jp-PluginList-entry[data-id="${PLUGIN_ID}"]`)
    .first()
    .click();
  const user = page.locator('.jp-SettingsRawEditor-user .cm-content');
  await expect(user).toBeVisible();
  const wanted = JSON.stringify(settings, null, 2);
  const same = (text: string) =>
    text.replace(/\s+/g, '') === wanted.replace(/\s+/g, '');
  if (!same(await user.innerText())) {
    await writeAndSave(lab, wanted);
  }
  await closeSettingsEditor(lab);
}

/** Type the user's settings into the editor, and save them. */
async function writeAndSave(lab: LabPage, text: string): Promise<void> {
  const page = lab.page;
  const user = page.locator('.jp-SettingsRawEditor-user .cm-content');
  await user.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  const saved = page.waitForResponse(
    response =>
      response.url().includes(`/api/settings/${PLUGIN_ID}`) &&
      response.request().method() === 'PUT'
  );
  await page.keyboard.press('Control+S');
  expect((await saved).status()).toBe(204);
}

/** Close the settings editor, and give the focus back to the notebook. */
async function closeSettingsEditor(lab: LabPage): Promise<void> {
  const page = lab.page;
  await page.evaluate(() => {
    const app = (window as any).jupyterapp;
    const editor = Array.from(app.shell.widgets('main')).find(
      (w: any) =>
        w.hasClass('jp-SettingEditor') ||
        w.content?.hasClass?.('jp-SettingEditor')
    ) as any;
    editor?.close();
  });
  await page.evaluate(() => {
    const app = (window as any).jupyterapp;
    const notebook = Array.from(app.shell.widgets('main')).find((w: any) =>
      w.context?.path?.endsWith('.ipynb')
    ) as any;
    if (notebook) {
      app.shell.activateById(notebook.id);
    }
  });
}
