import type { EdgeChange, EdgeDelta, Report } from '../report/types.js';
import { formatCount, isRegression, mtlsDirection, plural } from './change-words.js';
import { emitFlowchart } from './mermaid-emit.js';
import { CHANGE_ORDER, combine, namespaceGraph, workloadGraph } from './mermaid-graph.js';
import type { DiagramGraph } from './mermaid-graph.js';

/**
 * The Mermaid flowchart of changed edges for the PR comment (github-notes §3.2): callers on the
 * left, one subgraph per namespace, added arrows thick green, removed dashed red, other changes
 * amber, colour and line style both carrying the change. Big diffs go down the degrade ladder of
 * §3.3 until the diagram fits the budget.
 */

export interface MermaidBudget {
  /** Arrows drawn; Mermaid refuses more than 500 and some 10.x builds 280. */
  readonly maxEdges: number;
  /** Diagram text length; Mermaid refuses more than 50,000. */
  readonly maxChars: number;
  /** Boxes drawn, for legibility. */
  readonly maxNodes: number;
}

export const DEFAULT_MERMAID_BUDGET: MermaidBudget = {
  maxEdges: 150,
  maxChars: 20_000,
  maxNodes: 100,
};

/** Mermaid's `maxEdges` and `maxTextSize` defaults, which a diagram cannot raise (secure keys). */
export const MERMAID_LIMITS = { maxEdges: 500, maxTextSize: 50_000 } as const;

/** Steps of the degrade ladder, in the order they are tried. */
export const DIAGRAM_STEPS = [
  'full',
  'merged',
  'namespace-hybrid',
  'namespace',
  'regressions',
  'regressions-namespace',
  'omitted',
] as const;

export type DiagramStep = (typeof DIAGRAM_STEPS)[number] | 'empty';

export interface MermaidDiagram {
  readonly step: DiagramStep;
  /** The flowchart source, `null` when there is nothing to draw or it was omitted. */
  readonly text: string | null;
  readonly drawnEdges: number;
  readonly drawnNodes: number;
  /** Edge changes in the report, drawn or not. */
  readonly changes: number;
  readonly regressions: number;
  readonly namespaces: number;
}

function namespaceOf(id: string, caller: boolean): string | null {
  const slash = id.indexOf('/');
  return (caller && id.startsWith('(')) || slash < 0 ? null : id.slice(0, slash);
}

const STEP_PHRASE: Readonly<Record<(typeof DIAGRAM_STEPS)[number], string>> = {
  full: 'one arrow per changed edge',
  merged: 'parallel arrows merged',
  'namespace-hybrid': 'namespace level, regressions per workload',
  namespace: 'namespace level',
  regressions: 'regressions only',
  'regressions-namespace': 'regressions only, namespace level',
  omitted: 'omitted',
};

function describe(edges: readonly EdgeDelta[], step: (typeof DIAGRAM_STEPS)[number]): string {
  const counts = new Map<EdgeChange, number>();
  for (const edge of edges) counts.set(edge.change, (counts.get(edge.change) ?? 0) + 1);
  const parts = [...counts.entries()]
    .sort((a, b) => CHANGE_ORDER[a[0]] - CHANGE_ORDER[b[0]])
    .map(([change, count]) => `${formatCount(count)} ${change}`);
  return `${plural(edges.length, 'changed edge')} (${parts.join(', ')}), drawn ${STEP_PHRASE[step]}`;
}

/** One rung of the ladder as tried: its size, and whether it fit. */
export interface DiagramAttempt {
  readonly step: (typeof DIAGRAM_STEPS)[number];
  readonly edges: number;
  readonly nodes: number;
  /** Text length, or `null` when the arrow or box count already ruled the step out. */
  readonly chars: number | null;
  readonly fits: boolean;
}

/**
 * The diagram for a report, at the most detailed ladder step that fits `budget` (clamped to
 * Mermaid's hard limits), and every step tried on the way. Deterministic: same report, same bytes.
 */
export function planDiagram(
  report: Pick<Report, 'edges' | 'mtls'>,
  budget: Partial<MermaidBudget> = {},
): { readonly diagram: MermaidDiagram; readonly attempts: readonly DiagramAttempt[] } {
  const limits = {
    maxEdges: Math.min(budget.maxEdges ?? DEFAULT_MERMAID_BUDGET.maxEdges, MERMAID_LIMITS.maxEdges),
    maxChars: Math.min(
      budget.maxChars ?? DEFAULT_MERMAID_BUDGET.maxChars,
      MERMAID_LIMITS.maxTextSize,
    ),
    maxNodes: budget.maxNodes ?? DEFAULT_MERMAID_BUDGET.maxNodes,
  };
  const all = report.edges;
  const regressions = all.filter(isRegression);
  const others = all.filter((edge) => !isRegression(edge));
  const namespaces = new Set(
    all.flatMap((e) => [namespaceOf(e.from, true), namespaceOf(e.to, false)]),
  );
  namespaces.delete(null);
  const summary = {
    changes: all.length,
    regressions: regressions.length,
    namespaces: namespaces.size,
  };
  const attempts: DiagramAttempt[] = [];
  if (all.length === 0)
    return {
      diagram: { step: 'empty', text: null, drawnEdges: 0, drawnNodes: 0, ...summary },
      attempts,
    };

  const weakened = new Set(
    report.mtls.filter((m) => mtlsDirection(m) === 'weakened').map((m) => m.workload),
  );
  const perWorkload = (edges: readonly EdgeDelta[], merge: boolean, subgraphs = true) =>
    workloadGraph(edges, { merge, subgraphs, weakened });
  const candidates: readonly [(typeof DIAGRAM_STEPS)[number], () => DiagramGraph | null][] = [
    ['full', () => perWorkload(all, false)],
    ['merged', () => perWorkload(all, true)],
    [
      'namespace-hybrid',
      () =>
        regressions.length > 0 && others.length > 0
          ? combine(namespaceGraph(others), perWorkload(regressions, true, false))
          : null,
    ],
    ['namespace', () => namespaceGraph(all)],
    [
      'regressions',
      () => (regressions.length > 0 && others.length > 0 ? perWorkload(regressions, true) : null),
    ],
    [
      'regressions-namespace',
      () => (regressions.length > 0 && others.length > 0 ? namespaceGraph(regressions) : null),
    ],
  ];
  for (const [step, build] of candidates) {
    const graph = build();
    if (graph === null) continue;
    const size = { step, edges: graph.edges.length, nodes: graph.nodes.length };
    if (size.edges > limits.maxEdges || size.nodes > limits.maxNodes) {
      attempts.push({ ...size, chars: null, fits: false });
      continue;
    }
    const text = emitFlowchart(graph, describe(all, step));
    const fits = text.length <= limits.maxChars;
    attempts.push({ ...size, chars: text.length, fits });
    if (fits)
      return {
        diagram: { step, text, drawnEdges: size.edges, drawnNodes: size.nodes, ...summary },
        attempts,
      };
  }
  return {
    diagram: { step: 'omitted', text: null, drawnEdges: 0, drawnNodes: 0, ...summary },
    attempts,
  };
}

/** The diagram alone; see `planDiagram`. */
export function renderMermaid(
  report: Pick<Report, 'edges' | 'mtls'>,
  budget: Partial<MermaidBudget> = {},
): MermaidDiagram {
  return planDiagram(report, budget).diagram;
}

/** The sentence above (or instead of) the diagram, saying which ladder step was applied. */
export function diagramNote(diagram: MermaidDiagram): string {
  const changes = plural(diagram.changes, 'edge change');
  const where = plural(diagram.namespaces, 'namespace');
  const regressions = plural(diagram.regressions, 'regression');
  switch (diagram.step) {
    case 'empty':
      return 'No edge changed, so there is no diagram.';
    case 'full':
      return `Diagram: ${changes}, one arrow each.`;
    case 'merged':
      return `Diagram: ${changes}; arrows between the same caller and destination with the same change are merged (ports listed).`;
    case 'namespace-hybrid':
      return `Diagram: ${changes} across ${where}, too many to draw per workload; drawn per namespace, with the ${regressions} still per workload.`;
    case 'namespace':
      return `Diagram: ${changes} across ${where}, too many to draw per workload; drawn per namespace with counts.`;
    case 'regressions':
      return `Diagram: ${changes} across ${where}, too many to draw; only the ${regressions} are drawn. The tables list every change.`;
    case 'regressions-namespace':
      return `Diagram: ${changes} across ${where}, too many to draw; only the ${regressions} are drawn, per namespace. The tables list every change.`;
    case 'omitted':
      return `${changes} across ${where}: too many to draw, diagram omitted. The tables list every change.`;
  }
}
