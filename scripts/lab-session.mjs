/**
 * A lab to drive from a script (the benchmark, the README's screenshots): the
 * real `jupyter lab` of .venv with the extension installed from its wheel, on
 * a free loopback port with a fresh token, and Debian's Chromium.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { freePort, serve, waitForServer } from './jupyter.mjs';

/** The flags Chromium needs on this machine (no sandbox, no network). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

/**
 * Serve the lab on `rootDir` (state in `<rootDir>-state`, or `stateDir`) and
 * wait until it answers. `onlyLabextensions`: the one folder of prebuilt
 * extensions it loads; `jupytext`, `collaborative`: Jupytext, real-time
 * collaboration on. Returns its base URL, its token and a function that
 * stops it (and resolves once it has exited).
 */
export async function startLab(
  rootDir,
  { stateDir, onlyLabextensions, jupytext = false, collaborative = false } = {}
) {
  const state = stateDir ?? `${rootDir}-state`;
  fs.mkdirSync(state, { recursive: true });
  const port = freePort();
  const token = crypto.randomBytes(16).toString('hex');
  const logFile = path.join(state, 'server.log');
  const log = fs.openSync(logFile, 'a');
  const server = serve({
    port,
    rootDir,
    token,
    stateDir: state,
    onlyLabextensions,
    jupytext,
    collaborative,
    exposeApp: true,
    stdio: ['ignore', log, log]
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(base, token, { seconds: 60, log: logFile });
  } catch (error) {
    server.kill('SIGTERM');
    throw error;
  }
  return {
    base,
    token,
    stop: () =>
      new Promise(resolve => {
        if (server.exitCode !== null || server.signalCode !== null) {
          resolve();
          return;
        }
        server.on('exit', resolve);
        server.kill('SIGTERM');
      })
  };
}

/** Debian's Chromium, headless. */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs]
  });
}

/** Open a lab page on a workspace of its own and wait until it is restored. */
export async function openLab(browser, lab, workspace, viewport) {
  const page = await browser.newPage({ viewport });
  await page.goto(
    `${lab.base}/lab/workspaces/${workspace}-${Date.now()}?token=${lab.token}`
  );
  await page.waitForFunction(() => window.jupyterapp);
  await page.evaluate(() => window.jupyterapp.restored);
  return page;
}

/**
 * Open a notebook (no kernel started), make it the current widget, and
 * return its widget's id.
 */
export async function openNotebook(page, notebookPath) {
  return page.evaluate(async p => {
    const app = window.jupyterapp;
    const widget = await app.commands.execute('docmanager:open', {
      path: p,
      factory: 'Notebook',
      kernelPreference: { shouldStart: false, canStart: false }
    });
    await widget.context.ready;
    app.shell.activateById(widget.id);
    return widget.id;
  }, notebookPath);
}
