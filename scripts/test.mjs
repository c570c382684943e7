/**
 * `npm test`: lint, jest, then (after building the extension and installing
 * its wheel into .venv) two checks of the installed extension as JupyterLab's
 * own tools see it (`jupyter labextension list`, `python -m
 * jupyterlab.browser_check`), then the Playwright UI tests in the real
 * `jupyter lab` and `jupyter notebook`. Ends with the UI tests per front end,
 * then one line counting every test: `Summary: N passed, N failed`, after the
 * hostile-metadata suite's `Hostile metadata: N notebooks, N lossless, N page
 * errors`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from './build.mjs';
import { serverEnv, venvBin } from './jupyter.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'nbmeta-test-'));
const counts = { passed: 0, failed: 0 };
const times = {};
const started = Date.now();

function step(label, command, args, env = {}) {
  const start = Date.now();
  console.log(`\n== ${label}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env }
  });
  times[label] = ((Date.now() - start) / 1000).toFixed(1);
  return result.status === 0;
}

function finish(ok) {
  times.total = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    '\n== Times (s): ' +
      Object.entries(times)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')
  );
  console.log(`Summary: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(ok ? 0 : 1);
}

if (!step('lint', 'npm', ['run', '--silent', 'lint:check'])) {
  counts.failed += 1;
  finish(false);
}

const jestReport = path.join(reports, 'jest.json');
const jestOk = step('jest', 'npx', [
  'jest',
  '--ci',
  '--json',
  `--outputFile=${jestReport}`
]);
if (fs.existsSync(jestReport)) {
  const report = JSON.parse(fs.readFileSync(jestReport, 'utf-8'));
  counts.passed += report.numPassedTests;
  counts.failed +=
    report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
} else if (!jestOk) {
  counts.failed += 1;
}

let buildOk = true;
const buildStart = Date.now();
console.log('\n== build');
try {
  build();
} catch (error) {
  console.error(error);
  buildOk = false;
  counts.failed += 1;
}
times.build = ((Date.now() - buildStart) / 1000).toFixed(1);

/**
 * Run a check of the installed extension with a clean Jupyter config; it
 * passes when it exits 0 and its output (ANSI colours removed) matches
 * `expected`. Counted as one test.
 */
function check(label, command, args, expected) {
  const start = Date.now();
  console.log(`\n== ${label}`);
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'nbmeta-check-'));
  const result = spawnSync(command, args, {
    cwd: state,
    encoding: 'utf-8',
    env: serverEnv(state)
  });
  const output = `${result.stdout}${result.stderr}`.replace(
    /\u001b\[[0-9;]*m/g,
    ''
  );
  times[label] = ((Date.now() - start) / 1000).toFixed(1);
  const ok = result.status === 0 && expected.test(output);
  console.log(output.trim());
  console.log(`${label}: ${ok ? 'passed' : 'FAILED'}`);
  counts[ok ? 'passed' : 'failed'] += 1;
  fs.rmSync(state, { recursive: true, force: true });
  return ok;
}

let checksOk = false;
if (buildOk) {
  const listed = check(
    'labextension list',
    venvBin('jupyter'),
    ['labextension', 'list'],
    /jupyterlab-notebook-metadata v\S+ enabled OK \(python, jupyterlab_notebook_metadata\)/
  );
  const started = check(
    'browser check',
    venvBin('python'),
    ['-m', 'jupyterlab.browser_check', '--no-browser-test', '--allow-root'],
    /Test Complete[\s\S]*Exiting normally/
  );
  checksOk = listed && started;
}

let uiOk = false;
if (buildOk) {
  // One run, both projects (lab, notebook); ui-tests/project-summary.ts
  // closes it with the counts and times of each front end.
  const uiReport = path.join(reports, 'playwright.json');
  uiOk = step(
    'ui tests',
    'npx',
    [
      'playwright',
      'test',
      '--config',
      'ui-tests/playwright.config.ts',
      // Per front end counts; the hostile-metadata suite's summary line.
      '--reporter=list,json,./ui-tests/project-summary.ts,./ui-tests/hostile/summary.ts'
    ],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: uiReport }
  );
  if (fs.existsSync(uiReport)) {
    const { stats } = JSON.parse(fs.readFileSync(uiReport, 'utf-8'));
    counts.passed += stats.expected;
    counts.failed += stats.unexpected + stats.flaky;
    if (!uiOk && stats.unexpected === 0) {
      counts.failed += 1;
    }
  } else if (!uiOk) {
    counts.failed += 1;
  }
}
finish(jestOk && buildOk && checksOk && uiOk);
