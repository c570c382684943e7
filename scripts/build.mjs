/**
 * Build what a run needs, as a user gets it: the extension (TypeScript, then
 * the prebuilt federated extension), its wheel, and that wheel installed into
 * the project's environments (.venv, .venv-oldest, .venv-lite) as `pip
 * install` does; and the example extension (examples/section-extension),
 * which the UI tests load beside it.
 *
 * `node scripts/build.mjs` builds all of it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { root, venvBin, VENVS } from './jupyter.mjs';

/** The example extension's sources. */
const example = path.join(root, 'examples', 'section-extension');
/** The folder of prebuilt extensions that holds the example extension. */
export const exampleLabextensionsDir = path.join(
  root,
  'examples',
  '.labextensions'
);

function run(command, args, options = {}) {
  execFileSync(command, args, { cwd: root, stdio: 'inherit', ...options });
}

function timed(label, step) {
  const start = Date.now();
  step();
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  console.log(`build: ${label} ${seconds} s`);
}

/** pip of a project environment, quiet and offline. */
function pip(venv, ...args) {
  run(venvBin('python', venv), [
    '-m',
    'pip',
    ...args,
    '--quiet',
    '--disable-pip-version-check',
    '--no-deps',
    '--no-index'
  ]);
}

/** Build the extension and its wheel, install it; build the example extension. */
export function build() {
  timed('extension', () => {
    run('npm', ['run', 'build:lib:prod']);
    run('npm', ['run', 'build:labextension']);
  });
  timed('wheel', () => {
    fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
    // The labextension is built: the build hook of pyproject.toml skips npm.
    pip('default', 'wheel', '--no-build-isolation', '-w', 'dist', '.');
    const wheel = fs
      .readdirSync(path.join(root, 'dist'))
      .find(f => f.endsWith('.whl'));
    // Into every environment there is (.venv-oldest and .venv-lite too, where they were made).
    for (const venv of Object.keys(VENVS)) {
      if (fs.existsSync(venvBin('python', venv))) {
        pip(
          venv,
          'install',
          '--force-reinstall',
          '--root-user-action=ignore',
          path.join('dist', wheel)
        );
      }
    }
  });
  timed('example extension', () => {
    run('npm', ['run', 'build'], { cwd: example });
    const name = JSON.parse(
      fs.readFileSync(path.join(example, 'package.json'), 'utf-8')
    ).name;
    // A folder of its own, as `jupyter labextension develop` would link it.
    const target = path.join(exampleLabextensionsDir, name);
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.cpSync(path.join(example, 'labextension'), target, { recursive: true });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build();
}
