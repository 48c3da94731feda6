import type { Report } from '../report/types.js';
import { isRegression, plural } from './change-words.js';

/** The one-line answer every format opens with, as parts each format can style. */
export interface VerdictSummary {
  /** `2 new paths, 1 mTLS downgrade`, or `no change in access`. */
  readonly changes: string;
  /**
   * `regression`: the check fails and access or mTLS got looser; `fail`: it fails for another
   * finding (a manifest Istio would reject); `pass`: no finding reached the `fail-on` level.
   */
  readonly outcome: 'pass' | 'regression' | 'fail';
  /** `1 error, 2 warnings` when the outcome is `fail`, else empty. */
  readonly failing: string;
  /** Some input could not be read, so the answer covers only what was. */
  readonly partial: boolean;
}

export function summariseVerdict(report: Report): VerdictSummary {
  const { edges, mtlsWeakened, mtlsStrengthened } = report.summary;
  const phrases = [
    [edges.added, 'new path'],
    [edges.widened, 'widened path'],
    [edges.changed, 'changed path'],
    [edges.removed, 'removed path'],
    [edges.narrowed, 'narrowed path'],
    [edges.transport, 'transport change'],
    [mtlsWeakened, 'mTLS downgrade'],
    [mtlsStrengthened, 'mTLS upgrade'],
  ] as const;
  const changes = phrases
    .filter(([count]) => count > 0)
    .map(([count, noun]) => plural(count, noun));
  const loosened = report.edges.some(isRegression) || mtlsWeakened > 0;
  const { error, warning } = report.summary.findings;
  return {
    changes: changes.length === 0 ? 'no change in access' : changes.join(', '),
    outcome: report.verdict === 'pass' ? 'pass' : loosened ? 'regression' : 'fail',
    failing:
      report.verdict === 'pass' || loosened
        ? ''
        : [error > 0 ? plural(error, 'error') : '', warning > 0 ? plural(warning, 'warning') : '']
            .filter((part) => part !== '')
            .join(', '),
    partial: report.inputs.partial,
  };
}
