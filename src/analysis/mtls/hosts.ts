import type { ServiceEntry } from '../model/istio.js';
import type { Service } from '../model/kubernetes.js';
import type { ResourceRef, Source } from '../model/source.js';
import { compareText } from '../model/source.js';
import { selects, serviceHost } from '../topology/index.js';
import type { Topology, WorkloadNode } from '../topology/index.js';

/**
 * The hosts a client can call: Kubernetes Services (`name.namespace.svc.cluster.local`) and
 * ServiceEntry hosts, each with what auto mTLS and DestinationRule lookup need to know.
 */
export interface HostEntry {
  readonly host: string;
  /** The namespace that owns the host: DestinationRule lookup step 2 searches it (§2.4). */
  readonly namespace: string;
  readonly ref: ResourceRef;
  readonly at: Source;
  /** `networking.istio.io/exportTo` (Service) or `exportTo` (ServiceEntry); `null`: everywhere. */
  readonly exportTo: readonly string[] | null;
  /** ServiceEntry `MESH_EXTERNAL` (the default): never auto mTLS (§2.5). */
  readonly meshExternal: boolean;
  /** Headless Service or ServiceEntry resolution NONE: an ORIGINAL_DST cluster (§2.3). */
  readonly passthrough: boolean;
  readonly service: Service | null;
  readonly serviceEntry: ServiceEntry | null;
}

/** One way to reach a workload port: a host and the port the client dials on it. */
export interface Exposure {
  readonly entry: HostEntry;
  readonly servicePort: number;
}

/** A workload port behind a host port, with the port the workload receives on. */
export interface HostEndpoint {
  readonly workload: WorkloadNode;
  readonly targetPort: number;
}

export interface HostRegistry {
  /** Every known host, sorted by host then namespace. */
  readonly all: readonly HostEntry[];
  exposures(workload: WorkloadNode, port: number): readonly Exposure[];
  endpoints(entry: HostEntry, servicePort: number): readonly HostEndpoint[];
}

const EXPORT_TO = 'networking.istio.io/exportTo';

export function buildHostRegistry(topology: Topology): HostRegistry {
  const entries: HostEntry[] = [];
  const byService = new Map<Service, HostEntry>();
  for (const service of topology.mesh.services) {
    const entry = serviceEntryOf(service);
    byService.set(service, entry);
    entries.push(entry);
  }
  const serviceEntryHosts = new Map<ServiceEntry, HostEntry[]>();
  for (const serviceEntry of topology.mesh.serviceEntries) {
    const hosts = serviceEntry.hosts.map((host): HostEntry => ({
      host: host.value,
      namespace: serviceEntry.ref.namespace,
      ref: serviceEntry.ref,
      at: host.at,
      exportTo: serviceEntry.exportTo,
      meshExternal: serviceEntry.location === 'MESH_EXTERNAL',
      passthrough: serviceEntry.resolution === 'NONE',
      service: null,
      serviceEntry,
    }));
    serviceEntryHosts.set(serviceEntry, hosts);
    entries.push(...hosts);
  }
  entries.sort((a, b) => compareText(a.host, b.host) || compareText(a.namespace, b.namespace));
  const selectingEntries = topology.mesh.serviceEntries.filter((se) => se.workloadSelector);
  const serviceByRef = new Map(
    topology.mesh.services.map((s) => [`${s.ref.namespace}/${s.ref.name}`, s]),
  );
  const selectedBy = (serviceEntry: ServiceEntry, workload: WorkloadNode): boolean =>
    serviceEntry.ref.namespace === workload.namespace &&
    selects(serviceEntry.workloadSelector?.matchLabels ?? {}, workload.workload.podLabels);
  return {
    all: entries,
    exposures(workload, port) {
      const out: Exposure[] = [];
      const exposed = workload.ports.find((p) => p.port === port)?.exposedBy ?? [];
      for (const exposure of exposed) {
        const service = serviceByRef.get(`${exposure.service.namespace}/${exposure.service.name}`);
        const entry = service && byService.get(service);
        if (entry) out.push({ entry, servicePort: exposure.servicePort });
      }
      for (const serviceEntry of selectingEntries) {
        if (!selectedBy(serviceEntry, workload)) continue;
        for (const sePort of serviceEntry.ports) {
          if ((sePort.targetPort ?? sePort.number) !== port) continue;
          for (const entry of serviceEntryHosts.get(serviceEntry) ?? [])
            out.push({ entry, servicePort: sePort.number });
        }
      }
      return out.sort(compareExposures);
    },
    endpoints(entry, servicePort) {
      if (entry.service !== null) {
        const port = entry.service.ports.find((p) => p.port === servicePort);
        return port === undefined ? [] : topology.endpoints(entry.service, port);
      }
      const serviceEntry = entry.serviceEntry;
      const sePort = serviceEntry?.ports.find((p) => p.number === servicePort);
      if (serviceEntry === null || sePort === undefined || !serviceEntry.workloadSelector)
        return [];
      return topology.workloads
        .filter((w) => selectedBy(serviceEntry, w))
        .map((workload) => ({ workload, targetPort: sePort.targetPort ?? sePort.number }));
    },
  };
}

function serviceEntryOf(service: Service): HostEntry {
  const exportTo = service.annotations[EXPORT_TO];
  return {
    host: serviceHost(service),
    namespace: service.ref.namespace,
    ref: service.ref,
    at: service.source,
    exportTo:
      exportTo === undefined
        ? null
        : exportTo
            .split(',')
            .map((e) => e.trim())
            .filter((e) => e !== ''),
    meshExternal: false,
    passthrough: service.headless,
    service,
    serviceEntry: null,
  };
}

/** Services before ServiceEntries, then namespace, name, host and port: "the first" is stable. */
function compareExposures(a: Exposure, b: Exposure): number {
  const kind = (e: Exposure) => (e.entry.service !== null ? 0 : 1);
  return (
    kind(a) - kind(b) ||
    compareText(a.entry.namespace, b.entry.namespace) ||
    compareText(a.entry.ref.name, b.entry.ref.name) ||
    compareText(a.entry.host, b.entry.host) ||
    a.servicePort - b.servicePort
  );
}

/** Service and ServiceEntry visibility (`exportTo`): `*` everywhere, `.` own namespace, `~` none. */
export function hostVisibleTo(entry: HostEntry, clientNamespace: string): boolean {
  if (entry.exportTo === null || entry.exportTo.length === 0) return true;
  return entry.exportTo.some(
    (e) => e === '*' || (e === '.' && entry.namespace === clientNamespace) || e === clientNamespace,
  );
}
