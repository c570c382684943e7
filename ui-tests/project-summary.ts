/**
 * A Playwright reporter that closes the run with one line per project (front
 * end): passed, failed, did not run, and the time.
 */
import type {
  FullResult,
  Reporter,
  Suite,
  TestCase
} from '@playwright/test/reporter';

/** The front end of each project. */
const FRONT_ENDS: Record<string, string> = {
  lab: 'JupyterLab 4.6.6',
  'hostile-lab': 'JupyterLab 4.6.6, the hostile-metadata suite',
  notebook: 'Jupyter Notebook 7.6.5',
  'oldest-lab': 'JupyterLab 4.1.1, the oldest supported',
  'oldest-notebook': 'Jupyter Notebook 7.1.0, the oldest supported',
  'jupytext-lab': 'JupyterLab 4.6.6 with Jupytext 1.19.6',
  'collab-lab': 'JupyterLab 4.6.6 with jupyter-collaboration 5.0.4',
  lite: 'JupyterLite 0.8.6, no server',
  hub: 'JupyterLab 4.6.6 on JupyterHub 6.1.1, two users'
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
    console.log(`\nBy front end (${result.status}):\n  ${lines.join('\n  ')}`);
  }

  printsToStdio(): boolean {
    return true;
  }

  private _suite: Suite | null = null;
}
