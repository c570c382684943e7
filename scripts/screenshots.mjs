/**
 * `npm run screenshots`: the README's pictures of the panel, taken from the
 * real lab so they stay true when the UI changes: a paired notebook and a
 * small one, in JupyterLab Light and Dark, the whole panel at the sidebar's
 * default width; and a notebook paired by its folder's Jupytext config.
 * In a lab with Jupytext. Writes docs/*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from './build.mjs';
import {
  launchChromium,
  openLab,
  openNotebook,
  startLab
} from './lab-session.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'docs');

/** The pictures: a file name, a theme and a notebook, the whole panel. */
const SHOTS = [
  {
    file: 'panel-light.png',
    theme: 'JupyterLab Light',
    notebook: 'paired-with-script.ipynb'
  },
  {
    file: 'panel-dark.png',
    theme: 'JupyterLab Dark',
    notebook: 'paired-with-script.ipynb'
  },
  {
    file: 'panel-small-light.png',
    theme: 'JupyterLab Light',
    notebook: 'custom-keys.ipynb'
  },
  {
    file: 'panel-small-dark.png',
    theme: 'JupyterLab Dark',
    notebook: 'custom-keys.ipynb'
  },
  {
    file: 'jupytext-config-light.png',
    theme: 'JupyterLab Light',
    notebook: 'course/week-1.ipynb',
    configPaired: true,
    open: ['Jupytext']
  },
  {
    file: 'jupytext-config-dark.png',
    theme: 'JupyterLab Dark',
    notebook: 'course/week-1.ipynb',
    configPaired: true,
    open: ['Jupytext']
  }
];

build();
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nbmeta-shots-'));
fs.cpSync(path.join(root, 'examples'), folder, {
  recursive: true,
  filter: source => !source.includes('section-extension')
});
const browser = await launchChromium();
// With Jupytext, as a Jupytext user has it: its contents manager and its
// lab extension (which changes nothing in the panel).
const lab = await startLab(folder, { jupytext: true });
try {
  for (const shot of SHOTS) {
    await takeShot(shot);
  }
} finally {
  await browser.close();
  await lab.stop();
  fs.rmSync(folder, { recursive: true, force: true });
  fs.rmSync(`${folder}-state`, { recursive: true, force: true });
}

/** Take one picture: the whole panel, at rest. */
async function takeShot(shot) {
  {
    const page = await openLab(browser, lab, 'screenshots', {
      width: 1280,
      height: 800
    });
    await page.evaluate(
      theme =>
        window.jupyterapp.commands.execute('apputils:change-theme', { theme }),
      shot.theme
    );
    await page.waitForFunction(
      theme => document.body.dataset.jpThemeName === theme,
      shot.theme
    );
    await openNotebook(page, shot.notebook);
    await page.evaluate(() =>
      window.jupyterapp.commands.execute('notebook-metadata:open')
    );
    const panel = page.locator('#jp-notebook-metadata');
    await panel.locator('.jp-NotebookMetadata-notebookName').waitFor();
    for (const title of shot.open ?? []) {
      const toggle = panel
        .locator('.jp-NotebookMetadata-sectionToggle')
        .filter({ hasText: title });
      if ((await toggle.getAttribute('aria-expanded')) === 'false') {
        await toggle.click();
      }
    }
    if (shot.configPaired) {
      // What the project config pairs, and what the script keeps, known.
      await panel.locator('.jp-NotebookMetadata-projectConfig').waitFor();
      await panel.locator('.jp-NotebookMetadata-textFileKeeps').waitFor();
    }
    // Nothing focused, nothing hovered: the panel as it rests.
    await page.evaluate(() => document.activeElement?.blur());
    await page.mouse.move(0, 0);
    // The whole panel: the window as tall as what the panel shows.
    const needed = await panel.evaluate(
      node =>
        node.querySelector('.jp-NotebookMetadata-body').scrollHeight +
        node.querySelector('.jp-NotebookMetadata-title').offsetHeight +
        node.getBoundingClientRect().top
    );
    await page.setViewportSize({ width: 1280, height: Math.ceil(needed) + 40 });
    await page.evaluate(
      () =>
        new Promise(resolve =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
        )
    );
    await panel.screenshot({ path: path.join(out, shot.file) });
    console.log(`screenshots: ${path.join('docs', shot.file)}`);
    await page.close();
  }
}
