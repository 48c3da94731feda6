import type {
  AuthorizationPolicy,
  DestinationRule,
  PeerAuthentication,
  RequestAuthentication,
  ServiceEntry,
  Sidecar,
} from './istio.js';
import type { Namespace, Service, ServiceAccount, Workload } from './kubernetes.js';
import type { MeshSettings } from './mesh-settings.js';

/**
 * Everything the analysis knows about one side of a change. Each list is sorted by
 * namespace, then name, so evaluation order never depends on file or document order.
 */
export interface Mesh {
  readonly settings: MeshSettings;
  readonly namespaces: readonly Namespace[];
  readonly workloads: readonly Workload[];
  readonly services: readonly Service[];
  readonly serviceAccounts: readonly ServiceAccount[];
  readonly peerAuthentications: readonly PeerAuthentication[];
  readonly authorizationPolicies: readonly AuthorizationPolicy[];
  readonly requestAuthentications: readonly RequestAuthentication[];
  readonly destinationRules: readonly DestinationRule[];
  readonly serviceEntries: readonly ServiceEntry[];
  readonly sidecars: readonly Sidecar[];
}

export type MeshObject =
  | Mesh['namespaces'][number]
  | Mesh['workloads'][number]
  | Mesh['services'][number]
  | Mesh['serviceAccounts'][number]
  | Mesh['peerAuthentications'][number]
  | Mesh['authorizationPolicies'][number]
  | Mesh['requestAuthentications'][number]
  | Mesh['destinationRules'][number]
  | Mesh['serviceEntries'][number]
  | Mesh['sidecars'][number];

/** Every object of a mesh, kind by kind, in the mesh's order. */
export function meshObjects(mesh: Mesh): MeshObject[] {
  return [
    ...mesh.namespaces,
    ...mesh.workloads,
    ...mesh.services,
    ...mesh.serviceAccounts,
    ...mesh.peerAuthentications,
    ...mesh.authorizationPolicies,
    ...mesh.requestAuthentications,
    ...mesh.destinationRules,
    ...mesh.serviceEntries,
    ...mesh.sidecars,
  ];
}
