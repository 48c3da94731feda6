import type { AuthorizationPolicy } from '../model/istio.js';
import type { ResourceRef, Source } from '../model/source.js';
import type { PeerIdentity } from '../topology/callers.js';
import type { Chain, WorkloadNode } from '../topology/index.js';
import type { ChainKind } from './compile-rule.js';
import type { CompiledChain, CompiledRule } from './compile.js';
import type { ChainDecision, RuleMatch } from './decide.js';
import { identityTest, sortRefs } from './decide.js';
import { ALL_REQUESTS, describe } from './describe.js';
import { evaluate } from './dimensions.js';
import type { Expr } from './dimensions.js';
import type { AuthzEngine } from './evaluate.js';
import { formatClause } from './format-rule.js';
import type { IdentityAtom } from './identity.js';
import type { RequestSet } from './request-set.js';
import { cubeSet, intersect, isEmpty, isSubset, spaceOfCubes, union } from './request-set.js';
import type { Access, RuleRef } from './types.js';

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
  query: ExplainQuery = {},
): Explanation {
  const destination = engine.destination(workload);
  const declared = workload.ports.find((p) => p.port === port);
  const chain = declared?.chain ?? 'auto';
  const base = { workload: workload.id, port, chain, peer, query };
  const decision = engine.decide(destination, declared ?? port, peer);
  const notes: PolicyEvidence[] = scopeNotes(destination.scope);
  if (decision === null) {
    const result = engine.access(destination, declared ?? port, peer);
    const summary =
      result.notEvaluated ?? 'the workload has no sidecar, so no AuthorizationPolicy is enforced';
    return { ...base, ...emptyEvidence(), access: result.access, requests: result.requests, exact: result.exact, notEvaluated: result.notEvaluated, summary, notes };
  }
  const http = decision.chains.filter((c) => c.chain.chain === 'http');
  // Methods and paths exist only on an HTTP chain; on a TCP-only port the query cannot narrow.
  const restrict = http.length > 0 ? queryRestriction(query) : null;
  const chains = restrict === null ? decision.chains : http;
  if (restrict === null && (query.method !== undefined || query.path !== undefined))
    notes.push({ policy: { kind: 'Service', namespace: workload.namespace, name: workload.name }, at: workload.workload.source, note: `port ${port} is handled as TCP: methods and paths are not seen, so the answer is for every connection` });
  const scoped = (set: RequestSet): RequestSet => (restrict === null ? set : intersect(set, restrict));
  const universe = chains.map((c) => scoped(c.chain.universe)).reduce<RequestSet | null>((a, s) => (a ? union(a, s) : s), null);
  const allowed = chains.map((c) => scoped(c.allowed)).reduce<RequestSet | null>((a, s) => (a ? union(a, s) : s), null);
  const access: Access =
    allowed === null || isEmpty(allowed) ? 'deny' : universe !== null && isSubset(universe, allowed) ? 'allow' : 'partial';
  const evidence = (pick: (c: ChainDecision) => readonly RuleMatch[]): RuleEvidence[] =>
    chains.flatMap((c) =>
      pick(c).flatMap((m) => {
        const set = scoped(m.set);
        return isEmpty(set) ? [] : [{ ref: m.ref, chain: c.chain.chain, requests: describe(set, scoped(c.chain.universe)) }];
      }),
    );
  const allowPolicies = chains[0]?.chain.allow.map((p) => policyEvidence(p.policy, 'ALLOW policy: a request must match one of its rules')) ?? [];
  const explanation = {
    ...base,
    access,
    requests: access === 'allow' ? [ALL_REQUESTS] : access === 'deny' || allowed === null ? [] : describe(allowed, universe ?? undefined),
    exact: chains.every((c) => c.exact),
    notEvaluated: null,
    custom: evidence((c) => c.custom),
    deny: evidence((c) => c.deny),
    allow: evidence((c) => c.allow),
    audit: evidence((c) => c.audit),
    allowPolicies,
    notes: [...notes, ...droppedNotes(chains.map((c) => c.chain))],
    nearest: access === 'allow' ? null : nearestRule(chains.map((c) => c.chain), peer, restrict),
  };
  return { ...explanation, summary: summarize(explanation) };
}

function emptyEvidence() {
  return { custom: [], deny: [], allow: [], audit: [], allowPolicies: [], nearest: null } as const;
}

/** `method = M` and `path = P` (both literal) as a request set, or `null` without a query. */
function queryRestriction(query: ExplainQuery): RequestSet | null {
  const exact = (value: string): Expr => ({ op: 'atom', atom: { kind: 'string', atom: { kind: 'exact', value } } });
  const cube = new Map<string, Expr>();
  if (query.method !== undefined) cube.set('method', exact(query.method));
  if (query.path !== undefined) cube.set('path', exact(query.path));
  return cube.size === 0 ? null : cubeSet(spaceOfCubes([cube]), cube);
}

function policyEvidence(policy: AuthorizationPolicy, note: string): PolicyEvidence {
  return { policy: policy.ref, at: policy.source, note };
}

function scopeNotes(scope: { dryRun: readonly AuthorizationPolicy[]; ignored: readonly { policy: AuthorizationPolicy }[] }): PolicyEvidence[] {
  return [
    ...scope.dryRun.map((p) =>
      policyEvidence(p, p.action === 'CUSTOM' ? 'dry-run CUSTOM policy: still triggers the external authorizer' : `dry-run ${p.action} policy: not enforced`),
    ),
    ...scope.ignored.map((i) => policyEvidence(i.policy, 'has targetRefs: sidecars ignore it (waypoints and gateways enforce it)')),
  ];
}

function droppedNotes(chains: readonly CompiledChain[]): PolicyEvidence[] {
  const out: PolicyEvidence[] = [];
  for (const chain of chains)
    for (const policy of [...chain.allow, ...chain.deny, ...chain.custom, ...chain.audit])
      for (const rule of policy.rules) {
        const skipped = rule.body.skipped;
        if (skipped !== null)
          out.push({ policy: policy.policy.ref, at: rule.ref.at, note: `ALLOW rule ${rule.ref.rule} dropped on the TCP chain: it uses HTTP-only ${skipped.fields.map((f) => f.field).join(', ')}` });
        else if (rule.body.droppedOnTcp.length > 0)
          out.push({ policy: policy.policy.ref, at: rule.ref.at, note: `${policy.action} rule ${rule.ref.rule} on the TCP chain ignores HTTP-only ${rule.body.droppedOnTcp.map((f) => f.field).join(', ')}, so it matches more` });
        if (rule.body.approximated.length > 0)
          out.push({ policy: policy.policy.ref, at: rule.ref.at, note: `rule ${rule.ref.rule}: ${rule.body.approximated.map((f) => `\`${f.field}\``).join(', ')} not modelled; taken fail-safe` });
      }
  return out;
}

/** The ALLOW rule needing the fewest changes, and what it still requires. */
function nearestRule(chains: readonly CompiledChain[], peer: PeerIdentity | null, restrict: RequestSet | null): NearestRule | null {
  const test = identityTest(peer);
  let best: NearestRule | null = null;
  for (const chain of chains)
    for (const policy of chain.allow)
      for (const rule of policy.rules) {
        const missing = missingParts(rule, policy.policy, test, chain.universe, restrict);
        if (missing.length === 0) continue;
        if (best === null || missing.length < best.missing.length) best = { ref: rule.ref, missing };
      }
  return best;
}

function missingParts(
  rule: CompiledRule,
  policy: AuthorizationPolicy,
  test: (atom: IdentityAtom) => boolean,
  universe: RequestSet,
  restrict: RequestSet | null,
): Missing[] {
  const raw = policy.rules?.[rule.ref.rule ?? -1];
  if (raw === undefined) return [];
  if (rule.body.skipped !== null)
    return [{ part: 'rule', requires: `an HTTP port (it uses ${rule.body.skipped.fields.map((f) => f.field).join(', ')})`, at: rule.ref.at }];
  const reachable = (clause: { identity: Expr<IdentityAtom>; set: RequestSet }): boolean =>
    evaluate(clause.identity, test) && !isEmpty(intersect(intersect(clause.set, universe), restrict ?? universe));
  const missing: Missing[] = [];
  if (rule.from !== null && !rule.from.some(reachable))
    missing.push({ part: 'from', requires: (raw.from ?? []).map((s) => formatClause(s)).join(' or '), at: raw.from?.[0]?.at ?? raw.at });
  if (rule.to !== null && !rule.to.some(reachable))
    missing.push({ part: 'to', requires: (raw.to ?? []).map((o) => formatClause(o)).join(' or '), at: raw.to?.[0]?.at ?? raw.at });
  rule.when.forEach((clause, i) => {
    const condition = raw.when?.[i];
    if (condition !== undefined && !reachable(clause))
      missing.push({ part: `when[${i}]`, requires: formatClause(condition), at: condition.at });
  });
  return missing;
}

function summarize(e: Omit<Explanation, 'summary'>): string {
  const refs = (evidence: readonly RuleEvidence[]): string =>
    sortRefs(evidence.map((x) => x.ref))
      .map((r) => `${r.policy.namespace}/${r.policy.name} rule ${r.rule ?? '-'}`)
      .join(', ');
  const who = e.peer === null ? 'a plaintext caller (no identity)' : `\`${e.peer.principal}\``;
  if (e.access === 'allow')
    return e.allowPolicies.length === 0
      ? `allowed: no ALLOW policy applies and no DENY rule matches ${who}`
      : `allowed: ${refs(e.allow)} allows every request from ${who}`;
  if (e.deny.length > 0 && e.access === 'deny') return `denied: DENY ${refs(e.deny)} matches`;
  if (e.custom.length > 0 && e.access === 'deny') return `denied unless the external authorizer allows: CUSTOM ${refs(e.custom)} matches`;
  if (e.access === 'deny') return `denied: ALLOW policies apply and none of their rules matches ${who}`;
  const parts = [e.allow.length > 0 ? `allowed by ${refs(e.allow)}` : 'allowed by default', e.deny.length > 0 ? `except what DENY ${refs(e.deny)} matches` : ''];
  return `some requests ${parts.filter((p) => p !== '').join(' ')}`;
}
