/**
 * Playwright drives Debian's Chromium against the extension in two real
 * front ends, one project each: JupyterLab (ui-tests/lab) and Jupyter
 * Notebook 7 (ui-tests/notebook). Both servers serve the same fresh
 * temporary folder, with the extension installed from its wheel
 * (scripts/build.mjs builds it and both front ends).
 *
 * Every test runs on both, except the few that cannot apply to Notebook 7,
 * listed with their reason in NOT_IN_NOTEBOOK7 below.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

import type { IHostOptions } from './tests/fixtures';

const repo = path.dirname(__dirname);

/** A free port on loopback. */
function freePort(): string {
  return execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
  ])
    .toString()
    .trim();
}

// Chosen once in the main process; workers inherit them through the environment.
if (!process.env.LAB_TOKEN) {
  process.env.LAB_PORT = freePort();
  process.env.NOTEBOOK_PORT = freePort();
  process.env.LAB_TOKEN = crypto.randomBytes(24).toString('hex');
  process.env.LAB_ROOT = fs.mkdtempSync(path.join(os.tmpdir(), 'nbmeta-ui-'));
}
const token = process.env.LAB_TOKEN;

/**
 * The tests that cannot apply to Notebook 7, by title, and why. A Notebook 7
 * page shows one notebook (another opens in a page of its own, whose path is
 * in its URL), has no tree of open documents to switch between, and does not
 * restore side panels after a reload.
 */
export const NOT_IN_NOTEBOOK7: Record<string, string> = {
  'the panel shows a placeholder, then the active notebook, and follows switches':
    'switches between notebooks in one page; Notebook 7 pages without a notebook have no panel (see notebook7.spec.ts)',
  'follows the active notebook, keeps it when focus moves into the panel, and shows a placeholder after the last one closes':
    'switches between and closes notebooks in one page',
  'switching notebooks switches the history':
    'switches between notebooks in one page (each Notebook 7 page has the history of its own notebook)',
  'stays open after a reload, showing the restored notebook':
    'Notebook 7 has no layout restorer: no side panel is restored after a reload, core panels included',
  'open and closed sections are kept across a switch and a reload':
    'switches between notebooks in one page',
  'appear without a reload, write a validated nested value that undoes, and go with their metadata kept':
    "edits the settings in the notebook's page: Notebook 7's Settings Editor is on its file browser page, and an open notebook page takes new settings when reloaded (notebook7.spec.ts declares sections there)",
  'a broken section says what is wrong while the others work, and hidden sections go':
    "edits the settings in the notebook's page, as above (notebook7.spec.ts checks broken and hidden sections there)"
};

/** Tests that only make sense in Notebook 7 (their file names). */
const NOTEBOOK7_ONLY = /notebook7\.spec\.ts/;

/**
 * Suites run in the lab only (their file names): the hostile-metadata suite
 * checks what the extension writes, which is the same code in both front
 * ends, and takes minutes; it opens its copies in background tabs of one
 * lab page, which Notebook 7 has no way to do.
 */
const LAB_ONLY = /hostile\.spec\.ts/;

function titles(list: Record<string, string>): RegExp {
  const escaped = Object.keys(list).map(title =>
    title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  );
  return new RegExp(`(^|\\s)(${escaped.join('|')})$`);
}

/** One project per front end, each against its own server. */
const HOSTS = {
  lab: { port: process.env.LAB_PORT! },
  notebook: { port: process.env.NOTEBOOK_PORT! }
};

export default defineConfig<IHostOptions>({
  testDir: './tests',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [
    ['list'],
    // Closes the run with the counts and times of each front end.
    ['./project-summary.ts'],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
    ['./hostile/summary.ts']
  ],
  use: {
    viewport: { width: 1400, height: 900 },
    trace: 'retain-on-failure',
    video: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    }
  },
  projects: [
    {
      name: 'lab',
      testIgnore: NOTEBOOK7_ONLY,
      use: {
        host: 'lab',
        baseURL: `http://127.0.0.1:${HOSTS.lab.port}`
      }
    },
    {
      name: 'notebook',
      testIgnore: LAB_ONLY,
      grepInvert: titles(NOT_IN_NOTEBOOK7),
      use: {
        host: 'notebook',
        baseURL: `http://127.0.0.1:${HOSTS.notebook.port}`
      }
    }
  ],
  webServer: Object.entries(HOSTS).map(([app, { port }]) => ({
    command: `node ${path.join(repo, 'scripts', 'serve-for-tests.mjs')} --app ${app} --port ${port}`,
    url: `http://127.0.0.1:${port}/api/status?token=${token}`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const
  }))
});
