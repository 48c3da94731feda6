import type { ClientTlsMode, MtlsMode } from '../model/istio.js';
import type { ResourceRef, Source } from '../model/source.js';
import type { Caller, PeerIdentity } from '../topology/callers.js';
import type { WorkloadNode } from '../topology/topology.js';

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
  readonly evidence: readonly Evidence[];
}

/** The effective PeerAuthentication mode of a workload port as the server enforces it. */
export type ServerMode = Exclude<MtlsMode, 'UNSET'> | 'NO_SIDECAR';

export interface PortMode {
  readonly mode: ServerMode;
  /** Which level decided: Istio's default, mesh, namespace, workload or port-level. */
  readonly level: 'default' | 'mesh' | 'namespace' | 'workload' | 'port' | 'no-sidecar';
  readonly evidence: readonly Evidence[];
}

export type Transport = 'mtls' | 'plaintext' | 'broken';

/** What the client sidecar originates toward one endpoint. */
export interface ClientTls {
  readonly mode: ClientTlsMode | 'AUTO_MTLS' | 'NONE';
  /** `ISTIO_MUTUAL` or plaintext after auto mTLS decided, for `AUTO_MTLS`. */
  readonly effective: ClientTlsMode;
  readonly evidence: readonly Evidence[];
}

export interface EdgeTransport {
  readonly transport: Transport;
  /** Does the server learn a peer identity (principal, namespace)? Only over Istio mTLS. */
  readonly peer: PeerIdentity | null;
  /** A reviewer-readable reason: "client has no sidecar and the port is STRICT". */
  readonly reason: string;
  readonly client: ClientTls;
  readonly server: PortMode;
  /** The Service the call goes through (`null` for a direct pod-IP call). */
  readonly via: ResourceRef | null;
}

/** One side's mTLS evaluation: cheap to query, computed lazily and cached by equivalence class. */
export interface MtlsEvaluation {
  dataplane(workload: WorkloadNode): InjectionDecision;
  serverMode(workload: WorkloadNode, port: number): PortMode;
  /**
   * Transport for a caller reaching `server:port`. A call can reach a port through several
   * Services; the answer is for the first by namespace/name, with the others in `alternatives`.
   */
  transport(caller: Caller, server: WorkloadNode, port: number): EdgeTransport & { readonly alternatives: readonly EdgeTransport[] };
  /**
   * Callers whose transport to any server is computed identically share a class key (same
   * dataplane, namespace, DestinationRules and Sidecar scope in effect); the graph evaluates one
   * representative per class.
   */
  clientClass(caller: Caller): string;
}
