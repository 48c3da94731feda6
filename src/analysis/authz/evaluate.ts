import type { MeshSettings } from '../model/mesh-settings.js';
import type { Labels } from '../model/kubernetes.js';
import type { Mesh } from '../model/mesh.js';
import type { Dataplane } from '../mtls/types.js';
import type { PeerIdentity } from '../topology/callers.js';
import type { Chain, WorkloadNode, WorkloadPort } from '../topology/index.js';
import type { CompiledPort } from './compile.js';
import { compilePort, openSet } from './compile.js';
import type { PortDecision } from './decide.js';
import { decidePort, identityTest, unenforced } from './decide.js';
import { emptySet } from './request-set.js';
import type { PolicyIndex, PolicyScope } from './scope.js';
import { indexPolicies, isWaypoint, policiesFor, requestAuthenticationsFor } from './scope.js';
import type { AccessResult } from './types.js';

/**
 * The authorization engine for one side of a change: compiles each destination's policies once
 * per (policy set, port, chain) and answers "what may this identity send to that port".
 */

export interface CompiledDestination {
  readonly workload: WorkloadNode;
  readonly scope: PolicyScope;
  readonly dataplane: Dataplane | 'WAYPOINT';
  /** Whether a RequestAuthentication applies, so that validated tokens can exist. */
  readonly requestAuthentication: boolean;
  /** Workloads with the same key compile identically (same policies, dataplane and tokens). */
  readonly classKey: string;
}

export interface AuthzEngine {
  readonly settings: MeshSettings;
  readonly index: PolicyIndex;
  destination(workload: WorkloadNode): CompiledDestination;
  /** The compiled port, shared by every destination of the same class. */
  port(destination: CompiledDestination, port: WorkloadPort | number): CompiledPort | null;
  /** The decision with its per-chain detail (for `explain`), or `null` when nothing is evaluated. */
  decide(
    destination: CompiledDestination,
    port: WorkloadPort | number,
    peer: PeerIdentity | null,
  ): PortDecision | null;
  access(
    destination: CompiledDestination,
    port: WorkloadPort | number,
    peer: PeerIdentity | null,
  ): AccessResult;
  /** How many distinct compiled ports exist so far: the destination classes of the bench. */
  compiledCount(): number;
}

export interface EngineOptions {
  /** The mTLS engine's data-plane answer; every workload has a sidecar when not given. */
  readonly dataplaneOf?: (workload: WorkloadNode) => Dataplane;
  /**
   * The labels selectors see (the mTLS engine's: pod labels plus what the injector adds);
   * the pod template's labels when not given.
   */
  readonly labelsOf?: (workload: WorkloadNode) => Labels;
}

export function createAuthzEngine(mesh: Mesh, options: EngineOptions = {}): AuthzEngine {
  const index = indexPolicies(mesh);
  const settings = mesh.settings;
  const destinations = new Map<WorkloadNode, CompiledDestination>();
  const ports = new Map<string, CompiledPort>();
  const engine: AuthzEngine = {
    settings,
    index,
    destination(workload) {
      let found = destinations.get(workload);
      if (found === undefined) {
        found = compileDestination(
          workload,
          index,
          options.dataplaneOf?.(workload) ?? 'SIDECAR',
          options.labelsOf?.(workload) ?? workload.workload.podLabels,
        );
        destinations.set(workload, found);
      }
      return found;
    },
    port(destination, port) {
      if (destination.dataplane !== 'SIDECAR') return null;
      const { number, chain } = portOf(destination.workload, port);
      const key = `${destination.classKey}\u0001${number}\u0001${chain}`;
      let compiled = ports.get(key);
      if (compiled === undefined) {
        compiled = compilePort(destination.scope, number, chain, {
          settings,
          requestAuthentication: destination.requestAuthentication,
        });
        ports.set(key, compiled);
      }
      return compiled;
    },
    decide(destination, port, peer) {
      const compiled = engine.port(destination, port);
      return compiled === null ? null : decidePort(compiled, identityTest(peer));
    },
    access(destination, port, peer) {
      const decision = engine.decide(destination, port, peer);
      if (decision !== null) return decision.result;
      const { chain } = portOf(destination.workload, port);
      return destination.dataplane === 'NO_SIDECAR'
        ? unenforced(chain)
        : notEvaluated(destination, chain);
    },
    compiledCount: () => ports.size,
  };
  return engine;
}

function compileDestination(
  workload: WorkloadNode,
  index: PolicyIndex,
  dataplane: Dataplane,
  labels: Labels,
): CompiledDestination {
  const scope = policiesFor(workload, index, labels);
  const requestAuthentication = requestAuthenticationsFor(workload, index, labels).length > 0;
  const plane = isWaypoint(workload.workload.podLabels) ? 'WAYPOINT' : dataplane;
  const refs = (list: readonly { ref: { namespace: string; name: string } }[]): string =>
    list.map((p) => `${p.ref.namespace}/${p.ref.name}`).join(',');
  const classKey = [plane, requestAuthentication, refs(scope.enforced), refs(scope.dryRun)].join(
    '|',
  );
  return { workload, scope, dataplane: plane, requestAuthentication, classKey };
}

/** A workload port, or a bare number for a port no Service or container declares (auto-detected). */
function portOf(
  workload: WorkloadNode,
  port: WorkloadPort | number,
): { number: number; chain: Chain } {
  if (typeof port !== 'number') return { number: port.port, chain: port.chain };
  const declared = workload.ports.find((p) => p.port === port);
  // An undeclared port goes to the inbound passthrough chain, which sniffs the protocol (§4.1).
  return { number: port, chain: declared?.chain ?? 'auto' };
}

function notEvaluated(destination: CompiledDestination, chain: Chain): AccessResult {
  const reason =
    destination.dataplane === 'WAYPOINT'
      ? 'waypoint proxies enforce targetRefs policies with L7 rules, which meshguard does not evaluate'
      : 'ambient workloads are enforced by ztunnel (L4) and waypoints, whose rules differ from a sidecar and are not evaluated';
  return {
    access: 'partial',
    requests: [],
    exact: false,
    determining: [],
    allowed: emptySet(openSet(chain).space),
    universe: openSet(chain),
    notEvaluated: reason,
  };
}
