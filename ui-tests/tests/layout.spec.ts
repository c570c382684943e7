/**
 * The panel at every width: from 220 px to 600 px, in the light and dark
 * themes, no button or label clips its text (text that ellipsizes on
 * purpose has its full text in a tooltip), nothing runs out of the panel,
 * and every control has an accessible name.
 */
import {
  expect,
  type LabPage,
  notebookWith,
  test,
  uniqueName,
  writeNotebook
} from './fixtures';

/** A notebook that shows every part of the panel, with long names. */
function busyNotebook(): string {
  const name = `${uniqueName('a-notebook-with-a-rather-long-file-name-for-layout')}.ipynb`;
  return writeNotebook(
    name,
    notebookWith({
      kernelspec: {
        name: 'a-kernel-that-is-not-installed-anywhere',
        display_name: 'A Kernel With A Very Long Display Name (not installed)',
        language: 'python'
      },
      language_info: { name: 'python', file_extension: '.py' },
      title: 'A title long enough to fill the whole width of the panel',
      authors: [{ name: 'Ada Lovelace', affiliation: 'Analytical Engines' }],
      jupytext: {
        formats: 'notebooks///ipynb,scripts///py:percent,md:myst',
        notebook_metadata_filter: '-all',
        hide_notebook_metadata: true
      },
      a_custom_key_with_a_remarkably_long_name_that_does_not_fit: {
        nested: ['a value long enough to wrap inside its text area']
      },
      tags: ['x']
    })
  );
}

/** Draw the panel `width` px wide (the sidebar's own minimum is 250 px). */
async function setPanelWidth(lab: LabPage, width: number): Promise<void> {
  await lab.page.evaluate(width => {
    let style = document.getElementById('test-panel-width');
    if (!style) {
      style = document.createElement('style');
      style.id = 'test-panel-width';
      document.head.appendChild(style);
    }
    style.textContent = `#jp-notebook-metadata { width: ${width}px !important; min-width: 0 !important; }`;
  }, width);
  await expect
    .poll(() =>
      lab.page.evaluate(
        () => document.getElementById('jp-notebook-metadata')!.clientWidth
      )
    )
    .toBe(width);
}

/**
 * Controls and labels whose text does not fit their box, unless they
 * ellipsize it on purpose and give the full text in a tooltip; and whether
 * the panel's content is wider than the panel.
 */
async function overflows(lab: LabPage): Promise<string[]> {
  return lab.page.evaluate(() => {
    const panel = document.getElementById('jp-notebook-metadata')!;
    const found: string[] = [];
    const body = panel.querySelector<HTMLElement>('.jp-NotebookMetadata-body')!;
    if (body.scrollWidth > body.clientWidth + 1) {
      found.push(
        `the panel's content is ${body.scrollWidth} px wide in ${body.clientWidth} px`
      );
    }
    // The content box of the editor: inside the panel's padding.
    const editor = panel.querySelector<HTMLElement>(
      '.jp-NotebookMetadata-editor'
    )!;
    const editorStyle = getComputedStyle(editor);
    const editorBox = editor.getBoundingClientRect();
    const panelBox = {
      left: editorBox.left + parseFloat(editorStyle.paddingLeft),
      right: editorBox.right - parseFloat(editorStyle.paddingRight)
    };
    const selector =
      'button, label, select, input, textarea, h3, .jp-NotebookMetadata-message, .jp-FormGroup-fieldLabel, .jp-NotebookMetadata-optionKey, .jp-NotebookMetadata-notebookName';
    for (const element of Array.from(
      panel.querySelectorAll<HTMLElement>(selector)
    )) {
      if (element.offsetParent === null) {
        continue;
      }
      const box = element.getBoundingClientRect();
      const what = `${element.tagName.toLowerCase()} "${(element.textContent || (element as HTMLInputElement).value || element.getAttribute('aria-label') || '').trim().slice(0, 40)}"`;
      if (box.right > panelBox.right + 1 || box.left < panelBox.left - 1) {
        found.push(`${what} runs out of the panel's content`);
      }
      if (
        element.matches('input, select, textarea') ||
        element.scrollWidth <= element.clientWidth + 1
      ) {
        continue;
      }
      const style = getComputedStyle(element);
      const ellipsized =
        style.textOverflow === 'ellipsis' ||
        Array.from(element.querySelectorAll('*')).some(
          child => getComputedStyle(child).textOverflow === 'ellipsis'
        );
      const tooltip = element.closest('[title]')?.getAttribute('title') ?? '';
      if (!ellipsized || tooltip.trim() === '') {
        found.push(
          `${what} clips its text (${element.scrollWidth} px in ${element.clientWidth} px)`
        );
      }
    }
    return found;
  });
}

/** Controls of the panel's accessibility tree that have no name. */
async function namelessControls(lab: LabPage): Promise<string[]> {
  const tree = await lab.panel.ariaSnapshot();
  return tree
    .split('\n')
    .filter(line =>
      /^\s*- (textbox|combobox|checkbox|radio|button|spinbutton|listbox|searchbox|slider|switch)\b(?! ")/.test(
        line
      )
    );
}

for (const theme of ['JupyterLab Light', 'JupyterLab Dark']) {
  test(`the panel reads well from 220 to 600 px in ${theme}`, async ({
    lab
  }) => {
    await lab.command('apputils:change-theme', { theme });
    await expect(lab.page.locator('body')).toHaveAttribute(
      'data-jp-theme-name',
      theme
    );
    const name = busyNotebook();
    await lab.openNotebook(name);
    await lab.openPanel();
    // Every section and every fold open, Raw JSON included.
    const raw = lab.panel.getByRole('button', { name: 'Raw JSON' });
    const closed = lab.panel.locator(
      '.jp-NotebookMetadata-sectionToggle[aria-expanded="false"], .jp-NotebookMetadata-disclosure[aria-expanded="false"], .jp-NotebookMetadata-languageLine button[aria-expanded="false"]'
    );
    while ((await closed.count()) > 0) {
      await closed.first().click();
    }
    await expect(
      lab.panel.getByLabel('Notebook metadata as JSON')
    ).toBeVisible();
    for (const width of [220, 250, 600]) {
      await setPanelWidth(lab, width);
      expect(await overflows(lab), `at ${width} px`).toEqual([]);
    }
    expect(await namelessControls(lab)).toEqual([]);
    await raw.click();
    await lab.command('apputils:change-theme', { theme: 'JupyterLab Light' });
  });
}
