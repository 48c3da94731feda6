import type { EdgeChange, EdgeDelta } from '../report/types.js';
import { TRANSPORT_SHORT, formatCount } from './change-words.js';
import { truncate } from './escape.js';

/**
 * The diagram as a graph, before any Mermaid syntax: which boxes and arrows to draw at each
 * level of detail. Labels here are plain text; `mermaid.ts` escapes them.
 */

export type NodeKind = 'workload' | 'group' | 'pseudo' | 'namespace';

export interface DiagramNode {
  /** Identity inside the graph; never printed (node ids are generated). */
  readonly key: string;
  /** The namespace subgraph the node is drawn in, or `null` for none. */
  readonly subgraph: string | null;
  readonly label: string;
  readonly kind: NodeKind;
  readonly weakened: boolean;
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly change: EdgeChange;
  readonly label: string;
  /** Lowest port, to order parallel arrows. */
  readonly port: number;
}

export interface DiagramGraph {
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

/** Edge labels stay short and ASCII (github-notes §3.2: long or non-ASCII labels break renders). */
export const EDGE_LABEL_MAX = 30;

const CHANGE_WORD: Readonly<Record<EdgeChange, string>> = {
  added: 'new',
  removed: 'removed',
  widened: 'widened',
  narrowed: 'narrowed',
  changed: 'changed',
  transport: 'transport',
};

interface Endpoint {
  readonly key: string;
  readonly namespace: string | null;
  readonly name: string;
  readonly kind: 'workload' | 'group' | 'pseudo';
}

/**
 * `namespace/name`, a group `namespace/*` (one node per group and destination: two groups of the
 * same size need not be the same workloads), or a pseudo-caller such as `(unauthenticated)`
 * (callers only: a destination is always a workload).
 */
function endpoint(id: string, callers: number, towards: string | null): Endpoint {
  // `towards` is the destination when `id` is a caller, `null` when `id` is the destination.
  const slash = id.indexOf('/');
  if (towards !== null && (id.startsWith('(') || slash < 0))
    return { key: `p:${id}`, namespace: null, name: id, kind: 'pseudo' };
  if (slash < 0) return { key: `w:${id}`, namespace: null, name: id, kind: 'workload' };
  const namespace = id.slice(0, slash);
  const name = id.slice(slash + 1);
  if (name === '*' && towards !== null) {
    const label = callers === 1 ? '* (1 workload)' : `* (${formatCount(callers)} workloads)`;
    return { key: `g:${id}#${callers}>${towards}`, namespace, name: label, kind: 'group' };
  }
  return { key: `w:${id}`, namespace, name, kind: 'workload' };
}

function workloadNode(
  point: Endpoint,
  subgraphs: boolean,
  weakened: ReadonlySet<string>,
): DiagramNode {
  const inside = subgraphs ? point.namespace : null;
  const label =
    inside === null && point.namespace !== null ? `${point.namespace}/${point.name}` : point.name;
  const id = point.namespace === null ? point.name : `${point.namespace}/${point.name}`;
  return {
    key: point.key,
    subgraph: inside,
    label,
    kind: point.kind,
    weakened: point.kind === 'workload' && weakened.has(id),
  };
}

function namespaceNode(point: Endpoint): DiagramNode {
  if (point.namespace === null)
    return { key: point.key, subgraph: null, label: point.name, kind: 'pseudo', weakened: false };
  return {
    key: `ns:${point.namespace}`,
    subgraph: null,
    label: point.namespace,
    kind: 'namespace',
    weakened: false,
  };
}

function requestText(sign: '+' | '-', requests: readonly string[], whole: boolean): string {
  const [first] = requests;
  if (whole || first === undefined) return `${sign}all`;
  return requests.length === 1
    ? `${sign}${first}`
    : `${sign}${first} and ${requests.length - 1} more`;
}

/** `8080 +GET /admin`, `5432 mtls->plain`, `9090 +all (plain)`: one change, ≤ 30 characters. */
export function edgeLabel(edge: EdgeDelta): string {
  const { base, head } = edge;
  const bothOpen = base.access !== 'deny' && head.access !== 'deny';
  // A broken connection matters whatever access was computed for it (as `transportChange`).
  const broke = base.transport === 'broken' || head.transport === 'broken';
  let suffix =
    (bothOpen || broke) && base.transport !== head.transport
      ? `${TRANSPORT_SHORT[base.transport]}->${TRANSPORT_SHORT[head.transport]}`
      : '';
  let detail = '';
  switch (edge.change) {
    case 'added':
      detail = requestText('+', edge.newlyAllowed, head.access === 'allow');
      if (head.transport !== 'mtls') suffix = `(${TRANSPORT_SHORT[head.transport]})`;
      break;
    case 'removed':
      detail = requestText('-', edge.newlyDenied, base.access === 'allow');
      break;
    case 'widened':
      detail = requestText('+', edge.newlyAllowed, false);
      break;
    case 'narrowed':
      detail = requestText('-', edge.newlyDenied, false);
      break;
    case 'changed':
      detail = `${requestText('+', edge.newlyAllowed, false)} ${requestText('-', edge.newlyDenied, false)}`;
      break;
    case 'transport':
      if (suffix === '') suffix = 'transport';
      break;
  }
  const port = String(edge.port);
  const room = Math.max(6, EDGE_LABEL_MAX - port.length - (suffix ? suffix.length + 2 : 1));
  return [port, truncate(detail, room), suffix].filter((part) => part !== '').join(' ');
}

/** `8080,8443 new`, `12 ports removed`, `2 ports mtls->plain`: parallel arrows merged into one. */
function mergedLabel(edges: readonly EdgeDelta[]): string {
  const first = edges[0];
  if (first === undefined) return '';
  if (edges.length === 1) return edgeLabel(first);
  const ports = [...new Set(edges.map((e) => e.port))].sort((a, b) => a - b);
  const list = ports.join(',');
  const portText = list.length <= 14 ? list : `${ports.length} ports`;
  return `${portText} ${transportWord(edges) ?? CHANGE_WORD[first.change]}`;
}

/** `mtls->plain` when every merged change is the same transport change, else `null`. */
function transportWord(edges: readonly EdgeDelta[]): string | null {
  const words = new Set(
    edges.map((e) =>
      e.change === 'transport'
        ? `${TRANSPORT_SHORT[e.base.transport]}->${TRANSPORT_SHORT[e.head.transport]}`
        : null,
    ),
  );
  const [only] = words;
  return words.size === 1 && only !== undefined ? only : null;
}

interface Bucket {
  readonly from: DiagramNode;
  readonly to: DiagramNode;
  readonly change: EdgeChange;
  readonly edges: EdgeDelta[];
}

function collect(
  edges: readonly EdgeDelta[],
  nodesOf: (edge: EdgeDelta) => readonly [DiagramNode, DiagramNode],
  bucketKey: (edge: EdgeDelta, from: DiagramNode, to: DiagramNode) => string,
): Map<string, Bucket> {
  const buckets = new Map<string, Bucket>();
  for (const edge of edges) {
    const [from, to] = nodesOf(edge);
    const key = bucketKey(edge, from, to);
    const bucket = buckets.get(key);
    if (bucket) bucket.edges.push(edge);
    else buckets.set(key, { from, to, change: edge.change, edges: [edge] });
  }
  return buckets;
}

function graphOf(buckets: Iterable<Bucket>, label: (bucket: Bucket) => string): DiagramGraph {
  const nodes = new Map<string, DiagramNode>();
  const drawn: DiagramEdge[] = [];
  for (const bucket of buckets) {
    nodes.set(bucket.from.key, bucket.from);
    nodes.set(bucket.to.key, bucket.to);
    drawn.push({
      from: bucket.from.key,
      to: bucket.to.key,
      change: bucket.change,
      label: label(bucket),
      port: Math.min(...bucket.edges.map((e) => e.port)),
    });
  }
  return { nodes: [...nodes.values()], edges: drawn };
}

/** One arrow per changed edge (or per caller, destination and change when `merge`). */
export function workloadGraph(
  edges: readonly EdgeDelta[],
  options: {
    readonly merge: boolean;
    readonly subgraphs: boolean;
    readonly weakened: ReadonlySet<string>;
  },
): DiagramGraph {
  const buckets = collect(
    edges,
    (edge) => [
      workloadNode(endpoint(edge.from, edge.callers, edge.to), options.subgraphs, options.weakened),
      workloadNode(endpoint(edge.to, 1, null), options.subgraphs, options.weakened),
    ],
    (edge, from, to) =>
      `${from.key}\n${to.key}\n${edge.change}${options.merge ? '' : `\n${edge.port}\n${edge.from}`}`,
  );
  return graphOf(buckets.values(), (bucket) => mergedLabel(bucket.edges));
}

/** One box per namespace, one arrow per namespace pair and change, labelled with its count. */
export function namespaceGraph(edges: readonly EdgeDelta[]): DiagramGraph {
  const buckets = collect(
    edges,
    (edge) => [
      namespaceNode(endpoint(edge.from, edge.callers, edge.to)),
      namespaceNode(endpoint(edge.to, 1, null)),
    ],
    (edge, from, to) => `${from.key}\n${to.key}\n${edge.change}`,
  );
  return graphOf(
    buckets.values(),
    (bucket) =>
      `${formatCount(bucket.edges.length)} ${transportWord(bucket.edges) ?? CHANGE_WORD[bucket.change]}`,
  );
}

/** Two graphs drawn together (namespace boxes plus workload-level regressions). */
export function combine(first: DiagramGraph, second: DiagramGraph): DiagramGraph {
  const nodes = new Map<string, DiagramNode>();
  for (const node of [...first.nodes, ...second.nodes]) nodes.set(node.key, node);
  return { nodes: [...nodes.values()], edges: [...first.edges, ...second.edges] };
}

export const CHANGE_ORDER = {
  added: 0,
  removed: 1,
  widened: 2,
  narrowed: 3,
  changed: 4,
  transport: 5,
} as const satisfies Record<EdgeChange, number>;
