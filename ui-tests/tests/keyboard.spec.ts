/**
 * Everything the panel offers, from the keyboard alone: no mouse event at
 * all, only `page.keyboard` and checks of where the focus is. The focus is
 * always inside the panel (or back in the notebook), never on the page's
 * body, and visible; errors are announced and tied to their fields; what
 * the scenario edits is saved to disk with Ctrl+S.
 */
import {
  COURSE_METADATA,
  expect,
  type LabPage,
  notebookWith,
  test,
  uniqueName,
  writeNotebook
} from './fixtures';

/** What has the focus: where it is and whether it shows. */
interface IFocus {
  /** The focused element's accessible name (aria-label, label or text). */
  name: string;
  /** Its tag name, lower case. */
  tag: string;
  /** `aria-expanded`, for section toggles and folds. */
  expanded: string | null;
  /** Whether it is a section's heading. */
  heading: boolean;
  /** Whether the focus is on the body (lost). */
  onBody: boolean;
  /** Whether it is inside the panel. */
  inPanel: boolean;
  /** Whether it is inside the notebook. */
  inNotebook: boolean;
  /** Whether it has a visible focus indicator (outline or box shadow). */
  visible: boolean;
}

/** Where the keyboard focus is now. */
async function focus(lab: LabPage): Promise<IFocus> {
  return lab.page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) {
      return {
        name: '',
        tag: 'body',
        expanded: null,
        heading: false,
        onBody: true,
        inPanel: false,
        inNotebook: false,
        visible: false
      };
    }
    const labelledBy = element.getAttribute('aria-labelledby');
    const name =
      element.getAttribute('aria-label') ??
      (labelledBy
        ? (document.getElementById(labelledBy)?.textContent ?? '')
        : '') ??
      '';
    const label = (element as HTMLInputElement).labels?.[0]?.textContent ?? '';
    const style = getComputedStyle(element);
    const outline =
      style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    // A code editor shows its focus on its frame, as the lab's cells do.
    const frame = element.closest('.jp-NotebookMetadata-codeEditor');
    const framed =
      frame !== null && getComputedStyle(frame).outlineStyle !== 'none';
    const shadow = style.boxShadow !== 'none' || framed;
    return {
      name: (name || label || element.textContent || '').trim(),
      tag: element.tagName.toLowerCase(),
      expanded: element.getAttribute('aria-expanded'),
      heading: element.classList.contains('jp-NotebookMetadata-sectionToggle'),
      onBody: false,
      inPanel: !!element.closest('#jp-notebook-metadata'),
      inNotebook: !!element.closest('.jp-NotebookPanel'),
      visible: element.matches(':focus-visible') && (outline || shadow)
    };
  });
}

/** The focus is on a control of the panel, and it shows. */
async function expectFocusInPanel(lab: LabPage): Promise<IFocus> {
  const now = await focus(lab);
  expect(now.onBody, 'the focus fell to the page').toBe(false);
  expect(now.inPanel, `the focus left the panel (${now.tag})`).toBe(true);
  expect(now.visible, `the focus is not visible on "${now.name}"`).toBe(true);
  return now;
}

/** What to tab to: a control's name, and if need be its tag. */
type Target = string | { name: string; tag?: string; heading?: boolean };

/**
 * Press Tab (or Shift+Tab) until the focused control is `target`, at most
 * `max` times; every step keeps the focus, visible, in the panel. Returns
 * the controls passed.
 */
async function tabTo(
  lab: LabPage,
  target: Target,
  options: { backward?: boolean; max?: number } = {}
): Promise<IFocus[]> {
  const wanted = typeof target === 'string' ? { name: target } : target;
  const matches = (f: IFocus) =>
    f.name === wanted.name &&
    (wanted.tag === undefined || f.tag === wanted.tag) &&
    (wanted.heading === undefined || f.heading === wanted.heading);
  const passed: IFocus[] = [];
  let now = await expectFocusInPanel(lab);
  for (let i = 0; !matches(now); i++) {
    expect(i, `"${wanted.name}" not reached`).toBeLessThan(options.max ?? 200);
    await lab.page.keyboard.press(options.backward ? 'Shift+Tab' : 'Tab');
    now = await expectFocusInPanel(lab);
    passed.push(now);
  }
  return passed;
}

/**
 * The field with this name is invalid and described by an announced
 * message (role="alert") that contains `text`.
 */
async function expectAnnouncedError(
  lab: LabPage,
  field: string,
  text: string
): Promise<void> {
  const control = lab.panel.getByLabel(field, { exact: true });
  await expect(control).toHaveAttribute('aria-invalid', 'true');
  await expect
    .poll(() =>
      control.evaluate(element =>
        (element.getAttribute('aria-describedby') ?? '')
          .split(/\s+/)
          .map(id => document.getElementById(id))
          .filter(
            described =>
              described &&
              (described.matches('[role="alert"]') ||
                described.querySelector('[role="alert"]'))
          )
          .map(described => described!.textContent)
          .join(' ')
      )
    )
    .toContain(text);
}

/**
 * Save the notebook with Ctrl+S from where the focus is, and check the file
 * on disk has `expected` as its metadata; the focus stays where it was.
 */
async function saveAndCheck(
  lab: LabPage,
  name: string,
  expected: Record<string, unknown>
): Promise<void> {
  const before = await lab.page.evaluateHandle(() => document.activeElement);
  const saved = await lab.readAfterSave(name, () =>
    lab.page.keyboard.press('Control+s')
  );
  expect(saved.metadata).toEqual(expected);
  await expect.poll(() => lab.isDirty()).toBe(false);
  expect(
    await lab.page.evaluate(
      element => element === document.activeElement,
      before
    ),
    'saving moved the focus'
  ).toBe(true);
}

test('everything the panel offers, from the keyboard alone', async ({
  lab
}) => {
  test.setTimeout(180_000);
  const name = writeNotebook(
    `${uniqueName('keyboard')}.ipynb`,
    notebookWith(COURSE_METADATA)
  );
  // Count every pointer event the page gets: there must be none. Notebook 7
  // opens the notebook in a page of its own: the count starts there too.
  const countPointerEvents = () => {
    const w = window as any;
    if (w.pointerEvents) {
      return;
    }
    w.pointerEvents = [];
    for (const type of [
      'pointerdown',
      'pointerup',
      'mousedown',
      'mouseup',
      'mousemove',
      'wheel',
      'contextmenu'
    ]) {
      document.addEventListener(type, () => w.pointerEvents.push(type), true);
    }
  };
  await lab.page.addInitScript(countPointerEvents);
  await lab.page.evaluate(countPointerEvents);
  await lab.openNotebook(name);
  await lab.focusSettled();
  expect((await focus(lab)).inNotebook).toBe(true);
  const keyboard = lab.page.keyboard;
  const panel = lab.panel;

  // The shortcut opens the panel and focuses its first field.
  await keyboard.press('Control+Alt+M');
  await expect(panel).toBeVisible();
  const kernel = panel.getByRole('combobox', { name: 'Kernel' });
  await expect(kernel).toBeFocused();
  await lab.focusSettled();

  // Every section, from the first heading to the last, with Tab.
  await tabTo(
    lab,
    { name: 'Kernel', heading: true },
    { backward: true, max: 5 }
  );
  const passed = await tabTo(lab, { name: 'Raw JSON', heading: true });
  const headings = passed.filter(f => f.heading).map(f => f.name);
  expect(headings).toEqual([
    'Notebook',
    'Jupytext',
    'Review',
    'Table of contents',
    'Custom keys',
    'Raw JSON'
  ]);
  // Closed: Enter opens it.
  expect((await focus(lab)).expanded).toBe('false');
  await keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Raw JSON' })).toHaveAttribute(
    'aria-expanded',
    'true'
  );
  await expectFocusInPanel(lab);

  // Pick another kernel: arrow keys on the picker.
  await tabTo(lab, { name: 'Kernel', tag: 'select' }, { backward: true });
  await expect(kernel).toBeFocused();
  await keyboard.press('ArrowDown');
  await expect(kernel).toHaveValue('python3-second');
  const second = {
    name: 'python3-second',
    display_name: 'Python 3 (second)',
    language: 'python'
  };
  await expect
    .poll(async () => (await lab.appMetadata()).kernelspec)
    .toEqual(second);
  const expected: Record<string, unknown> = {
    ...COURSE_METADATA,
    kernelspec: second
  };
  await saveAndCheck(lab, name, expected);

  // Pair with a preset: the Jupytext section opens with Enter (a section
  // with nothing set starts closed).
  await tabTo(lab, { name: 'Jupytext', heading: true });
  expect((await focus(lab)).expanded).toBe('false');
  await keyboard.press('Enter');
  await tabTo(lab, 'Pair with');
  await keyboard.press('ArrowDown');
  await expect
    .poll(async () => (await lab.appMetadata()).jupytext)
    .toEqual({ formats: 'ipynb,py:percent' });
  await expectFocusInPanel(lab);
  expected.jupytext = { formats: 'ipynb,py:percent' };
  await saveAndCheck(lab, name, expected);

  // Pair with a typed formats string: a wrong one is announced first.
  await tabTo(lab, 'Jupytext formats');
  await keyboard.press('Control+A');
  await keyboard.type('ipynb,py:spin');
  // A draft: nothing is checked or written until Enter (or Tab).
  await keyboard.press('Enter');
  await expectAnnouncedError(lab, 'Jupytext formats', 'spin');
  await keyboard.press('Control+A');
  await keyboard.type('ipynb,md:myst');
  await keyboard.press('Tab');
  await expectFocusInPanel(lab);
  await expect
    .poll(async () => (await lab.appMetadata()).jupytext)
    .toEqual({ formats: 'ipynb,md:myst' });
  await expect(panel.getByLabel('Jupytext formats')).toHaveAttribute(
    'aria-invalid',
    'false'
  );
  expected.jupytext = { formats: 'ipynb,md:myst' };
  await saveAndCheck(lab, name, expected);

  // Add a custom key: a wrong value is announced first.
  await tabTo(lab, 'New key name');
  await keyboard.type('grading');
  await tabTo(lab, 'New key value (JSON)');
  await keyboard.press('Control+A');
  await keyboard.type('{"points": ');
  await keyboard.press('Enter');
  await expectAnnouncedError(lab, 'New key value (JSON)', 'Invalid JSON');
  await keyboard.press('Control+A');
  await keyboard.type('{"points": 10}');
  await keyboard.press('Enter');
  await expect
    .poll(async () => (await lab.appMetadata()).grading)
    .toEqual({ points: 10 });
  await expectFocusInPanel(lab);
  await saveAndCheck(lab, name, { ...expected, grading: { points: 10 } });

  // Rename it: a name taken is announced, Escape takes the draft back (and
  // stays in the panel), Enter renames and the renamed row keeps the focus.
  await tabTo(lab, 'Name of key grading', { backward: true });
  await keyboard.press('Control+A');
  await keyboard.type('tags');
  await expectAnnouncedError(
    lab,
    'Name of key grading',
    'A key named "tags" already exists.'
  );
  await keyboard.press('Escape');
  await expect(panel).toBeVisible();
  await expect(panel.getByLabel('Name of key grading')).toHaveValue('grading');
  await keyboard.press('Control+A');
  await keyboard.type('grading_v2');
  await keyboard.press('Enter');
  await expect(panel.getByLabel('Name of key grading_v2')).toBeFocused();
  expect(await lab.appMetadata()).toMatchObject({
    grading_v2: { points: 10 }
  });
  await saveAndCheck(lab, name, { ...expected, grading_v2: { points: 10 } });

  // Delete it: the focus goes to the next control, not to the page.
  await tabTo(lab, 'Delete key grading_v2');
  await keyboard.press('Enter');
  await expect(panel.getByLabel('Name of key grading_v2')).toHaveCount(0);
  await lab.focusSettled();
  await expectFocusInPanel(lab);
  expect('grading_v2' in (await lab.appMetadata())).toBe(false);
  await saveAndCheck(lab, name, expected);

  // Apply raw JSON: invalid JSON is announced, valid JSON is applied.
  const raw = panel.getByLabel('Notebook metadata as JSON');
  await tabTo(lab, 'Notebook metadata as JSON');
  // Focused, it is in view: its text is built.
  await expect(panel.locator('.jp-NotebookMetadata-raw')).toHaveAttribute(
    'aria-busy',
    'false'
  );
  await keyboard.press('Control+A');
  await keyboard.insertText('{"broken": ');
  await tabTo(lab, 'Apply JSON');
  await keyboard.press('Enter');
  await expectAnnouncedError(lab, 'Notebook metadata as JSON', 'Invalid JSON');
  await tabTo(lab, 'Notebook metadata as JSON', { backward: true });
  const applied = {
    ...(await lab.appMetadata()),
    reviewed: true
  };
  await keyboard.press('Control+A');
  await keyboard.insertText(JSON.stringify(applied, null, 2));
  await tabTo(lab, 'Apply JSON');
  await keyboard.press('Enter');
  await expect.poll(async () => (await lab.appMetadata()).reviewed).toBe(true);
  // The Apply button is disabled once used: the focus goes back to the text.
  await expect(raw).toBeFocused();
  await expect(
    panel.getByRole('status').filter({ hasText: 'applied' })
  ).toBeVisible();
  expected.reviewed = true;
  await saveAndCheck(lab, name, expected);

  // Undo and redo with the keys, outside a text field.
  await tabTo(lab, { name: 'Raw JSON', heading: true }, { backward: true });
  await keyboard.press('Control+z');
  await expect
    .poll(async () => 'reviewed' in (await lab.appMetadata()))
    .toBe(false);
  const { reviewed, ...unreviewed } = expected;
  await saveAndCheck(lab, name, unreviewed);
  await keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await lab.appMetadata()).reviewed).toBe(true);
  await saveAndCheck(lab, name, expected);
  // And with the buttons: Undo, then Redo (each keeps the focus).
  await tabTo(lab, 'Undo', { backward: true });
  await keyboard.press('Enter');
  await expect
    .poll(async () => 'reviewed' in (await lab.appMetadata()))
    .toBe(false);
  await expectFocusInPanel(lab);
  expect((await focus(lab)).name).toBe('Undo');
  await saveAndCheck(lab, name, unreviewed);
  await keyboard.press('Tab');
  await keyboard.press('Enter');
  await expect.poll(async () => (await lab.appMetadata()).reviewed).toBe(true);
  await expectFocusInPanel(lab);
  expect((await focus(lab)).name).toBe('Redo');
  await saveAndCheck(lab, name, { ...expected, reviewed });

  // Escape in a field keeps the focus there; the panel's shortcut, pressed
  // again inside it, closes it and lands in the notebook, in command mode;
  // Ctrl+S saves it there.
  await keyboard.press('Escape');
  await expect(panel).toBeVisible();
  await expectFocusInPanel(lab);
  await keyboard.press('Control+Alt+M');
  await expect(panel).toBeHidden();
  await lab.focusSettled();
  expect((await focus(lab)).inNotebook).toBe(true);
  await expect(lab.page.locator('.jp-Notebook.jp-mod-commandMode')).toHaveCount(
    1
  );
  const saved = await lab.readAfterSave(name, () =>
    keyboard.press('Control+s')
  );
  await expect.poll(() => lab.isDirty()).toBe(false);
  expect(saved.metadata).toEqual({
    ...COURSE_METADATA,
    kernelspec: second,
    jupytext: { formats: 'ipynb,md:myst' },
    reviewed: true
  });

  expect(await lab.page.evaluate(() => (window as any).pointerEvents)).toEqual(
    []
  );
});
