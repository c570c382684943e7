/**
 * `npm test`: lint, jest, then the Playwright UI tests in a real JupyterLab
 * and a real Jupyter Notebook 7 (after building the extension, its wheel and
 * both test hosts). Ends with the UI tests per front end, then one line
 * counting every test: `Summary: N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from './build.mjs';

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

/** UI test lines to print before the summary (per front end). */
const uiNotes = [];

function finish(ok) {
  times.total = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    '\n== Times (s): ' +
      Object.entries(times)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')
  );
  for (const note of uiNotes) {
    console.log(note);
  }
  console.log(`Summary: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(ok ? 0 : 1);
}

/** The tests of a Playwright JSON report, as `file title` strings. */
function testTitles(report) {
  const titles = new Set();
  const visit = (suite, file) => {
    for (const spec of suite.specs ?? []) {
      titles.add(`${file} ${spec.title}`);
    }
    for (const child of suite.suites ?? []) {
      visit(child, file);
    }
  };
  for (const suite of report.suites) {
    visit(suite, suite.file);
  }
  return titles;
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

/** The front ends the UI tests run in, one Playwright project each. */
const UI_PROJECTS = { lab: 'JupyterLab', notebook: 'Jupyter Notebook 7' };
const uiTitles = {};
let uiOk = buildOk;
if (buildOk) {
  for (const [project, title] of Object.entries(UI_PROJECTS)) {
    const uiReport = path.join(reports, `playwright-${project}.json`);
    const ok = step(
      `ui ${project}`,
      'npx',
      [
        'playwright',
        'test',
        '--config',
        'ui-tests/playwright.config.ts',
        `--project=${project}`,
        '--reporter=list,json'
      ],
      { PLAYWRIGHT_JSON_OUTPUT_NAME: uiReport }
    );
    uiOk &&= ok;
    if (!fs.existsSync(uiReport)) {
      counts.failed += ok ? 0 : 1;
      uiNotes.push(`UI ${project} (${title}): no report`);
      continue;
    }
    const report = JSON.parse(fs.readFileSync(uiReport, 'utf-8'));
    const { stats } = report;
    counts.passed += stats.expected;
    counts.failed += stats.unexpected + stats.flaky;
    if (!ok && stats.unexpected === 0) {
      counts.failed += 1;
    }
    uiTitles[project] = testTitles(report);
    uiNotes.push(
      `UI ${project} (${title}): ${stats.expected} passed, ` +
        `${stats.unexpected + stats.flaky} failed, in ${times[`ui ${project}`]} s`
    );
  }
  if (uiTitles.lab && uiTitles.notebook) {
    const { lab, notebook } = uiTitles;
    const labOnly = [...lab].filter(title => !notebook.has(title)).length;
    const own = [...notebook].filter(title => !lab.has(title)).length;
    uiNotes.push(
      `UI notebook: ${notebook.size} tests in Notebook 7 (${own} of them its own); ` +
        `${labOnly} lab tests cannot apply there (NOT_IN_NOTEBOOK7 in ui-tests/playwright.config.ts says why)`
    );
  }
}
finish(jestOk && buildOk && uiOk);
