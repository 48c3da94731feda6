import { createAuthzEngine } from '../authz/index.js';
import type { AuthzEngine } from '../authz/index.js';
import { evaluateSide } from '../graph/side.js';
import type { InputFile } from '../load/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Mesh } from '../model/mesh.js';
import type { MtlsEvaluation } from '../mtls/index.js';
import type { AnalyzeOptions } from '../report/analyze-options.js';
import type { Topology } from '../topology/index.js';

/** One side of a change with both engines: what `explain` questions are asked of. */
export interface ExplainSide {
  readonly mesh: Mesh;
  readonly topology: Topology;
  readonly mtls: MtlsEvaluation;
  readonly authz: AuthzEngine;
  /** Load problems of this side: an answer over a partial input says so. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Adds the authorization engine to an evaluated side. The engine takes the mTLS engine's data
 * plane per workload, so a workload without a sidecar enforces no policy (istio-semantics §3.1).
 */
export function withAuthz(side: {
  readonly mesh: Mesh;
  readonly topology: Topology;
  readonly mtls: MtlsEvaluation;
  readonly diagnostics?: readonly Diagnostic[];
}): ExplainSide {
  const authz = createAuthzEngine(side.mesh, {
    dataplaneOf: (workload) => side.mtls.dataplane(workload).dataplane,
    labelsOf: (workload) => side.mtls.selectorLabels(workload),
  });
  return {
    mesh: side.mesh,
    topology: side.topology,
    mtls: side.mtls,
    authz,
    diagnostics: side.diagnostics ?? [],
  };
}

/** Loads and evaluates manifests for `explain`, the way `analyzeChange` evaluates each side. */
export function explainSideOf(
  files: readonly InputFile[],
  options: AnalyzeOptions = {},
): ExplainSide {
  const side = evaluateSide(files, options);
  return withAuthz({ ...side, diagnostics: side.load.diagnostics });
}
