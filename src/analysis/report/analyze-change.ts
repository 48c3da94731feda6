import { applyFindingPolicy, findingKeys, verdictOf } from '../diff/finding-policy.js';
import { isPartialInput } from '../findings/catalogue.js';
import type { Severity } from '../findings/catalogue.js';
import type { Finding } from '../findings/finding.js';
import { authzSideOf, evaluateLoaded, evaluateSide, loadSide } from '../graph/side.js';
import { ageAddedObjects } from '../diff/ages.js';
import { carryOverUnreadable } from '../diff/carry-over.js';
import type { EvaluatedSide } from '../graph/side.js';
import { createLoadCache } from '../load/index.js';
import type { InputFile } from '../load/index.js';
import { diagnostic } from '../model/diagnostic.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { formatRef } from '../model/source.js';
import { diffMtls, mtlsFindings } from '../mtls/index.js';
import type { ChangeScope } from '../topology/index.js';
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
import { changeFindings } from '../diff/change-findings.js';
import { dirtyScope } from '../diff/dirty.js';
import { evaluateEdge } from '../graph/edge-eval.js';
import { diffEdges } from '../diff/edges.js';
import type { WorkloadNode } from '../topology/index.js';

export interface ChangeInput {
  readonly base: readonly InputFile[];
  readonly head: readonly InputFile[];
  readonly options?: AnalyzeOptions;
  /** What the caller could not read or chose to leave out: reported like any other problem. */
  readonly problems?: InputProblems;
}

export interface InputProblems {
  readonly unreadable?: {
    readonly base?: readonly UnreadableInput[];
    readonly head?: readonly UnreadableInput[];
  };
  readonly limits?: readonly { readonly side: 'base' | 'head'; readonly detail: string }[];
}

export interface UnreadableInput {
  readonly path: string;
  readonly reason: string;
}

/**
 * Evaluates both sides and compares them: validation problems of the head, workloads added or
 * removed, mTLS mode and transport changes, and (as the authorization engine lands) access
 * changes per edge.
 */
export function analyzeChange(input: ChangeInput): Report {
  const options = input.options ?? {};
  // Both sides share the loader's cache: unchanged documents are parsed once.
  const cache = createLoadCache();
  const base = evaluateSide(input.base, options, cache);
  const headLoad = loadSide(input.head, options, cache);
  const headMesh = carryOverUnreadable(
    base.load,
    headLoad,
    (input.problems?.unreadable?.head ?? []).map((f) => f.path),
  );
  const head = evaluateLoaded({ ...headLoad, mesh: ageAddedObjects(base.mesh, headMesh) });
  const inputFindings = inputProblemFindings(input.problems ?? {});
  const scope = dirtyScope(base, head);
  const mtls = diffMtls(base, head, { scope, reachedInBase: reachedIn(base) });
  const edges = diffEdges(base, head, scope);
  const { findings, ignored } = applyFindingPolicy(
    [
      ...inputFindings,
      ...head.load.diagnostics.map(diagnosticFinding),
      ...mtlsFindings(head, 'head', scope),
      ...authzFindings(authzSideOf(head, 'head', scope)),
      ...mtls.findings,
      ...changeFindings(base, head, edges, options),
    ],
    preexistingIds(base, scope),
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
      partial: [...base.load.diagnostics, ...head.load.diagnostics, ...inputFindings].some((d) =>
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
function preexistingIds(base: EvaluatedSide, scope: ChangeScope): Set<string> {
  return new Set(
    [
      ...base.load.diagnostics.map(diagnosticFinding),
      ...mtlsFindings(base, 'base', scope),
      ...authzFindings(authzSideOf(base, 'base', scope)),
    ].flatMap(findingKeys),
  );
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

/**
 * A file that could not be read makes the answer partial on either side (a missing base file
 * would make its objects look added), so both sides' are findings; a limit the caller applied
 * says what was left out.
 */
function inputProblemFindings(problems: InputProblems): Finding[] {
  const at = (file: string) => ({ file, documentIndex: 0, line: 1, column: 1 });
  const sides = ['base', 'head'] as const;
  return [
    ...sides.flatMap((side) =>
      (problems.unreadable?.[side] ?? []).map((file) => ({
        ...diagnosticFinding(diagnostic('MG005', at(file.path), { detail: file.reason })),
        id: `MG005:${side}:${file.path}`,
        side,
      })),
    ),
    ...(problems.limits ?? []).map((limit, index) => ({
      ...diagnosticFinding(diagnostic('MG901', at('(input)'), { detail: limit.detail })),
      id: `MG901:${limit.side}:${index}`,
      side: limit.side,
    })),
  ];
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
