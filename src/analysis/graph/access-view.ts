import { authzFindings } from '../authz/index.js';
import type { Access } from '../authz/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { formatRef } from '../model/source.js';
import { buildGraphView } from '../mtls/index.js';
import type { EdgeView, EvidenceView, GraphFilter, GraphView } from '../mtls/index.js';
import type { Caller } from '../topology/index.js';
import { evaluateEdge } from './edge-eval.js';
import { authzSideOf } from './side.js';
import type { EvaluatedSide } from './side.js';

/** What the destination's sidecar lets through from this caller, and which rules decided. */
export interface AccessView {
  readonly value: Access;
  /** The allowed requests, one line per cube (empty for deny). */
  readonly requests: readonly string[];
  readonly exact: boolean;
  readonly decidedBy: readonly EvidenceView[];
}

export interface AccessGraphView extends Omit<GraphView, 'edges'> {
  readonly edges: readonly (EdgeView & { readonly access: AccessView })[];
}

/**
 * One side's whole graph: the mTLS view (every workload port's mode, every edge's transport)
 * with every edge's access next to its transport, and the findings of both engines.
 */
export function buildAccessGraphView(
  side: EvaluatedSide,
  diagnostics: readonly Diagnostic[],
  filter: GraphFilter = {},
): AccessGraphView {
  const view = buildGraphView(side, diagnostics, filter);
  const edges = view.edges.map((edge) => {
    const caller = side.callers.get(edge.from) as Caller;
    const server = side.topology.workloadById.get(edge.to);
    const port = server?.ports.find((p) => p.port === edge.port);
    if (server === undefined || port === undefined) return { ...edge, access: DENIED };
    const { access } = evaluateEdge(side, caller, server, port);
    return {
      ...edge,
      access: {
        value: access.access,
        requests: [...access.requests],
        exact: access.exact,
        decidedBy: access.determining.map((rule) => ({
          object: formatRef(rule.policy),
          note: rule.rule === null ? `${rule.action} policy` : `${rule.action} rule ${rule.rule}`,
          file: rule.at.file,
          line: rule.at.line,
          column: rule.at.column,
        })),
      },
    };
  });
  const findings = [...view.findings, ...authzFindings(authzSideOf(side, 'head'))];
  return { ...view, edges, findings };
}

const DENIED: AccessView = { value: 'deny', requests: [], exact: true, decidedBy: [] };
