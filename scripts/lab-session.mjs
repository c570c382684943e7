/**
 * A lab to drive from a script (the benchmark, the README's screenshots):
 * the built extension in the test lab's server on a free loopback port with
 * a fresh token, and Debian's Chromium.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { labextensionsDir } from './build.mjs';
import { serve } from './serve.mjs';

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
 * Serve the lab on `rootDir` (state in `<rootDir>-state`) and wait until it
 * answers. Returns its base URL, its token and a function that stops it.
 */
export async function startLab(rootDir) {
  const state = `${rootDir}-state`;
  fs.mkdirSync(state, { recursive: true });
  const port = execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
  ])
    .toString()
    .trim();
  const token = crypto.randomBytes(16).toString('hex');
  const log = fs.openSync(path.join(state, 'server.log'), 'a');
  const server = serve({
    port,
    rootDir,
    token,
    labextensions: labextensionsDir(),
    stateDir: state,
    stdio: ['ignore', log, log]
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      const response = await fetch(`${base}/api/status?token=${token}`);
      if (response.ok) {
        return { base, token, stop: () => server.kill('SIGTERM') };
      }
    } catch {
      // not up yet
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  server.kill('SIGTERM');
  throw new Error(`The lab did not start; see ${state}/server.log`);
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
