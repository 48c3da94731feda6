import type { ResourceRef, Source } from '../model/source.js';
import type { PeerIdentity } from '../topology/callers.js';
import type { Chain, WorkloadNode } from '../topology/index.js';
import type { ChainKind } from './compile-rule.js';
import type { ChainDecision, RuleMatch } from './decide.js';
import { sortRefs } from './decide.js';
import { droppedNotes, nearestRule, policyEvidence, scopeNotes } from './explain-evidence.js';
import { ALL_REQUESTS, describe } from './describe.js';
import type { Expr } from './dimensions.js';
import type { AuthzEngine } from './evaluate.js';
import { authorizedPath } from './request-path.js';
import type { RequestSet } from './request-set.js';
import { cubeSet, intersect, isEmpty, isSubset, spaceOfCubes, union } from './request-set.js';
import type { Access, RuleRef } from './types.js';
import { quote } from '../findings/quote.js';

/**
 * Evidence for one caller reaching one workload port, optionally for one method and path: the
 * decision, the rules that made it (with file:line), what else applies without deciding (AUDIT,
 * dry-run, targetRefs policies, ALLOW rules dropped on TCP), and for a denial the ALLOW rule that
 * comes closest, with what it still requires.
 */

export interface ExplainQuery {
  readonly method?: string;
  readonly path?: string;
}

export interface RuleEvidence {
  readonly ref: RuleRef;
  readonly chain: ChainKind;
  /** The requests this rule matches for the caller (within the query), one line per cube. */
  readonly requests: readonly string[];
}

export interface PolicyEvidence {
  readonly policy: ResourceRef;
  readonly at: Source;
  readonly note: string;
}

export interface Missing {
  /** `from`, `to` or `when[i]`. */
  readonly part: string;
  /** What the rule requires there, as written: `principals: cluster.local/ns/a/sa/x`. */
  readonly requires: string;
  readonly at: Source;
}

export interface NearestRule {
  readonly ref: RuleRef;
  readonly missing: readonly Missing[];
}

export interface Explanation {
  readonly workload: string;
  readonly port: number;
  readonly chain: Chain;
  /** The identity the server sees, or `null` for plaintext. */
  readonly peer: PeerIdentity | null;
  readonly query: ExplainQuery;
  readonly access: Access;
  readonly requests: readonly string[];
  readonly exact: boolean;
  readonly notEvaluated: string | null;
  /** One sentence: why. */
  readonly summary: string;
  readonly custom: readonly RuleEvidence[];
  readonly deny: readonly RuleEvidence[];
  readonly allow: readonly RuleEvidence[];
  readonly audit: readonly RuleEvidence[];
  /** Enforced ALLOW policies (when any, a request needs one of their rules). */
  readonly allowPolicies: readonly PolicyEvidence[];
  readonly notes: readonly PolicyEvidence[];
  readonly nearest: NearestRule | null;
}

export function explainAccess(
  engine: AuthzEngine,
  workload: WorkloadNode,
  port: number,
  peer: PeerIdentity | null,
  asked: ExplainQuery = {},
): Explanation {
  const destination = engine.destination(workload);
  const declared = workload.ports.find((p) => p.port === port);
  const chain = declared?.chain ?? 'auto';
  const query = authorizedQuery(asked);
  const base = { workload: workload.id, port, chain, peer, query };
  const decision = engine.decide(destination, declared ?? port, peer);
  const notes: PolicyEvidence[] = [
    ...scopeNotes(destination.scope),
    ...pathNote(asked, query, workload),
  ];
  if (decision === null) {
    const result = engine.access(destination, declared ?? port, peer);
    const summary =
      result.notEvaluated ?? 'the workload has no sidecar, so no AuthorizationPolicy is enforced';
    return {
      ...base,
      ...emptyEvidence(),
      access: result.access,
      requests: result.requests,
      exact: result.exact,
      notEvaluated: result.notEvaluated,
      summary,
      notes,
    };
  }
  const http = decision.chains.filter((c) => c.chain.chain === 'http');
  // Methods and paths exist only on an HTTP chain; on a TCP-only port the query cannot narrow.
  const restrict = http.length > 0 ? queryRestriction(query) : null;
  const chains = restrict === null ? decision.chains : http;
  if (restrict === null && (query.method !== undefined || query.path !== undefined))
    notes.push({
      policy: { kind: 'Service', namespace: workload.namespace, name: workload.name },
      at: workload.workload.source,
      note: `port ${port} is handled as TCP: methods and paths are not seen, so the answer is for every connection`,
    });
  const scoped = (set: RequestSet): RequestSet =>
    restrict === null ? set : intersect(set, restrict);
  const universe = chains
    .map((c) => scoped(c.chain.universe))
    .reduce<RequestSet | null>((a, s) => (a ? union(a, s) : s), null);
  const allowed = chains
    .map((c) => scoped(c.allowed))
    .reduce<RequestSet | null>((a, s) => (a ? union(a, s) : s), null);
  const access: Access =
    allowed === null || isEmpty(allowed)
      ? 'deny'
      : universe !== null && isSubset(universe, allowed)
        ? 'allow'
        : 'partial';
  const evidence = (pick: (c: ChainDecision) => readonly RuleMatch[]): RuleEvidence[] =>
    chains.flatMap((c) =>
      pick(c).flatMap((m) => {
        const set = scoped(m.set);
        return isEmpty(set)
          ? []
          : [
              {
                ref: m.ref,
                chain: c.chain.chain,
                requests: describe(set, scoped(c.chain.universe)),
              },
            ];
      }),
    );
  const allowPolicies =
    chains[0]?.chain.allow.map((p) =>
      policyEvidence(p.policy, 'ALLOW policy: a request must match one of its rules'),
    ) ?? [];
  const explanation = {
    ...base,
    access,
    requests:
      access === 'allow'
        ? [ALL_REQUESTS]
        : access === 'deny' || allowed === null
          ? []
          : describe(allowed, universe ?? undefined),
    exact: chains.every((c) => c.exact),
    notEvaluated: null,
    custom: evidence((c) => c.custom),
    deny: evidence((c) => c.deny),
    allow: evidence((c) => c.allow),
    audit: evidence((c) => c.audit),
    allowPolicies,
    notes: [...notes, ...droppedNotes(chains.map((c) => c.chain))],
    nearest:
      access === 'allow'
        ? null
        : nearestRule(
            chains.map((c) => c.chain),
            peer,
            restrict,
          ),
  };
  return { ...explanation, summary: summarize(explanation) };
}

function emptyEvidence() {
  return { custom: [], deny: [], allow: [], audit: [], allowPolicies: [], nearest: null } as const;
}

/** The query as the policies see it: the path without query or fragment, dot segments resolved. */
function authorizedQuery(query: ExplainQuery): ExplainQuery {
  return query.path === undefined ? query : { ...query, path: authorizedPath(query.path) };
}

function pathNote(
  asked: ExplainQuery,
  query: ExplainQuery,
  workload: WorkloadNode,
): PolicyEvidence[] {
  if (asked.path === query.path || asked.path === undefined) return [];
  return [
    {
      policy: workload.workload.ref,
      at: workload.workload.source,
      note: `the request path ${quote(asked.path)} is checked as ${quote(query.path ?? '')}: Envoy drops the query and fragment and resolves \`.\` and \`..\` segments before authorization (default path normalization)`,
    },
  ];
}

/** `method = M` and `path = P` (both literal) as a request set, or `null` without a query. */
function queryRestriction(query: ExplainQuery): RequestSet | null {
  const exact = (value: string): Expr => ({
    op: 'atom',
    atom: { kind: 'string', atom: { kind: 'exact', value } },
  });
  const cube = new Map<string, Expr>();
  if (query.method !== undefined) cube.set('method', exact(query.method));
  if (query.path !== undefined) cube.set('path', exact(query.path));
  return cube.size === 0 ? null : cubeSet(spaceOfCubes([cube]), cube);
}

function summarize(e: Omit<Explanation, 'summary'>): string {
  const refs = (evidence: readonly RuleEvidence[]): string =>
    sortRefs(evidence.map((x) => x.ref))
      .map((r) => `${r.policy.namespace}/${r.policy.name} rule ${r.rule ?? '-'}`)
      .join(', ');
  const who = e.peer === null ? 'a plaintext caller (no identity)' : quote(e.peer.principal);
  if (e.access === 'allow')
    return e.allowPolicies.length === 0
      ? `allowed: no ALLOW policy applies and no DENY rule matches ${who}`
      : `allowed: ${refs(e.allow)} allows every request from ${who}`;
  if (e.deny.length > 0 && e.access === 'deny') return `denied: DENY ${refs(e.deny)} matches`;
  if (e.custom.length > 0 && e.access === 'deny')
    return `denied unless the external authorizer allows: CUSTOM ${refs(e.custom)} matches`;
  if (e.access === 'deny')
    return `denied: ALLOW policies apply and none of their rules matches ${who}`;
  const parts = [
    e.allow.length > 0 ? `allowed by ${refs(e.allow)}` : 'allowed by default',
    e.deny.length > 0 ? `except what DENY ${refs(e.deny)} matches` : '',
  ];
  return `some requests ${parts.filter((p) => p !== '').join(' ')}`;
}
