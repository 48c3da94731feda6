import type { AuthorizationPolicy } from '../model/istio.js';
import type { PeerIdentity } from '../topology/callers.js';
import type { CompiledChain, CompiledRule } from './compile.js';
import { identityTest } from './decide.js';
import { evaluate } from './dimensions.js';
import type { Expr } from './dimensions.js';
import type { Missing, NearestRule, PolicyEvidence } from './explain.js';
import { formatClause } from './format-rule.js';
import type { IdentityAtom } from './identity.js';
import type { RequestSet } from './request-set.js';
import { intersect, isEmpty } from './request-set.js';
import { quote } from '../findings/quote.js';

/**
 * What `explain` adds beyond the decision: policies that apply without deciding (dry-run,
 * targetRefs, rules changed on a TCP chain, approximations), and for a denial the ALLOW rule that
 * needs the fewest changes.
 */

export function policyEvidence(policy: AuthorizationPolicy, note: string): PolicyEvidence {
  return { policy: policy.ref, at: policy.source, note };
}

export function scopeNotes(scope: {
  dryRun: readonly AuthorizationPolicy[];
  ignored: readonly { policy: AuthorizationPolicy }[];
}): PolicyEvidence[] {
  return [
    ...scope.dryRun.map((p) => policyEvidence(p, `dry-run ${p.action} policy: not enforced`)),
    ...scope.ignored.map((i) =>
      policyEvidence(
        i.policy,
        'has targetRefs: sidecars ignore it (waypoints and gateways enforce it)',
      ),
    ),
  ];
}

export function droppedNotes(chains: readonly CompiledChain[]): PolicyEvidence[] {
  const out: PolicyEvidence[] = [];
  for (const chain of chains)
    for (const policy of [...chain.allow, ...chain.deny, ...chain.custom, ...chain.audit])
      for (const rule of policy.rules) {
        const skipped = rule.body.skipped;
        if (skipped !== null)
          out.push({
            policy: policy.policy.ref,
            at: rule.ref.at,
            note: `ALLOW rule ${rule.ref.rule} dropped on the TCP chain: it uses HTTP-only ${skipped.fields.map((f) => f.field).join(', ')}`,
          });
        else if (rule.body.droppedOnTcp.length > 0)
          out.push({
            policy: policy.policy.ref,
            at: rule.ref.at,
            note: `${policy.action} rule ${rule.ref.rule} on the TCP chain ignores HTTP-only ${rule.body.droppedOnTcp.map((f) => f.field).join(', ')}, so it matches more`,
          });
        if (rule.body.approximated.length > 0)
          out.push({
            policy: policy.policy.ref,
            at: rule.ref.at,
            note: `rule ${rule.ref.rule}: ${rule.body.approximated.map((f) => quote(f.field)).join(', ')} not modelled; taken fail-safe`,
          });
      }
  return out;
}

/** The ALLOW rule needing the fewest changes, and what it still requires. */
export function nearestRule(
  chains: readonly CompiledChain[],
  peer: PeerIdentity | null,
  restrict: RequestSet | null,
): NearestRule | null {
  const test = identityTest(peer);
  let best: NearestRule | null = null;
  for (const chain of chains)
    for (const policy of chain.allow)
      for (const rule of policy.rules) {
        const missing = missingParts(rule, policy.policy, test, chain.universe, restrict);
        if (missing.length === 0) continue;
        if (best === null || missing.length < best.missing.length)
          best = { ref: rule.ref, missing };
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
    return [
      {
        part: 'rule',
        requires: `an HTTP port (it uses ${rule.body.skipped.fields.map((f) => f.field).join(', ')})`,
        at: rule.ref.at,
      },
    ];
  const reachable = (clause: { identity: Expr<IdentityAtom>; set: RequestSet }): boolean =>
    evaluate(clause.identity, test) &&
    !isEmpty(intersect(intersect(clause.set, universe), restrict ?? universe));
  const missing: Missing[] = [];
  if (rule.from !== null && !rule.from.some(reachable))
    missing.push({
      part: 'from',
      requires: (raw.from ?? []).map((s) => formatClause(s)).join(' or '),
      at: raw.from?.[0]?.at ?? raw.at,
    });
  if (rule.to !== null && !rule.to.some(reachable))
    missing.push({
      part: 'to',
      requires: (raw.to ?? []).map((o) => formatClause(o)).join(' or '),
      at: raw.to?.[0]?.at ?? raw.at,
    });
  rule.when.forEach((clause, i) => {
    const condition = raw.when?.[i];
    if (condition !== undefined && !reachable(clause))
      missing.push({ part: `when[${i}]`, requires: formatClause(condition), at: condition.at });
  });
  return missing;
}
