import type { Finding, Report } from '../analysis/index.js';
import { diagnostic } from '../analysis/model/diagnostic.js';
import type { Diagnostic } from '../analysis/model/diagnostic.js';
import { compareSources } from '../analysis/model/source.js';
import type { UnreadableFile } from './sources/types.js';

export interface AdapterProblems {
  readonly unreadable: {
    readonly base: readonly UnreadableFile[];
    readonly head: readonly UnreadableFile[];
  };
  readonly limits: readonly { readonly side: 'base' | 'head'; readonly detail: string }[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 } as const;

/**
 * Adds what only the adapter saw (a file it could not read, a size limit it applied) to the
 * report, as the CLI does for `validate`: `MG005` for an unreadable file on either side (a
 * missing base file would make its objects look added), `MG901` for a limit. The verdict is
 * recomputed so the exit status and the report agree.
 */
export function withAdapterFindings(report: Report, problems: AdapterProblems): Report {
  const at = (file: string) => ({ file, documentIndex: 0, line: 1, column: 1 });
  const sides = ['base', 'head'] as const;
  const extra: { side: 'base' | 'head'; diagnostic: Diagnostic }[] = [
    ...sides.flatMap((side) =>
      problems.unreadable[side].map((file) => ({
        side,
        diagnostic: diagnostic('MG005', at(file.path), { detail: file.reason }),
      })),
    ),
    ...problems.limits.map((limit) => ({
      side: limit.side,
      diagnostic: diagnostic('MG901', at('(input)'), { detail: limit.detail }),
    })),
  ];
  if (extra.length === 0) return report;
  const added: Finding[] = extra.map(({ side, diagnostic: d }) => ({
    id: `${d.code}:${side}:${d.at.file}`,
    code: d.code,
    severity: d.severity,
    message: d.message,
    at: d.at,
    side,
  }));
  const findings = [...report.findings, ...added].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compareSources(a.at, b.at),
  );
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    ...report,
    verdict: report.verdict === 'fail' || reachesThreshold(added, report.failOn) ? 'fail' : 'pass',
    summary: { ...report.summary, findings: counts },
    findings,
    diagnostics: {
      base: [
        ...report.diagnostics.base,
        ...extra.filter((e) => e.side === 'base').map((e) => e.diagnostic),
      ],
      head: [
        ...report.diagnostics.head,
        ...extra.filter((e) => e.side === 'head').map((e) => e.diagnostic),
      ],
    },
    inputs: {
      ...report.inputs,
      partial:
        report.inputs.partial ||
        problems.unreadable.base.length + problems.unreadable.head.length > 0,
    },
  };
}

/** The `fail-on` rule as the core applies it: `error` fails on errors, `warning` on both. */
function reachesThreshold(findings: readonly Finding[], failOn: Report['failOn']): boolean {
  if (failOn === 'never') return false;
  return findings.some(
    (f) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'),
  );
}
