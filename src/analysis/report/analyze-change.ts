import { loadMesh } from '../load/index.js';
import type { InputFile, LoadResult } from '../load/index.js';
import type { Finding } from '../findings/finding.js';
import type { Severity } from '../findings/catalogue.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { formatRef } from '../model/source.js';
import { applyFindingPolicy, verdictOf } from '../diff/finding-policy.js';
import { isPartialInput } from '../findings/catalogue.js';
import type { AnalyzeOptions } from './analyze-options.js';
import { REPORT_SCHEMA_VERSION } from './types.js';
import type { EdgeChange, Report, SideSummary, WorkloadChange } from './types.js';

export interface ChangeInput {
  readonly base: readonly InputFile[];
  readonly head: readonly InputFile[];
  readonly options?: AnalyzeOptions;
}

/**
 * Evaluates both sides and compares them. This first version reports validation problems of the
 * head and workloads added or removed; the mTLS and authorization engines add edge and mode
 * changes as they land.
 */
export function analyzeChange(input: ChangeInput): Report {
  const options = input.options ?? {};
  const loadOptions = {
    ...(options.defaultNamespace === undefined
      ? {}
      : { defaultNamespace: options.defaultNamespace }),
    ...(options.meshSettings === undefined ? {} : { meshSettings: options.meshSettings }),
  };
  const base = loadMesh(input.base, loadOptions);
  const head = loadMesh(input.head, loadOptions);
  const baseIds = new Set(base.diagnostics.map((d) => diagnosticFinding(d).id));
  const { findings, ignored } = applyFindingPolicy(
    head.diagnostics.map(diagnosticFinding),
    baseIds,
    options,
  );
  const failOn = options.failOn ?? 'error';
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    verdict: verdictOf(findings, failOn),
    failOn,
    summary: {
      edges: {
        added: 0,
        removed: 0,
        widened: 0,
        narrowed: 0,
        changed: 0,
        transport: 0,
      } satisfies Record<EdgeChange, number>,
      mtlsWeakened: 0,
      mtlsStrengthened: 0,
      ...workloadCounts(base, head),
      findings: countBySeverity(findings),
    },
    edges: [],
    mtls: [],
    workloads: workloadChanges(base, head),
    findings,
    ignored,
    diagnostics: { base: base.diagnostics, head: head.diagnostics },
    inputs: {
      base: summarise(base),
      head: summarise(head),
      partial: [...base.diagnostics, ...head.diagnostics].some((d) => isPartialInput(d.code)),
    },
  };
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

function workloadKey(w: { ref: { namespace: string; name: string } }): string {
  return `${w.ref.namespace}/${w.ref.name}`;
}

function workloadChanges(
  base: LoadResult,
  head: LoadResult,
): { added: WorkloadChange[]; removed: WorkloadChange[] } {
  const baseKeys = new Set(base.mesh.workloads.map(workloadKey));
  const headKeys = new Set(head.mesh.workloads.map(workloadKey));
  return {
    added: head.mesh.workloads
      .filter((w) => !baseKeys.has(workloadKey(w)))
      .map((w) => ({ workload: workloadKey(w), at: w.source })),
    removed: base.mesh.workloads
      .filter((w) => !headKeys.has(workloadKey(w)))
      .map((w) => ({ workload: workloadKey(w), at: w.source })),
  };
}

function workloadCounts(
  base: LoadResult,
  head: LoadResult,
): { workloadsAdded: number; workloadsRemoved: number } {
  const changes = workloadChanges(base, head);
  return { workloadsAdded: changes.added.length, workloadsRemoved: changes.removed.length };
}

function summarise(result: LoadResult): SideSummary {
  return {
    files: result.stats.files,
    documents: result.stats.documents,
    objects: result.stats.objects,
    workloads: result.mesh.workloads.length,
    policies: result.mesh.authorizationPolicies.length + result.mesh.peerAuthentications.length,
  };
}
