import type { Finding } from '../findings/finding.js';
import type { ClientTlsSettings, DestinationRule } from '../model/istio.js';
import { ruleHostMatches } from './destination-rule-index.js';
import type { MtlsInternals } from './evaluate.js';
import { mtlsFinding, subjectOf } from './finding.js';
import { classRepresentatives } from './findings-edges.js';
import { quote } from '../findings/quote.js';

/**
 * `credentialName` without `workloadSelector` (§2.1, `buildUpstreamClusterTLSContext`): sidecars
 * build no TLS context and send plaintext. Reported when a sidecar client of the manifests would
 * use the rule for some known host, Service or ServiceEntry; gateways use such rules as written.
 */
export function credentialFindings(internals: MtlsInternals, side: 'base' | 'head'): Finding[] {
  const clients = classRepresentatives(internals)
    .map((r) => ({ id: r.caller.id, context: internals.context(r.caller) }))
    .filter((c) => c.context.kind === 'sidecar');
  const out: Finding[] = [];
  for (const rule of internals.mesh.destinationRules) {
    const block = ignoredCredential(rule);
    if (block === null) continue;
    const host = internals.destinationRules.resolvedHost(rule);
    const user = findUser(internals, rule, host, clients);
    if (user === null) continue;
    out.push(
      mtlsFinding(
        'MG106',
        { host: user.host, client: quote(user.client) },
        { at: block.at, side, subject: subjectOf(rule.ref), ref: rule.ref },
      ),
    );
  }
  return out;
}

function ignoredCredential(rule: DestinationRule): ClientTlsSettings | null {
  if (rule.workloadSelector !== null || rule.trafficPolicy === null) return null;
  const blocks = [
    rule.trafficPolicy.tls,
    ...rule.trafficPolicy.portLevelSettings.map((p) => p.tls),
  ];
  return (
    blocks.find(
      (tls): tls is ClientTlsSettings =>
        tls !== null &&
        (tls.mode === 'SIMPLE' || tls.mode === 'MUTUAL') &&
        tls.credentialName !== null &&
        !tls.credentialName.startsWith('configmap://'),
    ) ?? null
  );
}

function findUser(
  internals: MtlsInternals,
  rule: DestinationRule,
  host: string,
  clients: readonly { id: string; context: ReturnType<MtlsInternals['context']> }[],
): { client: string; host: string } | null {
  for (const entry of internals.hosts.all) {
    if (!ruleHostMatches(host, entry.host)) continue;
    for (const client of clients) {
      const { namespace, labels } = client.context;
      const chosen = internals.destinationRules.lookup(
        namespace,
        labels,
        entry.host,
        entry.namespace,
      ).chosen;
      if (chosen?.trafficPolicyFrom === rule) return { client: client.id, host: entry.host };
    }
  }
  return null;
}
