/**
 * Playwright drives Debian's Chromium against a real JupyterLab server
 * (ui-tests/lab/server/lab_host.py) serving a fresh temporary folder, with
 * the extension installed from its wheel (scripts/build.mjs builds both).
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const repo = path.dirname(__dirname);

// Chosen once in the main process; workers inherit them through the environment.
if (!process.env.LAB_PORT) {
  process.env.LAB_PORT = execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
  ])
    .toString()
    .trim();
  process.env.LAB_TOKEN = crypto.randomBytes(24).toString('hex');
  process.env.LAB_ROOT = fs.mkdtempSync(path.join(os.tmpdir(), 'nbmeta-ui-'));
}
const port = process.env.LAB_PORT;

export default defineConfig({
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
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
    ['./hostile/summary.ts']
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
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
  webServer: {
    command: `node ${path.join(repo, 'scripts', 'serve-for-tests.mjs')}`,
    url: `http://127.0.0.1:${port}/api/status?token=${process.env.LAB_TOKEN}`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe'
  }
});
