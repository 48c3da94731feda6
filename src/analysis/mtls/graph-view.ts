import type { Finding } from '../findings/finding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { compareText, formatRef } from '../model/source.js';
import { pseudoCallers } from '../topology/index.js';
import type { Caller, WorkloadNode } from '../topology/index.js';
import { mtlsFindings } from './findings.js';
import type { EdgeTransport, Evidence, MtlsSide } from './types.js';

/**
 * A plain, sorted view of one side's mTLS: every workload port's effective mode and every
 * (caller, workload port) edge's transport, each with its evidence and lines. The CLI prints it
 * (`meshguard graph`); edges keep their transport under `transport` so that other facets (access)
 * can sit next to it.
 */

export const GRAPH_SCHEMA_VERSION = 1;

export interface EvidenceView {
  readonly object: string | null;
  readonly note: string;
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
}

export interface PortView {
  readonly port: number;
  readonly name: string | null;
  readonly protocol: string;
  readonly chain: string;
  readonly mode: string;
  readonly level: string;
  readonly exact: boolean;
  readonly services: readonly string[];
  readonly evidence: readonly EvidenceView[];
}

export interface WorkloadView {
  readonly id: string;
  readonly kind: string;
  readonly dataplane: string;
  readonly gateway: boolean;
  readonly exact: boolean;
  /** The principal it presents over mTLS, `null` without a proxy. */
  readonly identity: string | null;
  readonly clientClass: string;
  readonly evidence: readonly EvidenceView[];
  readonly ports: readonly PortView[];
}

export interface TransportView {
  readonly value: string;
  readonly exact: boolean;
  readonly reason: string;
  readonly peer: string | null;
  /** `Service shop/server:80`, or `null` for a direct pod-IP call. */
  readonly via: string | null;
  readonly client: {
    readonly mode: string;
    readonly effective: string;
    readonly evidence: readonly EvidenceView[];
  };
  readonly server: { readonly mode: string; readonly level: string };
  /** The same call through the workload port's other Services. */
  readonly alternatives: readonly Omit<TransportView, 'alternatives'>[];
}

export interface EdgeView {
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly transport: TransportView;
}

export interface GraphView {
  readonly schemaVersion: typeof GRAPH_SCHEMA_VERSION;
  readonly settings: {
    readonly rootNamespace: string;
    readonly trustDomain: string;
    readonly enableAutoMtls: boolean;
    readonly outboundTrafficPolicy: string;
  };
  readonly workloads: readonly WorkloadView[];
  readonly pseudoCallers: readonly { readonly id: string; readonly clientClass: string }[];
  /** Sorted by destination, port, caller. */
  readonly edges: readonly EdgeView[];
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface GraphFilter {
  /** Caller ids or `namespace/*`; every caller when empty. */
  readonly from?: readonly string[];
  /** Destination workload ids or `namespace/*`; every workload when empty. */
  readonly to?: readonly string[];
}

export function buildGraphView(
  side: MtlsSide,
  diagnostics: readonly Diagnostic[],
  filter: GraphFilter = {},
): GraphView {
  const { mesh, topology, mtls } = side;
  const callers: Caller[] = [
    ...pseudoCallers(),
    ...topology.workloads.map((w): Caller => ({ kind: 'workload', id: w.id, workload: w })),
  ].filter((c) => selected(filter.from, c.id));
  const servers = topology.workloads.filter((w) => selected(filter.to, w.id));
  const edges: EdgeView[] = [];
  for (const server of servers) {
    for (const { port } of server.ports) {
      for (const caller of callers) {
        const result = mtls.transport(caller, server, port);
        edges.push({
          from: caller.id,
          to: server.id,
          port,
          transport: {
            ...transportView(result),
            alternatives: result.alternatives.map(transportView),
          },
        });
      }
    }
  }
  edges.sort((a, b) => compareText(a.to, b.to) || a.port - b.port || compareText(a.from, b.from));
  return {
    schemaVersion: GRAPH_SCHEMA_VERSION,
    settings: {
      rootNamespace: mesh.settings.rootNamespace.value,
      trustDomain: mesh.settings.trustDomain.value,
      enableAutoMtls: mesh.settings.enableAutoMtls.value,
      outboundTrafficPolicy: mesh.settings.outboundTrafficPolicy.value,
    },
    workloads: servers.map((w) => workloadView(side, w)),
    pseudoCallers: pseudoCallers().map((c) => ({ id: c.id, clientClass: mtls.clientClass(c) })),
    edges,
    findings: mtlsFindings(side),
    diagnostics,
  };
}

function selected(patterns: readonly string[] | undefined, id: string): boolean {
  if (patterns === undefined || patterns.length === 0) return true;
  return patterns.some((p) => (p.endsWith('/*') ? id.startsWith(p.slice(0, -1)) : p === id));
}

function workloadView(side: MtlsSide, node: WorkloadNode): WorkloadView {
  const decision = side.mtls.dataplane(node);
  const caller: Caller = { kind: 'workload', id: node.id, workload: node };
  return {
    id: node.id,
    kind: node.workload.kind,
    dataplane: decision.dataplane,
    gateway: decision.gateway,
    exact: decision.exact,
    identity: side.mtls.identity(caller)?.principal ?? null,
    clientClass: side.mtls.clientClass(caller),
    evidence: decision.evidence.map(evidenceView),
    ports: node.ports.map((p): PortView => {
      const mode = side.mtls.serverMode(node, p.port);
      return {
        port: p.port,
        name: p.name,
        protocol: p.protocol,
        chain: p.chain,
        mode: mode.mode,
        level: mode.level,
        exact: mode.exact,
        services: p.exposedBy.map((e) => `${formatRef(e.service)}:${e.servicePort}`),
        evidence: mode.evidence.map(evidenceView),
      };
    }),
  };
}

function transportView(edge: EdgeTransport): Omit<TransportView, 'alternatives'> {
  return {
    value: edge.transport,
    exact: edge.exact,
    reason: edge.reason,
    peer: edge.peer?.principal ?? null,
    via: edge.via === null ? null : `${formatRef(edge.via)}:${edge.servicePort ?? ''}`,
    client: {
      mode: edge.client.mode,
      effective: edge.client.effective,
      evidence: edge.client.evidence.map(evidenceView),
    },
    server: { mode: edge.server.mode, level: edge.server.level },
  };
}

function evidenceView(evidence: Evidence): EvidenceView {
  return {
    object: evidence.ref === null ? null : formatRef(evidence.ref),
    note: evidence.note,
    file: evidence.at?.file ?? null,
    line: evidence.at?.line ?? null,
    column: evidence.at?.column ?? null,
  };
}
