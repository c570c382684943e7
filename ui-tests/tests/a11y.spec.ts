/**
 * An accessibility audit of the panel with axe-core, in the real lab and
 * Notebook 7: every section open, each state audited in the light, dark and
 * high-contrast themes in turn, on the sample
 * notebooks of examples/ and on notebooks that put every section in each of
 * its states (paired or not, kernel installed or not or none, read-only,
 * invalid values on disk, many keys, errors shown, a section from the
 * example extension, sections from the settings, a broken one among them).
 * Any violation inside the panel fails the test, and is printed.
 */
import fs from 'node:fs';
import path from 'node:path';

import {
  enter,
  expect,
  labRoot,
  type LabPage,
  notebookWith,
  PYTHON_KERNELSPEC,
  test,
  uniqueName,
  writeNotebook
} from './fixtures';
import { LISTY_SECTION, putSettings } from './settings';

/** axe-core's script, injected into the page. */
const AXE_SOURCE = fs.readFileSync(
  require.resolve('axe-core/axe.min.js'),
  'utf-8'
);

/** The themes audited, as JupyterLab names them. */
const THEMES = [
  'JupyterLab Light',
  'JupyterLab Dark',
  'JupyterLab Dark High Contrast'
];

/** Sections declared in the settings: a working one and a broken one. */
const SETTINGS = {
  sections: [
    {
      id: 'course',
      label: 'Course',
      rank: 15,
      description: 'The course this notebook belongs to.',
      schema: {
        type: 'object',
        properties: {
          '/course/code': {
            type: 'string',
            title: 'Code',
            description: 'Department and number, e.g. STAT-201.',
            pattern: '^[A-Z]+-[0-9]+$'
          },
          '/course/week': { type: 'integer', title: 'Week', minimum: 1 },
          '/course/topics': {
            type: 'array',
            title: 'Topics',
            items: { type: 'string' }
          },
          '/course/level': {
            type: 'string',
            title: 'Level',
            enum: ['intro', 'advanced']
          },
          '/course/graded': { type: 'boolean', title: 'Graded' }
        }
      }
    },
    LISTY_SECTION
  ]
};

/** One state of the panel to audit: a notebook, and what to do first. */
interface IAuditCase {
  /** What the case shows, in the summary. */
  label: string;
  /** The notebook's path on the server. */
  path: string;
  /** Start the notebook's kernel. */
  kernel?: boolean;
  /** Bring the panel into the state audited, once it shows the notebook. */
  prepare?: (lab: LabPage) => Promise<void>;
}

/** The notebooks of the audit, written into a folder of their own. */
function auditCases(): IAuditCase[] {
  const folder = uniqueName('a11y');
  fs.mkdirSync(path.join(labRoot, folder));
  const samples = path.join(__dirname, '..', '..', 'examples');
  for (const file of fs.readdirSync(samples)) {
    if (/\.(ipynb|py)$/.test(file)) {
      fs.copyFileSync(
        path.join(samples, file),
        path.join(labRoot, folder, file)
      );
    }
  }
  const write = (name: string, metadata: Record<string, unknown>) =>
    writeNotebook(`${folder}/${name}.ipynb`, notebookWith(metadata));
  const manyKeys: Record<string, unknown> = {
    kernelspec: PYTHON_KERNELSPEC,
    jupytext: { formats: 'ipynb,scripts//py:percent,md:myst' }
  };
  for (let i = 0; i < 40; i++) {
    manyKeys[`key_${String(i).padStart(2, '0')}`] = { index: i };
  }
  return [
    {
      label: 'sample: paired with a script',
      path: `${folder}/paired-with-script.ipynb`
    },
    {
      label: 'sample: kernel not installed',
      path: `${folder}/kernel-not-installed.ipynb`
    },
    { label: 'sample: custom keys', path: `${folder}/custom-keys.ipynb` },
    {
      label: 'sample: large metadata',
      path: `${folder}/large-metadata.ipynb`
    },
    { label: 'no metadata, no kernel', path: write('empty', {}) },
    {
      label: 'many keys, paired files not created yet',
      path: write('many-keys', manyKeys),
      prepare: async lab => {
        await lab.panel.getByLabel('Find custom keys by name').fill('key_1');
        await expect(
          lab.panel.getByRole('status').filter({ hasText: 'keys match' })
        ).toHaveText('10 of 40 keys match.');
      }
    },
    {
      label: 'extension and settings sections with values',
      path: write('sections', {
        kernelspec: PYTHON_KERNELSPEC,
        review: { status: 'in-review', reviewer: 'Ada' },
        course: {
          code: 'STAT-201',
          week: 3,
          topics: ['regression', 'trees'],
          level: 'intro',
          graded: true
        },
        toc: { base_numbering: 2 }
      }),
      prepare: async lab => {
        // The example extension's section, and the one of the settings.
        for (const name of ['Review', 'Course']) {
          await expect(
            lab.panel.getByRole('button', { name, exact: true })
          ).toHaveAttribute('aria-expanded', 'true');
        }
      }
    },
    {
      label: 'invalid values on disk',
      path: write('invalid', {
        kernelspec: { display_name: 'No name' },
        title: 42,
        authors: [{ affiliation: 'Nowhere' }],
        jupytext: { formats: 'ipynb,foo', comment_magics: 'yes' },
        review: { status: 'bogus', reviewer: 'x' },
        toc: { base_numbering: 'one' },
        course: { code: 'stat 201', week: 0, level: 'expert' }
      })
    },
    {
      label: 'read-only',
      path: write('read-only', {
        kernelspec: PYTHON_KERNELSPEC,
        title: 'Read only',
        jupytext: { formats: 'ipynb,py:percent' },
        tags: ['x']
      }),
      prepare: async lab => {
        await lab.page.evaluate(() => {
          const widget = (window as any).jupyterapp.shell.currentWidget;
          widget.context.model.readOnly = true;
        });
        await expect(
          lab.panel
            .getByRole('note')
            .filter({ hasText: 'This notebook is read-only' })
        ).toBeVisible();
      }
    },
    {
      label: 'errors shown, running kernel offered a switch',
      path: write('errors', {
        kernelspec: PYTHON_KERNELSPEC,
        jupytext: { formats: 'ipynb,py:percent' },
        tags: ['x'],
        course: { code: 'STAT-201' }
      }),
      kernel: true,
      prepare: async lab => {
        const panel = lab.panel;
        await expect
          .poll(() =>
            lab.page.evaluate(
              () =>
                (window as any).jupyterapp.shell.currentWidget.sessionContext
                  .session?.kernel?.name ?? null
            )
          )
          .toBe('python3');
        await panel
          .getByRole('combobox', { name: 'Kernel' })
          .selectOption('python3-second');
        await expect(
          panel.getByRole('group', { name: 'Switch the running kernel' })
        ).toBeVisible();
        await enter(panel.getByLabel('Value of tags (JSON)'), '["x", ');
        await panel.getByLabel('Name of key course').fill('tags');
        await panel.getByLabel('Name of key course').press('Enter');
        await panel.getByLabel('New key name').fill('title');
        await panel.getByRole('button', { name: 'Add key' }).click();
        await enter(panel.getByLabel('Jupytext formats'), 'ipynb,py:spin');
        await enter(panel.getByLabel('Week'), '0');
        const raw = panel.getByLabel('Notebook metadata as JSON');
        // As a user does: brought into view, where its text is built.
        await panel
          .locator('.jp-NotebookMetadata-raw')
          .scrollIntoViewIfNeeded();
        await expect(panel.locator('.jp-NotebookMetadata-raw')).toHaveAttribute(
          'aria-busy',
          'false'
        );
        await raw.fill('{"broken": ');
        await panel.getByRole('button', { name: 'Apply JSON' }).click();
        const alerts = panel.getByRole('alert');
        for (const text of [
          'Invalid JSON',
          'A key named "tags" already exists.',
          '"title" is edited in its own section (Notebook).',
          'spin',
          'must be >= 1'
        ]) {
          await expect(alerts.filter({ hasText: text }).first()).toBeVisible();
        }
      }
    }
  ];
}

/** A violation, as printed. */
interface IFound {
  where: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Run axe-core on the panel; returns its violations, and the number of
 * checks it could not decide (incomplete), by rule.
 */
async function audit(
  lab: LabPage,
  where: string,
  rules?: string[]
): Promise<{ violations: IFound[]; incomplete: Record<string, string[]> }> {
  if (!(await lab.page.evaluate(() => 'axe' in window))) {
    await lab.page.addScriptTag({ content: AXE_SOURCE });
  }
  const result = await lab.page.evaluate(async rules => {
    const axe = (window as any).axe;
    const found = await axe.run(
      { include: ['#jp-notebook-metadata'] },
      rules ? { runOnly: { type: 'rule', values: rules } } : {}
    );
    return {
      violations: found.violations.map((v: any) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map(
          (node: any) =>
            `${node.target.join(' ')}: ${String(node.failureSummary).replace(/\s+/g, ' ')}`
        )
      })),
      incomplete: Object.fromEntries(
        found.incomplete.map((v: any) => [
          v.id,
          v.nodes.map(
            (node: any) =>
              `${node.target.join(' ')}: ${String(node.failureSummary).replace(/\s+/g, ' ')}`
          )
        ])
      )
    };
  }, rules);
  return {
    violations: result.violations.map((v: Omit<IFound, 'where'>) => ({
      where,
      ...v
    })),
    incomplete: result.incomplete
  };
}

/** Open every closed section of the panel (their state is kept). */
async function openEverySection(lab: LabPage): Promise<void> {
  const closed = lab.panel.locator(
    '.jp-NotebookMetadata-sectionToggle[aria-expanded="false"]'
  );
  while ((await closed.count()) > 0) {
    await closed.first().click();
  }
}

/**
 * Make the viewport as tall as the panel's content, so that axe sees every
 * element on screen (it cannot tell the contrast of what is scrolled away).
 */
async function showWholePanel(lab: LabPage): Promise<void> {
  const fit = async () => {
    const height = await lab.page.evaluate(
      () => document.querySelector('.jp-NotebookMetadata-body')!.scrollHeight
    );
    await lab.page.setViewportSize({
      width: 1400,
      height: Math.min(Math.max(900, height + 300), 16000)
    });
  };
  await fit();
  // The raw JSON's text is built once it is in view, when the page is idle
  // (which takes long on a busy machine: other projects' servers and
  // browsers run beside it): the panel then grows.
  await expect(
    lab.panel.locator('.jp-NotebookMetadata-raw[aria-busy="true"]')
  ).toHaveCount(0, { timeout: 60_000 });
  await fit();
  await expect
    .poll(() =>
      lab.page.evaluate(() => {
        const body = document.querySelector('.jp-NotebookMetadata-body')!;
        return body.scrollHeight <= body.clientHeight;
      })
    )
    .toBe(true);
}

/**
 * Switch the app to `theme` and wait until the page shows it. A change asked
 * while JupyterLab's theme manager is still busy with the previous one did
 * not always take on a loaded machine (CI): then it is asked again.
 */
async function setTheme(lab: LabPage, theme: string): Promise<void> {
  await expect(async () => {
    await lab.command('apputils:change-theme', { theme });
    // Loaded: the theme manager's current theme, and the page's.
    await expect
      .poll(
        () =>
          lab.page.evaluate(
            async () =>
              (
                await (window as any).galata.getPlugin(
                  '@jupyterlab/apputils-extension:themes'
                )
              ).theme
          ),
        // A page with 1 MB of metadata in its panel takes a while.
        { timeout: 30_000 }
      )
      .toBe(theme);
    await expect(lab.page.locator('body')).toHaveAttribute(
      'data-jp-theme-name',
      theme,
      { timeout: 10_000 }
    );
  }).toPass({ timeout: 120_000 });
  // The theme's stylesheet is applied once the page has drawn with it.
  await lab.page.evaluate(
    () => new Promise(resolve => requestAnimationFrame(() => resolve(null)))
  );
}

/** A line per violation and node, to print. */
function describe(found: IFound[]): string {
  return found
    .map(
      v =>
        `[${v.where}] ${v.rule} (${v.impact}): ${v.help}\n` +
        v.targets.map(t => `    ${t}`).join('\n')
    )
    .join('\n');
}

test.describe('axe-core finds no violation in the panel', () => {
  test.afterEach(async ({ lab }) => {
    await lab.page.setViewportSize({ width: 1400, height: 900 });
    await putSettings(lab, {});
    await lab.command('apputils:change-theme', { theme: 'JupyterLab Light' });
  });

  test(`on every notebook and section state, in ${THEMES.join(', ')}`, async ({
    lab
  }) => {
    // Ten notebooks (each a page of its own in Notebook 7), three themes each.
    test.setTimeout(600_000);
    await putSettings(lab, SETTINGS);
    const violations: IFound[] = [];
    const summary: Record<string, string[]> = Object.fromEntries(
      THEMES.map(theme => [theme, []])
    );
    /** Audit the panel as it is now in each theme; `rules` to audit only those. */
    const auditInEveryTheme = async (label: string, rules?: string[]) => {
      for (const theme of THEMES) {
        // The theme changes with the raw JSON closed (with 1 MB of metadata
        // in it, a page on a loaded machine took more than a minute to take
        // the new theme), then every section is open again for the audit.
        const raw = lab.panel.getByRole('button', {
          name: 'Raw JSON',
          exact: true
        });
        if ((await raw.getAttribute('aria-expanded')) === 'true') {
          await raw.click();
          await expect(raw).toHaveAttribute('aria-expanded', 'false');
        }
        await setTheme(lab, theme);
        await openEverySection(lab);
        if (!rules) {
          await showWholePanel(lab);
        }
        const result = await audit(lab, `${theme} / ${label}`, rules);
        violations.push(...result.violations);
        summary[theme].push(
          `  ${label}: ${result.violations.length} violations` +
            (Object.keys(result.incomplete).length
              ? ` (undecided: ${JSON.stringify(result.incomplete)})`
              : '')
        );
        await lab.page.setViewportSize({ width: 1400, height: 900 });
      }
    };
    for (const item of auditCases()) {
      await lab.openNotebook(item.path, item.kernel ?? false);
      await lab.openPanel();
      await expect(lab.panel.locator('.jp-NotebookMetadata-path')).toHaveText(
        item.path
      );
      await openEverySection(lab);
      await item.prepare?.(lab);
      // Paired files are marked once the server answered.
      await expect(
        lab.panel.locator('.jp-NotebookMetadata-badge', { hasText: '…' })
      ).toHaveCount(0);
      // Nothing under the pointer: hover is audited on its own below.
      await lab.page.mouse.move(0, 0);
      await auditInEveryTheme(item.label);
    }

    // A field under the pointer keeps its text readable.
    await lab.panel.locator('fieldset input[type="text"]').first().hover();
    await auditInEveryTheme('a field under the pointer', ['color-contrast']);

    for (const theme of THEMES) {
      console.log(`axe-core, ${theme}:\n${summary[theme].join('\n')}`);
    }
    // One audit per notebook state and theme, and the one under the pointer.
    const audits = Object.values(summary).flat().length;
    console.log(
      `axe: ${audits} audits, ${violations.length} violations (${THEMES.length} themes, ${lab.host})`
    );
    expect(violations, describe(violations)).toEqual([]);
  });
});

test('the audit sees a violation planted in the panel, and only there', async ({
  lab
}) => {
  const notebook = writeNotebook(
    `${uniqueName('a11y-planted')}.ipynb`,
    notebookWith({ kernelspec: PYTHON_KERNELSPEC })
  );
  await lab.openNotebook(notebook);
  await lab.openPanel();
  // A nameless field inside the panel, another one outside it.
  await lab.page.evaluate(() => {
    for (const parent of [
      document.querySelector('.jp-NotebookMetadata-body')!,
      document.body
    ]) {
      const input = document.createElement('input');
      input.className = 'planted-nameless';
      parent.appendChild(input);
    }
  });
  const result = await audit(lab, 'planted', ['label']);
  await lab.page.evaluate(() =>
    document.querySelectorAll('.planted-nameless').forEach(e => e.remove())
  );
  expect(result.violations.map(v => v.rule)).toEqual(['label']);
  expect(result.violations[0].targets).toHaveLength(1);
  expect(result.violations[0].targets[0]).toContain('.planted-nameless');
});
