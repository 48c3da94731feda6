import { policyPeer, subtract } from '../authz/index.js';
import type { AccessResult, RequestSet } from '../authz/index.js';
import type { EvaluatedSide } from './side.js';
import type { EdgeTransport } from '../mtls/index.js';
import type { Caller, WorkloadNode, WorkloadPort } from '../topology/index.js';

/** One caller reaching one workload port on one side: how it connects and what it may send. */
export interface EdgeEvaluation {
  readonly transport: EdgeTransport;
  readonly access: AccessResult;
  /** The requests that reach the application: none when the connection breaks. */
  readonly reaching: RequestSet;
}

export function evaluateEdge(
  side: EvaluatedSide,
  caller: Caller,
  server: WorkloadNode,
  port: WorkloadPort,
): EdgeEvaluation {
  const transport = side.mtls.transport(caller, server, port.port);
  const access = side.access.portAccess(server, port).accessFor(peerOf(side, caller, transport));
  const reaching =
    transport.transport === 'broken' ? subtract(access.allowed, access.allowed) : access.allowed;
  return { transport, access, reaching };
}

/**
 * The identity authorization sees (§5): the caller's own over Istio mTLS, nothing over plaintext.
 * `(any mesh identity)` is an identity none of the manifests' policies can name except by
 * pattern, which the authorization engine spells as its outside identity.
 */
export function peerOf(side: EvaluatedSide, caller: Caller, transport: EdgeTransport) {
  if (transport.transport !== 'mtls') return null;
  return policyPeer(side.mesh.settings, caller, transport.peer);
}
