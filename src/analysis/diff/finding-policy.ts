import type { Finding } from '../findings/finding.js';
import type { Severity } from '../findings/catalogue.js';
import { compareSources, formatRef } from '../model/source.js';
import type { AnalyzeOptions, IgnoreRule } from '../report/analyze-options.js';

export interface PolicyOutcome {
  readonly findings: readonly Finding[];
  readonly ignored: readonly { readonly finding: Finding; readonly reason: string }[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/**
 * Applies the configuration to raw findings: severity overrides (or `off`), ignores with their
 * reasons, and "already there before this change" for one-side findings that the base has too,
 * so a PR is never failed for problems it did not introduce.
 */
export function applyFindingPolicy(
  head: readonly Finding[],
  preexistingIds: ReadonlySet<string>,
  options: AnalyzeOptions,
): PolicyOutcome {
  const findings: Finding[] = [];
  const ignored: { finding: Finding; reason: string }[] = [];
  for (const raw of head) {
    const override = options.severities?.[raw.code];
    if (override === 'off') continue;
    const overridden = override === undefined ? raw : { ...raw, severity: override };
    const rules = (options.ignores ?? []).filter((r) => matches(r, overridden));
    const rule = rules.find((r) => !expired(r, options.today));
    const lapsed = rules.find((r) => expired(r, options.today));
    // An ignore that ran out is said out loud, or the finding reappears with no hint why.
    const finding =
      rule === undefined && lapsed !== undefined
        ? {
            ...overridden,
            message: `${overridden.message} (its ignore expired on ${lapsed.expires})`,
          }
        : overridden;
    if (rule !== undefined) ignored.push({ finding, reason: rule.reason });
    else if (findingKeys(raw).some((key) => preexistingIds.has(key)))
      ignored.push({ finding, reason: 'already present before this change' });
    else findings.push(finding);
  }
  return {
    findings: findings.sort(byImportance),
    ignored: ignored.sort((a, b) => byImportance(a.finding, b.finding)),
  };
}

/**
 * What makes a finding "the same" on both sides: its id, or its code, object and message. Ids
 * carry a rule index, a file or a line where nothing better names the place, so a refactor
 * (rules reordered, a file moved, lines shifted) would otherwise re-report a finding as new.
 */
export function findingKeys(finding: Finding): string[] {
  const object = finding.ref === undefined ? '' : formatRef(finding.ref);
  return [finding.id, `~${finding.code}\u0000${object}\u0000${finding.message}`];
}

function matches(rule: IgnoreRule, finding: Finding): boolean {
  if (rule.code !== finding.code) return false;
  if (rule.id !== undefined && rule.id !== finding.id) return false;
  if (
    rule.object !== undefined &&
    (finding.ref === undefined || formatRef(finding.ref) !== rule.object)
  )
    return false;
  return true;
}

/** An ignore without `expires`, or expiring later than today, still applies. */
function expired(rule: IgnoreRule, today: string | undefined): boolean {
  return rule.expires !== undefined && today !== undefined && rule.expires < today;
}

export function byImportance(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareSources(a.at, b.at) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function verdictOf(
  findings: readonly Finding[],
  failOn: 'error' | 'warning' | 'never',
): 'pass' | 'fail' {
  if (failOn === 'never') return 'pass';
  return findings.some(
    (f) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'),
  )
    ? 'fail'
    : 'pass';
}
