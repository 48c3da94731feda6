import type { AccessGraphView } from '../graph/access-view.js';
import { compareText } from '../model/source.js';
import { mermaidLabel } from './escape.js';

/** Arrows and characters a graph may use: far under Mermaid's 500 edges and 50,000 characters. */
export interface GraphBudget {
  readonly maxEdges: number;
  readonly maxCharacters: number;
}

const DEFAULT_BUDGET: GraphBudget = { maxEdges: 150, maxCharacters: 20_000 };

interface Arrow {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly plaintext: boolean;
}

/**
 * The open edges of one side as a Mermaid flowchart: one subgraph per namespace, pseudo-callers
 * outside, mTLS edges solid green and plaintext edges dashed amber. Past the budget, workloads
 * collapse into their namespaces (edges counted), and past that the busiest namespace edges are
 * kept and the rest counted in the description.
 */
export function renderGraphMermaid(
  view: AccessGraphView,
  budget: GraphBudget = DEFAULT_BUDGET,
): string {
  const open = view.edges.filter(
    (e) => e.access.value !== 'deny' && e.transport.value !== 'broken',
  );
  const detailed = open.map((e): Arrow => ({
    from: e.from,
    to: e.to,
    label: `${e.port}${e.access.value === 'partial' ? ' some' : ''}`,
    plaintext: e.transport.value === 'plaintext',
  }));
  const workloadLevel = emit(detailed, `${open.length} open edges`, true);
  if (detailed.length <= budget.maxEdges && workloadLevel.length <= budget.maxCharacters)
    return workloadLevel;
  const namespaceArrows = byNamespace(detailed);
  const kept = namespaceArrows.slice(0, budget.maxEdges);
  const left = namespaceArrows.length - kept.length;
  const note = `${open.length} open edges shown per namespace${left > 0 ? `; ${left} smaller namespace pairs left out` : ''}`;
  return emit(kept, note, false);
}

/** Namespace to namespace arrows, busiest first, split by transport. */
function byNamespace(arrows: readonly Arrow[]): Arrow[] {
  const counts = new Map<string, { arrow: Arrow; count: number }>();
  for (const arrow of arrows) {
    const from = arrow.from.startsWith('(') ? arrow.from : `${arrow.from.split('/')[0] ?? ''}/*`;
    const to = `${arrow.to.split('/')[0] ?? ''}/*`;
    const key = `${from}\u0000${to}\u0000${arrow.plaintext}`;
    const entry = counts.get(key) ?? {
      arrow: { from, to, label: '', plaintext: arrow.plaintext },
      count: 0,
    };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()]
    .sort(
      (a, b) =>
        b.count - a.count ||
        compareText(a.arrow.from, b.arrow.from) ||
        compareText(a.arrow.to, b.arrow.to),
    )
    .map(({ arrow, count }) => ({ ...arrow, label: `${count} edge${count === 1 ? '' : 's'}` }));
}

/**
 * `byWorkload`: one subgraph per namespace holding its workloads; otherwise one node per
 * namespace (`ns/*` ids). Node ids are generated, never taken from names.
 */
function emit(arrows: readonly Arrow[], description: string, byWorkload: boolean): string {
  const ids = new Map<string, string>();
  const nodeId = (id: string) => {
    let found = ids.get(id);
    if (found === undefined) ids.set(id, (found = `n${ids.size + 1}`));
    return found;
  };
  for (const arrow of arrows) {
    nodeId(arrow.from);
    nodeId(arrow.to);
  }
  // The description is our own counts and words, never a name from the manifests.
  const lines = [
    'flowchart LR',
    '  accTitle: Open edges of the mesh',
    `  accDescr: ${description}`,
  ];
  const namespaces = new Map<string, string[]>();
  const pseudo: string[] = [];
  for (const id of [...ids.keys()].sort(compareText)) {
    if (id.startsWith('(')) pseudo.push(id);
    else {
      const namespace = id.split('/')[0] ?? '';
      namespaces.set(namespace, [...(namespaces.get(namespace) ?? []), id]);
    }
  }
  let subgraph = 0;
  for (const [namespace, members] of namespaces) {
    if (!byWorkload) {
      for (const id of members) lines.push(`  ${nodeId(id)}[${mermaidLabel(namespace, 40)}]`);
      continue;
    }
    lines.push(`  subgraph ns${++subgraph}[${mermaidLabel(namespace, 40)}]`);
    for (const id of members)
      lines.push(`    ${nodeId(id)}[${mermaidLabel(id.slice(namespace.length + 1), 40)}]`);
    lines.push('  end');
  }
  for (const id of pseudo) lines.push(`  ${nodeId(id)}([${mermaidLabel(id, 40)}]):::pseudo`);
  const dashed: number[] = [];
  const solid: number[] = [];
  arrows.forEach((arrow, index) => {
    lines.push(
      `  ${nodeId(arrow.from)} ${arrow.plaintext ? '-.->' : '-->'}|${mermaidLabel(arrow.label, 30)}| ${nodeId(arrow.to)}`,
    );
    (arrow.plaintext ? dashed : solid).push(index);
  });
  if (solid.length > 0)
    lines.push(
      `  linkStyle ${solid.join(',')} stroke:#2da44e,stroke-width:2px,color:#2da44e,fill:none`,
    );
  if (dashed.length > 0)
    lines.push(
      `  linkStyle ${dashed.join(',')} stroke:#bf8700,stroke-width:2px,stroke-dasharray:5 4,color:#bf8700,fill:none`,
    );
  lines.push(
    '  classDef default fill:#f6f8fa,stroke:#57606a,color:#1f2328',
    '  classDef pseudo fill:#fff8c5,stroke:#9a6700,color:#1f2328',
  );
  return `${lines.join('\n')}\n`;
}
