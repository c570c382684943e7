/**
 * A server of the UI tests (Playwright's webServer): `node
 * scripts/serve-for-tests.mjs --app lab|notebook --port N` runs the real
 * `jupyter lab` or `jupyter notebook` of .venv with galata's test
 * configuration, on the token and fresh folder playwright.config.ts chose
 * (LAB_TOKEN, LAB_ROOT), with the example extension beside ours. Both servers
 * serve the same folder and see the same kernelspecs; each keeps its own
 * settings, workspaces and log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { exampleLabextensionsDir } from './build.mjs';
import { serve } from './jupyter.mjs';

const { values } = parseArgs({
  options: {
    app: { type: 'string', default: 'lab' },
    port: { type: 'string' },
    // The project environment: `default` or `oldest`.
    venv: { type: 'string', default: 'default' },
    // The name of this server's state folder.
    name: { type: 'string' },
    // Jupytext on (its contents manager and lab extension; off otherwise).
    jupytext: { type: 'boolean', default: false },
    // Real-time collaboration on (jupyter-collaboration; off otherwise).
    collaborative: { type: 'boolean', default: false }
  }
});
const rootDir = process.env.LAB_ROOT;
const sharedState = path.join(rootDir, '..', `${path.basename(rootDir)}-state`);
const stateDir = path.join(sharedState, values.name ?? values.app);
fs.mkdirSync(stateDir, { recursive: true });
// Both servers see the kernelspecs of this folder (tests add some); the
// first is a second real kernelspec (the environment's ipykernel under
// another name), so that tests can pick between installed kernels.
const jupyterPath = path.join(sharedState, 'jupyter');
const kernelDir = path.join(jupyterPath, 'kernels', 'python3-second');
fs.mkdirSync(kernelDir, { recursive: true });
fs.writeFileSync(
  path.join(kernelDir, 'kernel.json'),
  JSON.stringify({
    // `python` is the server's own Python (jupyter_client's rule).
    argv: ['python', '-m', 'ipykernel_launcher', '-f', '{connection_file}'],
    display_name: 'Python 3 (second)',
    language: 'python'
  })
);

// Notebook 7 starts a notebook's kernel when its page opens; the tests start
// one only when they ask for it, as in the lab. `notebookStartsKernel` is
// Notebook 7's own page option, read from the page_config.json of the
// labconfig folder of Jupyter's config path.
if (values.app === 'notebook') {
  const labconfig = path.join(stateDir, 'config', 'labconfig');
  fs.mkdirSync(labconfig, { recursive: true });
  fs.writeFileSync(
    path.join(labconfig, 'page_config.json'),
    JSON.stringify({ notebookStartsKernel: false })
  );
}

// The server's log goes to a file beside the notebooks, not into the report.
const logFile = path.join(stateDir, 'server.log');
const log = fs.openSync(logFile, 'a');
console.error(`serve-for-tests: ${values.app} server log in ${logFile}`);
const server = serve({
  app: values.app,
  port: values.port,
  rootDir,
  token: process.env.LAB_TOKEN,
  stateDir,
  config: 'test',
  labextensions: [exampleLabextensionsDir],
  stdio: ['ignore', log, log],
  env: { JUPYTER_PATH: jupyterPath },
  venv: values.venv,
  jupytext: values.jupytext,
  collaborative: values.collaborative,
  // A room is dropped a second after its last client leaves (not a
  // minute), so that a test reopening a notebook later, or another test,
  // starts from the file, as upstream's UI tests do.
  args: values.collaborative ? ['--YDocExtension.document_cleanup_delay=1'] : []
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill('SIGTERM'));
}
server.on('exit', code => process.exit(code ?? 0));
