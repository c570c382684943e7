/**
 * What having the extension installed costs a lab whose panel is never
 * opened, for benchmarks/switch.mjs: the time from navigation start to the
 * moment `app.restored` resolves, in a lab without the extension ("bare": the
 * environment's other prebuilt extensions, linked into a folder of their own)
 * and in one with it ("ours": the environment's folder of prebuilt
 * extensions), BENCH_STARTUP_LOADS fresh pages each (a new browser context
 * each, so an empty HTTP cache), the two labs taking turns; what each page
 * had loaded by then (Resource Timing); and the extension's own files
 * (/lab/extensions/<name>/) loaded up to `app.restored`, once a notebook is
 * open, and once the panel is open.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { root, VENVS } from '../scripts/jupyter.mjs';
import { openNotebook, startLab } from '../scripts/lab-session.mjs';

/** The extension's name, as its folder of prebuilt files is named. */
export const EXTENSION = JSON.parse(
  fs.readFileSync(path.join(root, 'package.json'), 'utf-8')
).name;

/** The environment's folder of prebuilt extensions (ours among them). */
const LABEXTENSIONS = path.join(
  VENVS.default,
  'share',
  'jupyter',
  'labextensions'
);

/** Where the extension's files are served from. */
const PREFIX = `/lab/extensions/${EXTENSION}/`;

const VIEWPORT = { width: 1400, height: 900 };

/**
 * Fill `to` with links to every prebuilt extension of `from` but `name`
 * (an `@scope` folder gets a folder of links to its extensions).
 */
export function linkAllBut(from, name, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from)) {
    if (entry === name) {
      continue;
    }
    if (entry.startsWith('@')) {
      for (const child of fs.readdirSync(path.join(from, entry))) {
        if (`${entry}/${child}` !== name) {
          fs.mkdirSync(path.join(to, entry), { recursive: true });
          fs.symlinkSync(
            path.join(from, entry, child),
            path.join(to, entry, child)
          );
        }
      }
    } else {
      fs.symlinkSync(path.join(from, entry), path.join(to, entry));
    }
  }
}

/**
 * Runs in each page before the lab's own scripts: a promise of the time
 * `app.restored` resolved at (ms since navigation start) and of the
 * resources loaded by then. The lab sets `window.jupyterapp` right after
 * `app.start()`, long before it is restored.
 */
function watchRestored() {
  // The default buffer (250 entries) is too small for the lab's chunks.
  performance.setResourceTimingBufferSize(100_000);
  let app;
  let resolveRestored;
  window.__benchRestored = new Promise(resolve => {
    resolveRestored = resolve;
  });
  Object.defineProperty(window, 'jupyterapp', {
    configurable: true,
    get: () => app,
    set: value => {
      app = value;
      value.restored.then(
        () => {
          const ms = performance.now();
          resolveRestored({
            ms,
            resources: performance
              .getEntriesByType('resource')
              .map(({ name, transferSize, decodedBodySize }) => ({
                name,
                transferSize,
                decodedBodySize
              }))
          });
        },
        error => resolveRestored({ error: String(error) })
      );
    }
  });
}

/** The resources a page has loaded so far. */
function resourcesOf(page) {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map(({ name, transferSize, decodedBodySize }) => ({
        name,
        transferSize,
        decodedBodySize
      }))
  );
}

/** Count and sizes of `resources`; `ours`: only the extension's files. */
function sizes(resources, ours = false) {
  const picked = resources.filter(
    r => !ours || new URL(r.name).pathname.startsWith(PREFIX)
  );
  return {
    files: picked.length,
    transfer: picked.reduce((sum, r) => sum + r.transferSize, 0),
    decoded: picked.reduce((sum, r) => sum + r.decodedBodySize, 0),
    names: picked.map(r => path.basename(new URL(r.name).pathname))
  };
}

/** A fresh page of `lab`, loaded up to `app.restored`. */
async function load(browser, lab, workspace) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript(watchRestored);
  await page.goto(
    `${lab.base}/lab/workspaces/${workspace}-${Date.now()}?token=${lab.token}`
  );
  const restored = await page.evaluate(() => window.__benchRestored);
  if (restored.error) {
    throw new Error(`${lab.base}: app.restored failed: ${restored.error}`);
  }
  return { page, ...restored };
}

/** The names of the prebuilt extensions a lab page lists in its config. */
function federatedOf(page) {
  return page.evaluate(() =>
    JSON.parse(document.getElementById('jupyter-config-data').textContent)
      .federated_extensions.map(extension => extension.name)
      .sort()
  );
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Measure the start-up cost with `browser`: `loads` timed pages per lab,
 * after one untimed page each. Starts and stops its own two labs.
 */
export async function measureStartup(browser, loads) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nbmeta-startup-'));
  const folder = path.join(dir, 'notebooks');
  fs.mkdirSync(folder);
  fs.writeFileSync(
    path.join(folder, 'startup.ipynb'),
    JSON.stringify({
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
        kernelspec: {
          display_name: 'Python 3 (ipykernel)',
          language: 'python',
          name: 'python3'
        },
        language_info: { name: 'python' }
      },
      nbformat: 4,
      nbformat_minor: 5
    })
  );
  const bareExtensions = path.join(dir, 'labextensions-bare');
  linkAllBut(LABEXTENSIONS, EXTENSION, bareExtensions);
  // Both labs with one folder of prebuilt extensions, ours' less one.
  const labs = {};
  try {
    labs.bare = await startLab(folder, {
      stateDir: path.join(dir, 'state-bare'),
      onlyLabextensions: bareExtensions
    });
    labs.ours = await startLab(folder, {
      stateDir: path.join(dir, 'state-ours'),
      onlyLabextensions: LABEXTENSIONS
    });
    // One untimed page each (the servers' first answers are slower); and
    // the labs must differ by the extension only.
    const federated = {};
    for (const mode of ['bare', 'ours']) {
      const { page } = await load(browser, labs[mode], `startup-${mode}`);
      federated[mode] = await federatedOf(page);
      await page.close();
    }
    const expected = federated.ours.filter(name => name !== EXTENSION);
    if (
      !federated.ours.includes(EXTENSION) ||
      JSON.stringify(federated.bare) !== JSON.stringify(expected)
    ) {
      throw new Error(
        `The labs differ by more than ${EXTENSION}: bare ${federated.bare}, ours ${federated.ours}`
      );
    }
    const runs = { bare: [], ours: [] };
    const stages = { restored: [], notebook: [], panel: [] };
    for (let i = 0; i < loads; i++) {
      const order = i % 2 === 0 ? ['bare', 'ours'] : ['ours', 'bare'];
      for (const mode of order) {
        const { page, ms, resources } = await load(
          browser,
          labs[mode],
          `startup-${mode}`
        );
        runs[mode].push({
          ms,
          all: sizes(resources),
          ours: sizes(resources, true)
        });
        if (mode === 'ours') {
          stages.restored.push(sizes(resources, true));
          await openNotebook(page, 'startup.ipynb');
          // Whatever the lab loads on its own after a notebook opens.
          await page.waitForTimeout(1000);
          stages.notebook.push(sizes(await resourcesOf(page), true));
          await page.evaluate(() =>
            window.jupyterapp.commands.execute('notebook-metadata:open')
          );
          await page
            .locator('#jp-notebook-metadata .jp-NotebookMetadata-notebookName')
            .waitFor();
          await page.waitForTimeout(500);
          stages.panel.push(sizes(await resourcesOf(page), true));
        }
        await page.close();
      }
    }
    const summary = list => ({
      ms: median(list.map(r => r.ms)),
      min: Math.min(...list.map(r => r.ms)),
      max: Math.max(...list.map(r => r.ms)),
      files: median(list.map(r => r.all.files)),
      transfer: median(list.map(r => r.all.transfer)),
      decoded: median(list.map(r => r.all.decoded)),
      oursFiles: median(list.map(r => r.ours.files)),
      oursTransfer: median(list.map(r => r.ours.transfer)),
      oursDecoded: median(list.map(r => r.ours.decoded))
    });
    const stage = list => ({
      files: median(list.map(s => s.files)),
      transfer: median(list.map(s => s.transfer)),
      decoded: median(list.map(s => s.decoded)),
      // The files of the last page (the same on every page).
      names: list[list.length - 1].names
    });
    return {
      loads,
      bare: summary(runs.bare),
      ours: summary(runs.ours),
      stages: {
        restored: stage(stages.restored),
        notebook: stage(stages.notebook),
        panel: stage(stages.panel)
      }
    };
  } finally {
    for (const lab of Object.values(labs)) {
      await lab.stop();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Print what measureStartup returned as two tables. */
export function printStartup({ loads, bare, ours, stages }) {
  const f = n => n.toFixed(1);
  const kb = n => (n / 1000).toFixed(1);
  const signed = (n, format = f) => (n >= 0 ? '+' : '') + format(n);
  console.log(
    `\nStart-up: navigation start to app.restored (median of ${loads} fresh pages per lab, min–max), and what a page had loaded by then (KB = 1,000 bytes)\n`
  );
  console.log(
    '| lab | restored ms | requests | KB transferred | KB decoded | extension files | extension KB transferred | extension KB decoded |'
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [label, r] of [
    ['bare (without the extension)', bare],
    ['ours (with it)', ours]
  ]) {
    console.log(
      `| ${label} | ${f(r.ms)} (${f(r.min)}–${f(r.max)}) | ${r.files} | ${kb(r.transfer)} | ${kb(r.decoded)} | ${r.oursFiles} | ${kb(r.oursTransfer)} | ${kb(r.oursDecoded)} |`
    );
  }
  console.log(
    `| ours − bare | ${signed(ours.ms - bare.ms)} | ${signed(ours.files - bare.files, String)} | ${signed(ours.transfer - bare.transfer, kb)} | ${signed(ours.decoded - bare.decoded, kb)} | ${signed(ours.oursFiles - bare.oursFiles, String)} | ${signed(ours.oursTransfer - bare.oursTransfer, kb)} | ${signed(ours.oursDecoded - bare.oursDecoded, kb)} |`
  );
  console.log(
    `\nThe extension's files (${PREFIX}) a fresh page of the lab with it had loaded (median of ${loads})\n`
  );
  console.log('| when | files | KB transferred | KB decoded | which |');
  console.log('|---|---|---|---|---|');
  for (const [label, s] of [
    ['up to app.restored (panel never opened)', stages.restored],
    ['+ a notebook open (panel closed)', stages.notebook],
    ['+ the panel opened (notebook-metadata:open)', stages.panel]
  ]) {
    console.log(
      `| ${label} | ${s.files} | ${kb(s.transfer)} | ${kb(s.decoded)} | ${s.names.join(', ')} |`
    );
  }
}
