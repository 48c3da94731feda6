import type { ClientTlsMode, ClientTlsSettings, TrafficPolicy } from '../model/istio.js';
import { formatRef } from '../model/source.js';
import { selects } from '../topology/index.js';
import type { WorkloadNode } from '../topology/index.js';
import type { ClientContext } from './client-class.js';
import type {
  DestinationRuleGroup,
  DestinationRuleIndex,
  DestinationRuleLookup,
} from './destination-rule-index.js';
import { noteEvidence, objectEvidence } from './evidence.js';
import type { Exposure, HostEndpoint, HostRegistry } from './hosts.js';
import { hostVisibleTo } from './hosts.js';
import type { NamespaceMode } from './peer-authentication-index.js';
import { sidecarImports } from './sidecar-scope.js';
import type { ClientTls, ClientTlsSource, Evidence, InjectionDecision } from './types.js';

/**
 * What a client originates toward one endpoint (§2 of istio-semantics.md): the Sidecar scope, the
 * DestinationRule's TLS for the Service port, or auto mTLS with its service gate and per-endpoint
 * check (`cluster_tls.go` `buildUpstreamTLSSettings`, `push_context.go`
 * `BestEffortInferServiceMTLSMode`, `xds/endpoints/mtls_checker.go`).
 */
export interface ClientSide extends ClientTls {
  /** One clause for the edge's reason: "auto mTLS sends plaintext (namespace `x` is DISABLE)". */
  readonly phrase: string;
  readonly exact: boolean;
  /** The DestinationRule behind an explicit mode, for findings. */
  readonly destinationRule: DestinationRuleGroup | null;
  /** Auto mTLS was switched off by the namespace-level DISABLE gate (istio/istio#56084). */
  readonly gatedOff?: boolean;
}

export interface ClientTlsDeps {
  readonly hosts: HostRegistry;
  readonly destinationRules: DestinationRuleIndex;
  readonly enableAutoMtls: boolean;
  readonly outboundTrafficPolicy: 'ALLOW_ANY' | 'REGISTRY_ONLY';
  decision(workload: WorkloadNode): InjectionDecision;
  /** The endpoint's PeerAuthentication mode at a container port (dataplane not considered). */
  peerAuthenticationMode(workload: WorkloadNode, port: number): string;
  namespaceMode(namespace: string): NamespaceMode;
  endpoints(exposure: Exposure): readonly HostEndpoint[];
}

/** The client-side decisions that do not depend on the server workload, for one host port. */
export interface Resolution {
  /** Equal keys give equal client sides for the same server port and exposure. */
  readonly key: string;
  readonly context: ClientContext;
  /** Decided without looking at the server (no proxy, or outside the client's scope). */
  readonly decided: ClientSide | null;
  readonly lookup: DestinationRuleLookup | null;
}

const NO_PROXY: ClientSide = {
  mode: 'NONE',
  effective: 'DISABLE',
  phrase: 'the client has no sidecar and sends plaintext',
  evidence: [noteEvidence('no client proxy: the application sends plaintext with no identity')],
  exact: true,
  destinationRule: null,
};

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

function side(
  mode: ClientTlsSource,
  effective: ClientTlsMode,
  phrase: string,
  evidence: readonly Evidence[],
  destinationRule: DestinationRuleGroup | null = null,
): ClientSide {
  return { mode, effective, phrase, evidence, exact: true, destinationRule };
}

/** ztunnel ignores DestinationRules and Sidecars; it speaks HBONE to proxies that accept it (§6.3). */
function fromZtunnel(server: InjectionDecision): ClientSide {
  if (server.dataplane === 'AMBIENT') {
    return side('HBONE', 'ISTIO_MUTUAL', 'ztunnel tunnels the call with mTLS (HBONE)', [
      noteEvidence('ambient to ambient: ztunnel to ztunnel over HBONE'),
    ]);
  }
  if (server.dataplane === 'SIDECAR' && !server.gateway) {
    return {
      ...side('HBONE', 'ISTIO_MUTUAL', 'ztunnel tunnels the call to the sidecar (HBONE)', [
        noteEvidence(
          'assumes the ambient profile, where injected sidecars accept HBONE; without it ztunnel sends plaintext',
        ),
      ]),
      exact: false,
    };
  }
  return side('PASSTHROUGH', 'DISABLE', 'ztunnel passes the call through in plaintext', [
    noteEvidence('the destination has no HBONE-capable proxy: ztunnel sends plaintext'),
  ]);
}

/** The Service visibility and Sidecar egress scope: a host outside it goes to passthrough (§2.6). */
function outsideScope(
  context: ClientContext,
  exposure: Exposure | null,
  deps: ClientTlsDeps,
): ClientSide | null {
  let why: Evidence | null = null;
  if (exposure === null) {
    why = noteEvidence(
      'no Service exposes this port: a direct pod-IP call leaves through the passthrough cluster',
    );
  } else if (!hostVisibleTo(exposure.entry, context.namespace)) {
    why = {
      ref: exposure.entry.ref,
      at: exposure.entry.at,
      note: `${formatRef(exposure.entry.ref)} is not exported to the client's namespace`,
    };
  } else if (
    context.kind === 'sidecar' &&
    !sidecarImports(context.sidecar, context.namespace, exposure.entry, exposure.servicePort)
  ) {
    const sidecar = context.sidecar;
    why =
      sidecar === null
        ? noteEvidence('outside the Sidecar egress scope')
        : objectEvidence(
            sidecar,
            `egress hosts do not import \`${exposure.entry.host}:${exposure.servicePort}\``,
          );
  }
  if (why === null) return null;
  const policy = context.sidecar?.outboundTrafficPolicy ?? deps.outboundTrafficPolicy;
  if (policy === 'REGISTRY_ONLY') {
    return side('BLOCKED', 'DISABLE', 'the client proxy drops the call (REGISTRY_ONLY)', [
      why,
      noteEvidence(
        'outboundTrafficPolicy REGISTRY_ONLY: unknown destinations go to the BlackHoleCluster',
      ),
    ]);
  }
  return side(
    'PASSTHROUGH',
    'DISABLE',
    'the call leaves through the passthrough cluster in plaintext',
    [why, noteEvidence('outboundTrafficPolicy ALLOW_ANY: the PassthroughCluster has no TLS')],
  );
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
          `the ${lookup.step} has only DestinationRules for other workloads for \`${entry.host}\`: none applies to this client`,
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

function autoMtls(
  group: DestinationRuleGroup | null,
  server: WorkloadNode,
  port: number,
  exposure: Exposure,
  deps: ClientTlsDeps,
  evidence: Evidence[],
): ClientSide {
  const { entry } = exposure;
  const off = (why: string, note: Evidence): ClientSide =>
    side('AUTO_MTLS', 'DISABLE', `auto mTLS sends plaintext (${why})`, [...evidence, note], group);
  if (!deps.enableAutoMtls)
    return off('enableAutoMtls is false', noteEvidence('meshConfig.enableAutoMtls: false'));
  if (entry.meshExternal) {
    return off('the ServiceEntry is MESH_EXTERNAL', {
      ref: entry.ref,
      at: entry.at,
      note: 'MESH_EXTERNAL (the ServiceEntry default) never gets auto mTLS',
    });
  }
  const passthrough =
    entry.passthrough || group?.trafficPolicy?.loadBalancerSimple === 'PASSTHROUGH';
  if (passthrough) {
    const endpoints = deps.endpoints(exposure);
    const disabled = endpoints.find(
      (e) => deps.decision(e.workload).endpointTlsMode === 'disabled',
    );
    if (endpoints.length === 0 || disabled !== undefined) {
      return off(
        'a passthrough service needs every endpoint to have a sidecar',
        noteEvidence(
          disabled === undefined
            ? 'passthrough service without endpoints: auto mTLS is off'
            : `endpoint \`${disabled.workload.id}\` has no sidecar: auto mTLS is all-or-nothing for passthrough services`,
        ),
      );
    }
  }
  const gate = deps.namespaceMode(entry.namespace);
  if (gate === 'DISABLE') {
    const gated = off(
      `namespace \`${entry.namespace}\` is DISABLE`,
      noteEvidence(
        `service gate: the namespace-level mode of \`${entry.namespace}\` is DISABLE (workload policies are not consulted, istio/istio#56084)`,
      ),
    );
    return { ...gated, gatedOff: true };
  }
  const on = (note: string): ClientSide =>
    side(
      'AUTO_MTLS',
      'ISTIO_MUTUAL',
      'auto mTLS sends Istio mTLS',
      [...evidence, noteEvidence(note)],
      group,
    );
  if (passthrough) return on('passthrough cluster: auto mTLS applies to every endpoint alike');
  return perEndpoint(group, server, port, exposure, deps, on, off);
}

/** The transport-socket match on the endpoint's `tlsMode`, set by `checkMtlsEnabled` (§2.3). */
function perEndpoint(
  group: DestinationRuleGroup | null,
  server: WorkloadNode,
  port: number,
  exposure: Exposure,
  deps: ClientTlsDeps,
  on: (note: string) => ClientSide,
  off: (why: string, note: Evidence) => ClientSide,
): ClientSide {
  const decision = deps.decision(server);
  if (decision.endpointTlsMode !== 'istio') {
    return decision.dataplane === 'SIDECAR'
      ? off(
          `the endpoint is labelled tlsMode=${decision.endpointTlsMode}`,
          noteEvidence(
            `endpoint \`${server.id}\` has security.istio.io/tlsMode=${decision.endpointTlsMode}`,
          ),
        )
      : off(
          'the endpoint has no sidecar',
          noteEvidence(`endpoint \`${server.id}\` has no sidecar`),
        );
  }
  // A port entry without `tls` falls back to the top-level mode in the endpoint check only.
  const fallback = group?.trafficPolicy?.portLevelSettings.some(
    (p) => p.port === exposure.servicePort,
  )
    ? (group.trafficPolicy.tls?.mode ?? null)
    : null;
  if (fallback !== null) {
    return fallback === 'ISTIO_MUTUAL'
      ? on(
          `endpoint check uses the top-level ISTIO_MUTUAL of ${formatRef(group?.first.ref ?? exposure.entry.ref)}`,
        )
      : off(
          `the top-level tls ${fallback} marks endpoints non-mTLS`,
          noteEvidence(
            'the port entry has no tls, so the endpoint check falls back to the top-level mode',
          ),
        );
  }
  const mode = deps.peerAuthenticationMode(server, port);
  if (mode === 'DISABLE') {
    return off(
      `\`${server.id}\` is DISABLE on port ${port}`,
      noteEvidence(
        `endpoint PeerAuthentication at port ${port} is DISABLE: the endpoint is not sent mTLS`,
      ),
    );
  }
  return on(`endpoint \`${server.id}\` has a sidecar and is ${mode} on port ${port}`);
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
          `subset \`${s.name}\` sets another TLS mode; it applies when a VirtualService routes to it (not modelled)`,
          s.at,
        ),
      ),
    ],
  };
}
