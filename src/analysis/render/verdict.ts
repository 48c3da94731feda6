import type { Report } from '../report/types.js';
import { isRegression, plural } from './change-words.js';

/** The one-line answer every format opens with, as parts each format can style. */
export interface VerdictSummary {
  /**
   * `2 new paths, 1 mTLS downgrade`, or `no change in access` (`... found in the files that could
   * be read` when some could not: with partial input, "no change" is not a fact).
   */
  readonly changes: string;
  /**
   * `regression`: the check fails and access or mTLS got looser; `fail`: it fails for another
   * finding (a manifest Istio would reject); `pass`: no finding reached the `fail-on` level.
   */
  readonly outcome: 'pass' | 'regression' | 'fail';
  /** `1 error, 2 warnings` when the outcome is `fail`, else empty. */
  readonly failing: string;
  /** ` (partial input: ...)` after the outcome when some input could not be read, else empty. */
  readonly caveat: string;
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
  const partial = report.inputs.partial;
  return {
    changes:
      changes.length > 0
        ? changes.join(', ')
        : partial
          ? 'no change in access found in the files that could be read'
          : 'no change in access',
    outcome: report.verdict === 'pass' ? 'pass' : loosened ? 'regression' : 'fail',
    failing:
      report.verdict === 'pass' || loosened
        ? ''
        : [error > 0 ? plural(error, 'error') : '', warning > 0 ? plural(warning, 'warning') : '']
            .filter((part) => part !== '')
            .join(', '),
    caveat: partial && changes.length > 0 ? ' (partial input: some files could not be read)' : '',
  };
}
