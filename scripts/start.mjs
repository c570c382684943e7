/**
 * `npm start [-- --port 8888 --root examples]`: install what is missing,
 * build, and serve JupyterLab with the extension on a folder of notebooks.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8888' },
    root: { type: 'string', default: path.join(root, 'examples') }
  }
});

execFileSync('bash', [path.join(root, 'scripts', 'setup.sh')], {
  stdio: 'inherit'
});
const { build } = await import('./build.mjs');
const { serve } = await import('./serve.mjs');
const labextensions = build();

const token = crypto.randomBytes(24).toString('hex');
const rootDir = path.resolve(values.root);
const server = serve({
  port: values.port,
  rootDir,
  token,
  labextensions,
  stateDir: path.join(root, 'ui-tests', '.lab-state'),
  stdio: ['ignore', 'inherit', 'pipe']
});
let announced = false;
server.stderr.on('data', chunk => {
  process.stderr.write(chunk);
  if (!announced && String(chunk).includes('is running at')) {
    announced = true;
    console.log(
      `\nJupyterLab with jupyterlab-notebook-metadata on ${rootDir}:`
    );
    console.log(`http://127.0.0.1:${values.port}/lab?token=${token}\n`);
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill('SIGTERM'));
}
server.on('exit', code => process.exit(code ?? 0));
