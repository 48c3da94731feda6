import type { WorkloadId, WorkloadNode } from './topology.js';

/**
 * Traffic from outside the manifests. `(unauthenticated)` stands for any plaintext caller with no
 * mesh identity (a pod without a sidecar, a VM, the internet behind a PERMISSIVE port);
 * `(any mesh identity)` for a sidecar workload of a namespace or service account that is not in
 * the manifests.
 */
export const UNAUTHENTICATED = '(unauthenticated)';
export const ANY_MESH_IDENTITY = '(any mesh identity)';

export type CallerId = WorkloadId | typeof UNAUTHENTICATED | typeof ANY_MESH_IDENTITY;

export type Caller =
  | { readonly kind: 'workload'; readonly id: WorkloadId; readonly workload: WorkloadNode }
  | { readonly kind: 'unauthenticated'; readonly id: typeof UNAUTHENTICATED }
  | { readonly kind: 'any-mesh-identity'; readonly id: typeof ANY_MESH_IDENTITY };

/** The identity a server learns from an mTLS peer certificate; `null` for plaintext. */
export interface PeerIdentity {
  /** `<trust-domain>/ns/<namespace>/sa/<service-account>`, without `spiffe://`. */
  readonly principal: string;
  readonly trustDomain: string;
  readonly namespace: string;
  readonly serviceAccount: string;
}

export function pseudoCallers(): readonly Caller[] {
  return [
    { kind: 'unauthenticated', id: UNAUTHENTICATED },
    { kind: 'any-mesh-identity', id: ANY_MESH_IDENTITY },
  ];
}
