/**
 * A Playwright reporter that closes the run with one line per project (front
 * end), and which tests of the lab did not run in Notebook 7 (see
 * NOT_IN_NOTEBOOK7 in playwright.config.ts).
 */
import type {
  FullResult,
  Reporter,
  Suite,
  TestCase
} from '@playwright/test/reporter';

/** The front end of each project. */
const FRONT_ENDS: Record<string, string> = {
  lab: 'JupyterLab',
  notebook: 'Jupyter Notebook 7'
};

export default class ProjectSummary implements Reporter {
  onBegin(_: unknown, suite: Suite): void {
    this._suite = suite;
  }

  onEnd(result: FullResult): void {
    if (!this._suite) {
      return;
    }
    const byProject = new Map<string, TestCase[]>();
    for (const test of this._suite.allTests()) {
      const project = test.parent.project()?.name ?? '';
      byProject.set(project, [...(byProject.get(project) ?? []), test]);
    }
    const lines: string[] = [];
    for (const [project, tests] of byProject) {
      const count = (outcome: string) =>
        tests.filter(test => test.outcome() === outcome).length;
      const results = tests.flatMap(test => test.results);
      const start = Math.min(...results.map(r => r.startTime.getTime()));
      const end = Math.max(
        ...results.map(r => r.startTime.getTime() + r.duration)
      );
      const seconds = results.length ? ((end - start) / 1000).toFixed(0) : '0';
      lines.push(
        `${project} (${FRONT_ENDS[project] ?? project}): ${count('expected')} passed, ` +
          `${count('unexpected') + count('flaky')} failed, ${count('skipped')} did not run, ` +
          `in ${seconds} s`
      );
    }
    const titles = (project: string) =>
      new Set(
        (byProject.get(project) ?? []).map(test =>
          test.titlePath().slice(2).join(' › ')
        )
      );
    if (byProject.has('lab') && byProject.has('notebook')) {
      const lab = titles('lab');
      const notebook = titles('notebook');
      const labOnly = [...lab].filter(title => !notebook.has(title)).length;
      const own = [...notebook].filter(title => !lab.has(title)).length;
      lines.push(
        `Notebook 7: ${notebook.size} tests (${own} of them its own); ${labOnly} lab tests ` +
          'run in the lab only (NOT_IN_NOTEBOOK7 and LAB_ONLY in ui-tests/playwright.config.ts say why)'
      );
    }
    console.log(`\nBy front end (${result.status}):\n  ${lines.join('\n  ')}`);
  }

  printsToStdio(): boolean {
    return true;
  }

  private _suite: Suite | null = null;
}
