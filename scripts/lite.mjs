/**
 * The JupyterLite site: `jupyter lite build` of .venv-lite (jupyterlite-core
 * and its Pyodide kernel, with the extension's wheel installed as a site
 * author installs it, scripts/build.mjs), from the configuration in `lite/`,
 * with a folder of notebooks as its files; then a small static server on
 * loopback. Nothing is fetched from the internet, at build or run time:
 * Pyodide is not in the site (see lite/jupyter-lite.json), so no kernel
 * starts, and nothing asks for one.
 *
 * `node scripts/lite.mjs --port N [--output DIR] [--contents DIR]` builds
 * the site and serves it (Playwright's webServer, `npm start -- --app lite`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { root, serverEnv, venvBin } from './jupyter.mjs';

/** The site's configuration, as a site author keeps it. */
export const LITE_DIR = path.join(root, 'lite');

/** Where `npm start -- --app lite` builds the site. */
export const DEFAULT_OUTPUT = path.join(LITE_DIR, '_output');

/**
 * Build the site into `output` (emptied first) with the files of `contents`.
 * The build runs in a temporary copy of `lite/` with a clean Jupyter config,
 * so that two builds (npm start, the tests) never share doit's database.
 */
export function buildSite({ output = DEFAULT_OUTPUT, contents }) {
  const start = Date.now();
  const jupyter = venvBin('jupyter', 'lite');
  if (!fs.existsSync(jupyter)) {
    throw new Error(`${jupyter} is missing: run bash scripts/setup.sh`);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nbmeta-lite-'));
  try {
    for (const name of [
      'jupyter-lite.json',
      'jupyter_lite_config.json',
      'overrides.json'
    ]) {
      fs.copyFileSync(path.join(LITE_DIR, name), path.join(work, name));
    }
    fs.rmSync(output, { recursive: true, force: true });
    const result = spawnSync(
      jupyter,
      [
        'lite',
        'build',
        '--lite-dir',
        work,
        '--output-dir',
        path.resolve(output),
        '--contents',
        path.resolve(contents)
      ],
      {
        cwd: work,
        encoding: 'utf-8',
        env: serverEnv(path.join(work, 'state'), {}, 'lite')
      }
    );
    if (result.status !== 0) {
      throw new Error(
        `jupyter lite build failed:\n${result.stdout}${result.stderr}`
      );
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const config = JSON.parse(
    fs.readFileSync(path.join(output, 'jupyter-lite.json'), 'utf-8')
  )['jupyter-config-data'];
  if (
    !config.federated_extensions.some(
      extension => extension.name === 'jupyterlab-notebook-metadata'
    )
  ) {
    throw new Error(
      'The site has no jupyterlab-notebook-metadata: its wheel is not in .venv-lite (run node scripts/build.mjs).'
    );
  }
  // Browsers ask for /favicon.ico before the page names its icon.
  fs.copyFileSync(
    path.join(output, 'lab', 'favicon.ico'),
    path.join(output, 'favicon.ico')
  );
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  console.error(`lite: site built in ${output} (${seconds} s)`);
}

/** The content types of what a Lite site holds. */
const TYPES = {
  '.css': 'text/css',
  '.eot': 'application/vnd.ms-fontobject',
  '.gif': 'image/gif',
  '.html': 'text/html',
  '.ico': 'image/x-icon',
  '.ipynb': 'application/json',
  '.jpg': 'image/jpeg',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.map': 'application/json',
  '.md': 'text/markdown',
  '.mjs': 'text/javascript',
  '.png': 'image/png',
  '.py': 'text/x-python',
  '.svg': 'image/svg+xml',
  '.toml': 'application/toml',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.whl': 'application/octet-stream',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2'
};

/**
 * Serve the folder `dir` on 127.0.0.1:`port`: files as they are, a folder
 * as its index.html, 404 for anything else; never a file outside `dir`.
 */
export function serveSite({ dir = DEFAULT_OUTPUT, port }) {
  const top = path.resolve(dir);
  const server = http.createServer((request, response) => {
    let file;
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      file = path.join(top, decodeURIComponent(url.pathname));
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (file !== top && !file.startsWith(top + path.sep)) {
      response.writeHead(404).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      file = path.join(file, 'index.html');
    }
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      console.error(`lite: 404 ${request.method} ${request.url}`);
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type':
        TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      // A rebuilt site is never served from the browser's cache.
      'Cache-Control': 'no-store'
    });
    if (request.method === 'HEAD') {
      response.end();
    } else {
      fs.createReadStream(file).pipe(response);
    }
  });
  server.listen(Number(port), '127.0.0.1');
  return server;
}

/**
 * `npm start -- --app lite`: build the site with the files of `contents`,
 * serve it on 127.0.0.1:`port` and print its URL; resolves (with the exit
 * status) when stopped.
 */
export function startLite({ port, contents }) {
  buildSite({ output: DEFAULT_OUTPUT, contents });
  const server = serveSite({ dir: DEFAULT_OUTPUT, port });
  server.on('listening', () => {
    const base = `http://127.0.0.1:${port}/lab/index.html`;
    console.log(
      `\nJupyterLite with jupyterlab-notebook-metadata, the files of ${path.resolve(contents)} (no server: what you save stays in this browser's storage):`
    );
    console.log(base);
    const notebook = fs
      .readdirSync(contents)
      .sort()
      .find(name => name.endsWith('.ipynb'));
    if (notebook) {
      console.log(`a notebook: ${base}?path=${encodeURIComponent(notebook)}`);
    }
    console.log('');
  });
  return new Promise(resolve => {
    server.on('error', error => {
      console.error(`lite: ${error.message}`);
      resolve(1);
    });
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.on(signal, () => resolve(0));
    }
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8000' },
      output: { type: 'string', default: DEFAULT_OUTPUT },
      contents: { type: 'string', default: path.join(root, 'examples') }
    }
  });
  buildSite({ output: values.output, contents: values.contents });
  const server = serveSite({ dir: values.output, port: values.port });
  server.on('listening', () => {
    console.error(
      `lite: serving ${values.output} at http://127.0.0.1:${values.port}/`
    );
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => process.exit(0));
  }
}
