import { createAccessIndex } from '../authz/index.js';
import type { AccessIndex, AuthzSide } from '../authz/index.js';
import { peerOf } from './edge-eval.js';
import { loadMesh } from '../load/index.js';
import type { InputFile, LoadCache, LoadResult } from '../load/index.js';
import type { Mesh } from '../model/mesh.js';
import { evaluateMtls } from '../mtls/index.js';
import type { MtlsEvaluation } from '../mtls/index.js';
import type { AnalyzeOptions } from '../report/analyze-options.js';
import { buildTopology, pseudoCallers } from '../topology/index.js';
import type { Caller, ChangeScope, Topology } from '../topology/index.js';

/** One side of a change, loaded and evaluated (lazily: queries compute and cache). */
export interface EvaluatedSide {
  readonly load: LoadResult;
  readonly mesh: Mesh;
  readonly topology: Topology;
  readonly mtls: MtlsEvaluation;
  readonly access: AccessIndex;
  /** Every caller: each workload, then the pseudo-callers; by id. */
  readonly callers: ReadonlyMap<string, Caller>;
}

export function evaluateSide(
  files: readonly InputFile[],
  options: AnalyzeOptions,
  cache?: LoadCache,
): EvaluatedSide {
  return evaluateLoaded(loadSide(files, options, cache));
}

export function loadSide(
  files: readonly InputFile[],
  options: AnalyzeOptions,
  cache?: LoadCache,
): LoadResult {
  return loadMesh(files, {
    ...(cache === undefined ? {} : { cache }),
    ...(options.defaultNamespace === undefined
      ? {}
      : { defaultNamespace: options.defaultNamespace }),
    ...(options.meshSettings === undefined ? {} : { meshSettings: options.meshSettings }),
  });
}

export function evaluateLoaded(load: LoadResult): EvaluatedSide {
  const topology = buildTopology(load.mesh);
  const mtls = evaluateMtls(load.mesh, topology);
  const access = createAccessIndex(load.mesh, topology, {
    dataplaneOf: (w) => mtls.dataplane(w).dataplane,
    labelsOf: (w) => mtls.selectorLabels(w),
  });
  const callers = new Map<string, Caller>();
  for (const workload of topology.workloads)
    callers.set(workload.id, { kind: 'workload', id: workload.id, workload });
  for (const pseudo of pseudoCallers()) callers.set(pseudo.id, pseudo);
  return { load, mesh: load.mesh, topology, mtls, access, callers };
}

/**
 * The authorization engine's view of a side for its findings: the peer each caller presents,
 * from the mTLS engine (an identity over mTLS, none over plaintext, rejected when broken).
 */
export function authzSideOf(
  side: EvaluatedSide,
  which: 'base' | 'head',
  scope?: ChangeScope,
): AuthzSide {
  return {
    side: which,
    ...(scope === undefined ? {} : { scope }),
    mesh: side.mesh,
    topology: side.topology,
    dataplaneOf: (w) => side.mtls.dataplane(w).dataplane,
    labelsOf: (w) => side.mtls.selectorLabels(w),
    peerOf: (caller, workload, port) => {
      const transport = side.mtls.transport(caller, workload, port);
      if (transport.transport === 'broken') return 'rejected';
      return peerOf(side, caller, transport);
    },
  };
}
