import { loadMesh } from '../load/index.js';
import type { InputFile, LoadResult } from '../load/index.js';
import type { Mesh } from '../model/mesh.js';
import { evaluateMtls } from '../mtls/index.js';
import type { MtlsEvaluation } from '../mtls/index.js';
import type { AnalyzeOptions } from '../report/analyze-options.js';
import { buildTopology } from '../topology/index.js';
import type { Topology } from '../topology/index.js';

/** One side of a change, loaded and evaluated. */
export interface EvaluatedSide {
  readonly load: LoadResult;
  readonly mesh: Mesh;
  readonly topology: Topology;
  readonly mtls: MtlsEvaluation;
}

export function evaluateSide(files: readonly InputFile[], options: AnalyzeOptions): EvaluatedSide {
  const load = loadMesh(files, {
    ...(options.defaultNamespace === undefined
      ? {}
      : { defaultNamespace: options.defaultNamespace }),
    ...(options.meshSettings === undefined ? {} : { meshSettings: options.meshSettings }),
  });
  const topology = buildTopology(load.mesh);
  return { load, mesh: load.mesh, topology, mtls: evaluateMtls(load.mesh, topology) };
}
