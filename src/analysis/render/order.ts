import type { Severity } from '../findings/catalogue.js';
import type { Finding } from '../findings/finding.js';
import { compareSources, compareText } from '../model/source.js';
import type { EdgeDelta, MtlsDelta, WorkloadChange } from '../report/types.js';
import { isRegression } from './change-words.js';

/**
 * The order every renderer lists things in, independent of the order the engine produced them:
 * the same report always prints the same bytes.
 */

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, notice: 2 };

/** By destination, port, caller (the Report's documented order). */
export function compareEdges(a: EdgeDelta, b: EdgeDelta): number {
  return (
    compareText(a.to, b.to) ||
    a.port - b.port ||
    compareText(a.from, b.from) ||
    a.callers - b.callers ||
    compareText(a.change, b.change)
  );
}

export function sortEdges(edges: readonly EdgeDelta[]): EdgeDelta[] {
  return [...edges].sort(compareEdges);
}

/** Regressions first (what a reviewer must read), each part in the Report's order. */
export function regressionsFirst(edges: readonly EdgeDelta[]): EdgeDelta[] {
  const sorted = sortEdges(edges);
  return [...sorted.filter(isRegression), ...sorted.filter((e) => !isRegression(e))];
}

/** By workload, then port with "every port" (`null`) first. */
export function sortMtls(deltas: readonly MtlsDelta[]): MtlsDelta[] {
  return [...deltas].sort(
    (a, b) =>
      compareText(a.workload, b.workload) ||
      (a.port ?? -1) - (b.port ?? -1) ||
      compareText(a.base, b.base) ||
      compareText(a.head, b.head),
  );
}

export function sortWorkloads(changes: readonly WorkloadChange[]): WorkloadChange[] {
  return [...changes].sort(
    (a, b) => compareText(a.workload, b.workload) || compareSources(a.at, b.at),
  );
}

/** By severity, then file, line and column, then id (the Report's documented order). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareSources(a.at, b.at) ||
    compareText(a.id, b.id) ||
    compareText(a.message, b.message)
  );
}

export function sortFindings<T extends { readonly finding: Finding } | Finding>(
  items: readonly T[],
): T[] {
  const findingOf = (item: T): Finding => ('finding' in item ? item.finding : item);
  return [...items].sort((a, b) => compareFindings(findingOf(a), findingOf(b)));
}
