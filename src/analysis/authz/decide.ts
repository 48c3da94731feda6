import type { PeerIdentity } from '../topology/callers.js';
import type { Chain } from '../topology/index.js';
import type {
  CompiledChain,
  CompiledClause,
  CompiledPolicy,
  CompiledPort,
  CompiledRule,
} from './compile.js';
import { openSet } from './compile.js';
import { ALL_REQUESTS, describe } from './describe.js';
import type { IdentityAtom } from './identity.js';
import { identityAtomKey, testIdentityAtom } from './identity.js';
import { evaluate } from './dimensions.js';
import type { RequestSet } from './request-set.js';
import {
  emptySet,
  fullSet,
  intersect,
  isEmpty,
  isSubset,
  subtract,
  unconstrained,
  union,
} from './request-set.js';
import type { Access, AccessResult, RuleRef } from './types.js';

/**
 * The decision for one caller identity on one compiled port, in Istio's order
 * (`istio-semantics.md` §3.2; filter order in `listener_builder.go`): CUSTOM, then DENY, then
 * ALLOW. No enforced ALLOW policy means allow; otherwise a request needs a matching ALLOW rule.
 * AUDIT never changes the answer. A CUSTOM match depends on an external authorizer, which a
 * static review cannot know: those requests are counted as denied and the answer is inexact.
 */

export interface RuleMatch {
  readonly ref: RuleRef;
  /** The requests the rule matches for this caller, within the chain's universe. */
  readonly set: RequestSet;
}

export interface ChainDecision {
  readonly chain: CompiledChain;
  readonly allowed: RequestSet;
  readonly custom: readonly RuleMatch[];
  readonly deny: readonly RuleMatch[];
  readonly allow: readonly RuleMatch[];
  readonly audit: readonly RuleMatch[];
  readonly exact: boolean;
}

export interface PortDecision {
  readonly result: AccessResult;
  readonly chains: readonly ChainDecision[];
}

type IdentityTest = (atom: IdentityAtom) => boolean;

export function identityTest(peer: PeerIdentity | null): IdentityTest {
  const cache = new Map<string, boolean>();
  return (atom) => {
    const key = identityAtomKey(atom);
    let value = cache.get(key);
    if (value === undefined) {
      value = testIdentityAtom(atom, peer);
      cache.set(key, value);
    }
    return value;
  };
}

export function decidePort(port: CompiledPort, test: IdentityTest): PortDecision {
  const chains = port.chains.map((chain) => decideChain(chain, test));
  if (chains.length === 0) return { result: unenforced(port.chain), chains };
  let allowed: RequestSet | null = null;
  let universe: RequestSet | null = null;
  for (const c of chains) {
    allowed = allowed ? union(allowed, c.allowed) : c.allowed;
    universe = universe ? union(universe, c.chain.universe) : c.chain.universe;
  }
  // Where no token is validated, one the caller sends is ignored: the same requests with and
  // without it are allowed (§5). Answering for any token keeps a port comparable with one that
  // validates tokens, or has no sidecar at all.
  const ignoresTokens = (set: RequestSet) =>
    chains.some((c) => c.chain.chain === 'http' && !c.chain.validatesTokens)
      ? unconstrained(set, 'jwt')
      : set;
  const all = ignoresTokens(allowed ?? emptySet(chains[0]!.chain.space));
  const within = ignoresTokens(universe ?? all);
  const access: Access = isEmpty(all) ? 'deny' : isSubset(within, all) ? 'allow' : 'partial';
  return {
    chains,
    result: {
      access,
      requests:
        access === 'allow' ? [ALL_REQUESTS] : access === 'deny' ? [] : describe(all, within),
      exact: chains.every((c) => c.exact),
      determining: determining(chains, access),
      allowed: all,
      universe: within,
      notEvaluated: null,
    },
  };
}

/** No proxy, or a port the sidecar does not capture: nothing is enforced. */
export function unenforced(chain: Chain): AccessResult {
  const all = openSet(chain);
  return {
    access: 'allow',
    requests: [ALL_REQUESTS],
    exact: true,
    determining: [],
    allowed: all,
    universe: all,
    notEvaluated: null,
  };
}

export function decideChain(chain: CompiledChain, test: IdentityTest): ChainDecision {
  const universe = chain.universe;
  let exact = chain.space.exact;
  const matches = (policies: readonly CompiledPolicy[]): RuleMatch[] =>
    policies.flatMap((policy) =>
      policy.rules.flatMap((rule) => {
        const set = intersect(ruleSet(rule, test, universe), universe);
        if (rule.opposite !== null) {
          const other = intersect(ruleSet(rule.opposite, test, universe), universe);
          if (!isSubset(set, other) || !isSubset(other, set)) exact = false;
        }
        return isEmpty(set) ? [] : [{ ref: rule.ref, set }];
      }),
    );
  const custom = matches(chain.custom);
  const deny = matches(chain.deny);
  const allow = matches(chain.allow);
  const audit = matches(chain.audit);
  const denied = unionAll(
    [...custom, ...deny].map((m) => m.set),
    universe,
  );
  const permitted =
    chain.allow.length > 0
      ? unionAll(
          allow.map((m) => m.set),
          universe,
        )
      : universe;
  const allowed = subtract(permitted, denied);
  const external = chain.custom.filter((p) => p.verdict === 'external').map((p) => p.policy.ref);
  const undecided = custom.filter((m) =>
    external.some((r) => r.namespace === m.ref.policy.namespace && r.name === m.ref.policy.name),
  );
  if (
    undecided.some(
      (m) =>
        !isEmpty(
          subtract(
            intersect(m.set, permitted),
            deny.length > 0
              ? unionAll(
                  deny.map((d) => d.set),
                  universe,
                )
              : emptySet(universe.space),
          ),
        ),
    )
  )
    exact = false;
  return { chain, allowed, custom, deny, allow, audit, exact };
}

/** `(∪ from) ∩ (∪ to) ∩ (∩ when)`, each clause counting only when its identity part holds. */
export function ruleSet(
  rule: Omit<CompiledRule, 'opposite'>,
  test: IdentityTest,
  universe: RequestSet,
): RequestSet {
  if (rule.body.skipped !== null) return emptySet(universe.space);
  const anyOf = (clauses: readonly CompiledClause[] | null): RequestSet =>
    clauses === null
      ? fullSet(universe.space)
      : unionAll(
          clauses.filter((c) => evaluate(c.identity, test)).map((c) => c.set),
          universe,
        );
  let set = intersect(anyOf(rule.from), anyOf(rule.to));
  for (const clause of rule.when) {
    if (isEmpty(set)) break;
    set = evaluate(clause.identity, test) ? intersect(set, clause.set) : emptySet(universe.space);
  }
  return set;
}

function unionAll(sets: readonly RequestSet[], like: RequestSet): RequestSet {
  return sets.reduce((acc, s) => union(acc, s), emptySet(like.space));
}

function determining(chains: readonly ChainDecision[], access: Access): RuleRef[] {
  const refs: RuleRef[] = [];
  for (const c of chains) {
    refs.push(...c.custom.map((m) => m.ref), ...c.deny.map((m) => m.ref));
    const denied = unionAll(
      [...c.custom, ...c.deny].map((m) => m.set),
      c.chain.universe,
    );
    refs.push(...c.allow.filter((m) => !isSubset(m.set, denied)).map((m) => m.ref));
    if (access === 'deny' && c.allow.length === 0)
      refs.push(
        ...c.chain.allow.map((p): RuleRef => ({
          policy: p.policy.ref,
          action: 'ALLOW',
          rule: null,
          at: p.policy.source,
        })),
      );
  }
  return sortRefs(refs);
}

export function sortRefs(refs: readonly RuleRef[]): RuleRef[] {
  const unique = new Map(
    refs.map((r) => [`${r.policy.namespace}/${r.policy.name}#${r.rule ?? -1}`, r]),
  );
  return [...unique.values()].sort(
    (a, b) =>
      compare(a.policy.namespace, b.policy.namespace) ||
      compare(a.policy.name, b.policy.name) ||
      (a.rule ?? -1) - (b.rule ?? -1),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
