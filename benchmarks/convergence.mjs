/**
 * `npm run bench:collaboration`: people editing one notebook's metadata at
 * once under real-time collaboration, through our panel and through
 * JupyterLab's own metadata editor (Notebook Tools → Advanced Tools). For 2,
 * 4 and 8 people (browser contexts of their own, each a user of the server),
 * each makes the same number of edits of a key of their own, all at the same
 * time; measured: the time until every person's screen shows every edit
 * (from the first edit; and after the last one was made), the bytes sent to
 * and received from the notebook's room, and the edits lost.
 *
 * Real parts: the real `jupyter lab` of .venv with jupyter-collaboration on,
 * the extension installed from its wheel, Debian's Chromium. A person's
 * edit is what a user does: our panel's value field filled and left; core's
 * editor's text replaced and its commit button clicked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  launchChromium,
  openNotebook,
  startLab
} from '../scripts/lab-session.mjs';

/** How many people, in turn. */
const PEOPLE = (process.env.BENCH_PEOPLE ?? '2,4,8').split(',').map(Number);
/** The edits each person makes. */
const EDITS = Number(process.env.BENCH_EDITS ?? 5);
/** How long everybody's screens may take to agree (ms). */
const SETTLE_TIMEOUT = 60_000;
/** The editors compared. */
const MODES = ['ours', 'core'];

/** The websocket of a notebook's collaboration room. */
const NOTEBOOK_ROOM = /\/api\/collaboration\/room\/json:notebook:/;

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nbmeta-converge-'));

/** A notebook with a key per person (all 0) and a marker of its own. */
function writeNotebook(name, people) {
  const metadata = {
    bench_notebook: name,
    kernelspec: {
      display_name: 'Python 3 (ipykernel)',
      language: 'python',
      name: 'python3'
    },
    language_info: { name: 'python' }
  };
  for (let i = 0; i < people; i++) {
    // Not 0: core's editor takes a falsy value it shows for one that
    // changed (`old[key] || null`), and writes it over the others' edits.
    metadata[keyOf(i)] = valueOf(0);
  }
  fs.writeFileSync(
    path.join(root, name),
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
      metadata,
      nbformat: 4,
      nbformat_minor: 5
    })
  );
}

/** The value of a person's key after their `n`th edit. */
function valueOf(n) {
  return `edit ${n}`;
}

/** The key person `i` edits. */
function keyOf(i) {
  return `person_${i + 1}`;
}

/**
 * A person: a browser context of their own on the lab, the notebook open
 * with the editor of `mode` shown, and a count of the bytes their page sends
 * to and receives from the notebook's room.
 */
async function person(browser, lab, mode, name, index) {
  const context = await browser.newContext({
    viewport: { width: 1200, height: 800 }
  });
  const bytes = { sent: 0, received: 0 };
  const size = message =>
    typeof message === 'string'
      ? Buffer.byteLength(message)
      : message.byteLength;
  await context.routeWebSocket(NOTEBOOK_ROOM, socket => {
    const server = socket.connectToServer();
    socket.onMessage(message => {
      bytes.sent += size(message);
      server.send(message);
    });
    server.onMessage(message => {
      bytes.received += size(message);
      socket.send(message);
    });
    socket.onClose((code, reason) => server.close({ code, reason }));
    server.onClose((code, reason) => socket.close({ code, reason }));
  });
  const page = await context.newPage();
  await page.goto(
    `${lab.base}/lab/workspaces/converge-${mode}-${index}-${Date.now()}?token=${lab.token}`
  );
  await page.waitForFunction(() => window.jupyterapp);
  await page.evaluate(() => window.jupyterapp.restored);
  await openNotebook(page, name);
  if (mode === 'ours') {
    await page.evaluate(() =>
      window.jupyterapp.shell.activateById('jp-notebook-metadata')
    );
    await page
      .locator('#jp-notebook-metadata')
      .getByLabel(`Value of ${keyOf(index)} (JSON)`)
      .waitFor();
  } else {
    await page.evaluate(() =>
      window.jupyterapp.shell.activateById('jp-property-inspector')
    );
    await page
      .locator('#jp-property-inspector .jp-Collapser-title')
      .getByText('Advanced Tools', { exact: true })
      .click();
    await coreEditor(page, name).locator('.cm-content').waitFor();
  }
  return { context, page, bytes, index, retyped: 0, givenUp: 0 };
}

/** Core's notebook metadata editor (beside its cell metadata editor). */
function coreEditor(page, name) {
  return page
    .locator('#jp-property-inspector .jp-JSONEditor')
    .filter({ hasText: `"bench_notebook": "${name}"` });
}

/** One edit of a person's own key to `value`, as a user makes it. */
async function edit(someone, mode, name, value) {
  const { page, index } = someone;
  if (mode === 'ours') {
    const field = page
      .locator('#jp-notebook-metadata')
      .getByLabel(`Value of ${keyOf(index)} (JSON)`);
    await field.fill(JSON.stringify(value));
    await field.blur();
    return;
  }
  // Core: the editor's text, with the key changed, and the commit button.
  // Another person's commit can redraw the editor under what was typed
  // (its commit button goes): the person types it again, counted.
  const editor = coreEditor(page, name);
  const content = editor.locator('.cm-content');
  const commit = editor.locator('[title="Commit changes to data"]');
  for (let attempt = 0; ; attempt++) {
    const shown = await content.evaluate(
      node => node.cmView?.view?.state.doc.toString() ?? node.innerText
    );
    const metadata = JSON.parse(shown);
    metadata[keyOf(index)] = value;
    await content.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(JSON.stringify(metadata, null, 2));
    try {
      await commit.click({ timeout: 2000 });
      return;
    } catch {
      if (attempt >= 20) {
        // Redrawn under the person 20 times running: they give up this
        // edit (counted), as a person would, and go on with the next one.
        someone.givenUp += 1;
        return;
      }
      someone.retyped += 1;
    }
  }
}

/**
 * Wait until the person's screen shows every key at `value` (our panel's
 * fields; core's editor's text); resolves with the time it did, or null if
 * it never did.
 */
async function shownEverywhere(someone, mode, name, people, value) {
  try {
    await someone.page.waitForFunction(
      ({ mode, name, keys, value }) => {
        if (mode === 'ours') {
          return keys.every(
            key =>
              document.querySelector(
                `#jp-notebook-metadata textarea[aria-label="Value of ${key} (JSON)"]`
              )?.value === JSON.stringify(value)
          );
        }
        const editor = [
          ...document.querySelectorAll('#jp-property-inspector .cm-content')
        ].find(node =>
          node.textContent.includes(`"bench_notebook": "${name}"`)
        );
        if (!editor) {
          return false;
        }
        const text = editor.textContent;
        return keys.every(key =>
          text.includes(`"${key}": ${JSON.stringify(value)}`)
        );
      },
      {
        mode,
        name,
        keys: Array.from({ length: people }, (_, i) => keyOf(i)),
        value
      },
      { timeout: SETTLE_TIMEOUT, polling: 20 }
    );
    return Date.now();
  } catch {
    return null;
  }
}

/** The values of every person's key in each person's notebook model. */
async function modelValues(everybody, people) {
  return Promise.all(
    everybody.map(({ page }) =>
      page.evaluate(
        keys =>
          keys.map(key =>
            window.jupyterapp.shell.currentWidget.context.model.getMetadata(key)
          ),
        Array.from({ length: people }, (_, i) => keyOf(i))
      )
    )
  );
}

/** One run: `people` people, each making EDITS edits at once, in `mode`. */
async function run(browser, lab, mode, people) {
  const name = `converge-${mode}-${people}.ipynb`;
  writeNotebook(name, people);
  const everybody = [];
  for (let i = 0; i < people; i++) {
    everybody.push(await person(browser, lab, mode, name, i));
  }
  for (const someone of everybody) {
    someone.bytes.sent = 0;
    someone.bytes.received = 0;
  }
  const start = Date.now();
  let lastEdit = start;
  const shown = everybody.map(someone =>
    shownEverywhere(someone, mode, name, people, valueOf(EDITS))
  );
  await Promise.all(
    everybody.map(async someone => {
      for (let n = 1; n <= EDITS; n++) {
        await edit(someone, mode, name, valueOf(n));
      }
      lastEdit = Math.max(lastEdit, Date.now());
      // Done, the person looks at the result: the focus leaves the editor
      // (core's editor shows others' changes only without the focus).
      await someone.page.evaluate(() => document.activeElement?.blur());
    })
  );
  const times = await Promise.all(shown);
  const values = await modelValues(everybody, people);
  const lost = values.flat().filter(value => value !== valueOf(EDITS)).length;
  const result = {
    mode,
    people,
    converged: times.every(time => time !== null),
    total: times.every(time => time !== null)
      ? Math.max(...times) - start
      : null,
    afterLast: times.every(time => time !== null)
      ? Math.max(0, Math.max(...times) - lastEdit)
      : null,
    sent: everybody.reduce((sum, { bytes }) => sum + bytes.sent, 0),
    received: everybody.reduce((sum, { bytes }) => sum + bytes.received, 0),
    retyped: everybody.reduce((sum, { retyped }) => sum + retyped, 0),
    givenUp: everybody.reduce((sum, { givenUp }) => sum + givenUp, 0),
    lost
  };
  for (const { context } of everybody) {
    await context.close();
  }
  return result;
}

/** A size in bytes, readable. */
function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

const lab = await startLab(root, { collaborative: true });
const browser = await launchChromium();
const results = [];
try {
  for (const people of PEOPLE) {
    for (const mode of MODES) {
      const result = await run(browser, lab, mode, people);
      results.push(result);
      console.error(
        `converge: ${mode}, ${people} people: done ${JSON.stringify(result)}`
      );
    }
  }
} finally {
  await browser.close();
  await lab.stop();
}

console.log(
  `\nConvergence: each person makes ${EDITS} edits of a key of their own at once (jupyter-collaboration; ms from the first edit until every screen shows every edit, and after the last edit was made; bytes over the notebook's room, all people together, while editing; typed again: edits a person had to type again because the editor was redrawn under them; given up: edits still redrawn away after 20 tries; lost: values, of every key on every screen, that did not end at their person's last edit)\n`
);
console.log(
  '| people | editor | all screens agree | after the last edit | sent | received | typed again | given up | lost |'
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const result of results) {
  const editor = result.mode === 'ours' ? 'ours' : 'core Advanced Tools';
  const total = result.total === null ? 'never' : `${result.total} ms`;
  const after = result.afterLast === null ? '—' : `${result.afterLast} ms`;
  console.log(
    `| ${result.people} | ${editor} | ${total} | ${after} | ${kb(result.sent)} | ${kb(result.received)} | ${result.retyped} | ${result.givenUp} | ${result.lost} of ${result.people * result.people} |`
  );
}
