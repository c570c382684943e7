/**
 * What only Notebook 7 has: a file browser page where the extension does
 * nothing, notebook pages with a right side panel toggled from the View
 * menu, its own "Edit Notebook Metadata" command, and one browser tab per
 * notebook (playwright.config.ts runs this file in the notebook project only).
 */
import type { Page } from '@playwright/test';

import {
  enter,
  appRestored,
  expect,
  federatedExtensions,
  notebookWith,
  PYTHON_KERNELSPEC,
  readNotebook,
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

const PANEL = '#jp-notebook-metadata';

/** Open the View menu's Right Sidebar submenu and click an entry of it. */
async function clickRightSidebarEntry(page: Page, entry: string) {
  await page
    .locator('#jp-MainMenu .lm-MenuBar-item', { hasText: 'View' })
    .click();
  await page.locator('.lm-Menu-item', { hasText: 'Right Sidebar' }).click();
  await page.locator('.lm-Menu-item', { hasText: entry }).click();
}

test('on the file browser page the extension is loaded and does nothing', async ({
  lab
}) => {
  // Notebook 7's sentinel of the page it serves.
  expect(
    await lab.page.evaluate(
      () =>
        JSON.parse(document.getElementById('jupyter-config-data')!.textContent!)
          .notebookPage
    )
  ).toBe('tree');
  await expect(lab.page.locator('.jp-DirListing')).toBeVisible();
  expect(await federatedExtensions(lab.page)).toContain(
    'jupyterlab-notebook-metadata'
  );
  const state = await lab.page.evaluate(() => {
    const app = (window as any).jupyterapp;
    return {
      activated: app.isPluginActivated('jupyterlab-notebook-metadata:plugin'),
      command: app.commands.hasCommand('notebook-metadata:open'),
      rightArea: [...app.shell.widgets('right')].map((w: any) => w.id)
    };
  });
  expect(state).toEqual({ activated: true, command: false, rightArea: [] });
  await expect(lab.page.locator(PANEL)).toHaveCount(0);
  // The fixture fails the test on any console error, page error or failed request.
});

test("a notebook page lists the extension, and the View menu's right sidebar entry shows and hides the panel", async ({
  lab
}) => {
  const name = writeNotebook(
    `${uniqueName('view-menu')}.ipynb`,
    notebookWith({ kernelspec: PYTHON_KERNELSPEC, title: 'From the menu' })
  );
  await lab.openNotebook(name);
  expect(await lab.page.evaluate(() => document.body.dataset.notebook)).toBe(
    'notebooks'
  );
  expect(await federatedExtensions(lab.page)).toContain(
    'jupyterlab-notebook-metadata'
  );
  await expect(lab.panel).toBeHidden();

  await clickRightSidebarEntry(lab.page, 'Show Notebook Metadata');
  await expect(lab.panel).toBeVisible();
  await expect(lab.panel.locator('.jp-NotebookMetadata-path')).toHaveText(name);
  await expect(lab.panel.getByLabel('Title')).toHaveValue('From the menu');

  // The same entry hides it again; the side panel's own button too.
  await clickRightSidebarEntry(lab.page, 'Show Notebook Metadata');
  await expect(lab.panel).toBeHidden();
  await clickRightSidebarEntry(lab.page, 'Show Notebook Metadata');
  await expect(lab.panel).toBeVisible();
  await lab.page.locator('#jp-right-stack .jp-SidePanel-collapse').click();
  await expect(lab.panel).toBeHidden();
});

test("the palette tells Notebook 7's own Edit Notebook Metadata from ours, and each opens its panel", async ({
  lab
}) => {
  const name = writeNotebook(
    `${uniqueName('two-commands')}.ipynb`,
    notebookWith({ kernelspec: PYTHON_KERNELSPEC })
  );
  await lab.openNotebook(name);
  // Notebook 7's command opens its Notebook Tools (core's metadata editor).
  await lab.runFromPalette('Edit Notebook Metadata');
  await expect(lab.page.locator('#notebook-tools')).toBeVisible();
  await expect(lab.panel).toBeHidden();

  await lab.runFromPalette(lab.openPanelLabel);
  await expect(lab.panel).toBeVisible();
  await expect(lab.page.locator('#notebook-tools')).toBeHidden();
  await expect(lab.panel.locator('.jp-NotebookMetadata-path')).toHaveText(name);
});

test('notebooks opened from the file browser open in tabs of their own, each panel editing its own notebook, saved to disk', async ({
  lab
}) => {
  // Notebook 7's file browser makes the notebook's widget, then disposes it
  // to open the notebook in a new tab; JupyterLab 4.6.3's deferred rendering
  // (Notebook 7 forces windowingMode "defer") still runs on the disposed
  // widget. Upstream, and the same without this extension.
  lab.allowConsoleError(
    /^Cannot read properties of null \(reading 'updateRenderOption'\)$/
  );
  lab.allowPageError(
    /^TypeError: Cannot read properties of null \(reading 'insertWidget'\)$/
  );
  const folder = uniqueName('tabs');
  const first = writeNotebook(
    `${folder}/first.ipynb`,
    notebookWith({ kernelspec: PYTHON_KERNELSPEC, title: 'First' })
  );
  const second = writeNotebook(
    `${folder}/second.ipynb`,
    notebookWith({ kernelspec: PYTHON_KERNELSPEC, title: 'Second' })
  );
  // The file browser at that folder (its path comes from the URL too).
  await lab.page.goto(`tree/${folder}`);

  /** Open a notebook from the listing; Notebook 7 opens it in a new tab. */
  async function openFromListing(file: string): Promise<Page> {
    const opened = lab.page.waitForEvent('popup');
    await lab.page.locator('.jp-DirListing-item', { hasText: file }).dblclick();
    const tab = await opened;
    await appRestored(tab);
    expect(new URL(tab.url()).pathname).toBe(`/notebooks/${folder}/${file}`);
    await tab.evaluate(() =>
      (window as any).jupyterapp.commands.execute('notebook-metadata:open')
    );
    await expect(tab.locator(PANEL)).toBeVisible();
    return tab;
  }

  const firstTab = await openFromListing('first.ipynb');
  const secondTab = await openFromListing('second.ipynb');
  await expect(
    firstTab.locator(`${PANEL} .jp-NotebookMetadata-path`)
  ).toHaveText(first);
  await expect(
    secondTab.locator(`${PANEL} .jp-NotebookMetadata-path`)
  ).toHaveText(second);

  for (const [tab, title] of [
    [firstTab, 'First, edited in its tab'],
    [secondTab, 'Second, edited in its tab']
  ] as const) {
    await tab.bringToFront();
    await enter(tab.locator(PANEL).getByLabel('Title'), title);
    await expect
      .poll(() =>
        tab.evaluate(
          () =>
            (window as any).jupyterapp.shell.currentWidget.context.model
              .metadata.title
        )
      )
      .toBe(title);
    // Saved with Notebook 7's own shortcut.
    await tab.locator('.jp-Notebook .jp-InputPrompt').first().click();
    await tab.keyboard.press('Control+s');
    await expect
      .poll(() =>
        tab.evaluate(
          () =>
            (window as any).jupyterapp.shell.currentWidget.context.model.dirty
        )
      )
      .toBe(false);
  }
  expect(readNotebook(first).metadata.title).toBe('First, edited in its tab');
  expect(readNotebook(second).metadata.title).toBe('Second, edited in its tab');
  expect(readNotebook(first).metadata.kernelspec).toEqual(PYTHON_KERNELSPEC);
});

test('sections declared in the Settings Editor of the file browser page show on notebook pages opened after it', async ({
  lab
}) => {
  const name = writeNotebook(
    `${uniqueName('settings-sections')}.ipynb`,
    notebookWith({
      kernelspec: PYTHON_KERNELSPEC,
      jupytext: { formats: 'ipynb,py:percent' },
      course: { code: 'STAT-201' }
    })
  );
  // Notebook 7's Settings Editor is a tab of its file browser page.
  await setUserSettings(lab, {
    sections: [COURSE_SECTION, LISTY_SECTION],
    hiddenSections: ['jupytext']
  });
  try {
    await lab.openNotebook(name);
    await lab.openPanel();
    await expect(
      lab.panel
        .getByRole('alert')
        .filter({ hasText: 'The section "Listy" (declared in the settings' })
    ).toContainText(LISTY_MESSAGE);
    await expect(sectionHeading(lab, 'Jupytext')).toHaveCount(0);
    const week = sectionBody(lab, 'course').getByLabel('Week');
    await enter(week, '5');
    await expect
      .poll(async () => (await lab.appMetadata()).course)
      .toEqual({ code: 'STAT-201', week: 5 });
    const saved = (await lab.saveAndRead(name)).metadata;
    expect(saved.course).toEqual({ code: 'STAT-201', week: 5 });
    expect(saved.jupytext).toEqual({ formats: 'ipynb,py:percent' });
  } finally {
    await lab.goto();
    await setUserSettings(lab, {});
  }
});
