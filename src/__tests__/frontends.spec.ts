import { PageConfig } from '@jupyterlab/coreutils';
import { CommandRegistry } from '@lumino/commands';

import { FrontEnds } from '../frontends';

describe('FrontEnds', () => {
  afterEach(() => {
    PageConfig.setOption('notebookPage', '');
  });

  it.each([
    ['', true],
    ['notebooks', true],
    ['tree', false],
    ['edit', false],
    ['consoles', false]
  ])('a page with notebookPage "%s" has notebooks: %s', (page, expected) => {
    PageConfig.setOption('notebookPage', page);
    expect(FrontEnds.pageHasNotebooks()).toBe(expected);
  });

  it("tells Notebook 7's own Edit Notebook Metadata command", () => {
    const commands = new CommandRegistry();
    expect(FrontEnds.hasNotebook7MetadataCommand(commands)).toBe(false);
    commands.addCommand(FrontEnds.NOTEBOOK7_EDIT_METADATA, {
      execute: () => undefined
    });
    expect(FrontEnds.hasNotebook7MetadataCommand(commands)).toBe(true);
  });

  it.each([
    [['@jupyterlab/application-extension:main'], false],
    [
      [
        '@jupyterlab/application-extension:main',
        '@jupyterlite/services-extension:default-drive'
      ],
      true
    ],
    [['@jupyterlite/pyodide-kernel-extension:kernel'], false]
  ])('plugins %j are JupyterLite: %s', (plugins, expected) => {
    expect(FrontEnds.isJupyterLite({ listPlugins: () => plugins })).toBe(
      expected
    );
  });
});
