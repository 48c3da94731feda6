import type { Labels, Namespace, Service, ServicePort, Workload } from '../model/kubernetes.js';
import type { Mesh } from '../model/mesh.js';
import type { ResourceRef, Source } from '../model/source.js';
import { chainOf, servicePortProtocol } from './protocol.js';
import type { Chain, Protocol } from './protocol.js';

/** `namespace/name` of a workload; kind is appended only when two kinds share a name. */
export type WorkloadId = string;

/** The Kubernetes cluster DNS suffix that Service hosts end with. */
export const CLUSTER_DOMAIN = 'cluster.local';

export interface ServiceExposure {
  readonly service: ResourceRef;
  readonly servicePort: number;
  readonly portName: string | null;
  readonly protocol: Protocol;
  readonly at: Source;
}

/** A port a workload listens on: a Service target port, a declared container port, or both. */
export interface WorkloadPort {
  readonly port: number;
  readonly name: string | null;
  /** From the first Service (by namespace/name) exposing it; `auto` for undeclared protocols. */
  readonly protocol: Protocol;
  readonly chain: Chain;
  readonly exposedBy: readonly ServiceExposure[];
  /** The container port declaration, when there is one. */
  readonly declaredAt: Source | null;
  /** Services disagree about this port's protocol (Istio picks one; analyzers warn: IST0116). */
  readonly protocolConflict: boolean;
}

export interface WorkloadNode {
  readonly id: WorkloadId;
  readonly workload: Workload;
  readonly namespace: string;
  readonly name: string;
  /** Sorted by port number. UDP ports are left out: sidecars never capture them. */
  readonly ports: readonly WorkloadPort[];
}

/** One Service port reaching one workload port. */
export interface Endpoint {
  readonly workload: WorkloadNode;
  readonly targetPort: number;
}

export interface Topology {
  readonly mesh: Mesh;
  /** Sorted by id. */
  readonly workloads: readonly WorkloadNode[];
  readonly workloadById: ReadonlyMap<WorkloadId, WorkloadNode>;
  /** Every namespace named by a Namespace object or used by any object, sorted. */
  readonly namespaces: readonly string[];
  /** The workloads of one namespace (sorted by id); empty for an unknown namespace. */
  workloadsIn(namespace: string): readonly WorkloadNode[];
  readonly namespaceObjects: ReadonlyMap<string, Namespace>;
  /** Services by FQDN (`name.namespace.svc.cluster.local`). */
  readonly serviceByHost: ReadonlyMap<string, Service>;
  /** Workloads behind a Service port, with the port each one receives on. */
  endpoints(service: Service, port: ServicePort): readonly Endpoint[];
  /** Workloads a Service selects (same namespace, selector labels all present). */
  selectedWorkloads(service: Service): readonly WorkloadNode[];
}

export function serviceHost(service: Pick<Service, 'ref'>): string {
  return `${service.ref.name}.${service.ref.namespace}.svc.${CLUSTER_DOMAIN}`;
}

/** Label selection as Kubernetes and Istio do it: every selector pair present on the pod. */
export function selects(selector: Labels, labels: Labels): boolean {
  for (const key in selector) if (labels[key] !== selector[key]) return false;
  return true;
}

/** Resolves a Service port's `targetPort` (number or container port name) for one workload. */
export function resolveTargetPort(port: ServicePort, workload: Workload): number | null {
  if (typeof port.targetPort === 'number') return port.targetPort;
  const named = workload.containerPorts.find((p) => p.name === port.targetPort);
  return named?.containerPort ?? null;
}

export function buildTopology(mesh: Mesh): Topology {
  const ids = workloadIds(mesh.workloads);
  // Services select within their namespace: index by namespace so a 10,000-workload mesh costs
  // services x workloads-per-namespace, not services x workloads.
  const byNamespace = new Map<string, Workload[]>();
  for (const w of mesh.workloads) {
    const list = byNamespace.get(w.ref.namespace);
    if (list) list.push(w);
    else byNamespace.set(w.ref.namespace, [w]);
  }
  const selectedBy = new Map<Service, Workload[]>();
  for (const service of mesh.services) {
    const selector = service.selector;
    const candidates = byNamespace.get(service.ref.namespace) ?? [];
    const selected =
      selector === null || Object.keys(selector).length === 0
        ? []
        : candidates.filter((w) => selects(selector, w.podLabels));
    selectedBy.set(service, selected);
  }
  const exposures = new Map<Workload, Map<number, ServiceExposure[]>>();
  for (const service of mesh.services) {
    for (const workload of selectedBy.get(service) ?? []) {
      for (const port of service.ports) {
        const target = resolveTargetPort(port, workload);
        if (target === null) continue;
        const byPort = exposures.get(workload) ?? new Map<number, ServiceExposure[]>();
        exposures.set(workload, byPort);
        const list = byPort.get(target) ?? [];
        list.push({
          service: service.ref,
          servicePort: port.port,
          portName: port.name,
          protocol: servicePortProtocol(port),
          at: port.at,
        });
        byPort.set(target, list);
      }
    }
  }
  const nodes = mesh.workloads
    .map((workload): WorkloadNode => ({
      id: ids.get(workload) ?? '',
      workload,
      namespace: workload.ref.namespace,
      name: workload.ref.name,
      ports: workloadPorts(workload, exposures.get(workload) ?? new Map()),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const nodeOf = new Map(nodes.map((n) => [n.workload, n]));
  const nodesByNamespace = new Map<string, WorkloadNode[]>();
  for (const node of nodes) {
    const list = nodesByNamespace.get(node.namespace);
    if (list) list.push(node);
    else nodesByNamespace.set(node.namespace, [node]);
  }
  const namespaceObjects = new Map(mesh.namespaces.map((n) => [n.ref.name, n]));
  return {
    mesh,
    workloads: nodes,
    workloadById: new Map(nodes.map((n) => [n.id, n])),
    namespaces: allNamespaces(mesh),
    workloadsIn: (namespace) => nodesByNamespace.get(namespace) ?? [],
    namespaceObjects,
    serviceByHost: new Map(mesh.services.map((s) => [serviceHost(s), s])),
    endpoints(service, port) {
      return (selectedBy.get(service) ?? []).flatMap((workload) => {
        const target = resolveTargetPort(port, workload);
        const node = nodeOf.get(workload);
        return target === null || node === undefined
          ? []
          : [{ workload: node, targetPort: target }];
      });
    },
    selectedWorkloads(service) {
      return (selectedBy.get(service) ?? []).flatMap((w) => nodeOf.get(w) ?? []);
    },
  };
}

function workloadIds(workloads: readonly Workload[]): Map<Workload, WorkloadId> {
  const count = new Map<string, number>();
  for (const w of workloads)
    count.set(
      `${w.ref.namespace}/${w.ref.name}`,
      (count.get(`${w.ref.namespace}/${w.ref.name}`) ?? 0) + 1,
    );
  return new Map(
    workloads.map((w) => {
      const base = `${w.ref.namespace}/${w.ref.name}`;
      return [w, (count.get(base) ?? 0) > 1 ? `${base}@${w.kind.toLowerCase()}` : base];
    }),
  );
}

function workloadPorts(
  workload: Workload,
  exposed: ReadonlyMap<number, ServiceExposure[]>,
): WorkloadPort[] {
  const numbers = new Set<number>(exposed.keys());
  for (const p of workload.containerPorts) if (p.protocol !== 'UDP') numbers.add(p.containerPort);
  const ports: WorkloadPort[] = [];
  for (const number of [...numbers].sort((a, b) => a - b)) {
    const exposures = [...(exposed.get(number) ?? [])].sort(
      (a, b) => compare(a.service.name, b.service.name) || a.servicePort - b.servicePort,
    );
    const declared = workload.containerPorts.find(
      (p) => p.containerPort === number && p.protocol !== 'UDP',
    );
    // Istio keeps one protocol per inbound port; without creation times, the first Service by
    // name stands in for "the oldest" (`getFilterChainsByServicePort`).
    const protocol = exposures[0]?.protocol ?? 'auto';
    if (protocol === 'udp') continue;
    ports.push({
      port: number,
      name: declared?.name ?? exposures[0]?.portName ?? null,
      protocol,
      chain: chainOf(protocol),
      exposedBy: exposures,
      declaredAt: declared?.at ?? null,
      protocolConflict: new Set(exposures.map((e) => e.protocol)).size > 1,
    });
  }
  return ports;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function allNamespaces(mesh: Mesh): string[] {
  const names = new Set<string>(mesh.namespaces.map((n) => n.ref.name));
  const lists = [
    mesh.workloads,
    mesh.services,
    mesh.serviceAccounts,
    mesh.peerAuthentications,
    mesh.authorizationPolicies,
    mesh.requestAuthentications,
    mesh.destinationRules,
    mesh.serviceEntries,
    mesh.sidecars,
  ];
  for (const list of lists) for (const object of list) names.add(object.ref.namespace);
  names.add(mesh.settings.rootNamespace.value);
  return [...names].sort();
}
