/**
 * Build everything a run needs, as a user would get it:
 * the extension (TypeScript, then the prebuilt federated extension), its
 * wheel, that wheel installed into ui-tests/.lab-install (as `pip install`
 * does), and the front ends of the test hosts (JupyterLab, Notebook 7).
 *
 * `node scripts/build.mjs [lab|notebook ...]` builds the named hosts (all by
 * default) and prints the labextensions folder the servers should read.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { host, HOSTS, root } from './hosts.mjs';

const python = '/usr/bin/python3';
export const installPrefix = path.join(root, 'ui-tests', '.lab-install');
/** The example extension (examples/section-extension), built for the tests. */
const example = path.join(root, 'examples', 'section-extension');
/** Where the tests' server finds the example extension. */
export const exampleLabextensionsDir = path.join(
  installPrefix,
  'example',
  'labextensions'
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

/** The `share/jupyter/labextensions` folder under the install prefix. */
export function labextensionsDir() {
  const candidates = [
    path.join(installPrefix, 'local', 'share', 'jupyter', 'labextensions'),
    path.join(installPrefix, 'share', 'jupyter', 'labextensions')
  ];
  const found = candidates.find(dir =>
    fs.existsSync(
      path.join(dir, 'jupyterlab-notebook-metadata', 'package.json')
    )
  );
  if (!found) {
    throw new Error(`The extension is not installed under ${installPrefix}`);
  }
  return found;
}

/** Build the extension, its wheel and the front ends of `hosts`. */
export function build({ hosts = Object.keys(HOSTS) } = {}) {
  timed('extension', () => {
    run('npm', ['run', 'build:lib:prod']);
    run('npm', ['run', 'build:labextension']);
  });
  timed('wheel', () => {
    fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
    run(python, [
      '-m',
      'pip',
      'wheel',
      '--quiet',
      '--no-build-isolation',
      '--no-deps',
      '--no-index',
      '-w',
      'dist',
      '.'
    ]);
    const wheel = fs
      .readdirSync(path.join(root, 'dist'))
      .find(f => f.endsWith('.whl'));
    fs.rmSync(installPrefix, { recursive: true, force: true });
    run(python, [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--no-deps',
      '--no-index',
      '--no-warn-script-location',
      '--root-user-action=ignore',
      '--prefix',
      installPrefix,
      path.join('dist', wheel)
    ]);
  });
  timed('example extension', () => {
    run('npm', ['run', 'build'], { cwd: example });
    const name = JSON.parse(
      fs.readFileSync(path.join(example, 'package.json'), 'utf-8')
    ).name;
    // Installed as `jupyter labextension develop` would: a folder of its own.
    const target = path.join(exampleLabextensionsDir, name);
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.cpSync(path.join(example, 'labextension'), target, { recursive: true });
  });
  for (const name of hosts) {
    timed(`test host ${name}`, () =>
      run('npm', ['run', 'build', '--workspace', host(name).workspace])
    );
  }
  return labextensionsDir();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const named = process.argv.slice(2);
  console.log(build(named.length ? { hosts: named } : {}));
}
