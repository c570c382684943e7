import {
  expect,
  federatedExtensions,
  notebookWith,
  test,
  uniqueName,
  writeNotebook
} from './fixtures';

test('the extension is a federated extension of the lab and its plugin is active', async ({
  lab
}) => {
  const federated = await federatedExtensions(lab.page);
  expect(federated).toContain('jupyterlab-notebook-metadata');
  // The sections' registry, the panel, the Jupytext commands.
  const plugins = [
    'jupyterlab-notebook-metadata:plugin',
    'jupyterlab-notebook-metadata:panel',
    'jupyterlab-notebook-metadata:jupytext'
  ];
  const active = await lab.page.evaluate(
    ids => ids.filter(id => (window as any).jupyterapp.isPluginActivated(id)),
    plugins
  );
  expect(active).toEqual(plugins);
});

test('the panel shows a placeholder, then the active notebook, and follows switches', async ({
  lab
}) => {
  const first = writeNotebook(`${uniqueName('first')}.ipynb`, notebookWith({}));
  const second = writeNotebook(
    `${uniqueName('second')}.ipynb`,
    notebookWith({})
  );
  await lab.openPanelFromSidebar();
  await expect(
    lab.panel.locator('.jp-NotebookMetadata-placeholder')
  ).toHaveText(/No notebook is open/);

  await lab.openNotebook(first);
  await expect(lab.panel.locator('.jp-NotebookMetadata-path')).toHaveText(
    first
  );
  await lab.openNotebook(second);
  await expect(lab.panel.locator('.jp-NotebookMetadata-path')).toHaveText(
    second
  );

  // Switching back through the tab bar, as a user would.
  await lab.page
    .locator(
      '.jp-MainAreaWidget .lm-TabBar-tab, .lm-DockPanel-tabBar .lm-TabBar-tab',
      { hasText: first }
    )
    .first()
    .click();
  await expect(lab.panel.locator('.jp-NotebookMetadata-path')).toHaveText(
    first
  );
});

test('a metadata change made through the app is saved to the .ipynb on disk', async ({
  lab
}) => {
  const name = writeNotebook(
    `${uniqueName('save')}.ipynb`,
    notebookWith({ keep: { nested: [1, 2, 3] } })
  );
  await lab.openNotebook(name);
  await lab.page.evaluate(() => {
    const panel = (window as any).jupyterapp.shell.currentWidget;
    panel.context.model.setMetadata('course', { code: 'STAT-201' });
  });
  const saved = await lab.saveAndRead(name);
  expect(saved.metadata.course).toEqual({ code: 'STAT-201' });
  expect(saved.metadata.keep).toEqual({ nested: [1, 2, 3] });
});

test('real-time collaboration is off in this lab: saves go over REST', async ({
  lab
}) => {
  // jupyter-collaboration is installed in the environment, and on only in
  // the collab-lab project's server (scripts/jupyter_config.py).
  expect(
    await lab.page.evaluate(() =>
      (window as any).jupyterapp.hasPlugin(
        '@jupyter/docprovider-extension:content-provider'
      )
    )
  ).toBe(false);
  const status = await lab.page.request.get('api/collaboration/session/x');
  expect(status.status()).toBe(404);
});
