import type { Code, MessageParams } from '../findings/catalogue.js';
import type { Finding } from '../findings/finding.js';
import type { AuthorizationPolicy, AuthorizationRule } from '../model/istio.js';
import type { Labels } from '../model/kubernetes.js';
import type { Mesh } from '../model/mesh.js';
import type { Source } from '../model/source.js';
import { compareSources, compareText } from '../model/source.js';
import type { Dataplane } from '../mtls/types.js';
import type { Caller, PeerIdentity } from '../topology/callers.js';
import { UNAUTHENTICATED } from '../topology/callers.js';
import { destinationInScope } from '../topology/index.js';
import type { ChangeScope, Topology, WorkloadNode } from '../topology/index.js';
import type { CompiledChain, CompiledRule } from './compile.js';
import { ruleSet } from './decide.js';
import { createAuthzEngine } from './evaluate.js';
import type { FindingSide } from './findings-policy.js';
import { finding, policyFindings } from './findings-policy.js';
import { isEmpty } from './request-set.js';
import { quote } from '../findings/quote.js';

/** One side of a change, as the authorization findings need it. */
export interface AuthzSide {
  readonly side: FindingSide;
  readonly mesh: Mesh;
  readonly topology: Topology;
  /**
   * What the server learns from `caller` on `workload:port` (from the mTLS engine's transport):
   * an identity over Istio mTLS, `null` for plaintext, `'rejected'` when the connection never
   * reaches authorization (a STRICT port, broken TLS).
   */
  readonly peerOf: (
    caller: Caller,
    workload: WorkloadNode,
    port: number,
  ) => PeerIdentity | null | 'rejected';
  /** The mTLS engine's data-plane answer; every workload has a sidecar when not given. */
  readonly dataplaneOf?: (workload: WorkloadNode) => Dataplane;
  /** The labels selectors see (pod labels plus injected ones); pod labels when not given. */
  readonly labelsOf?: (workload: WorkloadNode) => Labels;
  /** Only these destinations' ports are examined (both sides of a diff use the same scope). */
  readonly scope?: ChangeScope;
}

const UNAUTHENTICATED_CALLER: Caller = { kind: 'unauthenticated', id: UNAUTHENTICATED };
const POSITIVE_IDENTITY = ['principals', 'namespaces', 'serviceAccounts', 'trustDomains'] as const;
const NEGATIVE_IDENTITY = [
  'notPrincipals',
  'notNamespaces',
  'notServiceAccounts',
  'notTrustDomains',
] as const;
const IDENTITY_KEYS = [
  'source.principal',
  'source.namespace',
  'source.serviceAccount',
  'source.trustDomain',
];

/** MG2xx findings for one side, sorted by file and line. */
export function authzFindings(side: AuthzSide): Finding[] {
  const out: Finding[] = [];
  for (const policy of side.mesh.authorizationPolicies)
    out.push(...policyFindings(policy, side.topology, side.side, labelsOf(side)));
  out.push(...workloadFindings(side));
  const unique = [...new Map(out.map((f) => [f.id, f])).values()];
  return unique.sort((a, b) => compareSources(a.at, b.at) || compareText(a.id, b.id));
}

function labelsOf(side: AuthzSide): (workload: WorkloadNode) => Labels {
  return side.labelsOf ?? ((workload) => workload.workload.podLabels);
}

/** A finding per rule, listing the workload ports it affects. */
interface Aggregate {
  readonly key: string;
  readonly make: (ports: string) => Finding;
}

function workloadFindings(side: AuthzSide): Finding[] {
  const engine = createAuthzEngine(side.mesh, {
    ...(side.dataplaneOf ? { dataplaneOf: side.dataplaneOf } : {}),
    labelsOf: labelsOf(side),
  });
  const aggregates = new Map<string, { make: Aggregate['make']; ports: string[] }>();
  const singles: Finding[] = [];
  const note = (a: Aggregate, port: string): void => {
    const found = aggregates.get(a.key) ?? { make: a.make, ports: [] };
    if (!found.ports.includes(port)) found.ports.push(port);
    aggregates.set(a.key, found);
  };
  for (const workload of side.topology.workloads) {
    if (side.scope !== undefined && !destinationInScope(side.scope, workload.id)) continue;
    const destination = engine.destination(workload);
    const applied = destination.scope.enforced;
    if (destination.dataplane === 'AMBIENT' && applied.length > 0)
      singles.push(
        finding(
          'MG216',
          { workload: workload.id },
          applied[0]?.source ?? workload.workload.source,
          side.side,
          undefined,
          workload.id,
        ),
      );
    if (destination.dataplane !== 'SIDECAR') continue;
    singles.push(
      ...customFindings(
        workload,
        applied,
        engine.settings.extensionProviders.value,
        engine.settings.extensionProviders.origin !== 'default',
        side.side,
      ),
    );
    for (const port of workload.ports) {
      const compiled = engine.port(destination, port);
      if (compiled === null) continue;
      const where = `port ${quote(port.port)} of ${quote(workload.id)}`;
      const plaintext = side.peerOf(UNAUTHENTICATED_CALLER, workload, port.port) === null;
      for (const chain of compiled.chains)
        for (const policy of [...chain.allow, ...chain.deny, ...chain.audit, ...chain.custom])
          for (const rule of policy.rules) {
            const raw = policy.policy.rules?.[rule.ref.rule ?? -1];
            if (raw === undefined) continue;
            ruleFindings(
              rule,
              raw,
              policy.policy,
              chain,
              plaintext,
              destination.requestAuthentication,
              workload,
              side.side,
            ).forEach((a) => note(a, where));
          }
    }
  }
  for (const a of aggregates.values()) {
    const ports =
      a.ports.length === 1
        ? (a.ports[0] ?? '')
        : `${a.ports[0] ?? ''} and ${a.ports.length - 1} more`;
    singles.push(a.make(ports));
  }
  return singles;
}

function ruleFindings(
  rule: CompiledRule,
  raw: AuthorizationRule,
  policy: AuthorizationPolicy,
  chain: CompiledChain,
  plaintext: boolean,
  requestAuthentication: boolean,
  workload: WorkloadNode,
  side: FindingSide,
): Aggregate[] {
  const out: Aggregate[] = [];
  const add = <C extends Code>(
    code: C,
    subject: string,
    at: Source,
    params: (ports: string) => MessageParams<C>,
  ): void => {
    out.push({
      key: `${code}:${policy.ref.namespace}/${policy.ref.name}:${subject}`,
      make: (ports) => finding(code, params(ports), at, side, policy.ref, subject),
    });
  };
  const index = rule.ref.rule ?? 0;
  const first = rule.body.skipped?.fields[0] ?? rule.body.droppedOnTcp[0];
  // A rule whose `ports` or `destination.port` exclude this port never applies here anyway.
  if (chain.chain === 'tcp' && first !== undefined && portApplies(raw, chain.port)) {
    if (rule.body.skipped !== null)
      add('MG203', `rules[${index}]`, first.at, (ports) => ({ field: first.field, ports }));
    else if (policy.action !== 'AUDIT')
      add('MG204', `rules[${index}]`, first.at, (ports) => ({
        action: policy.action,
        field: first.field,
        ports,
      }));
  }
  for (const approx of rule.body.approximated)
    add('MG215', `rules[${index}]:${approx.field}`, approx.at, () => ({
      key: approx.field,
      effect:
        policy.action === 'ALLOW' ? 'the condition never holds' : 'the condition always holds',
    }));
  if (plaintext && rule.body.skipped === null) {
    const positive = identityFields(raw, POSITIVE_IDENTITY, false);
    const negative = identityFields(raw, NEGATIVE_IDENTITY, true);
    if (policy.action === 'DENY' && positive[0] !== undefined) {
      const field = positive[0];
      add('MG205', `rules[${index}]`, field.at, (ports) => ({ field: field.name, ports }));
    }
    // Only when the rule really matches a caller without identity (its other parts allow it).
    if (
      policy.action === 'ALLOW' &&
      negative[0] !== undefined &&
      !isEmpty(ruleSet(rule, () => false, chain.universe))
    ) {
      const field = negative[0];
      add('MG206', `rules[${index}]`, field.at, (ports) => ({ field: field.name, ports }));
    }
  }
  if (!requestAuthentication && chain.chain === 'http') {
    const jwt = jwtField(raw);
    if (jwt !== null)
      add('MG217', `rules[${index}]:${workload.id}`, jwt.at, () => ({
        field: jwt.name,
        workload: workload.id,
        effect: jwt.negative ? 'the negative match always holds' : 'it never matches',
      }));
  }
  return out;
}

function portApplies(rule: AuthorizationRule, port: number): boolean {
  const listed = (values: readonly { value: string }[] | undefined | null): boolean =>
    (values ?? []).some((v) => Number(v.value) === port);
  const to =
    rule.to === null ||
    rule.to.some(
      (o) =>
        (o.ports === undefined || listed(o.ports.values)) &&
        (o.notPorts === undefined || !listed(o.notPorts.values)),
    );
  const when = (rule.when ?? [])
    .filter((c) => c.key.value === 'destination.port')
    .every((c) => (c.values === null || listed(c.values)) && !listed(c.notValues));
  return to && when;
}

interface NamedField {
  readonly name: string;
  readonly at: Source;
}

function identityFields(
  rule: AuthorizationRule,
  names: readonly string[],
  negative: boolean,
): NamedField[] {
  const out: NamedField[] = [];
  for (const source of rule.from ?? [])
    for (const name of names) {
      const field = source[name as keyof typeof source];
      if (field !== undefined && 'values' in field) out.push({ name, at: field.at });
    }
  for (const condition of rule.when ?? []) {
    if (!IDENTITY_KEYS.includes(condition.key.value)) continue;
    if (negative ? condition.notValues : condition.values)
      out.push({ name: condition.key.value, at: condition.key.at });
  }
  return out;
}

function jwtField(rule: AuthorizationRule): (NamedField & { negative: boolean }) | null {
  for (const source of rule.from ?? []) {
    if (source.requestPrincipals)
      return { name: 'requestPrincipals', at: source.requestPrincipals.at, negative: false };
    if (source.notRequestPrincipals)
      return { name: 'notRequestPrincipals', at: source.notRequestPrincipals.at, negative: true };
  }
  for (const condition of rule.when ?? [])
    if (condition.key.value.startsWith('request.auth.'))
      return {
        name: condition.key.value,
        at: condition.key.at,
        negative: condition.values === null,
      };
  return null;
}

function customFindings(
  workload: WorkloadNode,
  policies: readonly AuthorizationPolicy[],
  providers: readonly string[],
  known: boolean,
  side: FindingSide,
): Finding[] {
  const custom = policies.filter((p) => p.action === 'CUSTOM');
  const names = [...new Set(custom.map((p) => p.provider?.value ?? ''))].sort();
  const out: Finding[] = [];
  if (names.length > 1 && custom[0] !== undefined)
    out.push(
      finding(
        'MG210',
        { workload: workload.id, providers: names.map((n) => quote(n)).join(', ') },
        custom[0].actionAt,
        side,
        custom[0].ref,
        workload.id,
      ),
    );
  if (known)
    for (const policy of custom) {
      const name = policy.provider?.value ?? '';
      if (!providers.includes(name))
        out.push(
          finding(
            'MG209',
            { provider: name },
            policy.provider?.at ?? policy.actionAt,
            side,
            policy.ref,
            'provider',
          ),
        );
    }
  return out;
}

export type { FindingSide };
