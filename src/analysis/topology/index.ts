export {
  buildTopology,
  resolveTargetPort,
  selects,
  serviceHost,
  CLUSTER_DOMAIN,
} from './topology.js';
export type {
  Endpoint,
  ServiceExposure,
  Topology,
  WorkloadId,
  WorkloadNode,
  WorkloadPort,
} from './topology.js';
export { chainOf, servicePortProtocol } from './protocol.js';
export type { Chain, Protocol } from './protocol.js';
export { ANY_MESH_IDENTITY, UNAUTHENTICATED, pseudoCallers } from './callers.js';
export type { Caller, CallerId, PeerIdentity } from './callers.js';
export { EVERYTHING, destinationInScope } from './scope.js';
export type { ChangeScope } from './scope.js';
