import { isAddedByChange } from '../model/age.js';
import type { Finding } from '../findings/finding.js';
import type { ClientTlsSettings, DestinationRule, PeerAuthentication } from '../model/istio.js';
import { formatRef } from '../model/source.js';
import { selects } from '../topology/index.js';
import type { WorkloadNode } from '../topology/index.js';
import { ANY_NAMESPACE } from './client-class.js';
import { ruleHostMatches } from './destination-rule-index.js';
import type { MtlsInternals } from './evaluate.js';
import { mtlsFinding, subjectOf } from './finding.js';
import { hasSelector, sameAge } from './peer-authentication-index.js';
import type { LevelPick } from './peer-authentication-index.js';
import { quote } from '../findings/quote.js';

/**
 * Findings about policies as written, visible on one side without looking at edges: ignored,
 * conflicting or empty selections, keys that miss, and rules that hide other rules.
 */
export function policyFindings(internals: MtlsInternals, side: 'base' | 'head'): Finding[] {
  return [
    ...rootSelectors(internals, side),
    ...conflicts(internals, side),
    ...emptySelections(internals, side),
    ...unknownPorts(internals, side),
    ...undeclaredNamespaces(internals, side),
    ...tlsWithoutMode(internals, side),
    ...selectorShadows(internals, side),
  ];
}

function rootSelectors(internals: MtlsInternals, side: 'base' | 'head'): Finding[] {
  return internals.peerAuthentications.ignoredRootSelectors.map((policy) =>
    mtlsFinding(
      'MG107',
      { namespace: policy.ref.namespace, name: policy.ref.name },
      {
        at: policy.selector?.at ?? policy.source,
        side,
        subject: subjectOf(policy.ref),
        ref: policy.ref,
      },
    ),
  );
}

function conflicts(internals: MtlsInternals, side: 'base' | 'head'): Finding[] {
  const index = internals.peerAuthentications;
  const out: Finding[] = [];
  const report = (pick: LevelPick | null, level: string) => {
    for (const loser of pick?.ignored ?? []) {
      if (pick === null) continue;
      out.push(conflictFinding(loser, pick.chosen, level, side));
    }
  };
  report(index.mesh, 'mesh-wide');
  for (const namespace of index.namespacesWithPolicy)
    report(index.namespacePolicy(namespace), 'namespace-wide');
  const seen = new Set<PeerAuthentication>();
  for (const workload of internals.topology.workloads) {
    const { workloadPolicy, ignoredWorkloadPolicies } = internals.composition(workload);
    for (const loser of ignoredWorkloadPolicies) {
      if (workloadPolicy === null || seen.has(loser)) continue;
      seen.add(loser);
      out.push(conflictFinding(loser, workloadPolicy, `workload (${workload.id})`, side));
    }
  }
  return out;
}

function conflictFinding(
  loser: PeerAuthentication,
  winner: PeerAuthentication,
  level: string,
  side: 'base' | 'head',
): Finding {
  const why = sameAge(loser, winner)
    ? 'no creationTimestamp tells them apart, so the name order decides'
    : isAddedByChange(loser)
      ? 'it already exists, and this one is added by the change, so it is newer'
      : 'it is older';
  return mtlsFinding(
    'MG108',
    { level, winner: `${winner.ref.namespace}/${winner.ref.name}`, why },
    { at: loser.modeAt, side, subject: subjectOf(loser.ref), ref: loser.ref },
  );
}

function emptySelections(internals: MtlsInternals, side: 'base' | 'head'): Finding[] {
  const { mesh } = internals;
  const root = mesh.settings.rootNamespace.value;
  const byNamespace = workloadsByNamespace(internals);
  const selectsAny = (namespace: string, labels: Record<string, string>) =>
    (byNamespace.get(namespace) ?? []).some((w) => selects(labels, internals.labels(w)));
  const out: Finding[] = [];
  for (const policy of mesh.peerAuthentications) {
    if (!hasSelector(policy) || policy.ref.namespace === root) continue;
    if (!selectsAny(policy.ref.namespace, policy.selector?.matchLabels ?? {}))
      out.push(
        emptyFinding(policy, 'PeerAuthentication', policy.selector?.at ?? policy.source, side),
      );
  }
  for (const rule of mesh.destinationRules) {
    const selector = rule.workloadSelector;
    if (selector === null || selectsAny(rule.ref.namespace, selector.matchLabels)) continue;
    out.push(emptyFinding(rule, 'DestinationRule', selector.at, side));
  }
  return out;
}

function emptyFinding(
  object: PeerAuthentication | DestinationRule,
  kind: string,
  at: PeerAuthentication['source'],
  side: 'base' | 'head',
): Finding {
  return mtlsFinding(
    'MG109',
    { kind, namespace: object.ref.namespace },
    { at, side, subject: subjectOf(object.ref), ref: object.ref },
  );
}

function unknownPorts(internals: MtlsInternals, side: 'base' | 'head'): Finding[] {
  const out: Finding[] = [];
  const byNamespace = workloadsByNamespace(internals);
  for (const policy of internals.mesh.peerAuthentications) {
    if (!hasSelector(policy) || policy.portLevelMtls.length === 0) continue;
    const selected = (byNamespace.get(policy.ref.namespace) ?? []).filter((w) =>
      selects(policy.selector?.matchLabels ?? {}, internals.labels(w)),
    );
    if (selected.length === 0) continue;
    for (const entry of policy.portLevelMtls) {
      if (selected.some((w) => w.ports.some((p) => p.port === entry.port))) continue;
      const exposure = selected
        .flatMap((w) => w.ports.flatMap((p) => p.exposedBy.map((e) => ({ e, target: p.port }))))
        .find(({ e }) => e.servicePort === entry.port);
      const hint = exposure
        ? `; it is the Service port of ${quote(`${exposure.e.service.namespace}/${exposure.e.service.name}`)}, whose target port is ${exposure.target}`
        : '';
      out.push(
        mtlsFinding(
          'MG110',
          { port: entry.port, hint },
          {
            at: entry.portAt,
            side,
            subject: `${subjectOf(policy.ref)}:${entry.port}`,
            ref: policy.ref,
          },
        ),
      );
    }
  }
  return out;
}

function undeclaredNamespaces(internals: MtlsInternals, side: 'base' | 'head'): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const workload of internals.topology.workloads) {
    if (internals.topology.namespaceObjects.has(workload.namespace) || seen.has(workload.namespace))
      continue;
    seen.add(workload.namespace);
    out.push(
      mtlsFinding(
        'MG114',
        { namespace: workload.namespace },
        { at: workload.workload.source, side, subject: `Namespace/${workload.namespace}` },
      ),
    );
  }
  return out;
}

function tlsWithoutMode(internals: MtlsInternals, side: 'base' | 'head'): Finding[] {
  const out: Finding[] = [];
  for (const rule of internals.mesh.destinationRules) {
    const blocks: ClientTlsSettings[] = [];
    const policies = [rule.trafficPolicy, ...rule.subsets.map((s) => s.trafficPolicy)];
    for (const policy of policies) {
      if (policy?.tls) blocks.push(policy.tls);
      for (const port of policy?.portLevelSettings ?? []) if (port.tls) blocks.push(port.tls);
    }
    for (const tls of blocks.filter((t) => !t.modeWritten)) {
      out.push(
        mtlsFinding(
          'MG116',
          { host: internals.destinationRules.resolvedHost(rule) },
          { at: tls.at, side, subject: `${subjectOf(rule.ref)}@${tls.at.line}`, ref: rule.ref },
        ),
      );
    }
  }
  return out;
}

/**
 * A selector rule that wins the client-namespace step for a host leaves the namespace's other
 * clients with no rule, while clients elsewhere get one: report it where it hides something.
 */
function selectorShadows(internals: MtlsInternals, side: 'base' | 'head'): Finding[] {
  const out: Finding[] = [];
  const reported = new Set<DestinationRule>();
  const byNamespace = workloadsByNamespace(internals);
  for (const rule of internals.mesh.destinationRules) {
    const selector = rule.workloadSelector;
    if (selector === null || reported.has(rule)) continue;
    // Only a client that is left out is hurt: when the rule selects every workload of its
    // namespace, nothing in the manifests loses a DestinationRule.
    const leftOut = (byNamespace.get(rule.ref.namespace) ?? []).some(
      (w) => !selects(selector.matchLabels, internals.labels(w)),
    );
    if (!leftOut) continue;
    const host = internals.destinationRules.resolvedHost(rule);
    for (const entry of internals.hosts.all) {
      if (!ruleHostMatches(host, entry.host)) continue;
      const here = internals.destinationRules.lookup(
        rule.ref.namespace,
        {},
        entry.host,
        entry.namespace,
      );
      if (here.chosen !== null || !here.found.some((g) => g.members.includes(rule))) continue;
      const elsewhere = internals.destinationRules.lookup(
        ANY_NAMESPACE,
        {},
        entry.host,
        entry.namespace,
      );
      const hidden = elsewhere.chosen;
      if (hidden === null) continue;
      reported.add(rule);
      out.push(
        mtlsFinding(
          'MG113',
          {
            host: entry.host,
            namespace: rule.ref.namespace,
            shadowed: quote(formatRef(hidden.first.ref)),
          },
          { at: rule.host.at, side, subject: subjectOf(rule.ref), ref: rule.ref },
        ),
      );
      break;
    }
  }
  return out;
}

function workloadsByNamespace(internals: MtlsInternals): Map<string, WorkloadNode[]> {
  const byNamespace = new Map<string, WorkloadNode[]>();
  for (const w of internals.topology.workloads) {
    const list = byNamespace.get(w.namespace);
    if (list) list.push(w);
    else byNamespace.set(w.namespace, [w]);
  }
  return byNamespace;
}
