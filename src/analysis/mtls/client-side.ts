import type { ClientTlsMode } from '../model/istio.js';
import type { WorkloadNode } from '../topology/index.js';
import type { DestinationRuleGroup, DestinationRuleIndex } from './destination-rule-index.js';
import { noteEvidence } from './evidence.js';
import type { Exposure, HostEndpoint, HostRegistry } from './hosts.js';
import type { NamespaceMode } from './peer-authentication-index.js';
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

export const NO_PROXY: ClientSide = {
  mode: 'NONE',
  effective: 'DISABLE',
  phrase: 'the client has no sidecar and sends plaintext',
  evidence: [noteEvidence('no client proxy: the application sends plaintext with no identity')],
  exact: true,
  destinationRule: null,
};

export function side(
  mode: ClientTlsSource,
  effective: ClientTlsMode,
  phrase: string,
  evidence: readonly Evidence[],
  destinationRule: DestinationRuleGroup | null = null,
): ClientSide {
  return { mode, effective, phrase, evidence, exact: true, destinationRule };
}
