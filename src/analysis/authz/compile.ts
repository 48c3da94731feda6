import type { AuthorizationAction, AuthorizationPolicy } from '../model/istio.js';
import type { MeshSettings } from '../model/mesh-settings.js';
import type { Chain } from '../topology/index.js';
import type { Clause, CompiledRuleBody, Note, RuleContext } from './compile-rule.js';
import { compileRule } from './compile-rule.js';
import type { ChainKind } from './compile-rule.js';
import type { Cube, RequestSet, Space } from './request-set.js';
import { cubeSet, spaceOfCubes } from './request-set.js';
import type { Expr } from './dimensions.js';
import { atomExpr, atomsOf, not, or } from './dimensions.js';
import type { IdentityAtom } from './identity.js';
import { identityAtomKey, trustDomainBundle } from './identity.js';
import type { PolicyScope } from './scope.js';
import type { RuleRef } from './types.js';

/**
 * The policies of one destination compiled for one port: per inbound chain, every rule as
 * identity predicates plus request sets in one shared space, ready to be evaluated for many
 * callers. Destinations with the same policies, port and chain compile identically, which is
 * what the whole-graph evaluation shares (`classes.ts`).
 */

export interface CompiledClause {
  readonly identity: Expr<IdentityAtom>;
  readonly set: RequestSet;
}

export interface CompiledRule {
  readonly ref: RuleRef;
  readonly body: CompiledRuleBody;
  readonly from: readonly CompiledClause[] | null;
  readonly to: readonly CompiledClause[] | null;
  readonly when: readonly CompiledClause[];
  /** The same rule with every approximation reversed, to tell whether it changed an answer. */
  readonly opposite: Omit<CompiledRule, 'opposite'> | null;
}

export interface CompiledPolicy {
  readonly policy: AuthorizationPolicy;
  readonly action: AuthorizationAction;
  /** Empty for a policy without rules, which matches nothing (`rbacPolicyMatchNever`). */
  readonly rules: readonly CompiledRule[];
}

/** What the external authorizer of a CUSTOM policy amounts to, statically. */
export type CustomVerdict =
  /** ext_authz decides: unknown here, treated as "may deny". */
  | 'external'
  /** The provider is not in `meshConfig.extensionProviders`: matching requests are denied. */
  | 'unknown-provider'
  /** Several providers on one workload without the feature flag: matching requests are denied. */
  | 'multiple-providers';

export interface CompiledChain {
  readonly chain: ChainKind;
  readonly port: number;
  readonly space: Space;
  /** Every request this chain can see: `traffic` fixed, and no token without a RequestAuthentication. */
  readonly universe: RequestSet;
  /** A RequestAuthentication applies on an HTTP chain: a token the caller sends is validated. */
  readonly validatesTokens: boolean;
  readonly custom: readonly (CompiledPolicy & { readonly verdict: CustomVerdict })[];
  readonly deny: readonly CompiledPolicy[];
  readonly allow: readonly CompiledPolicy[];
  readonly audit: readonly CompiledPolicy[];
  /** Dry-run policies: shadow rules only, never enforced. */
  readonly dryRun: readonly AuthorizationPolicy[];
  /** Identity atoms any rule reads, by key: what tells callers apart. */
  readonly identityAtoms: ReadonlyMap<string, IdentityAtom>;
}

export interface CompiledPort {
  readonly port: number;
  readonly chain: Chain;
  /** One entry for `http` and `tcp` chains, both for `auto`; none for `none`. */
  readonly chains: readonly CompiledChain[];
}

export interface CompileOptions {
  readonly settings: MeshSettings;
  /** A RequestAuthentication applies: validated tokens can exist. */
  readonly requestAuthentication: boolean;
}

export function compilePort(
  scope: PolicyScope,
  port: number,
  chain: Chain,
  options: CompileOptions,
): CompiledPort {
  const kinds: ChainKind[] = chain === 'auto' ? ['http', 'tcp'] : chain === 'none' ? [] : [chain];
  return { port, chain, chains: kinds.map((kind) => compileChain(scope, port, kind, options)) };
}

function compileChain(
  scope: PolicyScope,
  port: number,
  chain: ChainKind,
  options: CompileOptions,
): CompiledChain {
  const bundle = trustDomainBundle(options.settings);
  // Dry-run policies are ALLOW or DENY only: the loader rejects the annotation on CUSTOM and
  // AUDIT as the validation webhook does (`checkDryRunAnnotation`).
  const policies = scope.enforced;
  const bodies = policies.map((policy) =>
    (policy.rules ?? []).map((rule, index) => {
      const context: RuleContext = {
        action: policy.action,
        chain,
        port,
        bundle,
        policyNamespace: policy.ref.namespace,
        substitute: 'failSafe',
      };
      const body = compileRule(rule, context);
      const opposite =
        body.approximated.length > 0
          ? compileRule(rule, { ...context, substitute: 'opposite' })
          : null;
      return { policy, index, body, opposite };
    }),
  );
  const universeCube = universeOf(chain, options.requestAuthentication);
  const cubes: Cube[] = [universeCube];
  for (const rules of bodies)
    for (const { body, opposite } of rules)
      for (const b of opposite ? [body, opposite] : [body])
        cubes.push(...clausesOf(b).map((c) => c.cube));
  const space = spaceOfCubes(cubes);
  const identityAtoms = new Map<string, IdentityAtom>();
  const compiled = policies.map((policy, p): CompiledPolicy => ({
    policy,
    action: policy.action,
    rules: (bodies[p] ?? []).map(({ index, body, opposite }) => {
      for (const clause of clausesOf(body))
        for (const atom of atomsOf(clause.identity)) identityAtoms.set(identityAtomKey(atom), atom);
      const ref: RuleRef = {
        policy: policy.ref,
        action: policy.action,
        rule: index,
        at: policy.rules?.[index]?.at ?? policy.source,
      };
      const rule = bind(space, ref, body);
      return { ...rule, opposite: opposite ? bind(space, ref, opposite) : null };
    }),
  }));
  const byAction = (action: AuthorizationAction): CompiledPolicy[] =>
    compiled.filter((c) => c.action === action);
  return {
    chain,
    port,
    space,
    universe: cubeSet(space, universeCube),
    validatesTokens: chain === 'http' && options.requestAuthentication,
    custom: customVerdicts(byAction('CUSTOM'), options.settings),
    deny: byAction('DENY'),
    allow: byAction('ALLOW'),
    audit: byAction('AUDIT'),
    dryRun: scope.dryRun,
    identityAtoms,
  };
}

/** Every request of a port's chains, with nothing else constrained: what an unenforced port allows. */
export function openSet(chain: Chain): RequestSet {
  const kinds: ChainKind[] =
    chain === 'http' ? ['http'] : chain === 'tcp' ? ['tcp'] : ['http', 'tcp'];
  const cube: Cube = new Map([
    ['traffic', or(kinds.map((value) => atomExpr({ kind: 'traffic' as const, value })))],
  ]);
  return cubeSet(spaceOfCubes([cube]), cube);
}

function universeOf(chain: ChainKind, requestAuthentication: boolean): Cube {
  const cube = new Map<string, Expr>([['traffic', atomExpr({ kind: 'traffic', value: chain })]]);
  // Without a RequestAuthentication no token is ever validated, so `requestPrincipals` and
  // `request.auth.*` see none (`istio-semantics.md` §5).
  if (chain === 'http' && !requestAuthentication) cube.set('jwt', not(atomExpr({ kind: 'token' })));
  return cube;
}

function clausesOf(body: CompiledRuleBody): Clause[] {
  return [...(body.from ?? []), ...(body.to ?? []), ...body.when];
}

function bind(space: Space, ref: RuleRef, body: CompiledRuleBody): Omit<CompiledRule, 'opposite'> {
  const clause = (c: Clause): CompiledClause => ({
    identity: c.identity,
    set: cubeSet(space, c.cube),
  });
  return {
    ref,
    body,
    from: body.from && body.from.map(clause),
    to: body.to && body.to.map(clause),
    when: body.when.map(clause),
  };
}

/**
 * CUSTOM verdicts (`builder.go`): a provider missing from `meshConfig.extensionProviders` makes
 * the matching requests fail closed, and so do several providers on one workload while
 * `PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS` is off (its default). When the manifests do not
 * say which providers exist, a provider cannot be called missing.
 */
function customVerdicts(
  policies: readonly CompiledPolicy[],
  settings: MeshSettings,
): (CompiledPolicy & { verdict: CustomVerdict })[] {
  const providers = new Set(policies.map((p) => p.policy.provider?.value ?? ''));
  const known = settings.extensionProviders.origin !== 'default';
  return policies.map((policy) => {
    const name = policy.policy.provider?.value ?? '';
    let verdict: CustomVerdict = 'external';
    if (providers.size > 1) verdict = 'multiple-providers';
    else if (known && !settings.extensionProviders.value.includes(name))
      verdict = 'unknown-provider';
    return { ...policy, verdict };
  });
}

export type { Note };
