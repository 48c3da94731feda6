import { compareText } from '../model/source.js';
import type { EdgeChange, EdgeDelta, Report } from '../report/types.js';
import { formatCount, isRegression, mtlsDirection, plural } from './change-words.js';
import { mermaidLabel, mermaidText } from './escape.js';
import { CHANGE_ORDER, combine, namespaceGraph, workloadGraph } from './mermaid-graph.js';
import type { DiagramGraph, DiagramNode } from './mermaid-graph.js';

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

const NODE_LABEL_MAX = 40;

const ARROW: Readonly<Record<EdgeChange, string>> = {
  added: '==>',
  removed: '-.->',
  widened: '-->',
  narrowed: '-->',
  changed: '-->',
  transport: '-->',
};

type LinkColour = 'added' | 'removed' | 'amber';

/**
 * Mid-tone strokes readable on GitHub's light and dark backgrounds; every style sets stroke,
 * fill and text colour together, because GitHub's dark mode swaps theme colours and a fixed fill
 * without a text colour becomes unreadable (github-notes §3.1).
 */
const LINK_STYLE: Readonly<Record<LinkColour, string>> = {
  added: 'stroke:#2da44e,stroke-width:3px,color:#2da44e,fill:none',
  removed: 'stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 4,color:#cf222e,fill:none',
  amber: 'stroke:#bf8700,stroke-width:2px,color:#bf8700,fill:none',
};

const CLASS_DEF = {
  default: 'fill:#f6f8fa,stroke:#57606a,color:#1f2328',
  pseudo: 'fill:#fff8c5,stroke:#9a6700,color:#1f2328',
  namespace: 'fill:#ddf4ff,stroke:#0969da,color:#1f2328',
  weakened: 'fill:#fff1e5,stroke:#bc4c00,color:#1f2328',
} as const;

function colourOf(change: EdgeChange): LinkColour {
  return change === 'added' ? 'added' : change === 'removed' ? 'removed' : 'amber';
}

function nodeClass(node: DiagramNode): keyof typeof CLASS_DEF {
  if (node.kind === 'pseudo' || node.kind === 'namespace') return node.kind;
  return node.weakened ? 'weakened' : 'default';
}

function declareNode(id: string, node: DiagramNode): string {
  const label = mermaidLabel(node.label, NODE_LABEL_MAX);
  const shape =
    node.kind === 'pseudo'
      ? `([${label}])`
      : node.kind === 'namespace'
        ? `[[${label}]]`
        : `[${label}]`;
  const cls = nodeClass(node);
  return `${id}${shape}${cls === 'default' ? '' : `:::${cls}`}`;
}

function byLabel(a: DiagramNode, b: DiagramNode): number {
  return compareText(a.label, b.label) || compareText(a.key, b.key);
}

/** Flowchart text with generated ids (`n1`, `ns1`): never a user name, which could be `end`. */
function emit(graph: DiagramGraph, description: string): string {
  const lines = [
    'flowchart LR',
    '  accTitle: Mesh access changes',
    `  accDescr: ${mermaidText(description)}`,
  ];
  const ids = new Map<string, string>();
  const namespaces = [
    ...new Set(graph.nodes.flatMap((n) => (n.subgraph === null ? [] : [n.subgraph]))),
  ];
  namespaces.sort(compareText).forEach((namespace, index) => {
    lines.push(`  subgraph ns${index + 1}[${mermaidLabel(namespace, NODE_LABEL_MAX)}]`);
    for (const node of graph.nodes.filter((n) => n.subgraph === namespace).sort(byLabel)) {
      ids.set(node.key, `n${ids.size + 1}`);
      lines.push(`    ${declareNode(`n${ids.size}`, node)}`);
    }
    lines.push('  end');
  });
  const outside = graph.nodes.filter((n) => n.subgraph === null);
  const ordered = [
    ...outside.filter((n) => n.kind !== 'pseudo').sort(byLabel),
    ...outside.filter((n) => n.kind === 'pseudo').sort(byLabel),
  ];
  for (const node of ordered) {
    ids.set(node.key, `n${ids.size + 1}`);
    lines.push(`  ${declareNode(`n${ids.size}`, node)}`);
  }
  const number = (key: string) => Number((ids.get(key) ?? 'n0').slice(1));
  const edges = [...graph.edges].sort(
    (a, b) =>
      number(a.from) - number(b.from) ||
      number(a.to) - number(b.to) ||
      a.port - b.port ||
      CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change] ||
      compareText(a.label, b.label),
  );
  const byColour: Record<LinkColour, number[]> = { added: [], removed: [], amber: [] };
  edges.forEach((edge, index) => {
    byColour[colourOf(edge.change)].push(index);
    const label = mermaidLabel(edge.label, 40);
    lines.push(`  ${ids.get(edge.from)} ${ARROW[edge.change]}|${label}| ${ids.get(edge.to)}`);
  });
  for (const colour of ['added', 'removed', 'amber'] as const)
    if (byColour[colour].length > 0)
      lines.push(`  linkStyle ${byColour[colour].join(',')} ${LINK_STYLE[colour]}`);
  const used = new Set(graph.nodes.map(nodeClass));
  for (const [name, style] of Object.entries(CLASS_DEF))
    if (name === 'default' || used.has(name as keyof typeof CLASS_DEF))
      lines.push(`  classDef ${name} ${style}`);
  return `${lines.join('\n')}\n`;
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
    const text = emit(graph, describe(all, step));
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
