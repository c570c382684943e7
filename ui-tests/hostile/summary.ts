/**
 * A Playwright reporter that prints the hostile-metadata suite's summary
 * line, `Hostile metadata: N notebooks, N lossless, N page errors`, from the
 * annotations its tests leave (ui-tests/tests/hostile.spec.ts). A case that
 * failed before its files were compared counts as not lossless.
 */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

class HostileSummary implements Reporter {
  onTestEnd(test: TestCase, result: TestResult): void {
    // Annotations made while running are this run's.
    const annotations = result.annotations;
    const id = annotations.find(a => a.type === 'hostile-case')?.description;
    if (id === undefined) {
      return;
    }
    const lossless =
      annotations.find(a => a.type === 'hostile-lossless')?.description ===
      'true';
    const pageErrors = annotations
      .filter(a => a.type === 'hostile-page-errors')
      .reduce((sum, a) => sum + Number(a.description ?? 0), 0);
    // The last run of a case counts (a retry replaces a failed run).
    this._cases.set(id, { lossless, pageErrors });
  }

  onEnd(): void {
    if (this._cases.size === 0) {
      return;
    }
    const cases = [...this._cases.values()];
    const lossless = cases.filter(c => c.lossless).length;
    const pageErrors = cases.reduce((sum, c) => sum + c.pageErrors, 0);
    console.log(
      `\nHostile metadata: ${cases.length} notebooks, ${lossless} lossless, ${pageErrors} page errors`
    );
  }

  printsToStdio(): boolean {
    return false;
  }

  private _cases = new Map<string, { lossless: boolean; pageErrors: number }>();
}

export default HostileSummary;
