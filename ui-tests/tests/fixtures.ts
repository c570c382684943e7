/**
 * Shared test fixtures: a lab page that fails the test on any unexpected
 * console error, page error or failed request, and helpers over the real
 * notebooks on disk and the app at `window.jupyterapp`.
 */
import { expect, type Page, test as base } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

/** The folder the server serves, fresh for this test run. */
export const labRoot = process.env.LAB_ROOT as string;
const token = process.env.LAB_TOKEN as string;

/** Console messages that are not failures of ours, each with its reason. */
const EXPECTED_CONSOLE: RegExp[] = [];

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
  /** The lab page, loaded and restored, on a workspace of its own. */
  lab: LabPage;
}

/**
 * A JupyterLab page and what the tests do with it.
 */
export class LabPage {
  constructor(
    readonly page: Page,
    readonly workspace: string
  ) {}

  /** Page errors this test expects (each with a reason at the call). */
  readonly allowedPageErrors: RegExp[] = [];

  /** Accept a page error matching exactly this pattern in this test. */
  allowPageError(pattern: RegExp): void {
    this.allowedPageErrors.push(pattern);
  }

  /**
   * Problems of any kind (console errors, HTTP errors) this test expects,
   * each with a reason at the call.
   */
  readonly allowedProblems: RegExp[] = [];

  /** Accept a problem matching this pattern in this test. */
  allowProblem(pattern: RegExp): void {
    this.allowedProblems.push(pattern);
  }

  /** Load the lab and wait until it is restored. */
  async goto(): Promise<void> {
    await this.page.goto(`/lab/workspaces/${this.workspace}?token=${token}`);
    await this.page.waitForFunction(() => (window as any).jupyterapp);
    await this.page.evaluate(() => (window as any).jupyterapp.restored);
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
  }

  /** The path of the notebook the tracker holds as current. */
  async currentPath(): Promise<string | null> {
    return this.page.evaluate(() => {
      const widget = (window as any).jupyterapp.shell.currentWidget;
      return widget?.context?.path ?? null;
    });
  }

  /** Save the current notebook through its context. */
  async saveCurrent(): Promise<void> {
    await this.page.evaluate(async () => {
      const widget = (window as any).jupyterapp.shell.currentWidget;
      await widget.context.save();
    });
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
   * label, press Enter. JupyterLab may move focus back into the notebook just
   * after the (modal) palette opens, which closes it: then it is opened again.
   */
  async runFromPalette(label: string): Promise<void> {
    const palette = this.page.locator('#command-palette');
    const item = palette.locator('.lm-CommandPalette-item', { hasText: label });
    await expect(async () => {
      if (!(await palette.isVisible())) {
        await this.page.locator('.jp-Notebook .jp-InputPrompt').first().click();
        await this.focusSettled();
        await this.page.keyboard.press('Control+Shift+C');
      }
      await palette.locator('input').fill(label, { timeout: 2000 });
      await expect(item).toHaveCount(1, { timeout: 2000 });
      await expect(palette.locator('input')).toBeFocused({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await this.page.keyboard.press('Enter');
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
    const tab = this.page.locator(
      '.jp-SideBar.jp-mod-right .lm-TabBar-tab[data-id="jp-notebook-metadata"]'
    );
    await tab.click();
    await expect(this.panel).toBeVisible();
  }

  /** The current notebook's metadata, as the app's model has it. */
  async appMetadata(): Promise<Record<string, unknown>> {
    return this.page.evaluate(() => {
      const widget = (window as any).jupyterapp.shell.currentWidget;
      return widget.context.model.metadata;
    });
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
 * Report every problem a page shows: console errors, page errors (but those
 * matching `allowedPageErrors`), failed requests and HTTP errors.
 */
export function watchProblems(
  page: Page,
  report: (problem: string) => void,
  allowedPageErrors: RegExp[] = []
): void {
  page.on('console', message => {
    if (message.type() !== 'error') {
      return;
    }
    const text = message.text();
    if (!EXPECTED_CONSOLE.some(pattern => pattern.test(text))) {
      report(`console error: ${text}`);
    }
  });
  page.on('pageerror', error => {
    if (!allowedPageErrors.some(pattern => pattern.test(String(error)))) {
      report(`page error: ${error.stack ?? error}`);
    }
  });
  page.on('requestfailed', request => {
    const failure = request.failure()?.errorText ?? '';
    // A request the page dropped itself (navigation, closing) is no failure.
    if (failure === 'net::ERR_ABORTED') {
      return;
    }
    report(`request failed: ${request.method()} ${request.url()} ${failure}`);
  });
  page.on('response', response => {
    if (response.status() >= 400) {
      report(
        `HTTP ${response.status()}: ${response.request().method()} ${response.url()}`
      );
    }
  });
}

export const test = base.extend<ILabFixtures>({
  lab: async ({ page }, use, testInfo) => {
    const lab = new LabPage(
      page,
      uniqueName(testInfo.title.replace(/\W+/g, '-').slice(0, 30))
    );
    const problems: string[] = [];
    watchProblems(
      page,
      problem => {
        if (!lab.allowedProblems.some(pattern => pattern.test(problem))) {
          problems.push(problem);
        }
      },
      lab.allowedPageErrors
    );
    await lab.goto();
    await use(lab);
    expect(
      problems,
      'unexpected console errors, page errors or failed requests'
    ).toEqual([]);
  }
});

export { expect };
