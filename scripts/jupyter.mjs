/**
 * The Jupyter servers the project starts, for `npm start`, the UI tests, the
 * benchmark and the screenshots: the real `jupyter lab` and `jupyter
 * notebook` of the project's environment (.venv, made by scripts/setup.sh
 * from requirements/jupyter.txt), with scripts/jupyter_config.py.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * The project's Python environments: `default` (.venv, the releases users
 * install), `oldest` (.venv-oldest, the oldest releases it supports) and
 * `lite` (.venv-lite, where the JupyterLite site is built).
 */
export const VENVS = {
  default: path.join(root, '.venv'),
  oldest: path.join(root, '.venv-oldest'),
  lite: path.join(root, '.venv-lite')
};

/** A program of a project environment (`python`, `jupyter`, `pip`...). */
export function venvBin(name, venv = 'default') {
  return path.join(VENVS[venv], 'bin', name);
}

/** The front ends: `jupyter <command>`, and the page each opens on. */
export const APPS = {
  lab: { title: 'JupyterLab', command: 'lab', landing: '/lab' },
  notebook: {
    title: 'Jupyter Notebook 7',
    command: 'notebook',
    landing: '/tree'
  }
};

/** The app named `name`, or an error naming the known ones. */
export function app(name) {
  const found = APPS[name];
  if (!found) {
    throw new Error(
      `Unknown app "${name}": use one of ${Object.keys(APPS).join(', ')}`
    );
  }
  return found;
}

/** The configuration files of the servers. */
export const CONFIG = {
  /** npm start and the benchmark. */
  default: path.join(root, 'scripts', 'jupyter_config.py'),
  /** The UI tests: galata's configuration, then the default one. */
  test: path.join(root, 'ui-tests', 'jupyter_server_test_config.py')
};

/** A free TCP port on loopback. */
export function freePort() {
  return execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
  ])
    .toString()
    .trim();
}

/**
 * The environment of a server whose state (settings, workspaces, Jupyter's
 * config and data folders, extra kernelspecs under `<stateDir>/jupyter`) is
 * in `stateDir`: nothing of the user's own Jupyter config leaks in.
 */
export function serverEnv(stateDir, env = {}, venv = 'default') {
  for (const dir of ['config', 'data', 'runtime', 'jupyter', 'xdg-config']) {
    fs.mkdirSync(path.join(stateDir, dir), { recursive: true });
  }
  return {
    ...process.env,
    PATH: `${path.join(VENVS[venv], 'bin')}${path.delimiter}${process.env.PATH}`,
    VIRTUAL_ENV: VENVS[venv],
    JUPYTER_CONFIG_DIR: path.join(stateDir, 'config'),
    JUPYTER_DATA_DIR: path.join(stateDir, 'data'),
    JUPYTER_RUNTIME_DIR: path.join(stateDir, 'runtime'),
    JUPYTER_PATH: path.join(stateDir, 'jupyter'),
    JUPYTER_PLATFORM_DIRS: '1',
    // Where Jupytext looks for a global config when a notebook's folders
    // have none: empty folders of the state, never the user's own.
    XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'),
    XDG_CONFIG_DIRS: path.join(stateDir, 'xdg-config'),
    // ipykernel's debugger warns on every kernel start without this.
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
    ...env
  };
}

/**
 * Spawn `jupyter lab` or `jupyter notebook` (`appName`) on loopback:port,
 * serving `rootDir` with `token`. `config`: 'default' or 'test';
 * `labextensions`: more folders of prebuilt extensions; `onlyLabextensions`:
 * the one folder of prebuilt extensions instead of the environment's;
 * `args`: more `--Class.trait=value` options; `stdio` as for spawn; `venv`:
 * the environment (`default` or `oldest`); `jupytext`: whether Jupytext
 * (installed in .venv: its contents manager and its lab extension) is on;
 * `collaborative`: whether real-time collaboration (jupyter-collaboration,
 * installed in .venv: its server extension and lab extensions) is on.
 */
export function serve({
  app: appName = 'lab',
  port,
  rootDir,
  token,
  stateDir,
  config = 'default',
  labextensions = [],
  onlyLabextensions,
  exposeApp = false,
  args = [],
  stdio = 'inherit',
  env = {},
  venv = 'default',
  jupytext = false,
  collaborative = false
}) {
  fs.mkdirSync(stateDir, { recursive: true });
  switchLabExtensions(stateDir, { jupytext, collaborative });
  return spawn(
    venvBin('jupyter', venv),
    [app(appName).command, `--config=${CONFIG[config]}`, ...args],
    {
      stdio,
      env: serverEnv(
        stateDir,
        {
          NBMETA_PORT: String(port),
          NBMETA_ROOT: rootDir,
          NBMETA_TOKEN: token,
          NBMETA_STATE: stateDir,
          NBMETA_EXTRA_LABEXTENSIONS: labextensions.join(path.delimiter),
          NBMETA_LABEXTENSIONS_ONLY: onlyLabextensions ?? '',
          NBMETA_EXPOSE_APP: exposeApp ? '1' : '',
          NBMETA_JUPYTEXT: jupytext ? '1' : '',
          NBMETA_COLLABORATIVE: collaborative ? '1' : '',
          ...env
        },
        venv
      )
    }
  );
}

/**
 * Turn the lab extensions of Jupytext and of jupyter-collaboration on or off
 * for the servers of `stateDir`, as `jupyter labextension enable|disable`
 * does: in the page config of the state's config folder
 * (JUPYTER_CONFIG_DIR). Their server extensions follow NBMETA_JUPYTEXT and
 * NBMETA_COLLABORATIVE (scripts/jupyter_config.py). Other settings in that
 * file stay.
 */
function switchLabExtensions(stateDir, { jupytext, collaborative }) {
  mergeJSON(path.join(stateDir, 'config', 'labconfig', 'page_config.json'), {
    disabledExtensions: {
      'jupyterlab-jupytext': !jupytext,
      '@jupyter/collaboration-extension': !collaborative,
      '@jupyter/docprovider-extension': !collaborative
    }
  });
}

/** Merge `value` into the JSON object of `file` (made if missing). */
function mergeJSON(file, value) {
  const merge = (into, from) => {
    for (const [key, item] of Object.entries(from)) {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        into[key] = merge(
          into[key] && typeof into[key] === 'object' ? into[key] : {},
          item
        );
      } else {
        into[key] = item;
      }
    }
    return into;
  };
  const old = fs.existsSync(file)
    ? JSON.parse(fs.readFileSync(file, 'utf-8'))
    : {};
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(merge(old, value), null, 2));
}

/** Wait until the server at `base` answers `/api/status` with `token`. */
export async function waitForServer(base, token, { seconds = 60, log } = {}) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      const response = await fetch(`${base}/api/status?token=${token}`);
      if (response.ok) {
        return;
      }
    } catch {
      // not up yet
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(
    `The server at ${base} did not answer${log ? `; see ${log}` : ''}`
  );
}
