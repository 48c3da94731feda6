import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMesh } from '../../src/analysis/load/index.js';
import type { LoadOptions } from '../../src/analysis/load/index.js';
import type { Mesh } from '../../src/analysis/model/mesh.js';
import { evaluateMtls } from '../../src/analysis/mtls/index.js';
import type { EdgeTransport, MtlsEvaluation } from '../../src/analysis/mtls/index.js';
import { buildTopology } from '../../src/analysis/topology/index.js';
import type { Caller, Topology, WorkloadNode } from '../../src/analysis/topology/index.js';

export const CORPUS = join(import.meta.dirname, '..', 'corpus');

export function corpusFile(path: string): string {
  return readFileSync(join(CORPUS, path), 'utf8');
}

/**
 * Puts every object of a namespace-less manifest into `namespace`, as `kubectl apply -n` would.
 * Only `metadata:` blocks at the top of a document are touched.
 */
export function inNamespace(text: string, namespace: string): string {
  return text.replace(/^metadata:\n/gm, `metadata:\n  namespace: ${namespace}\n`);
}

export interface Side {
  readonly mesh: Mesh;
  readonly topology: Topology;
  readonly mtls: MtlsEvaluation;
}

/** Loads files (path → text) and evaluates them; fails the test on load errors. */
export function evaluate(files: Record<string, string>, options?: LoadOptions): Side {
  const result = loadMesh(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    options,
  );
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new Error(
      `fixture does not load: ${errors.map((d) => `${d.at.file}:${d.at.line} ${d.message}`).join('; ')}`,
    );
  }
  const topology = buildTopology(result.mesh);
  return { mesh: result.mesh, topology, mtls: evaluateMtls(result.mesh, topology) };
}

export function node(side: Side, id: string): WorkloadNode {
  const found = side.topology.workloadById.get(id);
  if (found === undefined) throw new Error(`no workload ${id}`);
  return found;
}

export function caller(side: Side, id: string): Caller {
  if (id === '(unauthenticated)') return { kind: 'unauthenticated', id };
  if (id === '(any mesh identity)') return { kind: 'any-mesh-identity', id };
  const workload = node(side, id);
  return { kind: 'workload', id, workload };
}

/** Transport from `from` (workload id or pseudo-caller) to `to:port` (a workload port). */
export function edge(side: Side, from: string, to: string, port: number): EdgeTransport {
  return side.mtls.transport(caller(side, from), node(side, to), port);
}

/** A Namespace manifest with labels. */
export function namespace(name: string, labels: Record<string, string> = {}): string {
  const entries = Object.entries(labels);
  const block =
    entries.length === 0
      ? ''
      : `\n  labels:\n${entries.map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`).join('\n')}`;
  return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}${block}\n`;
}
