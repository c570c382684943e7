/**
 * Shared test fixtures, over galata's: a page of the front end under test
 * (JupyterLab or Notebook 7, the project's `host` option) that fails the test
 * on any unexpected console error, page error or failed request, and helpers
 * over the real notebooks on disk and the app at `window.jupyterapp`.
 *
 * The `lab` fixture has the same methods on both front ends, so that a test
 * written against the lab runs unchanged in Notebook 7 (playwright.config.ts
 * lists the few that cannot apply there, with the reason).
 */
import {
  expect,
  type IJupyterLabPageFixture,
  test as base
} from '@jupyterlab/galata';
import type { Locator, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

/** The folder both servers serve, fresh for this test run. */
export const labRoot = process.env.LAB_ROOT as string;
/** The token of both servers. */
export const token = process.env.LAB_TOKEN as string;

/** The front ends the tests run in (one Playwright project each). */
export type HostName = 'lab' | 'notebook';

/** The options a project sets (playwright.config.ts). */
export interface IHostOptions {
  /** The front end of the project's server. */
  host: HostName;
}

/** The page each front end opens first. */
export const LANDING_PAGE: Record<HostName, string> = {
  lab: '/lab',
  notebook: '/tree'
};

/** A message a front end logs or throws that is not a failure of ours. */
interface IExpectedMessage {
  /** What the message (or the error with its stack) matches. */
  pattern: RegExp;
  /** Why it is expected. */
  reason: string;
}

/** Console errors of JupyterLab itself, in both front ends. */
const EXPECTED_IN_JUPYTERLAB: IExpectedMessage[] = [
  {
    // JupyterLab's debugger asks a starting kernel (ipykernel has a
    // debugger) for its state; a kernel switched right after it started
    // cancels the request. Core's, with or without this extension.
    pattern:
      /^Could not restore the debugger state: Canceled future for debug_request message/,
    reason: "the debugger's request to a kernel switched as it started"
  }
];

/**
 * Console errors of the oldest Notebook 7 supported (7.1.0 on JupyterLab
 * 4.1.1, the oldest-notebook project), fixed in later releases and seen
 * without this extension too.
 */
const EXPECTED_IN_OLDEST_NOTEBOOK: IExpectedMessage[] = [
  {
    // Notebook 7.1's shell emits currentChanged without arguments, and
    // JupyterLab 4.1's LSP adapter tracker reads `newValue` of them.
    pattern:
      /^TypeError: Cannot read properties of undefined \(reading 'newValue'\)\n\s+at \S+\/static\/notebook\/\d+\.bundle\.js/,
    reason: "Notebook 7.1's shell and JupyterLab 4.1's LSP tracker"
  },
  {
    // Logged by the same LSP tracker right after the error above.
    pattern: /^Cannot convert undefined or null to object$/,
    reason: "JupyterLab 4.1's LSP tracker on Notebook 7.1's shell"
  }
];

/** Console errors that are not failures of ours, per front end. */
const EXPECTED_CONSOLE: Record<HostName, IExpectedMessage[]> = {
  lab: EXPECTED_IN_JUPYTERLAB,
  notebook: [...EXPECTED_IN_JUPYTERLAB, ...EXPECTED_IN_OLDEST_NOTEBOOK]
};

/** Page errors that are not failures of ours, per front end. */
const EXPECTED_PAGE_ERRORS: Record<HostName, IExpectedMessage[]> = {
  lab: [],
  notebook: [
    {
      // @jupyterlab/shortcuts-extension 5.4.3 listens to pluginChanged before
      // its own settings are loaded; Notebook 7 loads another plugin's
      // settings first on every page: jupyter/notebook#7862, open upstream.
      // Every frame is in Notebook 7's own bundle (minified).
      pattern:
        /^TypeError: Cannot read properties of undefined \(reading 'schema'\)(\n\s+at (\S+ \()?\S+\/static\/notebook\/notebook_core\.[^\n]+)+\n\s+at async Promise\.all \(index \d+\)$/,
      reason: 'a race in the shortcuts plugin, upstream (jupyter/notebook#7862)'
    },
    {
      // Notebook 7.1's "Last Checkpoint" indicator, for a notebook that has
      // no checkpoint yet (a file the test wrote).
      pattern:
        /^TypeError: Cannot read properties of undefined \(reading 'last_modified'\)\n\s+at \S+ \(\S+\/static\/notebook\/\d+\.bundle\.js:[\d:]+\)$/,
      reason:
        "Notebook 7.1's checkpoint indicator on a notebook without checkpoints"
    }
  ]
};

/** A notebook as stored on disk. */
export interface INotebookFile {
  cells: Array<Record<string, unknown>>;
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

/** The kernelspec of the python3 kernel the server has. */
export const PYTHON_KERNELSPEC = {
  display_name: 'Python 3 (ipykernel)',
  language: 'python',
  name: 'python3'
};

/**
 * The metadata of a course notebook that ran once: a kernel, the
 * `language_info` JupyterLab adds, a title, a tag and a key of its own.
 */
export const COURSE_METADATA = {
  kernelspec: PYTHON_KERNELSPEC,
  language_info: { name: 'python' },
  title: 'Week 3',
  tags: ['regression'],
  course: { code: 'STAT-201' }
};

/**
 * A Python notebook with one custom key, as the Jupytext tests pair it
 * (`language_info.file_extension` resolves `auto`).
 */
export const PAIRABLE_METADATA = {
  kernelspec: PYTHON_KERNELSPEC,
  language_info: { name: 'python', file_extension: '.py' },
  course: { code: 'STAT-201' }
};

/** A minimal valid notebook with the given metadata. */
export function notebookWith(metadata: Record<string, unknown>): INotebookFile {
  return {
    cells: [
      {
        cell_type: 'code',
        execution_count: null,
        id: 'first-cell',
        metadata: {},
        outputs: [],
        source: 'print("hello")'
      }
    ],
    metadata,
    nbformat: 4,
    nbformat_minor: 5
  };
}

/** The names of the prebuilt extensions a page's config lists. */
export function federatedExtensions(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    JSON.parse(
      document.getElementById('jupyter-config-data')!.textContent!
    ).federated_extensions.map((extension: { name: string }) => extension.name)
  );
}

/** Write a notebook file into the served folder; returns its server path. */
export function writeNotebook(name: string, content: INotebookFile): string {
  const file = path.join(labRoot, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(content, null, 1));
  return name;
}

/** Read a notebook file back from disk. */
export function readNotebook(name: string): INotebookFile {
  return JSON.parse(fs.readFileSync(path.join(labRoot, name), 'utf-8'));
}

/** A name unique to this test, for its files and workspace. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

interface ILabFixtures {
  /**
   * The page of the front end under test, loaded and restored: the lab on a
   * workspace of its own, or Notebook 7's file browser.
   */
  lab: LabPage;
}

/**
 * A JupyterLab page and what the tests do with it: the methods every front
 * end has (Notebook7Page gives Notebook 7's way where it differs).
 */
/**
 * Type a value into a field of the panel and commit it, as a user does:
 * fields keep what is typed as a draft until Enter (one-line fields) or
 * until the focus leaves (JSON text areas).
 */
export async function enter(field: Locator, text: string): Promise<void> {
  await field.fill(text);
  // Text areas and code editors commit when the focus leaves.
  const multiline = await field.evaluate(
    node => node.tagName === 'TEXTAREA' || node.isContentEditable
  );
  if (multiline) {
    await field.blur();
  } else {
    await field.press('Enter');
  }
}

/**
 * The JSON a field or code editor shows (a code editor draws every line of
 * a short text), or `undefined` while what it shows is not JSON.
 */
export async function shownJSON(field: Locator): Promise<unknown> {
  const text = await field.evaluate(node =>
    node instanceof HTMLTextAreaElement
      ? node.value
      : (node as HTMLElement).innerText
  );
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export class LabPage {
  constructor(
    readonly page: IJupyterLabPageFixture,
    readonly workspace: string
  ) {}

  /** The front end of this page. */
  readonly host: HostName = 'lab';

  /** The label of the command that opens the panel (palette, menus). */
  readonly openPanelLabel: string = 'Edit Notebook Metadata';

  /** Page errors this test expects (each with a reason at the call). */
  readonly allowedPageErrors: RegExp[] = [];

  /** Accept a page error matching exactly this pattern in this test. */
  allowPageError(pattern: RegExp): void {
    this.allowedPageErrors.push(pattern);
  }

  /** Console errors this test expects (each with a reason at the call). */
  readonly allowedConsoleErrors: RegExp[] = [];

  /** Accept a console error matching exactly this pattern in this test. */
  allowConsoleError(pattern: RegExp): void {
    this.allowedConsoleErrors.push(pattern);
  }

  /**
   * Problems of any kind (console errors, HTTP errors…) this test expects,
   * each with a reason at the call.
   */
  readonly allowedProblems: RegExp[] = [];

  /** Accept a problem matching this pattern in this test. */
  allowProblem(pattern: RegExp): void {
    this.allowedProblems.push(pattern);
  }

  /**
   * Open a section of the panel by its title, if it is closed (sections
   * with nothing set start closed).
   */
  async openSection(title: string): Promise<void> {
    const heading = this.panel
      .locator('.jp-NotebookMetadata-sectionToggle')
      .and(this.panel.getByRole('button', { name: title, exact: true }));
    if ((await heading.getAttribute('aria-expanded')) === 'false') {
      await heading.click();
    }
    await expect(heading).toHaveAttribute('aria-expanded', 'true');
  }

  /** Load the lab on the test's own workspace and wait until it is restored. */
  async goto(): Promise<void> {
    await this.page.goto(`workspaces/${this.workspace}`);
  }

  /**
   * Open a notebook and wait until its model is ready and it is active.
   * No kernel starts unless `startKernel` is set.
   */
  async openNotebook(notebookPath: string, startKernel = false): Promise<void> {
    await this.page.evaluate(
      async ({ p, startKernel }) => {
        const app = (window as any).jupyterapp;
        const widget = await app.commands.execute('docmanager:open', {
          path: p,
          factory: 'Notebook',
          kernelPreference: { shouldStart: startKernel, canStart: startKernel }
        });
        await widget.context.ready;
        app.shell.activateById(widget.id);
      },
      { p: notebookPath, startKernel }
    );
    await expect.poll(() => this.currentPath()).toBe(notebookPath);
    await this.waitForCheckpoint(notebookPath);
  }

  /**
   * Wait until the checkpoint core makes for a notebook it opened exists:
   * core lists the checkpoints once the notebook is ready and makes one if
   * there is none, so a rename or a delete right after opening would race
   * with that request (and the server answers it 500).
   */
  async waitForCheckpoint(notebookPath: string): Promise<void> {
    const url = notebookPath.split('/').map(encodeURIComponent).join('/');
    await expect
      .poll(
        async () => {
          const response = await this.page.request.get(
            `api/contents/${url}/checkpoints`
          );
          return response.ok()
            ? ((await response.json()) as unknown[]).length
            : 0;
        },
        { timeout: 30_000 }
      )
      .toBeGreaterThan(0);
  }

  /** The path of the notebook the tracker holds as current. */
  async currentPath(): Promise<string | null> {
    return this.page.evaluate(() => {
      const widget = (window as any).jupyterapp.shell.currentWidget;
      return widget?.context?.path ?? null;
    });
  }

  /** Save the current notebook, and wait until the server has written it. */
  async saveCurrent(): Promise<void> {
    await this.page.evaluate(async () => {
      const widget = (window as any).jupyterapp.shell.currentWidget;
      await widget.context.save();
    });
  }

  /**
   * Save the current notebook and read back what the server wrote.
   */
  async saveAndRead(name: string): Promise<INotebookFile> {
    return this.readAfterSave(name, () => this.saveCurrent());
  }

  /**
   * Run `save` (a click, a key, a command that saves `name`), wait until the
   * server has answered the save of that file, and read the file: the one way
   * the tests read a file after a save.
   */
  async readAfterSave(
    name: string,
    save: () => Promise<unknown>
  ): Promise<INotebookFile> {
    const url = `/api/contents/${name.split('/').map(encodeURIComponent).join('/')}`;
    const saved = this.page.context().waitForEvent('response', response => {
      const request = response.request();
      return (
        request.method() === 'PUT' &&
        new URL(response.url()).pathname.endsWith(url)
      );
    });
    await save();
    const response = await saved;
    expect(
      response.ok(),
      `the save of ${name} answered ${response.status()}`
    ).toBe(true);
    return readNotebook(name);
  }

  /** Close the current notebook (no unsaved changes) and wait until it is gone. */
  async closeCurrent(): Promise<void> {
    await this.page.evaluate(async () => {
      const app = (window as any).jupyterapp;
      const widget = app.shell.currentWidget;
      widget.close();
      while (!widget.isDisposed) {
        await new Promise(resolve => requestAnimationFrame(resolve));
      }
    });
  }

  /**
   * Wait until the keyboard focus stays on one element for a few frames
   * (Lumino moves focus on activate requests it processes a little later).
   */
  async focusSettled(): Promise<void> {
    await this.page.evaluate(async () => {
      let last = document.activeElement;
      let stable = 0;
      while (stable < 10) {
        await new Promise(resolve => requestAnimationFrame(resolve));
        stable = document.activeElement === last ? stable + 1 : 0;
        last = document.activeElement;
      }
    });
  }

  /**
   * Run a command through the command palette's UI: open it, search the
   * label, press Enter on the item with exactly that label. JupyterLab may
   * move focus back into the notebook just after the (modal) palette opens,
   * which closes it: then it is opened again.
   */
  async runFromPalette(label: string): Promise<void> {
    const palette = this.page.locator('#command-palette');
    const item = palette.locator('.lm-CommandPalette-item').filter({
      has: this.page.locator('.lm-CommandPalette-itemLabel', {
        hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
      })
    });
    await expect(async () => {
      if (!(await palette.isVisible())) {
        await this.page.locator('.jp-Notebook .jp-InputPrompt').first().click();
        await this.focusSettled();
        await this.page.keyboard.press('Control+Shift+C');
      }
      await palette.locator('input').fill(label, { timeout: 2000 });
      await expect(item).toHaveCount(1, { timeout: 2000 });
      await expect(palette.locator('input')).toBeFocused({ timeout: 1000 });
      // The item itself, clicked: Enter would run whichever item is active
      // when the palette redraws (as it does when any command changes). The
      // palette closes if the page takes the focus first (a notebook that
      // just opened): then it is opened again.
      await item.click({ timeout: 2000 });
    }).toPass({ timeout: 30_000 });
    await expect(palette).toBeHidden();
  }

  /** Run a command of the app. */
  async command(
    id: string,
    args: Record<string, unknown> = {}
  ): Promise<unknown> {
    return this.page.evaluate(
      async ({ id, args }) => {
        const result = await (window as any).jupyterapp.commands.execute(
          id,
          args
        );
        return result === undefined || typeof result !== 'object'
          ? result
          : null;
      },
      { id, args }
    );
  }

  /** Open the metadata panel from the right sidebar's tab. */
  async openPanelFromSidebar(): Promise<void> {
    await this.page.sidebar.openTab('jp-notebook-metadata');
    await expect(this.panel).toBeVisible();
  }

  /** The current notebook's metadata, as the app's model has it. */
  async appMetadata(): Promise<Record<string, unknown>> {
    return this.page.evaluate(() => {
      const widget = (window as any).jupyterapp.shell.currentWidget;
      return widget.context.model.metadata;
    });
  }

  /** The name of the kernel running for the current notebook, if any. */
  async runningKernel(): Promise<string | null> {
    return this.page.evaluate(
      () =>
        (window as any).jupyterapp.shell.currentWidget.sessionContext.session
          ?.kernel?.name ?? null
    );
  }

  /** Whether the current notebook has unsaved changes. */
  async isDirty(): Promise<boolean> {
    return this.page.evaluate(
      () => (window as any).jupyterapp.shell.currentWidget.context.model.dirty
    );
  }

  /** Open the panel through its command, as the palette and shortcut do. */
  async openPanel(): Promise<void> {
    await this.command('notebook-metadata:open');
    await expect(this.panel).toBeVisible();
  }

  /** The metadata panel. */
  get panel() {
    return this.page.locator('#jp-notebook-metadata');
  }
}

/**
 * A page of Jupyter Notebook 7: its file browser (`/tree`) or one notebook
 * (`/notebooks/<path>`). Opening another notebook loads that notebook's page,
 * as Notebook 7 opens it in a browser tab of its own. The test server starts
 * no kernel when a notebook page opens (`notebook_starts_kernel`), as the
 * lab's `openNotebook` does not: `openNotebook(path, true)` starts it.
 */
export class Notebook7Page extends LabPage {
  readonly host: HostName = 'notebook';

  /** Notebook 7 has an "Edit Notebook Metadata" of its own (Notebook Tools). */
  readonly openPanelLabel = 'Edit Notebook Metadata (Metadata Panel)';

  /** Load Notebook 7's file browser and wait until it is restored. */
  async goto(): Promise<void> {
    await this.page.goto('tree');
  }

  /**
   * Load the notebook's own page and wait until its model is ready; start
   * the kernel its metadata names if `startKernel` is set.
   */
  async openNotebook(notebookPath: string, startKernel = false): Promise<void> {
    const url = notebookPath.split('/').map(encodeURIComponent).join('/');
    await this.page.goto(`notebooks/${url}`);
    await this.page.evaluate(async startKernel => {
      const widget = (window as any).jupyterapp.shell.currentWidget;
      await widget.context.ready;
      if (startKernel) {
        const name =
          widget.context.model.getMetadata('kernelspec')?.name ?? 'python3';
        await widget.sessionContext.changeKernel({ name });
      }
    }, startKernel);
    await expect.poll(() => this.currentPath()).toBe(notebookPath);
    await this.waitForCheckpoint(notebookPath);
  }

  /** Open the panel from the View menu's Right Sidebar submenu. */
  async openPanelFromSidebar(): Promise<void> {
    await this.page
      .locator('#jp-MainMenu .lm-MenuBar-item', { hasText: 'View' })
      .click();
    await this.page
      .locator('.lm-Menu-item', { hasText: 'Right Sidebar' })
      .click();
    await this.page
      .locator('.lm-Menu-item', { hasText: 'Show Notebook Metadata' })
      .click();
    await expect(this.panel).toBeVisible();
  }
}

/**
 * galata's wait for a page's app, for both front ends: ready once restored
 * (a restored lab need not show the Launcher, galata's default, and a
 * Notebook 7 page has none).
 */
export async function appReady(page: Page): Promise<void> {
  await page.locator('#jupyterlab-splash').waitFor({ state: 'detached' });
  await appRestored(page);
}

/** Wait until the app of a page (lab or Notebook 7) is restored. */
export async function appRestored(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as any).jupyterapp);
  await page.evaluate(() => (window as any).jupyterapp.restored);
}

/** What a page may show without it being a problem. */
export interface IAllowedProblems {
  /** Console errors, by text. */
  consoleErrors?: RegExp[];
  /** Page errors, by message. */
  pageErrors?: RegExp[];
  /** Problems of any kind, by the reported line. */
  problems?: RegExp[];
}

/**
 * Report every problem a page of `host` shows: console errors, page errors,
 * failed requests and HTTP errors, but those known of the host and those
 * allowed.
 */
export function watchProblems(
  page: Page,
  host: HostName,
  report: (problem: string) => void,
  allowed: IAllowedProblems = {}
): void {
  const expected = (list: IExpectedMessage[], text: string) =>
    list.some(({ pattern }) => pattern.test(text));
  const matches = (list: RegExp[] | undefined, text: string) =>
    (list ?? []).some(pattern => pattern.test(text));
  const problem = (text: string) => {
    if (!matches(allowed.problems, text)) {
      report(text);
    }
  };
  page.on('console', message => {
    if (message.type() !== 'error') {
      return;
    }
    const text = message.text();
    if (
      !expected(EXPECTED_CONSOLE[host], text) &&
      !matches(allowed.consoleErrors, text)
    ) {
      problem(`console error: ${text}`);
    }
  });
  page.on('pageerror', error => {
    const text = error.stack ?? String(error);
    if (
      !expected(EXPECTED_PAGE_ERRORS[host], text) &&
      !matches(allowed.pageErrors, String(error))
    ) {
      problem(`page error: ${text}`);
    }
  });
  page.on('requestfailed', request => {
    const failure = request.failure()?.errorText ?? '';
    // A request the page dropped itself (navigation, closing) is no failure.
    if (failure === 'net::ERR_ABORTED') {
      return;
    }
    problem(`request failed: ${request.method()} ${request.url()} ${failure}`);
  });
  page.on('response', response => {
    if (response.status() >= 400) {
      problem(
        `HTTP ${response.status()}: ${response.request().method()} ${response.url()}`
      );
    }
  });
}

export const test = base.extend<ILabFixtures, IHostOptions>({
  host: ['lab', { option: true, scope: 'worker' }],
  // Each test loads its page itself (LabPage.goto), and keeps the real
  // settings and state of the server: the tests check what lands there.
  autoGoto: false,
  mockSettings: false,
  mockState: false,
  appPath: async ({ host }, use) => {
    await use(host === 'notebook' ? '' : '/lab');
  },
  // eslint-disable-next-line no-empty-pattern
  waitForApplication: async ({}, use) => {
    await use(appReady);
  },
  lab: async ({ context, page, host }, use, testInfo) => {
    const workspace = uniqueName(
      testInfo.title.replace(/\W+/g, '-').slice(0, 30)
    );
    const lab =
      host === 'notebook'
        ? new Notebook7Page(page, workspace)
        : new LabPage(page, workspace);
    const problems: string[] = [];
    /** Record what goes wrong in a page of the test. */
    const watch = (watched: Page) =>
      watchProblems(watched, host, problem => problems.push(problem), {
        consoleErrors: lab.allowedConsoleErrors,
        pageErrors: lab.allowedPageErrors,
        problems: lab.allowedProblems
      });
    watch(page);
    // Pages the app opens itself (Notebook 7 opens notebooks in new tabs).
    context.on('page', watch);
    await lab.goto();
    await use(lab);
    expect(
      problems,
      'unexpected console errors, page errors or failed requests'
    ).toEqual([]);
  }
});

export { expect };
