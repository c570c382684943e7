/**
 * The server of the UI tests (Playwright's webServer): the built extension
 * and lab, on the port, token and fresh folder playwright.config.ts chose.
 */
import fs from 'node:fs';
import path from 'node:path';

import { exampleLabextensionsDir, labextensionsDir } from './build.mjs';
import { serve } from './serve.mjs';

const rootDir = process.env.LAB_ROOT;
const stateDir = path.join(rootDir, '..', `${path.basename(rootDir)}-state`);
fs.mkdirSync(stateDir, { recursive: true });
// A second real kernelspec (the same ipykernel under another name), so that
// tests can pick between installed kernels.
const jupyterPath = path.join(stateDir, 'jupyter');
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

// The server's log goes to a file beside the notebooks, not into the report.
const log = fs.openSync(path.join(stateDir, 'server.log'), 'a');
console.error(
  `serve-for-tests: server log in ${path.join(stateDir, 'server.log')}`
);
const server = serve({
  port: process.env.LAB_PORT,
  rootDir,
  token: process.env.LAB_TOKEN,
  // The extension, and the example extension that adds a section to it.
  labextensions: [labextensionsDir(), exampleLabextensionsDir],
  stateDir,
  stdio: ['ignore', log, log],
  env: { JUPYTER_PATH: jupyterPath }
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill('SIGTERM'));
}
server.on('exit', code => process.exit(code ?? 0));
