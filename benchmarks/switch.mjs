/**
 * `npm run bench`: what the panel costs when notebooks switch, and when one
 * key is changed elsewhere (by code, the kernel, a collaborator), against a
 * bare lab and against JupyterLab's own metadata editor (Notebook Tools →
 * Advanced Tools), with 1 KB, 100 KB and 1 MB of notebook metadata and with
 * 3,000 top-level keys (also in a notebook paired with a script); the heap left after opening and closing notebooks;
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
  ['3,000 keys', { keys: 3_000 }],
  // Paired with a script: every custom key says what the script keeps.
  ['3,000 keys, paired', { keys: 3_000, paired: true }]
];
/**
 * The labs: bare; core's Advanced Tools; ours as a notebook opens it (the
 * sections with something set open); ours with the raw JSON open and in
 * view; ours with a large value shown (the cases with one).
 */
const MODES = ['bare', 'core', 'ours', 'ours-raw', 'ours-value'];
const isOurs = mode => mode.startsWith('ours');
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
      ...(size.bytes ? { payload: payload(size.bytes) } : manyKeys(size.keys)),
      ...(size.paired ? { jupytext: { formats: 'ipynb,py:percent' } } : {})
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
  if (isOurs(mode)) {
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

/**
 * Wait until the page is idle: two idle periods in a row with 40 ms or more
 * left (work left over from the last switch, as CodeMirror's background
 * parsing, is done), at most 5 s.
 */
async function settled(page) {
  await page.evaluate(
    () =>
      new Promise(resolve => {
        const start = performance.now();
        let quiet = 0;
        const check = deadline => {
          quiet = deadline.timeRemaining() >= 40 ? quiet + 1 : 0;
          if (quiet >= 2 || performance.now() - start > 5000) {
            resolve();
          } else {
            requestIdleCallback(check);
          }
        };
        requestIdleCallback(check);
      })
  );
}

/** Open our raw JSON section and bring it into view, its text built. */
async function openRawJson(page) {
  const panel = page.locator('#jp-notebook-metadata');
  await panel
    .locator('.jp-NotebookMetadata-sectionToggle')
    .filter({ hasText: 'Raw JSON' })
    .click();
  const raw = panel.locator('.jp-NotebookMetadata-raw');
  await raw.scrollIntoViewIfNeeded();
  await panel
    .locator('.jp-NotebookMetadata-raw[aria-busy="false"]')
    .waitFor({ timeout: 60_000 });
}

/**
 * The ms from the start of the last switch (which took `switchMs`) until
 * our raw JSON shows the notebook switched to (it is built after the frame
 * that shows the notebook, while the page is idle).
 */
async function timeRawJsonFilled(page, title, switchMs) {
  const waited = await page.evaluate(
    title =>
      new Promise(resolve => {
        const start = performance.now();
        const check = () => {
          const raw = document.querySelector(
            '#jp-notebook-metadata .jp-NotebookMetadata-raw'
          );
          const text = raw?.querySelector('.cm-content')?.textContent ?? '';
          if (
            raw?.getAttribute('aria-busy') === 'false' &&
            text.includes(`"a_notebook": "${title}"`)
          ) {
            resolve(performance.now() - start);
          } else {
            requestAnimationFrame(check);
          }
        };
        check();
      }),
    title
  );
  return switchMs + waited;
}

/** Show the large value of the notebook shown (the cases with one). */
async function showLargeValue(page) {
  const show = page.locator(
    '#jp-notebook-metadata button[aria-label="Show value of payload"]'
  );
  if ((await show.count()) > 0) {
    await show.click();
    await page
      .locator('#jp-notebook-metadata .jp-NotebookMetadata-keyRow .cm-editor')
      .waitFor();
  }
}

/**
 * With a large value (the cases with one): the ms from "Show value" to the
 * end of the frame that shows it, and from a key typed in it to the end of
 * the frame that shows the key (the median of five).
 */
async function timeLargeValue(page, state) {
  const show = page.locator(
    '#jp-notebook-metadata button[aria-label="Show value of payload"]'
  );
  if ((await show.count()) === 0) {
    return;
  }
  state.showValue.push(
    await page.evaluate(
      () =>
        new Promise(resolve => {
          const button = document.querySelector(
            '#jp-notebook-metadata button[aria-label="Show value of payload"]'
          );
          const start = performance.now();
          button.click();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - start);
            channel.port2.postMessage(null);
          });
        })
    )
  );
  const editor = page.getByLabel('Value of payload (JSON)');
  await editor.click();
  for (let i = 0; i < 5; i++) {
    // The listener is in place before the key is typed.
    await page.evaluate(() => {
      window.benchKeystroke = new Promise(resolve => {
        document.addEventListener(
          'keydown',
          () => {
            const start = performance.now();
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () =>
                resolve(performance.now() - start);
              channel.port2.postMessage(null);
            });
          },
          { capture: true, once: true }
        );
      });
    });
    await page.keyboard.type(' ');
    state.keystrokes.push(await page.evaluate(() => window.benchKeystroke));
  }
  // Taken back: the notebook is left as it was.
  await editor.press('Escape');
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
          if (mode.startsWith('ours')) {
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
          if (mode.startsWith('ours')) {
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
  if (mode === 'ours-raw') {
    await openRawJson(page);
  }
  // Warm up once each way.
  await timeSwitch(page, a, `${tag}-a.ipynb`, mode);
  await timeSwitch(page, b, `${tag}-b.ipynb`, mode);
  for (let i = 0; i < PER_ROUND; i++) {
    const [id, title] =
      i % 2 === 0 ? [a, `${tag}-a.ipynb`] : [b, `${tag}-b.ipynb`];
    if (mode === 'ours-value') {
      await showLargeValue(page);
    }
    // As a user switches: from a page done with what it was doing.
    await settled(page);
    const result = await timeSwitch(page, id, title, mode);
    state.times.push(result.ms);
    if (result.shown) {
      state.sameFrame += 1;
    }
    if (mode === 'ours-raw') {
      state.filled.push(await timeRawJsonFilled(page, title, result.ms));
    }
  }
  if (mode === 'ours-value') {
    await timeLargeValue(page, state);
  }
  // One key changed elsewhere, on the notebook shown.
  for (let i = 0; i < PER_ROUND; i++) {
    await settled(page);
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
        {
          times: [],
          sameFrame: 0,
          edits: [],
          editShown: 0,
          heap: 0,
          filled: [],
          showValue: [],
          keystrokes: []
        }
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
      row[`${mode}EditFrame`] = isOurs(mode) ? `${editShown}/${MEASURED}` : '';
      row[`${mode}Heap`] = heap;
    }
    const ours = states['ours-raw'];
    row.rawFilled = median(ours.filled);
    const value = states['ours-value'];
    row.hasValue = value.showValue.length > 0;
    row.showValue = row.hasValue ? median(value.showValue) : 0;
    row.keystroke = row.hasValue ? median(value.keystrokes) : 0;
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
/** A case's cell of a mode that does not apply to it. */
const hasMode = (r, mode) => mode !== 'ours-value' || r.hasValue;
const cell = (r, mode, text) => (hasMode(r, mode) ? text : '–');
console.log(`\nJupyterLab ${version} (.venv), Chromium ${chromiumVersion}`);
console.log(
  `\nNotebook switch (median of ${MEASURED}, ms to the end of the next frame). core: Advanced Tools open; ours: as a notebook opens it; raw: ours with Raw JSON open and in view; value: ours with the notebook's large value shown before the switch\n`
);
console.log(
  '| metadata | bare ms | core − bare | ours − bare | raw − bare | value − bare | core same frame | ours same frame | raw same frame | value same frame | raw JSON filled in (ms) |'
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.size} | ${f(r.bare)} | ${signed(r.core - r.bare)} | ${signed(r.ours - r.bare)} | ${signed(r['ours-raw'] - r.bare)} | ${cell(r, 'ours-value', signed(r['ours-value'] - r.bare))} | ${r.coreFrame} | ${r.oursFrame} | ${r['ours-rawFrame']} | ${cell(r, 'ours-value', r['ours-valueFrame'])} | ${f(r.rawFilled)} |`
  );
}
console.log('\nHeap left per opened-and-closed notebook (MB, after GC)\n');
console.log('| metadata | bare | core | ours | raw | value |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.size} | ${MODES.map(mode => cell(r, mode, r[`${mode}Heap`].toFixed(2))).join(' | ')} |`
  );
}
console.log(
  `\nOne key changed elsewhere on the notebook shown (median of ${MEASURED}, ms to the end of the next frame)\n`
);
console.log(
  '| metadata | bare ms | core − bare | ours − bare | raw − bare | value − bare | ours same frame | raw same frame |'
);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.size} | ${f(r.bareEdit)} | ${signed(r.coreEdit - r.bareEdit)} | ${signed(r.oursEdit - r.bareEdit)} | ${signed(r['ours-rawEdit'] - r.bareEdit)} | ${cell(r, 'ours-value', signed(r['ours-valueEdit'] - r.bareEdit))} | ${r.oursEditFrame} | ${r['ours-rawEditFrame']} |`
  );
}
if (rows.some(r => r.hasValue)) {
  console.log(
    `\nA large value shown in ours (the "payload" key): "Show value" to the end of the frame that shows it (median of ${ROUNDS}); a key typed in it to the end of the frame that shows it (median of ${5 * ROUNDS})\n`
  );
  console.log('| metadata | Show value ms | keystroke ms |');
  console.log('|---|---|---|');
  for (const r of rows.filter(r => r.hasValue)) {
    console.log(`| ${r.size} | ${f(r.showValue)} | ${f(r.keystroke)} |`);
  }
}
if (startup) {
  printStartup(startup);
}
