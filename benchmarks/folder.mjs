/**
 * `npm run bench:folder`: the folder report on many notebooks. For small
 * notebooks (a few KB) and 1 MB ones (a 1 MB output), it scans a folder of
 * them and then fixes every one (the kernel set to python3) through the
 * report, beside doing the same through the lab's own way, file by file:
 * open the notebook (`docmanager:open`, no kernel), `model.setMetadata`,
 * `context.save()`, close. Prints a table: time, the browser's peak JS heap
 * (sampled in the page every 50 ms, `--enable-precise-memory-info`) and the
 * server's peak RSS (sampled from /proc every 100 ms), and how many
 * different values the report's progress bar showed while it ran.
 *
 * Real parts: the real `jupyter lab` of .venv with the extension installed
 * from its wheel, Debian's Chromium, real files checked on disk afterwards.
 *
 * BENCH_FOLDER_N (1000): notebooks per folder for the report;
 * BENCH_FOLDER_LAB_SMALL (200) and BENCH_FOLDER_LAB_BIG (50): notebooks
 * fixed the lab's way (it opens each one, and each open gets slower as the
 * page has opened more: 1,000 would take well over half an hour), reported
 * with the time per notebook, of the first tenth and of the last.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { VENVS } from '../scripts/jupyter.mjs';
import { launchChromium, openLab, startLab } from '../scripts/lab-session.mjs';
import { EXTENSION, linkAllBut } from './startup.mjs';

const N = Number(process.env.BENCH_FOLDER_N ?? 1000);
const LAB_SMALL = Number(process.env.BENCH_FOLDER_LAB_SMALL ?? 200);
const LAB_BIG = Number(process.env.BENCH_FOLDER_LAB_BIG ?? 50);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nbmeta-folder-bench-'));
/** The folder of the lab without the extension. */
const bareRoot = `${root}-bare`;

/** A notebook of about `bytes` (its output), on a kernel nobody has. */
function notebook(i, bytes) {
  const line = 'x'.repeat(99) + '\n';
  const text = [];
  for (let size = 0; size < bytes; size += line.length) {
    text.push(line);
  }
  return {
    cells: [
      {
        cell_type: 'markdown',
        id: `md-${i}`,
        metadata: {},
        source: [`# Notebook ${i}\n`, 'Some text.']
      },
      {
        cell_type: 'code',
        execution_count: 1,
        id: `code-${i}`,
        metadata: { tags: ['t'] },
        outputs: [{ name: 'stdout', output_type: 'stream', text }],
        source: ['for i in range(3):\n', '    print(i)']
      }
    ],
    metadata: {
      kernelspec: {
        display_name: 'Python [conda env:foo]',
        language: 'python',
        name: 'conda-env-foo-py'
      },
      language_info: { name: 'python' },
      course: { code: 'STAT-201', week: i % 12 }
    },
    nbformat: 4,
    nbformat_minor: 5
  };
}

/** Write `count` notebooks of `bytes` into `folder` (of `dir`). */
function writeFolder(folder, count, bytes, dir = root) {
  fs.mkdirSync(path.join(dir, folder), { recursive: true });
  for (let i = 0; i < count; i++) {
    fs.writeFileSync(
      path.join(dir, folder, `nb-${String(i).padStart(4, '0')}.ipynb`),
      JSON.stringify(notebook(i, bytes), null, 1) + '\n'
    );
  }
}

/** The pid of the server serving `dir` (its NBMETA_ROOT). */
function serverPid(dir = root) {
  for (const pid of fs.readdirSync('/proc').filter(p => /^\d+$/.test(p))) {
    try {
      const env = fs.readFileSync(`/proc/${pid}/environ`, 'utf-8');
      if (env.split('\0').includes(`NBMETA_ROOT=${dir}`)) {
        return Number(pid);
      }
    } catch {
      // Gone, or not ours.
    }
  }
  throw new Error('The server process was not found.');
}

/** Sample a process's RSS until stopped; returns the peak (bytes). */
function sampleRss(pid) {
  let peak = 0;
  const read = () => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf-8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb * 1024);
    } catch {
      // Ended.
    }
  };
  read();
  const timer = setInterval(read, 100);
  return () => {
    clearInterval(timer);
    read();
    return peak;
  };
}

/** Start sampling the page's JS heap (and the progress bar). */
function startPageSampling(page) {
  return page.evaluate(() => {
    const w = window;
    w.__bench = { heap: 0, progress: new Set() };
    w.__benchTimer = setInterval(() => {
      w.__bench.heap = Math.max(
        w.__bench.heap,
        performance.memory.usedJSHeapSize
      );
      const bar = document.querySelector(
        '.jp-NotebookMetadata-folderProgress progress'
      );
      if (bar) {
        w.__bench.progress.add(`${bar.value}/${bar.max}`);
      }
    }, 50);
  });
}

/** Stop sampling; the peak heap and the progress values seen. */
function stopPageSampling(page) {
  return page.evaluate(() => {
    clearInterval(window.__benchTimer);
    return {
      heap: Math.max(window.__bench.heap, performance.memory.usedJSHeapSize),
      progress: window.__bench.progress.size
    };
  });
}

/** Run `phase` in a fresh page, measuring time, heap and RSS. */
async function measure(browser, lab, pid, name, phase) {
  const page = await openLab(browser, lab, `folder-${name}`, {
    width: 1400,
    height: 900
  });
  await page.evaluate(() => window.gc?.());
  await startPageSampling(page);
  const stopRss = sampleRss(pid);
  const start = performance.now();
  const extra = await phase(page);
  const seconds = (performance.now() - start) / 1000;
  const rss = stopRss();
  const { heap, progress } = await stopPageSampling(page);
  // What stays in memory once the run is over (the report still open).
  const retained = await page.evaluate(() => {
    window.gc();
    return performance.memory.usedJSHeapSize;
  });
  await page.close();
  return { seconds, heap, retained, rss, progress, ...extra };
}

/** The report's way: scan, preview and apply, timed apart. */
async function viaReport(page, folder) {
  return page.evaluate(async f => {
    const app = window.jupyterapp;
    const t0 = performance.now();
    const report = await app.commands.execute(
      'notebook-metadata:folder-report',
      { paths: [f] }
    );
    const model = report.content.model;
    const scan = (performance.now() - t0) / 1000;
    const spec = model.kernels.find(k => k.name === 'python3');
    const t1 = performance.now();
    model.preview(
      { kind: 'kernel', spec },
      model.rows.map(r => r.path)
    );
    const results = await model.apply();
    const fix = (performance.now() - t1) / 1000;
    return {
      scan,
      fix,
      done: results.filter(r => r.outcome === 'done').length
    };
  }, folder);
}

/** The lab's own way: open, setMetadata, save, close, one at a time. */
async function viaLab(page, folder, count) {
  return page.evaluate(
    async ({ f, count }) => {
      const app = window.jupyterapp;
      const spec = {
        display_name: 'Python 3 (ipykernel)',
        language: 'python',
        name: 'python3'
      };
      let done = 0;
      const times = [];
      for (let i = 0; i < count; i++) {
        const t0 = performance.now();
        const p = `${f}/nb-${String(i).padStart(4, '0')}.ipynb`;
        const widget = await app.commands.execute('docmanager:open', {
          path: p,
          factory: 'Notebook',
          kernelPreference: { shouldStart: false, canStart: false }
        });
        await widget.context.ready;
        widget.context.model.setMetadata('kernelspec', spec);
        await widget.context.save();
        widget.dispose();
        done += 1;
        times.push(performance.now() - t0);
      }
      const tenth = Math.max(1, Math.floor(count / 10));
      const mean = list => list.reduce((a, b) => a + b, 0) / list.length;
      return {
        scan: 0,
        fix: 0,
        done,
        first: mean(times.slice(0, tenth)),
        last: mean(times.slice(-tenth))
      };
    },
    { f: folder, count }
  );
}

/** Whether every notebook of a folder now names python3, cells kept. */
function checkFolder(folder, count, bytes, dir = root) {
  let changed = 0;
  let cellsKept = 0;
  for (let i = 0; i < count; i++) {
    const file = path.join(
      dir,
      folder,
      `nb-${String(i).padStart(4, '0')}.ipynb`
    );
    const nb = JSON.parse(fs.readFileSync(file, 'utf-8'));
    if (nb.metadata.kernelspec.name === 'python3') {
      changed += 1;
    }
    if (JSON.stringify(nb.cells) === JSON.stringify(notebook(i, bytes).cells)) {
      cellsKept += 1;
    }
  }
  return { changed, cellsKept };
}

const CASES = [
  {
    label: 'small (3 KB)',
    tag: 'small',
    bytes: 2_000,
    labCount: Math.min(LAB_SMALL, N)
  },
  {
    label: '1 MB',
    tag: 'big',
    bytes: 1_000_000,
    labCount: Math.min(LAB_BIG, N)
  }
];
for (const c of CASES) {
  writeFolder(`${c.tag}-report`, N, c.bytes);
  writeFolder(`${c.tag}-lab`, c.labCount, c.bytes);
}

const lab = await startLab(root);
const browser = await launchChromium([
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info'
]);
const pid = serverPid();
const rows = [];
try {
  for (const c of CASES) {
    const report = await measure(browser, lab, pid, `${c.tag}-report`, page =>
      viaReport(page, `${c.tag}-report`)
    );
    rows.push({
      case: c.label,
      way: 'folder report',
      n: N,
      ...report,
      check: checkFolder(`${c.tag}-report`, N, c.bytes)
    });
    const own = await measure(browser, lab, pid, `${c.tag}-lab`, page =>
      viaLab(page, `${c.tag}-lab`, c.labCount)
    );
    rows.push({
      case: c.label,
      way: "lab's open + setMetadata + save",
      n: c.labCount,
      ...own,
      check: checkFolder(`${c.tag}-lab`, c.labCount, c.bytes)
    });
    console.log(JSON.stringify(rows.slice(-2)));
  }
  // The lab's way again in a lab without this extension (the environment's
  // other prebuilt extensions only): does the extension slow it down?
  if (process.env.BENCH_FOLDER_BARE !== '0') {
    const small = CASES[0];
    writeFolder('small-lab', small.labCount, small.bytes, bareRoot);
    const extensions = path.join(`${bareRoot}-state`, 'labextensions-bare');
    linkAllBut(
      path.join(VENVS.default, 'share', 'jupyter', 'labextensions'),
      EXTENSION,
      extensions
    );
    const bare = await startLab(bareRoot, { onlyLabextensions: extensions });
    try {
      const own = await measure(
        browser,
        bare,
        serverPid(bareRoot),
        'bare-lab',
        page => viaLab(page, 'small-lab', small.labCount)
      );
      rows.push({
        case: small.label,
        way: "lab's way, in a lab without this extension",
        n: small.labCount,
        ...own,
        check: checkFolder('small-lab', small.labCount, small.bytes, bareRoot)
      });
      console.log(JSON.stringify(rows.slice(-1)));
    } finally {
      await bare.stop();
    }
  }
} finally {
  await browser.close();
  await lab.stop();
}

const mb = bytes => `${(bytes / 2 ** 20).toFixed(0)} MB`;
console.log(
  `\nFolder report bench: ${N} notebooks per folder; Chromium ${browser.version()}; ${os.cpus().length} cores\n`
);
console.log(
  '| Notebooks | Way | N | Scan (s) | Fix (s) | Total (s) | Per notebook (ms) | First / last tenth (ms each) | Peak JS heap | JS heap after (GC) | Peak server RSS | Progress values seen | Changed | Cells kept (JSON) |'
);
console.log(
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |'
);
for (const r of rows) {
  console.log(
    `| ${r.case} | ${r.way} | ${r.n} | ${r.scan ? r.scan.toFixed(1) : '-'} | ${r.fix ? r.fix.toFixed(1) : '-'} | ${r.seconds.toFixed(1)} | ${((r.seconds * 1000) / r.n).toFixed(0)} | ${r.first ? `${r.first.toFixed(0)} / ${r.last.toFixed(0)}` : '-'} | ${mb(r.heap)} | ${mb(r.retained)} | ${mb(r.rss)} | ${r.way === 'folder report' ? r.progress : '-'} | ${r.check.changed}/${r.n} | ${r.check.cellsKept}/${r.n} |`
  );
}
for (const dir of [root, bareRoot]) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(`${dir}-state`, { recursive: true, force: true });
}
