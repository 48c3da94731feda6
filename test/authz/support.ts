import type { LoadOptions } from '../../src/analysis/load/index.js';
import { createAuthzEngine } from '../../src/analysis/authz/evaluate.js';
import type { AuthzEngine, EngineOptions } from '../../src/analysis/authz/evaluate.js';
import { workloadPeer } from '../../src/analysis/authz/identity.js';
import type { AccessResult } from '../../src/analysis/authz/types.js';
import type { PeerIdentity } from '../../src/analysis/topology/callers.js';
import { buildTopology } from '../../src/analysis/topology/index.js';
import type { Topology } from '../../src/analysis/topology/index.js';
import { load } from '../support/load.js';

/** A loaded side: its topology and an authorization engine over it. */
export interface Side {
  readonly topology: Topology;
  readonly engine: AuthzEngine;
  /** Access for `peer` to `workload` (`ns/name`) on a workload port. */
  access(workload: string, port: number, peer: PeerIdentity | null): AccessResult;
  /** The identity of `ns/sa` in the mesh's trust domain. */
  peer(namespaceAndServiceAccount: string): PeerIdentity;
}

export function side(
  input: string | Record<string, string>,
  options: LoadOptions & EngineOptions = {},
): Side {
  const result = load(input, options);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0)
    throw new Error(`fixture has errors: ${errors.map((d) => d.message).join('; ')}`);
  const topology = buildTopology(result.mesh);
  const engine = createAuthzEngine(result.mesh, options);
  return {
    topology,
    engine,
    access(workload, port, peer) {
      const node = topology.workloadById.get(workload);
      if (node === undefined) throw new Error(`no workload ${workload}`);
      const declared = node.ports.find((p) => p.port === port);
      return engine.access(engine.destination(node), declared ?? port, peer);
    },
    peer(namespaceAndServiceAccount) {
      const [namespace = '', serviceAccount = ''] = namespaceAndServiceAccount.split('/');
      return workloadPeer(result.mesh.settings, namespace, serviceAccount);
    },
  };
}

/**
 * A Deployment with a Service: `ports` maps each port to its Service port name (the name decides
 * the protocol: `http-*` HTTP, `tcp-*` TCP, anything else auto-detected).
 */
export function workload(
  namespace: string,
  name: string,
  options: {
    labels?: Record<string, string>;
    serviceAccount?: string;
    ports?: Record<number, string>;
  } = {},
): string {
  const labels = { app: name, ...options.labels };
  const ports = Object.entries(options.ports ?? { 8080: 'http' });
  return [
    JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace },
      spec: {
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: options.serviceAccount ?? name,
            containers: [
              { name: 'main', ports: ports.map(([p]) => ({ containerPort: Number(p) })) },
            ],
          },
        },
      },
    }),
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace },
      spec: {
        selector: { app: name },
        ports: ports.map(([p, n]) => ({ name: n, port: Number(p) })),
      },
    }),
  ].join('\n---\n');
}

/** An AuthorizationPolicy document from its spec (and optional annotations). */
export function policy(
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
  annotations?: Record<string, string>,
): string {
  return JSON.stringify({
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name, namespace, ...(annotations ? { annotations } : {}) },
    spec,
  });
}

export function documents(...docs: string[]): string {
  return docs.join('\n---\n');
}
