/**
 * The extension on a real JupyterHub (scripts/hub.mjs: PyPI's jupyterhub
 * behind npm's configurable-http-proxy, a single-user server per user, each
 * with a home folder of its own, and the course's overrides.json for
 * everyone): two users log in through the hub's form, one of them with a name
 * escaped in URLs; each edits their own notebook; every request of their
 * lab goes under their own prefix (`/user/<escaped name>/`); a new notebook
 * gets the admin's defaults.
 *
 * galata's fixtures assume one server with a token at the origin's root;
 * these tests drive plain pages of their own, logged in with the hub's
 * cookies, and read the files in each user's home on disk.
 */
import {
  type Browser,
  type BrowserContext,
  expect,
  type Page,
  test
} from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

import {
  appReady,
  enter,
  type INotebookFile,
  LabPage,
  notebookWith,
  PYTHON_KERNELSPEC,
  uniqueName,
  watchProblems
} from './fixtures';
import { PLUGIN_ID, setUserSettings } from './settings';

/** The hub's state folder and password (playwright.config.ts). */
const hubState = process.env.HUB_STATE as string;
const password = process.env.HUB_PASSWORD as string;

/** The hub's users (scripts/hub.mjs). */
const USERS = ['alice', 'ana maría'];

/** A user's URL prefix, escaped as JupyterHub escapes it. */
function prefixOf(user: string): string {
  return `/user/${encodeURIComponent(user)}/`;
}

/** A user's home folder, where their server's files are. */
function homeOf(user: string): string {
  return path.join(hubState, 'home', user);
}

/** A notebook of a user's home, as on disk. */
function readHome(user: string, name: string): INotebookFile {
  return JSON.parse(fs.readFileSync(path.join(homeOf(user), name), 'utf-8'));
}

/** A user's own settings of the panel, where their server keeps them. */
function userSettingsFile(user: string): string {
  return path.join(
    homeOf(user),
    '.jupyter',
    'lab',
    'user-settings',
    PLUGIN_ID.replace(':', path.sep) + '.jupyterlab-settings'
  );
}

/** Create a notebook as File > New > Notebook does; returns its path. */
async function newNotebook(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const app = (window as any).jupyterapp;
    const widget = await app.commands.execute('notebook:create-new', {
      kernelName: 'python3'
    });
    await widget.context.ready;
    return widget.context.path as string;
  });
}

/** A user logged in, in a browser context of their own. */
interface IUserPage {
  user: string;
  prefix: string;
  context: BrowserContext;
  page: Page;
  /** The paths of every request the page made since its lab loaded. */
  requests: string[];
  /** Console errors, page errors, failed requests and HTTP errors. */
  problems: string[];
}

/**
 * Log in through the hub's form, as a student does (the hub spawns the
 * single-user server), and wait until the lab is restored.
 */
async function login(browser: Browser, user: string): Promise<IUserPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const prefix = prefixOf(user);
  const result: IUserPage = {
    user,
    prefix,
    context,
    page,
    requests: [],
    problems: []
  };
  watchProblems(page, 'lab', problem => result.problems.push(problem));
  // After logging in, the hub starts the user's server and sends them to
  // its default page (the lab).
  await page.goto('/hub/login');
  await page.getByLabel('Username:').fill(user);
  await page.getByLabel('Password:').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Spawning a server takes seconds (more under load).
  await page.waitForURL(url => url.pathname === `${prefix}lab`, {
    timeout: 120_000
  });
  // A workspace of the test's own: nothing an earlier run left open in the
  // user's default workspace is restored.
  page.on('request', request =>
    result.requests.push(new URL(request.url()).pathname)
  );
  await page.goto(`${prefix}lab/workspaces/${uniqueName('hub')}`);
  await appReady(page);
  return result;
}

/** Open a notebook of the user's home and make it the current one. */
async function openNotebook(page: Page, name: string): Promise<void> {
  await page.evaluate(async name => {
    const app = (window as any).jupyterapp;
    const widget = await app.commands.execute('docmanager:open', {
      path: name,
      factory: 'Notebook',
      kernelPreference: { shouldStart: false, canStart: false }
    });
    await widget.context.ready;
    app.shell.activateById(widget.id);
  }, name);
}

/** Save the current notebook; resolves once the server has written it. */
async function saveCurrent(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await (window as any).jupyterapp.shell.currentWidget.context.save();
  });
}

/** The metadata panel of a page, opened through its command. */
async function openPanel(page: Page) {
  await page.evaluate(() =>
    (window as any).jupyterapp.commands.execute('notebook-metadata:open')
  );
  const panel = page.locator('#jp-notebook-metadata');
  await expect(panel).toBeVisible();
  return panel;
}

/** A section's heading button of the panel. */
function heading(page: Page, title: string) {
  return page
    .locator('#jp-notebook-metadata .jp-NotebookMetadata-sectionToggle')
    .and(page.getByRole('button', { name: title, exact: true }));
}

/** Open a section of the panel, if it is closed. */
async function openSection(page: Page, title: string): Promise<void> {
  const toggle = heading(page, title);
  if ((await toggle.getAttribute('aria-expanded')) === 'false') {
    await toggle.click();
  }
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

/** A section's fields, by its id. */
function sectionBody(page: Page, id: string) {
  return page.locator(
    `#jp-notebook-metadata section[data-section="${id}"] .jp-NotebookMetadata-sectionContent`
  );
}

/** Each user's notebook before the test: the same but for its title. */
function courseNotebook(user: string) {
  return notebookWith({
    kernelspec: PYTHON_KERNELSPEC,
    language_info: { name: 'python', file_extension: '.py' },
    title: `Notes of ${user}`,
    course: { name: 'Data Science 101', week: 3 },
    review: { by: 'the teacher' }
  });
}

test.describe.configure({ mode: 'serial' });

/** Each user's notebook, a name of this run's own (set in beforeAll). */
let COURSE = '';

/** Both users, logged in once for the file's tests. */
const users: IUserPage[] = [];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  // (Each repetition of `--repeat-each` runs this again in the same worker.)
  COURSE = `${uniqueName('course')}.ipynb`;
  users.length = 0;
  for (const user of USERS) {
    fs.writeFileSync(
      path.join(homeOf(user), COURSE),
      JSON.stringify(courseNotebook(user), null, 1)
    );
  }
  // Both servers spawn at once, as a class logging in does.
  users.push(...(await Promise.all(USERS.map(user => login(browser, user)))));
});

test.afterAll(async () => {
  for (const { context } of users) {
    await context.close();
  }
});

test.afterEach(() => {
  for (const { user, problems } of users) {
    expect(
      problems,
      `${user}: unexpected console errors, page errors or failed requests`
    ).toEqual([]);
  }
});

test("each user edits their own notebook, with the admin's section, under their own URL", async () => {
  const weeks: Record<string, string> = { alice: '5', 'ana maría': '7' };
  await Promise.all(
    users.map(async ({ user, page }) => {
      await openNotebook(page, COURSE);
      const panel = await openPanel(page);
      // The admin's section, from overrides.json, before the built-in ones;
      // the table of contents form, hidden there, is not shown.
      await expect(heading(page, 'Course')).toBeVisible();
      await expect(
        panel.getByText(
          "Set by the course's admin for every notebook of the course."
        )
      ).toBeVisible();
      await expect(
        panel.locator('.jp-NotebookMetadata-sectionToggle').first()
      ).toHaveText(/^Course/);
      await expect(heading(page, 'Table of contents')).toHaveCount(0);
      // The kernelspecs of the user's server.
      await openSection(page, 'Kernel');
      await expect(
        panel
          .getByRole('combobox', { name: 'Kernel' })
          .locator('option[value="python3"]')
      ).toHaveText('Python 3 (ipykernel)');
      await enter(sectionBody(page, 'course').getByLabel('Week'), weeks[user]);
      // The paired-file preview, from the user's folder.
      await openSection(page, 'Jupytext');
      await panel
        .getByLabel('Pair with')
        .selectOption({ label: 'Python script, percent format' });
      await expect(
        panel
          .getByRole('list', { name: 'Paired files preview' })
          .getByRole('listitem')
      ).toHaveText([
        `${COURSE} exists`,
        `${COURSE.replace(/\.ipynb$/, '.py')} not created yet`
      ]);
      await saveCurrent(page);
    })
  );
  for (const { user } of users) {
    const { metadata } = readHome(user, COURSE);
    expect(metadata).toEqual({
      ...courseNotebook(user).metadata,
      course: { name: 'Data Science 101', week: Number(weeks[user]) },
      jupytext: { formats: 'ipynb,py:percent' }
    });
  }
  for (const { user, prefix, requests } of users) {
    const others = users.filter(other => other.user !== user);
    // Every request of the lab is under the user's own prefix (the hub's
    // own pages under /hub/); none at the root, none of another user.
    expect(
      requests.filter(
        pathname =>
          !pathname.startsWith(prefix) && !pathname.startsWith('/hub/')
      ),
      `${user}: requests outside ${prefix}`
    ).toEqual([]);
    for (const other of others) {
      expect(requests.filter(p => p.startsWith(other.prefix))).toEqual([]);
    }
    // What the panel asked: the kernelspecs, the folder of the preview, the
    // save, the settings.
    for (const asked of [
      'api/kernelspecs',
      'api/contents',
      `api/contents/${COURSE}`,
      'lab/api/settings'
    ]) {
      expect(
        requests.some(pathname => pathname.startsWith(`${prefix}${asked}`)),
        `${user}: a request of ${prefix}${asked}`
      ).toBe(true);
    }
  }
});

test("a new notebook gets the admin's defaults once, as one undo step", async () => {
  const { user, page } = users[1];
  const created = await newNotebook(page);
  const panel = await openPanel(page);
  const notice = panel.getByRole('note', {
    name: 'Defaults for new notebooks'
  });
  await expect(notice).toContainText(
    "the settings for everyone (this server's overrides.json, set by its admin)"
  );
  await expect(notice).toContainText(
    'Defaults of the section "Course": course/name, course/week, course/graded'
  );
  await expect(notice).toContainText(
    'From the template: grading/points, grading/rubric'
  );
  // (An empty field shows its section's default too: the heading says
  // what is set.)
  await expect(heading(page, 'Course')).toContainText('3 of 4 set');
  const defaults = {
    course: { name: 'Data Science 101', week: 1, graded: false },
    grading: { points: 0, rubric: 'default' }
  };
  await saveCurrent(page);
  expect(readHome(user, created).metadata).toMatchObject(defaults);
  // One undo step takes all of it back; redo brings it again.
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(heading(page, 'Course')).toContainText('not set');
  await saveCurrent(page);
  const undone = readHome(user, created).metadata;
  expect(undone).not.toHaveProperty('course');
  expect(undone).not.toHaveProperty('grading');
  expect(undone.kernelspec).toEqual(PYTHON_KERNELSPEC);
  await panel.getByRole('button', { name: 'Redo' }).click();
  await expect(heading(page, 'Course')).toContainText('3 of 4 set');
  await saveCurrent(page);
  expect(readHome(user, created).metadata).toMatchObject(defaults);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  // A notebook that existed gets nothing, and nothing changes in it.
  const before = fs.readFileSync(path.join(homeOf(user), COURSE));
  await openNotebook(page, COURSE);
  await expect(panel.locator('.jp-NotebookMetadata-path')).toHaveText(COURSE);
  await expect(notice).toHaveCount(0);
  expect(
    await page.evaluate(
      () => (window as any).jupyterapp.shell.currentWidget.context.model.dirty
    )
  ).toBe(false);
  expect(fs.readFileSync(path.join(homeOf(user), COURSE))).toEqual(before);
  // The other user has no such notebook.
  expect(fs.existsSync(path.join(homeOf(users[0].user), created))).toBe(false);
});

test("a user's own sections come beside the admin's, and their own defaults win, for them only", async () => {
  const [alice, ana] = users;
  const page = alice.page;
  await openNotebook(page, COURSE);
  // In the Settings Editor, as a user does: a section of their own, and
  // the defaults of their new notebooks (the course's week changed).
  await setUserSettings(new LabPage(page as any, 'hub'), {
    sections: [
      {
        id: 'mine',
        label: 'My notes',
        schema: {
          type: 'object',
          properties: { '/mine/todo': { type: 'string', title: 'To do' } }
        }
      }
    ],
    newNotebookMetadata: {
      sectionDefaults: ['course'],
      template: { course: { week: 9 } }
    }
  });
  expect(fs.existsSync(userSettingsFile(alice.user))).toBe(true);
  expect(fs.existsSync(userSettingsFile(ana.user))).toBe(false);
  const panel = await openPanel(page);
  await expect(heading(page, 'Course')).toBeVisible();
  await expect(heading(page, 'My notes')).toBeVisible();
  const created = await newNotebook(page);
  const notice = panel.getByRole('note', {
    name: 'Defaults for new notebooks'
  });
  await expect(notice).toContainText(
    'defaults for new notebooks of your settings'
  );
  await expect(notice).toContainText(
    'Defaults of the section "Course": course/name, course/graded'
  );
  await expect(notice).toContainText('From the template: course/week');
  await saveCurrent(page);
  expect(readHome(alice.user, created).metadata).toMatchObject({
    course: { name: 'Data Science 101', week: 9, graded: false }
  });
  expect(readHome(alice.user, created).metadata).not.toHaveProperty('grading');
  // The other user's lab, reloaded, has the admin's settings only.
  await ana.page.reload();
  await appReady(ana.page);
  await openNotebook(ana.page, COURSE);
  await openPanel(ana.page);
  await expect(heading(ana.page, 'Course')).toBeVisible();
  await expect(heading(ana.page, 'My notes')).toHaveCount(0);
});
