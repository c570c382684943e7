/**
 * `npm start [-- --app lab|notebook|lite --port 8888 --root examples
 * --collaborative]`: install
 * what is missing, build and install the extension's wheel, and serve the real
 * JupyterLab (default) or Jupyter Notebook 7 of the project's environment on a
 * folder of notebooks, printing the URL with its token. `--collaborative`
 * turns on real-time collaboration (jupyter-collaboration): open the URL in
 * two browsers (or a private window) to be two people on one notebook.
 * `--app lite` builds a JupyterLite site with the extension and the folder
 * as its files instead, and serves it on loopback (scripts/lite.mjs).
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { app, root } from './jupyter.mjs';

const { values } = parseArgs({
  options: {
    app: { type: 'string', default: 'lab' },
    port: { type: 'string', default: '8888' },
    root: { type: 'string', default: path.join(root, 'examples') },
    collaborative: { type: 'boolean', default: false }
  }
});
const served = values.app === 'lite' ? null : app(values.app);

execFileSync('bash', [path.join(root, 'scripts', 'setup.sh')], {
  stdio: 'inherit'
});
const { build } = await import('./build.mjs');
const { serve } = await import('./jupyter.mjs');
build();

if (values.app === 'lite') {
  const { startLite } = await import('./lite.mjs');
  process.exit(await startLite({ port: values.port, contents: values.root }));
}

const token = crypto.randomBytes(24).toString('hex');
const rootDir = path.resolve(values.root);
const server = serve({
  app: values.app,
  port: values.port,
  rootDir,
  token,
  stateDir: path.join(root, 'ui-tests', `.${values.app}-state`),
  stdio: ['ignore', 'inherit', 'pipe'],
  // As a Jupytext user has it: paired files written on save.
  jupytext: true,
  collaborative: values.collaborative
});

/** The first notebook in the served folder, for a direct link. */
function firstNotebook() {
  const names = fs.existsSync(rootDir) ? fs.readdirSync(rootDir).sort() : [];
  return names.find(name => name.endsWith('.ipynb')) ?? null;
}

let announced = false;
server.stderr.on('data', chunk => {
  process.stderr.write(chunk);
  if (!announced && String(chunk).includes('is running at')) {
    announced = true;
    const base = `http://127.0.0.1:${values.port}`;
    console.log(
      `\n${served.title} with jupyterlab-notebook-metadata on ${rootDir}:`
    );
    console.log(`${base}${served.landing}?token=${token}`);
    if (values.collaborative) {
      console.log(
        'Real-time collaboration is on: each browser (or private window) that opens this URL is another person.'
      );
    }
    const notebook = firstNotebook();
    if (values.app === 'notebook' && notebook) {
      console.log(
        `a notebook: ${base}/notebooks/${encodeURI(notebook)}?token=${token}`
      );
    }
    console.log('');
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill('SIGTERM'));
}
server.on('exit', code => process.exit(code ?? 0));
