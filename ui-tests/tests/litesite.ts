/**
 * Fixtures of the JupyterLite tests (lite.spec.ts): a page of the site that
 * scripts/lite.mjs built and serves (static files, no Jupyter server), which
 * fails the test on any console error, page error, failed request, HTTP
 * error or request that leaves the site (the internet: nothing may be
 * fetched from it), and helpers over the app (`window.jupyterapp`, the
 * site's `exposeAppInBrowser`) and over the browser's storage, where
 * JupyterLite keeps what is saved.
 *
 * Not galata: its fixtures talk to a Jupyter server's REST API, and the site
 * holds no galata extension (only what a site author's would).
 */
import {
  expect,
  type Locator,
  type Page,
  test as base
} from '@playwright/test';

import { appRestored, enter, watchProblems } from './fixtures';

/** A notebook as JupyterLite stores it. */
export interface IStoredNotebook {
  cells: Array<Record<string, unknown>>;
  metadata: Record<string, unknown>;
}

/** A page of the JupyterLite site. */
export class LitePage {
  constructor(readonly page: Page) {}

  /** Problems of any kind this test expects (each with a reason at the call). */
  readonly allowedProblems: RegExp[] = [];

  /** Load the site's JupyterLab and wait until it is restored. */
  async goto(): Promise<void> {
    await this.page.goto('lab/index.html');
    await appRestored(this.page);
  }

  /** Reload the page, as a user does, and wait until the app is restored. */
  async reload(): Promise<void> {
    await this.page.reload();
    await appRestored(this.page);
  }

  /**
   * Open a notebook and wait until its model is ready and it is active. No
   * kernel starts (the site has no Pyodide: see lite/jupyter-lite.json).
   */
  async openNotebook(notebookPath: string): Promise<void> {
    await this.page.evaluate(async p => {
      const app = (window as any).jupyterapp;
      const widget = await app.commands.execute('docmanager:open', {
        path: p,
        factory: 'Notebook',
        kernelPreference: { shouldStart: false, canStart: false }
      });
      await widget.context.ready;
      app.shell.activateById(widget.id);
    }, notebookPath);
    await expect.poll(() => this.currentPath()).toBe(notebookPath);
  }

  /** The path of the notebook the shell holds as current. */
  currentPath(): Promise<string | null> {
    return this.page.evaluate(
      () =>
        (window as any).jupyterapp.shell.currentWidget?.context?.path ?? null
    );
  }

  /** Run a command of the app. */
  async command(id: string, args: Record<string, unknown> = {}): Promise<void> {
    await this.page.evaluate(
      async ({ id, args }) => {
        await (window as any).jupyterapp.commands.execute(id, args);
      },
      { id, args }
    );
  }

  /** Open the panel through its command, as the palette and shortcut do. */
  async openPanel(): Promise<void> {
    await this.command('notebook-metadata:open');
    await expect(this.panel).toBeVisible();
  }

  /** The metadata panel. */
  get panel(): Locator {
    return this.page.locator('#jp-notebook-metadata');
  }

  /** Open a section of the panel by its title, if it is closed. */
  async openSection(title: string): Promise<void> {
    const heading = this.sectionHeading(title);
    if ((await heading.getAttribute('aria-expanded')) === 'false') {
      await heading.click();
    }
    await expect(heading).toHaveAttribute('aria-expanded', 'true');
  }

  /** A section heading's toggle button. */
  sectionHeading(title: string): Locator {
    return this.panel
      .locator('.jp-NotebookMetadata-sectionToggle')
      .and(this.panel.getByRole('button', { name: title, exact: true }));
  }

  /** Type a value into a field and commit it, as a user does. */
  enter(field: Locator, text: string): Promise<void> {
    return enter(field, text);
  }

  /** The current notebook's metadata, as the app's model has it. */
  appMetadata(): Promise<Record<string, unknown>> {
    return this.page.evaluate(
      () =>
        (window as any).jupyterapp.shell.currentWidget.context.model.metadata
    );
  }

  /** Whether the current notebook has unsaved changes. */
  isDirty(): Promise<boolean> {
    return this.page.evaluate(
      () => (window as any).jupyterapp.shell.currentWidget.context.model.dirty
    );
  }

  /** The name of the kernel running for the current notebook, if any. */
  runningKernel(): Promise<string | null> {
    return this.page.evaluate(
      () =>
        (window as any).jupyterapp.shell.currentWidget.sessionContext.session
          ?.kernel?.name ?? null
    );
  }

  /** Save the current notebook with the notebook's Save button. */
  async save(): Promise<void> {
    await this.page
      .locator(
        '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Toolbar-item[data-jp-item-name="save"] button'
      )
      .click();
    await expect.poll(() => this.isDirty()).toBe(false);
  }

  /**
   * The notebook at `notebookPath` as the browser's storage holds it
   * (JupyterLite's contents, in IndexedDB through localforage), read
   * directly from the database; `null` when it holds no such file (a file
   * of the site that was never saved here).
   */
  storedNotebook(notebookPath: string): Promise<IStoredNotebook | null> {
    return this.page.evaluate(async key => {
      const names = (await indexedDB.databases())
        .map(db => db.name ?? '')
        .filter(name => name.startsWith('JupyterLite Storage'));
      for (const name of names) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        try {
          if (!db.objectStoreNames.contains('files')) {
            continue;
          }
          const file = await new Promise<any>((resolve, reject) => {
            const request = db
              .transaction('files')
              .objectStore('files')
              .get(key);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          if (file) {
            return typeof file.content === 'string'
              ? JSON.parse(file.content)
              : file.content;
          }
        } finally {
          db.close();
        }
      }
      return null;
    }, notebookPath);
  }

  /** The names in a folder, as the app's contents service lists them. */
  listFolder(folder: string): Promise<string[]> {
    return this.page.evaluate(async folder => {
      const model = await (
        window as any
      ).jupyterapp.serviceManager.contents.get(folder, { content: true });
      return model.content.map((item: { name: string }) => item.name).sort();
    }, folder);
  }
}

export const test = base.extend<{ lite: LitePage }>({
  lite: async ({ context, page, baseURL }, use) => {
    const lite = new LitePage(page);
    const problems: string[] = [];
    const site = new URL(baseURL!).origin;
    // Nothing leaves the site: a request elsewhere is a problem, and is
    // never sent.
    await context.route(
      url => url.origin !== site,
      route => {
        problems.push(`a request off the site: ${route.request().url()}`);
        return route.abort('blockedbyclient');
      }
    );
    watchProblems(page, 'lab', problem => problems.push(problem), {
      problems: lite.allowedProblems
    });
    await lite.goto();
    await use(lite);
    expect(
      problems,
      'unexpected console errors, page errors, failed requests or requests off the site'
    ).toEqual([]);
  }
});

export { expect };
