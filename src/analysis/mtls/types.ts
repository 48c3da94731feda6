import type { ClientTlsMode, MtlsMode } from '../model/istio.js';
import type { Labels } from '../model/kubernetes.js';
import type { ResourceRef, Source } from '../model/source.js';
import type { Caller, PeerIdentity } from '../topology/callers.js';
import type { Mesh } from '../model/mesh.js';
import type { Topology, WorkloadNode } from '../topology/topology.js';

/** Public contract of the mTLS engine (`src/analysis/mtls/`). */

export type Dataplane = 'SIDECAR' | 'NO_SIDECAR' | 'AMBIENT';

/** Evidence: an object (or a label on one) that decided an answer, with its line. */
export interface Evidence {
  readonly ref: ResourceRef | null;
  readonly at: Source | null;
  /** A short sentence: "namespace label istio-injection=enabled", "mesh-wide STRICT". */
  readonly note: string;
}

export interface InjectionDecision {
  readonly dataplane: Dataplane;
  /**
   * The proxy runs as a gateway (injection template `gateway`): it originates traffic like a
   * sidecar, but its listeners come from Gateway resources, so PeerAuthentication does not apply.
   */
  readonly gateway: boolean;
  /**
   * `security.istio.io/tlsMode` of the workload's endpoints: `istio` for injected sidecars (unless
   * the pod sets another value), `disabled` otherwise. Auto mTLS reads it (§2.3).
   */
  readonly endpointTlsMode: string;
  /** False when the namespace's labels are not in the manifests and injection was assumed. */
  readonly exact: boolean;
  readonly evidence: readonly Evidence[];
}

/** The effective PeerAuthentication mode of a workload port as the server enforces it. */
export type ServerMode = Exclude<MtlsMode, 'UNSET'> | 'NO_SIDECAR';

export type ModeLevel =
  | 'default'
  | 'mesh'
  | 'namespace'
  | 'workload'
  | 'port'
  | 'no-sidecar'
  /** A gateway proxy: its Gateway listeners decide, PeerAuthentication does not (`DISABLE`). */
  | 'gateway';

export interface PortMode {
  readonly mode: ServerMode;
  /** Which level decided: Istio's default, mesh, namespace, workload, port-level, or the dataplane. */
  readonly level: ModeLevel;
  /** False when the answer rests on an assumption (namespace labels not in the manifests). */
  readonly exact: boolean;
  readonly evidence: readonly Evidence[];
}

/**
 * `mtls`: Istio mutual TLS, the server learns the caller's identity. `plaintext`: the connection
 * works but is not mutually authenticated by the mesh (no peer identity; this includes TLS that a
 * DestinationRule originates to the application). `broken`: the connection fails.
 */
export type Transport = 'mtls' | 'plaintext' | 'broken';

/** How the client side handles the call, before the server sees it. */
export type ClientTlsSource =
  /** A DestinationRule's `tls` for the port (§2.1, §2.2). */
  | ClientTlsMode
  /** No TLS settings resolved: auto mTLS decided per endpoint (§2.3). */
  | 'AUTO_MTLS'
  /** No client proxy: the application's own bytes, plaintext. */
  | 'NONE'
  /** Outside the client's Sidecar scope or no Service: PassthroughCluster, plaintext (§2.6). */
  | 'PASSTHROUGH'
  /** Outside the client's scope with `REGISTRY_ONLY`: the proxy drops it (BlackHoleCluster). */
  | 'BLOCKED'
  /** ztunnel or an HBONE-capable sidecar tunnels the call (ambient, §6.3). */
  | 'HBONE';

/** What the client originates toward one endpoint. */
export interface ClientTls {
  readonly mode: ClientTlsSource;
  /** What reaches the endpoint: `ISTIO_MUTUAL` (including HBONE), `DISABLE` (plaintext), or app TLS. */
  readonly effective: ClientTlsMode;
  readonly evidence: readonly Evidence[];
}

export interface EdgeTransport {
  readonly transport: Transport;
  /** Does the server learn a peer identity (principal, namespace)? Only over Istio mTLS. */
  readonly peer: PeerIdentity | null;
  /** A reviewer-readable reason: "client has no sidecar and the port is STRICT". */
  readonly reason: string;
  /** False when meshguard could not model the hop exactly (see the evidence). */
  readonly exact: boolean;
  readonly client: ClientTls;
  readonly server: PortMode;
  /** The Service or ServiceEntry the call goes through (`null` for a direct pod-IP call). */
  readonly via: ResourceRef | null;
  /** The Service port called (`null` for a direct pod-IP call). */
  readonly servicePort: number | null;
}

/** One side's mTLS evaluation: cheap to query, computed lazily and cached by equivalence class. */
export interface MtlsEvaluation {
  dataplane(workload: WorkloadNode): InjectionDecision;
  /**
   * The labels workload selectors see: the pod template's plus those the injector adds
   * (`security.istio.io/tlsMode`, `service.istio.io/canonical-name`...), for every policy kind.
   */
  selectorLabels(workload: WorkloadNode): Labels;
  /** Any port number may be asked: undeclared ports get the workload's mode (passthrough chain). */
  serverMode(workload: WorkloadNode, port: number): PortMode;
  /**
   * Transport for a caller reaching `server:port` (a workload port). A call can reach a port through
   * several Services; the answer is for the first by kind/namespace/name, the others are in
   * `alternatives`. `peer` is the caller's own identity whenever the hop is mTLS.
   */
  transport(
    caller: Caller,
    server: WorkloadNode,
    port: number,
  ): EdgeTransport & { readonly alternatives: readonly EdgeTransport[] };
  /**
   * Callers whose transport to any server is computed identically share a class key (same
   * dataplane, DestinationRules and Sidecar scope in effect, and a namespace only where the
   * namespace changes the outcome); everything but `peer` is then the same for the whole class.
   */
  clientClass(caller: Caller): string;
  /**
   * The identity a caller presents over mTLS. For `(any mesh identity)` the fields hold the
   * `ANY_MESH_IDENTITY` marker: an identity exists, but it is none of the manifests'.
   */
  identity(caller: Caller): PeerIdentity | null;
}

/** One side of a change, as findings and the diff read it. */
export interface MtlsSide {
  readonly mesh: Mesh;
  readonly topology: Topology;
  readonly mtls: MtlsEvaluation;
}
