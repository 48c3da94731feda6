import type { Finding } from '../findings/finding.js';
import { formatRef } from '../model/source.js';
import type { Source } from '../model/source.js';
import { REPORT_SCHEMA_VERSION } from '../report/types.js';
import type { EdgeDelta, EdgeState, MtlsDelta, Report, WorkloadChange } from '../report/types.js';
import { isRegression, mtlsDirection } from './change-words.js';
import { sortEdges, sortFindings, sortMtls, sortWorkloads } from './order.js';

/**
 * The machine-readable report (`meshguard diff --format json`, the Action's `report` output).
 * Every field is documented in docs/report-schema.md; a test keeps the two in step. The shape is
 * stable within a `schemaVersion`: fields are only ever added, and every key is always present
 * (`null` when it has no value) so consumers never test for absence.
 */

function position(at: Source): { file: string; line: number; column: number } {
  return { file: at.file, line: at.line, column: at.column };
}

function edgeState(state: EdgeState) {
  return {
    access: state.access,
    transport: state.transport,
    exact: state.exact,
    requests: [...state.requests],
  };
}

function edgeJson(edge: EdgeDelta) {
  return {
    from: edge.from,
    callers: edge.callers,
    members: edge.members === undefined ? null : [...edge.members],
    to: edge.to,
    port: edge.port,
    protocol: edge.protocol,
    change: edge.change,
    regression: isRegression(edge),
    base: edgeState(edge.base),
    head: edgeState(edge.head),
    newlyAllowed: [...edge.newlyAllowed],
    newlyDenied: [...edge.newlyDenied],
    reasons: edge.reasons.map((reason) => ({
      object: reason.object,
      note: reason.note,
      ...position(reason.at),
      side: reason.side ?? 'head',
    })),
  };
}

function mtlsJson(delta: MtlsDelta) {
  return {
    workload: delta.workload,
    port: delta.port,
    base: delta.base,
    head: delta.head,
    change: mtlsDirection(delta),
    file: delta.at?.file ?? null,
    line: delta.at?.line ?? null,
    side: delta.side ?? 'head',
  };
}

function workloadJson(change: WorkloadChange) {
  return { workload: change.workload, file: change.at.file, line: change.at.line };
}

function findingJson(finding: Finding) {
  return {
    id: finding.id,
    rule: finding.code,
    severity: finding.severity,
    message: finding.message,
    ...position(finding.at),
    side: finding.side,
    object: finding.ref ? formatRef(finding.ref) : null,
    edge: finding.edge
      ? { from: finding.edge.from, to: finding.edge.to, port: finding.edge.port }
      : null,
  };
}

/** The JSON document as a value (what `renderJson` prints). */
export function reportJson(report: Report) {
  const { summary } = report;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    verdict: report.verdict,
    failOn: report.failOn,
    inputs: {
      base: { ...report.inputs.base },
      head: { ...report.inputs.head },
      partial: report.inputs.partial,
    },
    counts: {
      edges: { ...summary.edges },
      mtlsWeakened: summary.mtlsWeakened,
      mtlsStrengthened: summary.mtlsStrengthened,
      workloadsAdded: summary.workloadsAdded,
      workloadsRemoved: summary.workloadsRemoved,
      findings: { ...summary.findings },
    },
    edges: sortEdges(report.edges).map(edgeJson),
    mtls: sortMtls(report.mtls).map(mtlsJson),
    workloads: {
      added: sortWorkloads(report.workloads.added).map(workloadJson),
      removed: sortWorkloads(report.workloads.removed).map(workloadJson),
    },
    findings: sortFindings(report.findings).map(findingJson),
    ignored: sortFindings(report.ignored).map(({ finding, reason }) => ({
      ...findingJson(finding),
      reason,
    })),
  };
}

export type ReportJson = ReturnType<typeof reportJson>;

/** Two-space indented, keys in a fixed order, lists sorted, one trailing newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(reportJson(report), null, 2)}\n`;
}
