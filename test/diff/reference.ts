import { compareEdge } from '../../src/analysis/diff/classify.js';
import { evaluateEdge } from '../../src/analysis/graph/edge-eval.js';
import type { EvaluatedSide } from '../../src/analysis/graph/side.js';
import type { EdgeDelta } from '../../src/analysis/report/types.js';

/** One changed edge, flattened: what both the reference and the real diff must agree on. */
export interface FlatChange {
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly change: string;
  readonly newlyAllowed: readonly string[];
  readonly newlyDenied: readonly string[];
}

/**
 * The brute-force diff: every caller present on both sides against every workload port present
 * on both sides, no dirty scope, no grouping. Quadratic, so only for small meshes in tests.
 */
export function referenceChanges(base: EvaluatedSide, head: EvaluatedSide): FlatChange[] {
  const out: FlatChange[] = [];
  for (const server of base.topology.workloads) {
    const other = head.topology.workloadById.get(server.id);
    if (other === undefined) continue;
    for (const port of server.ports) {
      const headPort = other.ports.find((p) => p.port === port.port);
      if (headPort === undefined) continue;
      for (const [id, caller] of base.callers) {
        const headCaller = head.callers.get(id);
        if (headCaller === undefined || id === server.id) continue;
        const comparison = compareEdge(
          evaluateEdge(base, caller, server, port),
          evaluateEdge(head, headCaller, other, headPort),
        );
        if (comparison !== null)
          out.push({ from: id, to: server.id, port: port.port, ...comparison });
      }
    }
  }
  return sortChanges(out);
}

/** The real diff's rows, with `namespace/*` groups expanded back into their members. */
export function flatten(deltas: readonly EdgeDelta[]): FlatChange[] {
  return sortChanges(
    deltas.flatMap((d) =>
      (d.members ?? [d.from]).map((from) => ({
        from,
        to: d.to,
        port: d.port,
        change: d.change,
        newlyAllowed: d.newlyAllowed,
        newlyDenied: d.newlyDenied,
      })),
    ),
  );
}

function sortChanges(changes: FlatChange[]): FlatChange[] {
  const key = (c: FlatChange) => `${c.to}\u0000${String(c.port).padStart(5, '0')}\u0000${c.from}`;
  return changes.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
