/**
 * Real-time collaboration for real: two and three people (browser contexts
 * of their own, each a user of the server) on one notebook in a lab with
 * jupyter-collaboration, through the panel. The room's connection of each
 * person can be held up (a network that stalls), so that edits cross on the
 * way, as they do between people typing at the same time.
 */
import type { BrowserContext } from '@playwright/test';

import {
  anotherPerson,
  converged,
  type IPerson,
  onDisk,
  RoomConnection,
  sorted,
  userName
} from './collaborators';
import {
  COURSE_METADATA,
  enter,
  expect,
  type LabPage,
  notebookWith,
  test,
  uniqueName,
  writeNotebook
} from './fixtures';

/** The metadata of the shared notebook. */
const SHARED_METADATA = {
  ...COURSE_METADATA,
  course: { code: 'STAT-201', week: 3 }
};

/** A shared notebook on disk. */
function sharedNotebook(prefix: string, metadata = SHARED_METADATA): string {
  return writeNotebook(`${uniqueName(prefix)}.ipynb`, notebookWith(metadata));
}

/** The people of a test beside the fixture's, closed at its end. */
let others: Array<IPerson & { context: BrowserContext }> = [];
/** What went wrong in their pages. */
let problems: string[] = [];

test.beforeEach(() => {
  others = [];
  problems = [];
});

test.afterEach(async () => {
  // Closed one by one, so that each leaves the room's awareness.
  for (const person of others) {
    await person.context.close();
  }
  expect(problems, 'problems in the other people’s pages').toEqual([]);
});

/** The fixture's page as the first person, and `count - 1` more. */
async function people(
  lab: LabPage,
  baseURL: string,
  count: number
): Promise<IPerson[]> {
  const first: IPerson = {
    lab,
    room: await RoomConnection.of(lab.page.context())
  };
  const more = await Promise.all(
    Array.from({ length: count - 1 }, (_, index) =>
      anotherPerson(
        lab.page.context().browser()!,
        baseURL,
        problems,
        `person-${index + 2}`
      )
    )
  );
  others.push(...more);
  return [first, ...more];
}

/** Everybody opens the notebook and the panel. */
async function openTogether(everybody: IPerson[], name: string) {
  for (const { lab } of everybody) {
    await lab.openNotebook(name);
    await lab.openPanel();
  }
}

test('collaboration is on, and everyone is a person of their own in the room', async ({
  lab,
  baseURL
}) => {
  const everybody = await people(lab, baseURL!, 3);
  const names = await Promise.all(everybody.map(({ lab }) => userName(lab)));
  expect(new Set(names).size).toBe(3);
  for (const person of everybody) {
    expect(
      await person.lab.page.evaluate(() =>
        (window as any).jupyterapp.isPluginActivated(
          '@jupyter/docprovider-extension:content-provider'
        )
      )
    ).toBe(true);
  }
  // A save goes over the room's connection, not a REST PUT (upstream's
  // own test of collaboration checks the same).
  const name = sharedNotebook('no-put');
  await openTogether(everybody, name);
  const puts: string[] = [];
  lab.page.on('request', request => {
    if (
      request.method() === 'PUT' &&
      request.url().includes('/api/contents/')
    ) {
      puts.push(request.url());
    }
  });
  await enter(
    lab.panel.getByLabel('Title', { exact: true }),
    'Saved by the room'
  );
  await lab.saveCurrent();
  await onDisk(name, { ...SHARED_METADATA, title: 'Saved by the room' });
  expect(puts).toEqual([]);
});

test('different keys and the same key edited at once by three people: every screen converges, and the file saved by one is that metadata', async ({
  lab,
  baseURL
}) => {
  const name = sharedNotebook('at-once');
  const [a, b, c] = await people(lab, baseURL!, 3);
  await openTogether([a, b, c], name);

  // Everybody types while nobody's changes get through.
  for (const person of [a, b, c]) {
    person.room.hold();
  }
  await enter(a.lab.panel.getByLabel('Title', { exact: true }), 'Title by A');
  await enter(a.lab.panel.getByLabel('Value of tags (JSON)'), '["from A"]');
  await enter(
    b.lab.panel.getByLabel('Value of course (JSON)'),
    '{"code": "STAT-202", "week": 3}'
  );
  await enter(c.lab.panel.getByLabel('Title', { exact: true }), 'Title by C');
  await c.lab.panel.getByLabel('New key name').fill('room');
  await c.lab.panel.getByLabel('New key value (JSON)').fill('"B-101"');
  await c.lab.panel.getByRole('button', { name: 'Add key' }).click();
  for (const person of [a, b, c]) {
    person.room.release();
  }

  const metadata = await converged([a.lab, b.lab, c.lab]);
  expect(metadata.tags).toEqual(['from A']);
  expect(metadata.course).toEqual({ code: 'STAT-202', week: 3 });
  expect(metadata.room).toBe('B-101');
  // The same key: one of the two titles, the same on every screen.
  expect(['Title by A', 'Title by C']).toContain(metadata.title);
  for (const person of [a, b, c]) {
    await expect(
      person.lab.panel.getByLabel('Title', { exact: true })
    ).toHaveValue(metadata.title as string);
    await expect(
      person.lab.panel.getByLabel('Value of room (JSON)')
    ).toHaveValue('"B-101"');
  }
  expect(sorted(metadata)).toEqual(
    sorted({
      ...SHARED_METADATA,
      title: metadata.title,
      tags: ['from A'],
      course: { code: 'STAT-202', week: 3 },
      room: 'B-101'
    })
  );

  // Saved by B, over the room's connection: the file is that metadata.
  await b.lab.saveCurrent();
  await onDisk(name, metadata);
});

test('a key deleted by one while another edits a sibling key, and a nested field removed by one while another edits the next: both intents kept', async ({
  lab,
  baseURL
}) => {
  const name = sharedNotebook('delete-while');
  const [a, b] = await people(lab, baseURL!, 2);
  await openTogether([a, b], name);

  a.room.hold();
  b.room.hold();
  // A deletes `tags` and takes `week` out of `course`…
  await a.lab.panel.getByRole('button', { name: 'Delete key tags' }).click();
  await expect(a.lab.panel.getByLabel('Value of tags (JSON)')).toHaveCount(0);
  await enter(
    a.lab.panel.getByLabel('Value of course (JSON)'),
    '{"code": "STAT-201"}'
  );
  // …while B edits the title and the course's code.
  await enter(b.lab.panel.getByLabel('Title', { exact: true }), 'Week 4');
  await enter(
    b.lab.panel.getByLabel('Value of course (JSON)'),
    '{"code": "STAT-202", "week": 3}'
  );
  a.room.release();
  b.room.release();

  const { tags: _, ...kept } = SHARED_METADATA;
  const expected = { ...kept, title: 'Week 4', course: { code: 'STAT-202' } };
  const metadata = await converged([a.lab, b.lab]);
  expect(sorted(metadata)).toEqual(sorted(expected));
  for (const person of [a, b]) {
    await expect(
      person.lab.panel.getByLabel('Value of course (JSON)')
    ).toHaveValue(JSON.stringify({ code: 'STAT-202' }));
    await expect(
      person.lab.panel.getByLabel('Value of tags (JSON)')
    ).toHaveCount(0);
  }
  await a.lab.saveCurrent();
  await onDisk(name, expected);
});

test("undo undoes one's own metadata edits only, in order with one's cell edits", async ({
  lab,
  baseURL
}) => {
  const name = sharedNotebook('undo-own');
  const [a, b] = await people(lab, baseURL!, 2);
  await openTogether([a, b], name);
  const title = a.lab.panel.getByLabel('Title', { exact: true });

  await enter(title, 'Title by A');
  // A cell added by A, between A's two metadata edits.
  await a.lab.page.locator('.jp-Notebook .jp-InputPrompt').first().click();
  await a.lab.focusSettled();
  await a.lab.page.keyboard.press('b');
  const cells = (person: IPerson) =>
    person.lab.page.locator('.jp-Notebook .jp-Cell');
  await expect(cells(b)).toHaveCount(2);
  await enter(a.lab.panel.getByLabel('Value of tags (JSON)'), '["by A"]');
  // B's edits, after A's.
  await enter(
    b.lab.panel.getByLabel('Value of course (JSON)'),
    '{"code": "STAT-202"}'
  );
  await enter(b.lab.panel.getByLabel('Title', { exact: true }), 'Title by B');
  await converged([a.lab, b.lab]);

  // A undoes three steps: the tags, the cell, and the title, which B
  // changed since: B's later title stays (an undo never overwrites
  // another's later write), and B's course too.
  const undo = a.lab.panel.getByRole('button', { name: 'Undo' });
  await undo.click();
  await expect
    .poll(async () => (await b.lab.appMetadata()).tags)
    .toEqual(SHARED_METADATA.tags);
  await expect(cells(b)).toHaveCount(2);
  await undo.click();
  await expect(cells(b)).toHaveCount(1);
  await undo.click();
  await expect(undo).toBeDisabled();
  let metadata = await converged([a.lab, b.lab]);
  expect(metadata.title).toBe('Title by B');
  expect(metadata.course).toEqual({ code: 'STAT-202' });

  // B's own undo takes back B's edits, newest first, and none of A's.
  const undoB = b.lab.panel.getByRole('button', { name: 'Undo' });
  await undoB.click();
  await expect
    .poll(async () => (await a.lab.appMetadata()).title)
    .toBe('Title by A');
  await undoB.click();
  await expect
    .poll(async () => (await a.lab.appMetadata()).course)
    .toEqual(SHARED_METADATA.course);
  await expect(undoB).toBeDisabled();
  metadata = await converged([a.lab, b.lab]);
  expect(sorted(metadata)).toEqual(
    sorted({ ...SHARED_METADATA, title: 'Title by A' })
  );
  await expect(cells(a)).toHaveCount(1);
});

test('a late joiner sees everything, and a reload shows nothing stale', async ({
  lab,
  baseURL
}) => {
  const name = sharedNotebook('late');
  const [a, b] = await people(lab, baseURL!, 2);
  await openTogether([a, b], name);
  await enter(a.lab.panel.getByLabel('Title', { exact: true }), 'Week 5');
  await b.lab.panel.getByRole('button', { name: 'Delete key tags' }).click();
  await enter(
    b.lab.panel.getByLabel('Value of course (JSON)'),
    '{"code": "STAT-205"}'
  );
  const metadata = await converged([a.lab, b.lab]);

  // C comes in now, and sees all of it.
  const [c] = await people(lab, baseURL!, 2).then(all => all.slice(1));
  await c.lab.openNotebook(name);
  await c.lab.openPanel();
  await expect(c.lab.panel.getByLabel('Title', { exact: true })).toHaveValue(
    'Week 5'
  );
  await expect(c.lab.panel.getByLabel('Value of course (JSON)')).toHaveValue(
    JSON.stringify({ code: 'STAT-205' })
  );
  await expect(c.lab.panel.getByLabel('Value of tags (JSON)')).toHaveCount(0);
  expect(sorted(await c.lab.appMetadata())).toEqual(sorted(metadata));

  // A reloads while C edits: what A's panel shows is the room's.
  await a.lab.page.reload();
  await enter(c.lab.panel.getByLabel('Title', { exact: true }), 'Week 6');
  await a.lab.openNotebook(name);
  await a.lab.openPanel();
  await expect(a.lab.panel.getByLabel('Title', { exact: true })).toHaveValue(
    'Week 6'
  );
  await expect(a.lab.panel.getByLabel('Value of tags (JSON)')).toHaveCount(0);
  expect(sorted(await a.lab.appMetadata())).toEqual(
    sorted({ ...metadata, title: 'Week 6' })
  );
});

test('the file changed on disk while the room is open: every panel shows what the room then holds, and edits go on', async ({
  lab,
  baseURL
}) => {
  const name = sharedNotebook('on-disk');
  const [a, b] = await people(lab, baseURL!, 2);
  await openTogether([a, b], name);
  await enter(a.lab.panel.getByLabel('Title', { exact: true }), 'Week 4');
  await onDisk(name, { ...SHARED_METADATA, title: 'Week 4' });

  // Another program rewrites the file (a git pull, a script).
  const changed = {
    ...SHARED_METADATA,
    title: 'Changed on disk',
    course: { code: 'STAT-301' },
    added_on_disk: true
  };
  writeNotebook(name, notebookWith(changed));
  for (const person of [a, b]) {
    await expect(
      person.lab.panel.getByLabel('Title', { exact: true })
    ).toHaveValue('Changed on disk');
    await expect(
      person.lab.panel.getByLabel('Value of added_on_disk (JSON)')
    ).toHaveValue('true');
    await expect(
      person.lab.panel.getByLabel('Value of course (JSON)')
    ).toHaveValue(JSON.stringify({ code: 'STAT-301' }));
  }
  // Edits go on over what the file has, and are saved with it.
  await enter(b.lab.panel.getByLabel('Title', { exact: true }), 'Week 5');
  const metadata = await converged([a.lab, b.lab]);
  expect(sorted(metadata)).toEqual(sorted({ ...changed, title: 'Week 5' }));
  await b.lab.saveCurrent();
  await onDisk(name, { ...changed, title: 'Week 5' });
  // And they undo.
  await b.lab.panel.getByRole('button', { name: 'Undo' }).click();
  await expect
    .poll(async () => (await a.lab.appMetadata()).title)
    .toBe('Changed on disk');
});

test('a kernel picked by one: everyone’s panel shows the new kernelspec, and the kernel, which everyone shares, switches for all', async ({
  lab,
  baseURL
}) => {
  // Switching kernels cancels the debugger's pending request to the old one:
  // JupyterLab's own debugger sidebar reports that as an unhandled rejection.
  lab.allowPageError(
    /Canceled future for debug_request message before replies were done/
  );
  const name = sharedNotebook('kernel');
  const [a, b] = await people(lab, baseURL!, 2);
  await a.lab.openNotebook(name, true);
  await expect.poll(() => a.lab.runningKernel()).toBe('python3');
  await b.lab.openNotebook(name, true);
  await expect.poll(() => b.lab.runningKernel()).toBe('python3');
  // One session per notebook on the server: B's notebook runs A's kernel.
  const kernelIds = () =>
    Promise.all(
      [a, b].map(({ lab }) =>
        lab.page.evaluate(
          () =>
            (window as any).jupyterapp.shell.currentWidget.sessionContext
              .session?.kernel?.id
        )
      )
    );
  const [first, shared] = await kernelIds();
  expect(shared).toBe(first);
  for (const { lab } of [a, b]) {
    await lab.openPanel();
  }

  // The kernelspec is the room's: B sees A's pick at once…
  await a.lab.panel
    .getByRole('combobox', { name: 'Kernel' })
    .selectOption('python3-second');
  await expect(
    b.lab.panel.getByRole('combobox', { name: 'Kernel' })
  ).toHaveValue('python3-second');
  await expect(b.lab.panel.getByLabel('Display name')).toHaveValue(
    'Python 3 (second)'
  );
  // …and that the kernel running is still the old one (A is asked).
  const elsewhere = b.lab.panel.getByRole('group', {
    name: 'Another kernel is running'
  });
  await expect(elsewhere).toContainText(
    'The notebook names Python 3 (second), but Python 3 (ipykernel) is running for it.'
  );
  await a.lab.panel
    .getByRole('group', { name: 'Switch the running kernel' })
    .getByRole('button', { name: 'Switch kernel' })
    .click();
  // The session is the server's, one for everyone: B's notebook switches too.
  await expect.poll(() => a.lab.runningKernel()).toBe('python3-second');
  await expect
    .poll(() => b.lab.runningKernel(), { timeout: 30_000 })
    .toBe('python3-second');
  await expect(elsewhere).toHaveCount(0);
  const [after, sharedAfter] = await kernelIds();
  expect(sharedAfter).toBe(after);
  expect(after).not.toBe(first);
  await a.lab.saveCurrent();
  await onDisk(name, {
    ...SHARED_METADATA,
    kernelspec: {
      name: 'python3-second',
      display_name: 'Python 3 (second)',
      language: 'python'
    },
    language_info: (await a.lab.appMetadata()).language_info
  });
});

test('what the server adds of its own: a notebook without a kernelspec gets an empty one, shown as no kernel, without an error', async ({
  lab,
  baseURL
}) => {
  const name = sharedNotebook('no-kernelspec', { title: 'Fresh' } as any);
  const [a] = await people(lab, baseURL!, 1);
  await a.lab.openNotebook(name);
  await a.lab.openPanel();
  // jupyter-collaboration's server (and JupyterLab) add both keys.
  expect(await a.lab.appMetadata()).toEqual({
    title: 'Fresh',
    kernelspec: { name: '', display_name: '' },
    language_info: { name: '' }
  });
  await expect(
    a.lab.panel.getByRole('note').filter({ hasText: 'names no kernel' })
  ).toBeVisible();
  await expect(a.lab.panel.getByRole('alert')).toHaveCount(0);
  await expect(
    a.lab.panel.getByRole('combobox', { name: 'Kernel' })
  ).toHaveAttribute('aria-invalid', 'false');
});

test('a draft being typed is never overwritten by another’s change: of another field, or of the same one, which is shown beside it', async ({
  lab,
  baseURL
}) => {
  const name = sharedNotebook('drafts');
  const [a, b] = await people(lab, baseURL!, 2);
  await openTogether([a, b], name);
  const title = a.lab.panel.getByLabel('Title', { exact: true });
  const meanwhile = a.lab.panel
    .getByRole('note')
    .filter({ hasText: 'Changed elsewhere while you typed' });
  await title.fill('');
  await title.pressSequentially('Week 3: a draft by A');

  // B changes another field: A's draft stays as typed, nothing noted.
  await enter(
    b.lab.panel.getByLabel('Value of course (JSON)'),
    '{"code": "STAT-202"}'
  );
  await expect(a.lab.panel.getByLabel('Value of course (JSON)')).toHaveValue(
    JSON.stringify({ code: 'STAT-202' })
  );
  await expect(title).toHaveValue('Week 3: a draft by A');
  await expect(meanwhile).toHaveCount(0);

  // B changes the title itself: A's draft stays, and says what B wrote.
  await enter(b.lab.panel.getByLabel('Title', { exact: true }), 'Week 3 by B');
  await expect
    .poll(async () => (await a.lab.appMetadata()).title)
    .toBe('Week 3 by B');
  await expect(meanwhile).toContainText('it is now “Week 3 by B”');
  await expect(title).toHaveValue('Week 3: a draft by A');
  await expect(title).toBeFocused();
  await title.pressSequentially(', finished');

  // Enter puts A's in its place, for everyone.
  await title.press('Enter');
  await expect(meanwhile).toHaveCount(0);
  const metadata = await converged([a.lab, b.lab]);
  expect(metadata.title).toBe('Week 3: a draft by A, finished');
  expect(metadata.course).toEqual({ code: 'STAT-202' });
  await expect(b.lab.panel.getByLabel('Title', { exact: true })).toHaveValue(
    'Week 3: a draft by A, finished'
  );
});
