import type { EdgeChange, EdgeDelta, EdgeState, MtlsDelta, MtlsMode } from '../report/types.js';

/**
 * Wording shared by the Markdown, text and Mermaid renderers, so a change reads the same in the
 * comment, the terminal and the diagram.
 */

export const EDGE_CHANGES: readonly EdgeChange[] = [
  'added',
  'removed',
  'widened',
  'narrowed',
  'changed',
  'transport',
];

/** Short transport names for labels: `mtls->plain`. */
export const TRANSPORT_SHORT = { mtls: 'mtls', plaintext: 'plain', broken: 'broken' } as const;

/**
 * A loosening a reviewer must look at: requests newly allowed, or traffic that used to be mutual
 * TLS and now goes in plaintext (the peer identity is lost, so principal and namespace rules can
 * no longer match it).
 */
export function isRegression(edge: EdgeDelta): boolean {
  return (
    edge.change === 'added' ||
    edge.change === 'widened' ||
    edge.newlyAllowed.length > 0 ||
    // Plaintext is a regression only where requests still arrive over it.
    (edge.base.transport === 'mtls' &&
      edge.head.transport === 'plaintext' &&
      edge.head.access !== 'deny')
  );
}

/**
 * `mtls → plaintext` when the transport of an edge changed and the change matters: the edge is
 * open on both sides, or the connection broke (or recovered). Otherwise `null`.
 */
export function transportChange(edge: EdgeDelta): string | null {
  const { base, head } = edge;
  if (base.transport === head.transport) return null;
  const broke = base.transport === 'broken' || head.transport === 'broken';
  if (!broke && (base.access === 'deny' || head.access === 'deny')) return null;
  return `${base.transport} \u2192 ${head.transport}`;
}

/** `allow, mtls`; `deny`; `partial, plaintext (inexact)`; `connection fails` when broken. */
export function describeState(state: EdgeState): string {
  const inexact = state.exact ? '' : ' (inexact)';
  if (state.transport === 'broken') return `connection fails${inexact}`;
  return state.access === 'deny'
    ? `deny${inexact}`
    : `${state.access}, ${state.transport}${inexact}`;
}

/**
 * Strength of a server mode: STRICT accepts only mutual TLS, PERMISSIVE both, DISABLE and a port
 * without a sidecar only plaintext (istio-semantics.md, PeerAuthentication modes).
 */
const MODE_RANK: Readonly<Record<MtlsMode, number>> = {
  STRICT: 2,
  PERMISSIVE: 1,
  DISABLE: 0,
  NO_SIDECAR: 0,
};

export function mtlsDirection(delta: MtlsDelta): 'weakened' | 'strengthened' | 'changed' {
  const before = MODE_RANK[delta.base];
  const after = MODE_RANK[delta.head];
  return after < before ? 'weakened' : after > before ? 'strengthened' : 'changed';
}

/** `1,234`: fixed grouping, independent of the runtime's locale data. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : pluralNoun}`;
}

/** `payments/* (12 workloads)` for a group caller, the caller itself otherwise. */
export function callerName(edge: EdgeDelta): string {
  return edge.from.endsWith('/*') && edge.callers !== 1
    ? `${edge.from} (${plural(edge.callers, 'workload')})`
    : edge.from;
}
