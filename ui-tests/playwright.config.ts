/**
 * Playwright (with galata's fixtures) drives Debian's Chromium against the
 * extension in the real `jupyter lab` and `jupyter notebook` of the project's
 * environment, one project each. Both servers serve the same fresh temporary
 * folder, with the extension installed from its wheel (scripts/build.mjs).
 *
 * The lab runs every test; Notebook 7 runs what differs there (IN_NOTEBOOK7).
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
  for (const name of [
    'LAB',
    'HOSTILE_LAB',
    'NOTEBOOK',
    'OLDEST_LAB',
    'OLDEST_NOTEBOOK',
    'JUPYTEXT_LAB',
    'COLLAB_LAB',
    'LITE',
    'HUB'
  ]) {
    process.env[`${name}_PORT`] = freePort();
  }
  process.env.LAB_TOKEN = crypto.randomBytes(24).toString('hex');
  process.env.LAB_ROOT = fs.mkdtempSync(path.join(os.tmpdir(), 'nbmeta-ui-'));
  // The hub's state and its users' homes (scripts/hub.mjs).
  process.env.HUB_STATE = fs.mkdtempSync(path.join(os.tmpdir(), 'nbmeta-hub-'));
  process.env.HUB_PASSWORD = crypto.randomBytes(12).toString('hex');
}
const token = process.env.LAB_TOKEN;

/**
 * What Notebook 7 runs: what differs there (its file browser and notebook
 * pages, its View menu and palette, the panel on a notebook page, sections
 * from its Settings Editor, an accessibility audit). Everything else is the
 * same code on the same JupyterLab packages, and runs in the lab; the README
 * of ui-tests/ says which lab test covers what.
 */
const IN_NOTEBOOK7 = /(notebook7|a11y|smoke)\.spec\.ts/;

/** Tests that only make sense in Notebook 7 (their file names). */
const NOTEBOOK7_ONLY = /notebook7\.spec\.ts/;

/**
 * The tests beside real Jupytext, in a lab of their own where it is on (its
 * contents manager and lab extension; off in the other servers, which show
 * the panel as it is without Jupytext).
 */
const WITH_JUPYTEXT = /withjupytext\.spec\.ts/;

/**
 * The tests of real-time collaboration, in a lab of their own where
 * jupyter-collaboration is on (off in the other servers, which save over
 * REST as a lab without it does).
 */
const COLLABORATIVE = /collaboration\.spec\.ts/;

/**
 * The tests of the JupyterLite site (no Jupyter server: a static site built
 * by `jupyter lite build`, scripts/lite.mjs), against its own server.
 */
const LITE = /lite\.spec\.ts/;

/**
 * The tests through a real JupyterHub (two users, each with a single-user
 * server of their own; scripts/hub.mjs).
 */
const HUB = /hub\.spec\.ts/;

/** The hostile-metadata suite, in a lab of its own. */
const HOSTILE = /hostile\.spec\.ts/;

/**
 * What the oldest JupyterLab and Notebook 7 the extension supports run
 * (.venv-oldest, requirements/oldest.txt): the smoke test.
 */
const IN_OLDEST = /smoke\.spec\.ts/;

/**
 * One server per project: the front end, the project environment it comes
 * from (scripts/jupyter.mjs), and its port.
 */
const HOSTS = {
  lab: { app: 'lab', venv: 'default', port: process.env.LAB_PORT! },
  'hostile-lab': {
    app: 'lab',
    venv: 'default',
    port: process.env.HOSTILE_LAB_PORT!
  },
  notebook: {
    app: 'notebook',
    venv: 'default',
    port: process.env.NOTEBOOK_PORT!
  },
  'oldest-lab': {
    app: 'lab',
    venv: 'oldest',
    port: process.env.OLDEST_LAB_PORT!
  },
  'oldest-notebook': {
    app: 'notebook',
    venv: 'oldest',
    port: process.env.OLDEST_NOTEBOOK_PORT!
  },
  'jupytext-lab': {
    app: 'lab',
    venv: 'default',
    port: process.env.JUPYTEXT_LAB_PORT!,
    jupytext: true
  },
  'collab-lab': {
    app: 'lab',
    venv: 'default',
    port: process.env.COLLAB_LAB_PORT!,
    collaborative: true
  }
};

/**
 * The projects named on the command line (`--project NAME`, `--project=NAME`,
 * `-p NAME`) with the projects they depend on; empty when none is named.
 */
const wantedProjects: string[] = (() => {
  const names: string[] = [];
  const argv = process.argv;
  argv.forEach((arg, i) => {
    if (arg === '--project' || arg === '-p') {
      // `--project a b c`: every name that follows, up to the next option.
      for (let j = i + 1; j < argv.length && !argv[j].startsWith('-'); j++) {
        names.push(argv[j]);
      }
    } else if (arg.startsWith('--project=')) {
      names.push(arg.slice('--project='.length));
    }
  });
  // collab-lab runs after lab (see its project) unless `--no-deps`.
  if (
    names.includes('collab-lab') &&
    !names.includes('lab') &&
    !argv.includes('--no-deps')
  ) {
    names.push('lab');
  }
  return names;
})();

export default defineConfig<IHostOptions & { mockUser: boolean }>({
  testDir: './tests',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Two projects at a time (two cores), each project's tests one after the
  // other against its own server: a test may change the server's settings.
  workers: 2,
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
    // galata's request helpers (tmpPath, contents) authenticate with it.
    extraHTTPHeaders: { Authorization: `token ${token}` },
    viewport: { width: 1400, height: 900 },
    // No trace: recording one costs a third of every test's time here; a
    // failure keeps its screenshot (`--trace on` records them when needed).
    trace: 'off',
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
      testIgnore: [
        NOTEBOOK7_ONLY,
        HOSTILE,
        WITH_JUPYTEXT,
        COLLABORATIVE,
        LITE,
        HUB
      ],
      workers: 1,
      use: {
        host: 'lab',
        baseURL: `http://127.0.0.1:${HOSTS.lab.port}`
      }
    },
    {
      name: 'hostile-lab',
      testMatch: HOSTILE,
      workers: 1,
      use: {
        host: 'lab',
        baseURL: `http://127.0.0.1:${HOSTS['hostile-lab'].port}`
      }
    },
    {
      name: 'notebook',
      testMatch: IN_NOTEBOOK7,
      workers: 1,
      use: {
        host: 'notebook',
        baseURL: `http://127.0.0.1:${HOSTS.notebook.port}`
      }
    },
    {
      name: 'jupytext-lab',
      testMatch: WITH_JUPYTEXT,
      workers: 1,
      use: {
        host: 'lab',
        baseURL: `http://127.0.0.1:${HOSTS['jupytext-lab'].port}`
      }
    },
    {
      name: 'collab-lab',
      testMatch: COLLABORATIVE,
      // After the lab's tests: its three people's browsers beside them
      // starve the lab's timing-bound tests (the raw JSON built when idle
      // and in view) on two cores.
      dependencies: ['lab'],
      workers: 1,
      use: {
        host: 'lab',
        baseURL: `http://127.0.0.1:${HOSTS['collab-lab'].port}`,
        // Each browser context is its own person: the server's identity
        // (galata would give every page the same mocked user).
        mockUser: false
      }
    },
    {
      name: 'lite',
      testMatch: LITE,
      workers: 1,
      use: { baseURL: `http://127.0.0.1:${process.env.LITE_PORT}/` }
    },
    {
      name: 'hub',
      testMatch: HUB,
      workers: 1,
      use: {
        baseURL: `http://127.0.0.1:${process.env.HUB_PORT}`,
        // Logged in by the hub's cookies, not the servers' token.
        extraHTTPHeaders: {}
      }
    },
    {
      name: 'oldest-lab',
      testMatch: IN_OLDEST,
      workers: 1,
      use: {
        host: 'lab',
        baseURL: `http://127.0.0.1:${HOSTS['oldest-lab'].port}`
      }
    },
    {
      name: 'oldest-notebook',
      testMatch: IN_OLDEST,
      workers: 1,
      use: {
        host: 'notebook',
        baseURL: `http://127.0.0.1:${HOSTS['oldest-notebook'].port}`
      }
    }
  ],
  // Only the servers of the projects asked for (`--project NAME`), all of
  // them when none is named.
  webServer: Object.entries(HOSTS)
    .filter(
      ([name]) => wantedProjects.length === 0 || wantedProjects.includes(name)
    )
    .map(([name, host]) => ({
      command: `node ${path.join(repo, 'scripts', 'serve-for-tests.mjs')} --app ${host.app} --venv ${host.venv} --name ${name} --port ${host.port}${'jupytext' in host ? ' --jupytext' : ''}${'collaborative' in host ? ' --collaborative' : ''}`,
      url: `http://127.0.0.1:${host.port}/api/status?token=${token}`,
      timeout: 120_000,
      gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
      reuseExistingServer: false,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const
    }))
    .concat(
      wantedProjects.length === 0 || wantedProjects.includes('lite')
        ? [
            {
              // Builds the site once per run, then serves it (static files).
              command: `node ${path.join(repo, 'scripts', 'lite.mjs')} --port ${process.env.LITE_PORT} --output ${process.env.LAB_ROOT}-state/lite-site`,
              url: `http://127.0.0.1:${process.env.LITE_PORT}/jupyter-lite.json`,
              timeout: 120_000,
              gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
              reuseExistingServer: false,
              stdout: 'ignore' as const,
              stderr: 'pipe' as const
            }
          ]
        : []
    )
    .concat(
      wantedProjects.length === 0 || wantedProjects.includes('hub')
        ? [
            {
              command: `node ${path.join(repo, 'scripts', 'hub.mjs')} --for-tests --port ${process.env.HUB_PORT}`,
              url: `http://127.0.0.1:${process.env.HUB_PORT}/hub/health`,
              timeout: 120_000,
              gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
              reuseExistingServer: false,
              stdout: 'ignore' as const,
              stderr: 'pipe' as const
            }
          ]
        : []
    )
});
