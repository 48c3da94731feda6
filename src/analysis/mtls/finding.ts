import { catalogue } from '../findings/catalogue.js';
import type { Code, MessageParams, Severity } from '../findings/catalogue.js';
import type { Finding } from '../findings/finding.js';
import type { ResourceRef, Source } from '../model/source.js';
import { compareSources, compareText, refKey } from '../model/source.js';

export interface FindingPlace {
  readonly at: Source;
  readonly side: 'base' | 'head';
  /** What the finding is about, stable across runs: an object key, `workload:port`, an edge. */
  readonly subject: string;
  readonly ref?: ResourceRef;
  readonly edge?: { readonly from: string; readonly to: string; readonly port: number };
}

export function mtlsFinding<C extends Code>(
  code: C,
  params: MessageParams<C>,
  place: FindingPlace,
): Finding {
  const entry = catalogue[code];
  const message = (entry.message as (p: MessageParams<C>) => string)(params);
  return {
    id: `${code}:${place.subject}`,
    code,
    severity: entry.severity,
    message,
    at: place.at,
    side: place.side,
    ...(place.ref ? { ref: place.ref } : {}),
    ...(place.edge ? { edge: place.edge } : {}),
  };
}

export function subjectOf(ref: ResourceRef): string {
  return refKey(ref);
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, notice: 2 };

/** Severity, then file and line, then id: the order reports list findings in. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const unique = new Map<string, Finding>();
  for (const finding of findings) if (!unique.has(finding.id)) unique.set(finding.id, finding);
  return [...unique.values()].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareSources(a.at, b.at) ||
      compareText(a.id, b.id),
  );
}
