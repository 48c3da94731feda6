import { applyFindingPolicy, verdictOf } from '../diff/finding-policy.js';
import { isPartialInput } from '../findings/catalogue.js';
import type { Severity } from '../findings/catalogue.js';
import type { Finding } from '../findings/finding.js';
import { evaluateSide } from '../graph/side.js';
import type { EvaluatedSide } from '../graph/side.js';
import type { InputFile } from '../load/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { formatRef } from '../model/source.js';
import { diffMtls, mtlsFindings } from '../mtls/index.js';
import type { AnalyzeOptions } from './analyze-options.js';
import { REPORT_SCHEMA_VERSION } from './types.js';
import type {
  EdgeChange,
  EdgeDelta,
  MtlsDelta,
  Report,
  SideSummary,
  WorkloadChange,
} from './types.js';
import { authzFindings, isEmpty } from '../authz/index.js';
import type { AuthzSide } from '../authz/index.js';
import { changeFindings } from '../diff/change-findings.js';
import { dirtyScope } from '../diff/dirty.js';
import { evaluateEdge } from '../diff/edge-eval.js';
import { diffEdges } from '../diff/edges.js';
import type { WorkloadNode } from '../topology/index.js';

export interface ChangeInput {
  readonly base: readonly InputFile[];
  readonly head: readonly InputFile[];
  readonly options?: AnalyzeOptions;
}

/**
 * Evaluates both sides and compares them: validation problems of the head, workloads added or
 * removed, mTLS mode and transport changes, and (as the authorization engine lands) access
 * changes per edge.
 */
export function analyzeChange(input: ChangeInput): Report {
  const options = input.options ?? {};
  const base = evaluateSide(input.base, options);
  const head = evaluateSide(input.head, options);
  const mtls = diffMtls(base, head, { reachedInBase: reachedIn(base) });
  const edges = diffEdges(base, head, dirtyScope(base, head));
  const { findings, ignored } = applyFindingPolicy(
    [
      ...head.load.diagnostics.map(diagnosticFinding),
      ...mtlsFindings(head, 'head'),
      ...authzFindings(authzSide(head, 'head')),
      ...mtls.findings,
      ...changeFindings(base, head, edges, options),
    ],
    preexistingIds(base),
    options,
  );
  const failOn = options.failOn ?? 'error';
  const workloads = workloadChanges(base, head);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    verdict: verdictOf(findings, failOn),
    failOn,
    summary: {
      edges: edgeCounts(edges),
      ...mtlsCounts(mtls.deltas),
      workloadsAdded: workloads.added.length,
      workloadsRemoved: workloads.removed.length,
      findings: countBySeverity(findings),
    },
    edges,
    mtls: mtls.deltas,
    workloads,
    findings,
    ignored,
    diagnostics: { base: base.load.diagnostics, head: head.load.diagnostics },
    inputs: {
      base: summarise(base),
      head: summarise(head),
      partial: [...base.load.diagnostics, ...head.load.diagnostics].some((d) =>
        isPartialInput(d.code),
      ),
    },
  };
}

/** Did this caller's requests get through to `server:port` on this side, authorization included? */
function reachedIn(side: EvaluatedSide) {
  return (callerId: string, server: WorkloadNode, port: number): boolean => {
    const caller = side.callers.get(callerId);
    const workloadPort = server.ports.find((p) => p.port === port);
    if (caller === undefined || workloadPort === undefined) return true;
    return !isEmpty(evaluateEdge(side, caller, server, workloadPort).reaching);
  };
}

/** One-side findings the base has too are not this change's doing. */
function preexistingIds(base: EvaluatedSide): Set<string> {
  return new Set([
    ...base.load.diagnostics.map((d) => diagnosticFinding(d).id),
    ...mtlsFindings(base, 'base').map((f) => f.id),
    ...authzFindings(authzSide(base, 'base')).map((f) => f.id),
  ]);
}

/** The authorization engine's view of a side: the peer each caller presents, from the mTLS engine. */
function authzSide(side: EvaluatedSide, which: 'base' | 'head'): AuthzSide {
  return {
    side: which,
    mesh: side.mesh,
    topology: side.topology,
    dataplaneOf: (w) => side.mtls.dataplane(w).dataplane,
    peerOf: (caller, workload, port) => {
      const transport = side.mtls.transport(caller, workload, port);
      if (transport.transport === 'broken') return 'rejected';
      return transport.transport === 'mtls' ? transport.peer : null;
    },
  };
}

/** Edges counted by caller: a `namespace/*` row stands for several. */
function edgeCounts(edges: readonly EdgeDelta[]): Record<EdgeChange, number> {
  const counts: Record<EdgeChange, number> = {
    added: 0,
    removed: 0,
    widened: 0,
    narrowed: 0,
    changed: 0,
    transport: 0,
  };
  for (const edge of edges) counts[edge.change] += edge.callers;
  return counts;
}

function diagnosticFinding(d: Diagnostic): Finding {
  return {
    id: `${d.code}:${d.ref ? formatRef(d.ref) : d.at.file}`,
    code: d.code,
    severity: d.severity,
    message: d.message,
    at: d.at,
    side: 'head',
    ...(d.ref ? { ref: d.ref } : {}),
  };
}

function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Workloads are matched by id (`namespace/name`), never by file. */
function workloadChanges(
  base: EvaluatedSide,
  head: EvaluatedSide,
): { added: WorkloadChange[]; removed: WorkloadChange[] } {
  const only = (a: EvaluatedSide, b: EvaluatedSide) =>
    a.topology.workloads
      .filter((w) => !b.topology.workloadById.has(w.id))
      .map((w) => ({ workload: w.id, at: w.workload.source }));
  return { added: only(head, base), removed: only(base, head) };
}

/**
 * STRICT > PERMISSIVE > DISABLE = no sidecar, the order `mtls[].change` is documented with
 * (docs/report-schema.md): the counts are totals of those rows, so DISABLE ↔ no sidecar is
 * `changed` in both. MG101 still reports losing the sidecar, which also loses authorization.
 */
const MODE_STRENGTH: Record<MtlsDelta['base'], number> = {
  STRICT: 2,
  PERMISSIVE: 1,
  DISABLE: 0,
  NO_SIDECAR: 0,
};

function mtlsCounts(deltas: readonly MtlsDelta[]): {
  mtlsWeakened: number;
  mtlsStrengthened: number;
} {
  return {
    mtlsWeakened: deltas.filter((d) => MODE_STRENGTH[d.head] < MODE_STRENGTH[d.base]).length,
    mtlsStrengthened: deltas.filter((d) => MODE_STRENGTH[d.head] > MODE_STRENGTH[d.base]).length,
  };
}

function summarise(side: EvaluatedSide): SideSummary {
  const { stats, mesh } = side.load;
  return {
    files: stats.files,
    documents: stats.documents,
    objects: stats.objects,
    workloads: mesh.workloads.length,
    policies: mesh.authorizationPolicies.length + mesh.peerAuthentications.length,
  };
}
