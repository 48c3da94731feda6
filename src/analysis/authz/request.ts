import type {
  AuthorizationPolicy,
  AuthorizationRule,
  Condition,
  MatchField,
  OperationMatch,
  SourceMatch,
} from '../model/istio.js';
import type { MeshSettings } from '../model/mesh-settings.js';
import type { PeerIdentity } from '../topology/callers.js';
import type { IdentityAtom } from './identity.js';
import {
  expandTrustDomain,
  rewritePrincipal,
  testIdentityAtom,
  trustDomainBundle,
} from './identity.js';
import {
  claimAt,
  claimValue,
  field,
  headerValue,
  inCidr,
  pathMatches,
  requestPrincipal,
  serviceAccount,
  stringValue,
} from './request-match.js';
import type { RuleRef } from './types.js';

/**
 * One concrete request evaluated rule by rule, the way Envoy's RBAC filters would see it: the
 * independent reference the symbolic engine is property-tested against, and the answer to
 * `explain` for a fully specified request. It shares only identity matching with the symbolic
 * engine (identities are concrete there too); every request attribute is matched here with its
 * own code.
 */

export interface ConcreteRequest {
  readonly traffic: 'http' | 'tcp';
  readonly method?: string;
  readonly path?: string;
  readonly host?: string;
  /** Header names lower-case. */
  readonly headers?: Readonly<Record<string, string>>;
  /** A validated token (`null`: none). Claim values may be lists. */
  readonly jwt?: {
    readonly iss: string;
    readonly sub?: string;
    readonly aud?: string | readonly string[];
    readonly azp?: string;
    readonly claims?: Readonly<Record<string, unknown>>;
  } | null;
  readonly sourceIp?: string;
  readonly remoteIp?: string;
  readonly destinationIp?: string;
  readonly sni?: string | null;
}

export interface ConcreteContext {
  readonly settings: MeshSettings;
  readonly port: number;
  /** The policies the workload enforces, CUSTOM included. */
  readonly policies: readonly AuthorizationPolicy[];
}

export type ConcreteDecision = 'allow' | 'deny' | 'custom';

export interface ConcreteResult {
  readonly decision: ConcreteDecision;
  readonly custom: readonly RuleRef[];
  readonly deny: readonly RuleRef[];
  readonly allow: readonly RuleRef[];
  readonly audit: readonly RuleRef[];
}

export function evaluateRequest(
  context: ConcreteContext,
  peer: PeerIdentity | null,
  request: ConcreteRequest,
): ConcreteResult {
  const matching = (action: AuthorizationPolicy['action']): RuleRef[] =>
    context.policies
      .filter((p) => p.action === action)
      .flatMap((policy) =>
        (policy.rules ?? []).flatMap((rule, index) =>
          ruleMatches(rule, policy, context, peer, request)
            ? [{ policy: policy.ref, action, rule: index, at: rule.at }]
            : [],
        ),
      );
  const custom = matching('CUSTOM');
  const deny = matching('DENY');
  const allow = matching('ALLOW');
  const audit = matching('AUDIT');
  const hasAllow = context.policies.some((p) => p.action === 'ALLOW');
  const decision: ConcreteDecision =
    custom.length > 0
      ? 'custom'
      : deny.length > 0
        ? 'deny'
        : !hasAllow || allow.length > 0
          ? 'allow'
          : 'deny';
  return { decision, custom, deny, allow, audit };
}

/** `undefined` from a matcher means "this field cannot be built for the chain". */
type Tri = boolean | undefined;

function ruleMatches(
  rule: AuthorizationRule,
  policy: AuthorizationPolicy,
  context: ConcreteContext,
  peer: PeerIdentity | null,
  request: ConcreteRequest,
): boolean {
  const allow = policy.action === 'ALLOW';
  const parts: Tri[] = [];
  const sources = (rule.from ?? [null]).map((s) =>
    s === null ? [] : sourceChecks(s, policy, context, peer, request),
  );
  const operations = (rule.to ?? [null]).map((o) =>
    o === null ? [] : operationChecks(o, context, request),
  );
  const conditions = (rule.when ?? []).map((c) =>
    conditionCheck(c, policy, context, peer, request),
  );
  // An ALLOW rule with any field the chain cannot build is dropped whole; DENY, AUDIT and CUSTOM
  // drop just that field (`checkError` in model.go).
  const all = [...sources.flat(), ...operations.flat(), ...conditions];
  if (allow && all.some((p) => p === undefined)) return false;
  const holds = (checks: Tri[]): boolean => checks.every((c) => c !== false);
  parts.push(
    sources.some(holds),
    operations.some(holds),
    conditions.every((c) => c !== false),
  );
  return parts.every((p) => p === true);
}

function sourceChecks(
  source: SourceMatch,
  policy: AuthorizationPolicy,
  context: ConcreteContext,
  peer: PeerIdentity | null,
  request: ConcreteRequest,
): Tri[] {
  const bundle = trustDomainBundle(context.settings);
  const id = (atoms: (v: string) => IdentityAtom[]) => (v: string) =>
    atoms(v).some((a) => testIdentityAtom(a, peer));
  const checks: Tri[] = [
    field(
      source.principals,
      source.notPrincipals,
      id((v) => rewritePrincipal(v, bundle).map((pattern) => ({ kind: 'principal', pattern }))),
    ),
    field(
      source.namespaces,
      source.notNamespaces,
      id((v) => [{ kind: 'namespace', pattern: v }]),
    ),
    field(
      source.serviceAccounts,
      source.notServiceAccounts,
      id((v) => [serviceAccount(v, policy.ref.namespace)]),
    ),
    field(
      source.trustDomains,
      source.notTrustDomains,
      id((v) => expandTrustDomain(v, bundle).map((pattern) => ({ kind: 'trustDomain', pattern }))),
    ),
    field(source.ipBlocks, source.notIpBlocks, (v) => inCidr(v, request.sourceIp)),
    field(source.remoteIpBlocks, source.notRemoteIpBlocks, (v) => inCidr(v, request.remoteIp)),
  ];
  if (source.requestPrincipals || source.notRequestPrincipals)
    checks.push(
      request.traffic === 'tcp'
        ? undefined
        : field(source.requestPrincipals, source.notRequestPrincipals, (v) =>
            requestPrincipal(v, request),
          ),
    );
  return checks;
}

function operationChecks(
  operation: OperationMatch,
  context: ConcreteContext,
  request: ConcreteRequest,
): Tri[] {
  const checks: Tri[] = [
    field(operation.ports, operation.notPorts, (v) => Number(v) === context.port),
  ];
  const http: [MatchField | undefined, MatchField | undefined, (v: string) => boolean][] = [
    [operation.hosts, operation.notHosts, (v) => headerValue(v, request.host, true)],
    [operation.methods, operation.notMethods, (v) => headerValue(v, request.method, false)],
    [operation.paths, operation.notPaths, (v) => pathMatches(v, request.path)],
  ];
  for (const [values, notValues, test] of http)
    if (values || notValues)
      checks.push(request.traffic === 'tcp' ? undefined : field(values, notValues, test));
  return checks;
}

function conditionCheck(
  condition: Condition,
  policy: AuthorizationPolicy,
  context: ConcreteContext,
  peer: PeerIdentity | null,
  request: ConcreteRequest,
): Tri {
  const key = condition.key.value;
  if (key.startsWith('request.') && request.traffic === 'tcp') return undefined;
  const values = condition.values?.map((v) => v.value) ?? [];
  const notValues = condition.notValues?.map((v) => v.value) ?? [];
  const bundle = trustDomainBundle(context.settings);
  const check = (test: (v: string) => boolean): boolean =>
    (values.length === 0 || values.some(test)) && !notValues.some(test);
  const id = (atoms: (v: string) => IdentityAtom[]): boolean =>
    check((v) => atoms(v).some((a) => testIdentityAtom(a, peer)));
  switch (key) {
    case 'source.ip':
      return check((v) => inCidr(v, request.sourceIp));
    case 'remote.ip':
      return check((v) => inCidr(v, request.remoteIp));
    case 'destination.ip':
      return check((v) => inCidr(v, request.destinationIp));
    case 'destination.port':
      return check((v) => Number(v) === context.port);
    case 'source.namespace':
      return id((v) => [{ kind: 'namespace', pattern: v }]);
    case 'source.principal':
      return id((v) =>
        rewritePrincipal(v, bundle).map((pattern) => ({ kind: 'principal', pattern })),
      );
    case 'source.serviceAccount':
      return id((v) => [serviceAccount(v, policy.ref.namespace)]);
    case 'source.trustDomain':
      return id((v) =>
        expandTrustDomain(v, bundle).map((pattern) => ({ kind: 'trustDomain', pattern })),
      );
    case 'connection.sni':
      return check((v) => stringValue(v, request.sni ?? undefined));
    case 'request.auth.principal':
      return check((v) => requestPrincipal(v, request));
    case 'request.auth.presenter':
      return check((v) => claimValue(v, request.jwt ? request.jwt.azp : undefined));
    case 'request.auth.audiences':
      return check((v) => claimValue(v, request.jwt ? request.jwt.aud : undefined));
  }
  if (key.startsWith('request.headers['))
    return check((v) => headerValue(v, request.headers?.[key.slice(16, -1).toLowerCase()], false));
  if (key.startsWith('request.auth.claims[')) {
    const path = [...key.slice(19).matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? '');
    return check((v) => claimValue(v, claimAt(request, path)));
  }
  // `experimental.envoy.filters.*` reads dynamic metadata no request here carries.
  return check(() => false);
}
