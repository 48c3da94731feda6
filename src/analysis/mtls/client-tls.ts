import type { ClientTlsSettings, TrafficPolicy } from '../model/istio.js';
import { formatRef } from '../model/source.js';
import { selects } from '../topology/index.js';
import type { WorkloadNode } from '../topology/index.js';
import { autoMtls } from './auto-mtls.js';
import type { ClientContext } from './client-class.js';
import { fromZtunnel, outsideScope } from './client-scope.js';
import { NO_PROXY, side } from './client-side.js';
import type { ClientSide, ClientTlsDeps } from './client-side.js';
import type { DestinationRuleGroup, DestinationRuleLookup } from './destination-rule-index.js';
import { noteEvidence, objectEvidence } from './evidence.js';
import type { Exposure } from './hosts.js';
import { hostVisibleTo } from './hosts.js';
import type { Evidence } from './types.js';
import { quote } from '../findings/quote.js';

export type { ClientSide, ClientTlsDeps } from './client-side.js';

/** The client-side decisions that do not depend on the server workload, for one host port. */
export interface Resolution {
  /** Equal keys give equal client sides for the same server port and exposure. */
  readonly key: string;
  readonly context: ClientContext;
  /** Decided without looking at the server (no proxy, or outside the client's scope). */
  readonly decided: ClientSide | null;
  readonly lookup: DestinationRuleLookup | null;
}

export function resolveClient(
  context: ClientContext,
  exposure: Exposure | null,
  deps: ClientTlsDeps,
  groupId: (group: DestinationRuleGroup) => number,
): Resolution {
  if (context.kind === 'plaintext')
    return { key: 'plaintext', context, decided: NO_PROXY, lookup: null };
  if (context.kind === 'ambient') return { key: 'ambient', context, decided: null, lookup: null };
  const outside = outsideScope(context, exposure, deps);
  if (outside !== null || exposure === null) {
    // The outcome depends on the Sidecar in effect and the policy; the exposure is keyed apart.
    const sidecar =
      context.sidecar === null
        ? ''
        : `${context.sidecar.ref.namespace}/${context.sidecar.ref.name}`;
    const where = context.kind === 'sidecar' ? sidecar : context.kind;
    const why =
      exposure === null
        ? 'direct'
        : hostVisibleTo(exposure.entry, context.namespace)
          ? 'scope'
          : 'hidden';
    const key = `outside|${where}|${outside?.mode ?? ''}|${why}`;
    return { key, context, decided: outside, lookup: null };
  }
  const { entry } = exposure;
  const lookup = deps.destinationRules.lookup(
    context.namespace,
    context.labels,
    entry.host,
    entry.namespace,
  );
  const chosen = lookup.chosen === null ? '-' : groupId(lookup.chosen);
  const shadow = lookup.chosen === null && lookup.found[0] ? groupId(lookup.found[0]) : '-';
  return {
    key: `${context.kind}|${chosen}|${shadow}|${lookup.step}`,
    context,
    decided: null,
    lookup,
  };
}

/** The rest of the client side, once the server workload and port are known. */
export function completeClient(
  resolution: Resolution,
  server: WorkloadNode,
  port: number,
  exposure: Exposure | null,
  deps: ClientTlsDeps,
): ClientSide {
  if (resolution.decided !== null) return resolution.decided;
  const serverDecision = deps.decision(server);
  if (resolution.context.kind === 'ambient') return fromZtunnel(serverDecision);
  if (exposure === null || resolution.lookup === null)
    throw new Error('unreachable: unresolved client');
  if (serverDecision.dataplane === 'AMBIENT') {
    return {
      ...side('HBONE', 'ISTIO_MUTUAL', 'the client sidecar tunnels the call to ztunnel (HBONE)', [
        noteEvidence(
          'assumes the ambient profile, where sidecars send HBONE to ambient workloads; without it this hop is plaintext',
        ),
      ]),
      exact: false,
    };
  }
  return fromDestinationRule(resolution.context, resolution.lookup, server, port, exposure, deps);
}

/** `GetPortLevelTrafficPolicy`: a matching port entry replaces the top-level policy (§2.2). */
function portTls(
  policy: TrafficPolicy | null,
  servicePort: number,
): { tls: ClientTlsSettings | null; portEntry: boolean } {
  const entry = policy?.portLevelSettings.find((p) => p.port === servicePort);
  if (entry !== undefined) return { tls: entry.tls, portEntry: true };
  return { tls: policy?.tls ?? null, portEntry: false };
}

function fromDestinationRule(
  context: ClientContext,
  lookup: DestinationRuleLookup,
  server: WorkloadNode,
  port: number,
  exposure: Exposure,
  deps: ClientTlsDeps,
): ClientSide {
  const { entry, servicePort } = exposure;
  const group = lookup.chosen;
  const evidence: Evidence[] = [];
  if (group === null && lookup.found.length > 0) {
    const shadow = lookup.found[0]?.first;
    if (shadow)
      evidence.push(
        objectEvidence(
          shadow,
          `the ${lookup.step} has only DestinationRules for other workloads for ${quote(entry.host)}: none applies to this client`,
        ),
      );
  }
  const { tls, portEntry } = portTls(group?.trafficPolicy ?? null, servicePort);
  const source = group?.trafficPolicyFrom ?? group?.first ?? null;
  let result: ClientSide;
  if (group !== null && source !== null && tls !== null) {
    result = explicitTls(context, group, source, tls, servicePort, portEntry, lookup.step);
  } else {
    if (group !== null) {
      evidence.push(
        objectEvidence(
          group.first,
          `DestinationRule (${lookup.step}) sets no TLS for port ${servicePort}: auto mTLS`,
        ),
      );
    }
    result = autoMtls(group, server, port, exposure, deps, evidence);
  }
  return subsetCheck(result, group, server, servicePort);
}

function explicitTls(
  context: ClientContext,
  group: DestinationRuleGroup,
  source: DestinationRuleGroup['first'],
  tls: ClientTlsSettings,
  servicePort: number,
  portEntry: boolean,
  step: string | null,
): ClientSide {
  const where = `${portEntry ? `port ${servicePort} ` : ''}(${step})`;
  const ref = formatRef(source.ref);
  const evidence = [
    objectEvidence(
      source,
      tls.modeWritten
        ? `tls mode ${tls.mode} ${where}`
        : `\`tls\` without \`mode\` is DISABLE ${where}, and turns auto mTLS off`,
      tls.at,
    ),
  ];
  // `buildUpstreamClusterTLSContext`: a sidecar builds no TLS context for SIMPLE/MUTUAL with a
  // credentialName unless the rule has a workloadSelector, and sends plaintext (§2.1).
  const privileged = tls.credentialName !== null && !tls.credentialName.startsWith('configmap://');
  if (
    (tls.mode === 'SIMPLE' || tls.mode === 'MUTUAL') &&
    privileged &&
    context.kind === 'sidecar' &&
    group.first.workloadSelector === null
  ) {
    evidence.push(
      objectEvidence(
        source,
        '`credentialName` without `workloadSelector` is ignored on sidecars: no TLS is originated',
        tls.at,
      ),
    );
    return side(
      tls.mode,
      'DISABLE',
      `${ref} sets ${tls.mode} with a credentialName the sidecar ignores, so it sends plaintext`,
      evidence,
      group,
    );
  }
  const phrase =
    tls.mode === 'ISTIO_MUTUAL'
      ? `${ref} sets ISTIO_MUTUAL`
      : tls.mode === 'DISABLE'
        ? `${ref} disables TLS`
        : `${ref} originates ${tls.mode} TLS with its own certificates`;
  return side(tls.mode, tls.mode, phrase, evidence, group);
}

/**
 * A subset's TLS applies only when a VirtualService routes to the subset, which meshguard does not
 * model: an answer that a subset would change is marked inexact (§2.2).
 */
function subsetCheck(
  result: ClientSide,
  group: DestinationRuleGroup | null,
  server: WorkloadNode,
  servicePort: number,
): ClientSide {
  if (group === null) return result;
  const differing = group.subsets.filter((subset) => {
    if (!selects(subset.labels, server.workload.podLabels)) return false;
    const tls = portTls(subset.trafficPolicy, servicePort).tls;
    return tls !== null && tls.mode !== result.mode;
  });
  if (differing.length === 0) return result;
  return {
    ...result,
    exact: false,
    evidence: [
      ...result.evidence,
      ...differing.map((s) =>
        objectEvidence(
          group.first,
          `subset ${quote(s.name)} sets another TLS mode; it applies when a VirtualService routes to it (not modelled)`,
          s.at,
        ),
      ),
    ],
  };
}
