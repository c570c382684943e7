/**
 * `npm run hub [-- --port 8000]`: a real JupyterHub on loopback with two
 * users, the extension installed in the single-user environment and the
 * course's overrides.json (examples/hub/overrides.json) for everyone. Installs
 * what is missing, builds, starts the hub and prints how to log in.
 *
 * `node scripts/hub.mjs --for-tests --port N` is the hub of the UI tests
 * (Playwright's webServer): no setup or build, its state folder and password
 * from HUB_STATE and HUB_PASSWORD, `window.jupyterapp` exposed.
 *
 * The hub is PyPI's jupyterhub (in .venv, requirements/jupyter.txt) with npm's
 * configurable-http-proxy (node_modules); scripts/hub/jupyterhub_config.py
 * configures it. Its state (database, cookie secret, the proxy's pid file)
 * and the users' home folders are in a temporary folder.
 */
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { root, venvBin } from './jupyter.mjs';

/**
 * The hub's users: one plain name, and one that must be escaped in a URL
 * (a space and a non-ASCII letter: `/user/ana%20mar%C3%ADa/`). JupyterHub
 * keeps both as they are (it lowercases names and refuses `/`, empty names
 * and names with spaces around them).
 */
export const HUB_USERS = ['alice', 'ana maría'];

/** The admin's overrides.json of the course (the README's example). */
export const COURSE_OVERRIDES = path.join(
  root,
  'examples',
  'hub',
  'overrides.json'
);

/**
 * A free TCP port on loopback. (jupyter.mjs's `freePort` prints it with
 * console.log, which colours numbers under FORCE_COLOR, as Playwright's web
 * servers run.)
 */
function freePort() {
  return execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"
  ]).toString();
}

/** A user's home folder (SimpleLocalProcessSpawner's home_dir_template). */
export function homeOf(stateDir, user) {
  return path.join(stateDir, 'home', user);
}

/** The URL path prefix of a user's server, escaped as JupyterHub does. */
export function userPrefix(user) {
  // Python's quote(name, safe='@~') (jupyterhub.utils.url_escape_path).
  const escaped = encodeURIComponent(user).replace(
    /[!'()*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  );
  return `/user/${escaped.replace(/%40/g, '@')}/`;
}

/**
 * Start the hub on 127.0.0.1:`port` with its state in `stateDir`; returns
 * the child process of `jupyterhub`. `seed`: notebooks copied into each
 * user's home before the hub starts.
 */
export function startHub({
  port,
  stateDir,
  password,
  users = HUB_USERS,
  exposeApp = false,
  labextensions = [],
  seed = [],
  stdio = 'inherit'
}) {
  fs.mkdirSync(stateDir, { recursive: true });
  // The admin's settings folder of every single-user server: the course's
  // overrides.json, with the project's (no news, no update check), and the
  // lab extensions that are off (installed in .venv for other tests).
  const appSettings = path.join(stateDir, 'app-settings');
  fs.mkdirSync(appSettings, { recursive: true });
  const read = file => JSON.parse(fs.readFileSync(file, 'utf-8'));
  fs.writeFileSync(
    path.join(appSettings, 'overrides.json'),
    JSON.stringify(
      {
        ...read(path.join(root, 'scripts', 'app-settings', 'overrides.json')),
        ...read(COURSE_OVERRIDES)
      },
      null,
      2
    )
  );
  fs.writeFileSync(
    path.join(appSettings, 'page_config.json'),
    JSON.stringify({
      disabledExtensions: [
        'jupyterlab-jupytext',
        '@jupyter/collaboration-extension',
        '@jupyter/docprovider-extension'
      ]
    })
  );
  for (const user of users) {
    const home = homeOf(stateDir, user);
    fs.mkdirSync(home, { recursive: true });
    for (const file of seed) {
      fs.copyFileSync(file, path.join(home, path.basename(file)));
    }
  }
  return spawn(
    venvBin('jupyterhub'),
    ['-f', path.join(root, 'scripts', 'hub', 'jupyterhub_config.py')],
    {
      cwd: stateDir,
      stdio,
      env: {
        ...process.env,
        PATH: `${path.dirname(venvBin('python'))}${path.delimiter}${process.env.PATH}`,
        VIRTUAL_ENV: path.dirname(path.dirname(venvBin('python'))),
        NBMETA_HUB_STATE: stateDir,
        NBMETA_HUB_PORT: String(port),
        NBMETA_HUB_API_PORT: freePort(),
        NBMETA_HUB_PROXY_API_PORT: freePort(),
        NBMETA_HUB_PROXY: path.join(
          root,
          'node_modules',
          '.bin',
          'configurable-http-proxy'
        ),
        NBMETA_HUB_PASSWORD: password,
        NBMETA_HUB_USERS: JSON.stringify(users),
        NBMETA_HUB_APP_SETTINGS: appSettings,
        NBMETA_EXPOSE_APP: exposeApp ? '1' : '',
        NBMETA_EXTRA_LABEXTENSIONS: labextensions.join(path.delimiter)
      }
    }
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8000' },
      'for-tests': { type: 'boolean', default: false }
    }
  });
  let hub;
  if (values['for-tests']) {
    const stateDir = process.env.HUB_STATE;
    fs.mkdirSync(stateDir, { recursive: true });
    const log = fs.openSync(path.join(stateDir, 'hub.log'), 'a');
    console.error(`hub: log in ${path.join(stateDir, 'hub.log')}`);
    const { exampleLabextensionsDir } = await import('./build.mjs');
    hub = startHub({
      port: values.port,
      stateDir,
      password: process.env.HUB_PASSWORD,
      exposeApp: true,
      labextensions: [exampleLabextensionsDir],
      stdio: ['ignore', log, log]
    });
  } else {
    execFileSync('bash', [path.join(root, 'scripts', 'setup.sh')], {
      stdio: 'inherit'
    });
    const { build } = await import('./build.mjs');
    build();
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nbmeta-hub-'));
    const password = crypto.randomBytes(9).toString('base64url');
    const examples = path.join(root, 'examples');
    hub = startHub({
      port: values.port,
      stateDir,
      password,
      seed: fs
        .readdirSync(examples)
        .filter(name => name.endsWith('.ipynb'))
        .map(name => path.join(examples, name)),
      stdio: ['ignore', 'inherit', 'pipe']
    });
    let announced = false;
    hub.stderr.on('data', chunk => {
      process.stderr.write(chunk);
      if (!announced && String(chunk).includes('JupyterHub is now running')) {
        announced = true;
        const base = `http://127.0.0.1:${values.port}`;
        console.log(`\nJupyterHub with jupyterlab-notebook-metadata: ${base}/`);
        console.log(
          `Log in as ${HUB_USERS.map(u => `"${u}"`).join(' or ')}, password ${password}`
        );
        for (const user of HUB_USERS) {
          console.log(
            `  ${user}: ${base}${userPrefix(user)}lab, files in ${homeOf(stateDir, user)}`
          );
        }
        console.log(
          `The course's settings for everyone: ${path.join(stateDir, 'app-settings', 'overrides.json')}`
        );
        console.log(`The hub's state: ${stateDir}\n`);
      }
    });
  }
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => hub.kill('SIGTERM'));
  }
  hub.on('exit', code => process.exit(code ?? 0));
}
