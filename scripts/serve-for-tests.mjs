/**
 * A server of the UI tests (Playwright's webServer): the built extension in
 * one test host, `node scripts/serve-for-tests.mjs --app lab|notebook
 * --port N`, on the token and fresh folder playwright.config.ts chose
 * (LAB_TOKEN, LAB_ROOT). Both hosts serve the same folder and see the same
 * kernelspecs; each keeps its own settings, workspaces and log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { exampleLabextensionsDir, labextensionsDir } from './build.mjs';
import { serve } from './serve.mjs';

const { values } = parseArgs({
  options: {
    app: { type: 'string', default: 'lab' },
    port: { type: 'string' }
  }
});
const rootDir = process.env.LAB_ROOT;
const sharedState = path.join(rootDir, '..', `${path.basename(rootDir)}-state`);
const stateDir = path.join(sharedState, values.app);
fs.mkdirSync(stateDir, { recursive: true });
// A second real kernelspec (the same ipykernel under another name), so that
// tests can pick between installed kernels.
const jupyterPath = path.join(sharedState, 'jupyter');
const kernelDir = path.join(jupyterPath, 'kernels', 'python3-second');
fs.mkdirSync(kernelDir, { recursive: true });
fs.writeFileSync(
  path.join(kernelDir, 'kernel.json'),
  JSON.stringify({
    argv: [
      '/usr/bin/python3',
      '-m',
      'ipykernel_launcher',
      '-f',
      '{connection_file}'
    ],
    display_name: 'Python 3 (second)',
    language: 'python'
  })
);

// Notebook 7 starts a notebook's kernel when its page opens; the tests start
// one only when they ask for it, as in the lab (a real Notebook 7 option).
const config =
  values.app === 'notebook'
    ? ['--NotebookHost.notebook_starts_kernel=False']
    : [];

// The server's log goes to a file beside the notebooks, not into the report.
const logFile = path.join(stateDir, 'server.log');
const log = fs.openSync(logFile, 'a');
console.error(`serve-for-tests: ${values.app} server log in ${logFile}`);
const server = serve({
  app: values.app,
  port: values.port,
  rootDir,
  token: process.env.LAB_TOKEN,
  // The extension, and the example extension that adds a section to it.
  labextensions: [labextensionsDir(), exampleLabextensionsDir],
  stateDir,
  config,
  stdio: ['ignore', log, log],
  env: { JUPYTER_PATH: jupyterPath }
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill('SIGTERM'));
}
server.on('exit', code => process.exit(code ?? 0));
