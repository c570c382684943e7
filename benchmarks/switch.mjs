/**
 * `npm run bench`: what the panel costs when notebooks switch, and when one
 * key is changed elsewhere (by code, the kernel, a collaborator), against a
 * bare lab and against JupyterLab's own metadata editor (Notebook Tools →
 * Advanced Tools), with 1 KB, 100 KB and 1 MB of notebook metadata and with
 * 3,000 top-level keys; the heap left after opening and closing notebooks;
 * and what having the extension installed costs a page that never opens the
 * panel (benchmarks/startup.mjs: the time to `app.restored` without and with
 * it, and the extension's files loaded). Prints tables.
 *
 * Real parts: the real `jupyter lab` of .venv (JupyterLab and Notebook 7
 * from PyPI, with their prebuilt extensions: Notebook 7's lab extension,
 * jupyterlab_pygments) with scripts/jupyter_config.py, the extension
 * installed from its wheel, Debian's Chromium. Each switch is timed from the
 * tab activation to the end of the next frame; "same frame" says whether the
 * panel already showed the new notebook when that frame was drawn. The three
 * labs (bare, core's editor, ours: one server, a page each with its sidebar)
 * take turns, one page open at a time, in BENCH_ROUNDS rounds of a fresh
 * page each; the bare lab's window is narrower by a sidebar's width, so that
 * its notebook is laid out at the same width as beside one. The start-up is
 * measured first, on two servers of its own, BENCH_STARTUP_LOADS pages each
 * (0: not measured).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  launchChromium,
  openLab,
  openNotebook as open,
  startLab
} from '../scripts/lab-session.mjs';
import { measureStartup, printStartup } from './startup.mjs';

const SWITCHES = Number(process.env.BENCH_SWITCHES ?? 20);
const OPEN_CLOSE = Number(process.env.BENCH_OPEN_CLOSE ?? 8);
/** Fresh pages per lab for the start-up table. */
const STARTUP_LOADS = Number(process.env.BENCH_STARTUP_LOADS ?? 7);
/** The cases: a label, and the metadata's size in bytes or its keys. */
const SIZES = [
  ['1 KB', { bytes: 1_000 }],
  ['100 KB', { bytes: 100_000 }],
  ['1 MB', { bytes: 1_000_000 }],
  ['3,000 keys', { keys: 3_000 }]
];
const MODES = ['bare', 'core', 'ours'];
/** BENCH_CASES="1 KB; 3,000 keys" runs these cases only, in this order. */
const CASES = process.env.BENCH_CASES
  ? process.env.BENCH_CASES.split(';').map(label => {
      const found = SIZES.find(([known]) => known === label.trim());
      if (!found) {
        throw new Error(`BENCH_CASES: no case "${label.trim()}"`);
      }
      return found;
    })
  : SIZES;

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nbmeta-bench-'));

/** Deterministic metadata of about `bytes` bytes. */
function payload(bytes) {
  const records = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const record = {
      id: i,
      label: `record-${i}`,
      values: [i % 7, i % 11, i % 13]
    };
    size += JSON.stringify(record).length + 1;
    records.push(record);
  }
  return records;
}

/** 3,000 (or `count`) top-level keys of small values. */
function manyKeys(count) {
  const keys = {};
  for (let i = 0; i < count; i++) {
    keys[`key-${String(i).padStart(4, '0')}`] = { id: i, tags: ['a', 'b'] };
  }
  return keys;
}

function writeNotebook(name, size) {
  const notebook = {
    cells: [
      {
        cell_type: 'code',
        execution_count: null,
        id: 'c1',
        metadata: {},
        outputs: [],
        source: 'x = 1'
      }
    ],
    metadata: {
      // Early, so that core's editor shows it in its first visible lines
      // (the lab's model puts kernelspec and language_info before it).
      a_notebook: name,
      kernelspec: {
        display_name: 'Python 3 (ipykernel)',
        language: 'python',
        name: 'python3'
      },
      language_info: { name: 'python' },
      title: name,
      edited: 0,
      ...(size.bytes ? { payload: payload(size.bytes) } : manyKeys(size.keys))
    },
    nbformat: 4,
    nbformat_minor: 5
  };
  fs.writeFileSync(path.join(root, name), JSON.stringify(notebook));
}

/** A file-name tag for a case. */
const tagOf = label => label.replace(/[^A-Za-z0-9]/g, '');

for (const [label, size] of CASES) {
  const tag = tagOf(label);
  for (const which of ['a', 'b']) {
    writeNotebook(`${tag}-${which}.ipynb`, size);
  }
  for (let i = 0; i < OPEN_CLOSE; i++) {
    writeNotebook(`${tag}-open-${i}.ipynb`, size);
  }
}

const browser = await launchChromium(['--js-flags=--expose-gc']);
const chromiumVersion = browser.version();
/** The lab of the switch tables (started after the start-up's). */
let lab;

/** How long core's Advanced Tools may take to open (ms). */
const ADVANCED_TOOLS_TIMEOUT = 10 * 60_000;

/** The width of the right sidebar of the labs that show one. */
let sidebarWidth = 0;

/** A fresh lab page on a workspace of its own, with the sidebar for `mode`. */
async function labPage(mode) {
  const page = await openLab(browser, lab, `bench-${mode}`, {
    width: 1400,
    height: 900
  });
  if (mode === 'ours') {
    sidebarWidth = await page.evaluate(() => {
      window.jupyterapp.shell.activateById('jp-notebook-metadata');
      return document.getElementById('jp-right-stack').offsetWidth;
    });
  } else if (mode === 'core') {
    await page.evaluate(() =>
      window.jupyterapp.shell.activateById('jp-property-inspector')
    );
  } else {
    // The bare lab's notebook gets the width it has beside the sidebar: the
    // window is narrower by the sidebar's width (measured in the other labs).
    await page.evaluate(() => window.jupyterapp.shell.collapseRight());
    await page.setViewportSize({ width: 1400 - sidebarWidth, height: 900 });
  }
  return page;
}

/**
 * Open core's Advanced Tools so its metadata editor is shown. The click's
 * handler draws the editor: with 1 MB of metadata it takes JupyterLab 4.6.6
 * tens of seconds, past Playwright's default 30.
 */
async function openAdvancedTools(page) {
  const header = page
    .locator('#jp-property-inspector .jp-Collapser-title')
    .getByText('Advanced Tools', { exact: true });
  await header.click({ timeout: ADVANCED_TOOLS_TIMEOUT });
  await page
    .locator('#jp-property-inspector .cm-editor')
    .first()
    .waitFor({ timeout: ADVANCED_TOOLS_TIMEOUT });
}

/** Time one switch to `id`; whether the panel showed `title` in that frame. */
async function timeSwitch(page, id, title, mode) {
  return page.evaluate(
    ({ id, title, mode }) =>
      new Promise(resolve => {
        const start = performance.now();
        window.jupyterapp.shell.activateById(id);
        requestAnimationFrame(() => {
          let shown = null;
          if (mode === 'ours') {
            const name = document.querySelector(
              '#jp-notebook-metadata .jp-NotebookMetadata-notebookName'
            );
            shown = name?.textContent === title;
          } else if (mode === 'core') {
            // Core's inspector has a cell metadata editor and a notebook one.
            const editors = document.querySelectorAll(
              '#jp-property-inspector .cm-content'
            );
            shown = [...editors].some(editor =>
              editor.textContent.includes(`"a_notebook": "${title}"`)
            );
          }
          // The end of the frame: after rendering, the next task.
          const channel = new MessageChannel();
          channel.port1.onmessage = () =>
            resolve({ ms: performance.now() - start, shown });
          channel.port2.postMessage(null);
        });
      }),
    { id, title, mode }
  );
}

/**
 * Time one change of one key made outside the panel (as code, the kernel or
 * a collaborator makes it) to the end of the next frame; whether the panel
 * showed the new value in that frame.
 */
async function timeExternalEdit(page, value, mode) {
  return page.evaluate(
    ({ value, mode }) =>
      new Promise(resolve => {
        const model = window.jupyterapp.shell.currentWidget.context.model;
        const start = performance.now();
        model.setMetadata('edited', value);
        requestAnimationFrame(() => {
          let shown = null;
          if (mode === 'ours') {
            const field = document.querySelector(
              '#jp-notebook-metadata textarea[aria-label="Value of edited (JSON)"]'
            );
            shown = field?.value === String(value);
          }
          const channel = new MessageChannel();
          channel.port1.onmessage = () =>
            resolve({ ms: performance.now() - start, shown });
          channel.port2.postMessage(null);
        });
      }),
    { value, mode }
  );
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** How many turns each lab takes per case (BENCH_ROUNDS, at most SWITCHES). */
const ROUNDS = Math.max(
  1,
  Math.min(SWITCHES, Number(process.env.BENCH_ROUNDS ?? 3))
);
/** Switches (and external edits) per turn; SWITCHES in all, rounded up. */
const PER_ROUND = Math.ceil(SWITCHES / ROUNDS);
const MEASURED = PER_ROUND * ROUNDS;

/**
 * One turn of a lab on a case: a fresh page with the case's two notebooks,
 * PER_ROUND switches and PER_ROUND external edits timed into `state`; and,
 * on the last turn, the heap left per notebook opened and closed.
 */
async function takeTurn(mode, tag, state, lastRound) {
  const page = await labPage(mode);
  const a = await open(page, `${tag}-a.ipynb`);
  const b = await open(page, `${tag}-b.ipynb`);
  if (mode === 'core') {
    await openAdvancedTools(page);
  }
  // Warm up once each way.
  await timeSwitch(page, a, `${tag}-a.ipynb`, mode);
  await timeSwitch(page, b, `${tag}-b.ipynb`, mode);
  for (let i = 0; i < PER_ROUND; i++) {
    const [id, title] =
      i % 2 === 0 ? [a, `${tag}-a.ipynb`] : [b, `${tag}-b.ipynb`];
    const result = await timeSwitch(page, id, title, mode);
    state.times.push(result.ms);
    if (result.shown) {
      state.sameFrame += 1;
    }
  }
  // One key changed elsewhere, on the notebook shown.
  for (let i = 0; i < PER_ROUND; i++) {
    const result = await timeExternalEdit(page, state.edits.length + 1, mode);
    state.edits.push(result.ms);
    if (result.shown) {
      state.editShown += 1;
    }
  }
  if (lastRound) {
    // Heap: open and close notebooks, collect garbage, compare.
    const heap = async () =>
      page.evaluate(async () => {
        for (let i = 0; i < 3; i++) {
          window.gc();
          await new Promise(resolve => setTimeout(resolve, 50));
        }
        return performance.memory.usedJSHeapSize;
      });
    const before = await heap();
    for (let i = 0; i < OPEN_CLOSE; i++) {
      const id = await open(page, `${tag}-open-${i}.ipynb`);
      await page.evaluate(async id => {
        const widget = [...window.jupyterapp.shell.widgets('main')].find(
          w => w.id === id
        );
        widget.close();
        while (!widget.isDisposed) {
          await new Promise(resolve => requestAnimationFrame(resolve));
        }
      }, id);
    }
    state.heap = ((await heap()) - before) / OPEN_CLOSE / 1e6;
  }
  await page.close();
}

/** The rows of the switch tables, a case each; and the lab's version. */
async function measureCases() {
  // The bare lab's window is narrowed by the width of ours' sidebar.
  const first = await labPage('ours');
  const version = await first.evaluate(() => window.jupyterapp.version);
  await first.close();
  const rows = [];
  for (const [label] of CASES) {
    const tag = tagOf(label);
    const row = { size: label };
    const states = Object.fromEntries(
      MODES.map(mode => [
        mode,
        { times: [], sameFrame: 0, edits: [], editShown: 0, heap: 0 }
      ])
    );
    // One lab page at a time (labs open side by side slow each other down on
    // two cores); the labs take turns, in another order each round, so that
    // whatever else the machine does weighs on each alike.
    for (let round = 0; round < ROUNDS; round++) {
      const order = MODES.map((_, i) => MODES[(i + round) % MODES.length]);
      for (const mode of order) {
        await takeTurn(mode, tag, states[mode], round === ROUNDS - 1);
      }
    }
    for (const mode of MODES) {
      const { times, sameFrame, edits, editShown, heap } = states[mode];
      row[mode] = median(times);
      row[`${mode}Frame`] = mode === 'bare' ? '' : `${sameFrame}/${MEASURED}`;
      row[`${mode}Edit`] = median(edits);
      row[`${mode}EditFrame`] =
        mode === 'ours' ? `${editShown}/${MEASURED}` : '';
      row[`${mode}Heap`] = heap;
    }
    rows.push(row);
  }
  return { rows, version };
}

let startup = null;
let measured;
try {
  if (STARTUP_LOADS > 0) {
    startup = await measureStartup(browser, STARTUP_LOADS);
  }
  lab = await startLab(root);
  measured = await measureCases();
} finally {
  await browser.close();
  await lab?.stop();
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(`${root}-state`, { recursive: true, force: true });
}
const { rows, version } = measured;

const f = n => n.toFixed(1);
const signed = n => (n >= 0 ? '+' : '') + n.toFixed(1);
console.log(`\nJupyterLab ${version} (.venv), Chromium ${chromiumVersion}`);
console.log(
  `\nNotebook switch (median of ${MEASURED}, ms to the end of the next frame) and heap left per opened-and-closed notebook (MB, after GC)\n`
);
console.log(
  '| metadata | bare ms | core ms | ours ms | ours − bare | core − bare | core same frame | ours same frame | bare heap | core heap | ours heap |'
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.size} | ${f(r.bare)} | ${f(r.core)} | ${f(r.ours)} | ${signed(r.ours - r.bare)} | ${signed(r.core - r.bare)} | ${r.coreFrame} | ${r.oursFrame} | ${r.bareHeap.toFixed(2)} | ${r.coreHeap.toFixed(2)} | ${r.oursHeap.toFixed(2)} |`
  );
}
console.log(
  `\nOne key changed elsewhere on the notebook shown (median of ${MEASURED}, ms to the end of the next frame)\n`
);
console.log(
  '| metadata | bare ms | core ms | ours ms | ours − bare | core − bare | ours same frame |'
);
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.size} | ${f(r.bareEdit)} | ${f(r.coreEdit)} | ${f(r.oursEdit)} | ${signed(r.oursEdit - r.bareEdit)} | ${signed(r.coreEdit - r.bareEdit)} | ${r.oursEditFrame} |`
  );
}
if (startup) {
  printStartup(startup);
}
