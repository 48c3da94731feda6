import { formatRef } from '../model/source.js';
import type { WorkloadNode } from '../topology/index.js';
import { side } from './client-side.js';
import type { ClientSide, ClientTlsDeps } from './client-side.js';
import type { DestinationRuleGroup } from './destination-rule-index.js';
import { noteEvidence } from './evidence.js';
import type { Exposure } from './hosts.js';
import type { Evidence } from './types.js';
import { quote } from '../findings/quote.js';

/**
 * Auto mTLS when no TLS settings resolve for the port (§2.3): the service gate
 * (`BestEffortInferServiceMTLSMode` in push_context.go, `buildUpstreamTLSSettings` in
 * cluster_tls.go), then the per-endpoint transport-socket match (`checkMtlsEnabled` in
 * xds/endpoints/mtls_checker.go), or all-or-nothing for passthrough clusters.
 */
export function autoMtls(
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
            : `endpoint ${quote(disabled.workload.id)} has no sidecar: auto mTLS is all-or-nothing for passthrough services`,
        ),
      );
    }
  }
  const gate = deps.namespaceMode(entry.namespace);
  if (gate === 'DISABLE') {
    const gated = off(
      `namespace ${quote(entry.namespace)} is DISABLE`,
      noteEvidence(
        `service gate: the namespace-level mode of ${quote(entry.namespace)} is DISABLE (workload policies are not consulted, istio/istio#56084)`,
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
            `endpoint ${quote(server.id)} has security.istio.io/tlsMode=${decision.endpointTlsMode}`,
          ),
        )
      : off(
          'the endpoint has no sidecar',
          noteEvidence(`endpoint ${quote(server.id)} has no sidecar`),
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
      `${quote(server.id)} is DISABLE on port ${port}`,
      noteEvidence(
        `endpoint PeerAuthentication at port ${port} is DISABLE: the endpoint is not sent mTLS`,
      ),
    );
  }
  return on(`endpoint ${quote(server.id)} has a sidecar and is ${mode} on port ${port}`);
}
