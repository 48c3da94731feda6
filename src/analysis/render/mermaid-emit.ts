import { compareText } from '../model/source.js';
import type { EdgeChange } from '../report/types.js';
import { mermaidLabel, mermaidText } from './escape.js';
import { CHANGE_ORDER } from './mermaid-graph.js';
import type { DiagramGraph, DiagramNode } from './mermaid-graph.js';

/**
 * Mermaid flowchart syntax for a diagram graph (github-notes §3.2): generated ids, quoted and
 * escaped labels, arrows in a fixed order so that `linkStyle` indexes, which count arrows in the
 * order they are written, colour the right ones.
 */

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
export function emitFlowchart(graph: DiagramGraph, description: string): string {
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
