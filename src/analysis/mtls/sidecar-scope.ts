import type { Sidecar } from '../model/istio.js';
import type { Labels } from '../model/kubernetes.js';
import type { Mesh } from '../model/mesh.js';
import { selects } from '../topology/index.js';
import type { HostEntry } from './hosts.js';
import { compareAge } from './peer-authentication-index.js';

/**
 * Which `Sidecar` resource shapes a client proxy, and what it imports (§2.6): a workloadSelector
 * Sidecar of the namespace, else the namespace's selector-less one, else the root namespace's.
 * Several Sidecars for one workload is undefined behaviour in Istio (IST0110/IST0111); the oldest
 * (then first by name) stands in for it.
 */
export interface SidecarIndex {
  sidecarFor(namespace: string, labels: Labels): Sidecar | null;
  /** Namespaces that hold any Sidecar. */
  readonly namespaces: ReadonlySet<string>;
  /** The root namespace's default Sidecar resolves `.` per client namespace. */
  readonly rootDefaultIsRelative: boolean;
  readonly rootDefault: Sidecar | null;
}

export function indexSidecars(mesh: Mesh): SidecarIndex {
  const root = mesh.settings.rootNamespace.value;
  const withSelector = new Map<string, Sidecar[]>();
  const defaults = new Map<string, Sidecar>();
  for (const sidecar of [...mesh.sidecars].sort(compareAge)) {
    const namespace = sidecar.ref.namespace;
    if (sidecar.workloadSelector !== null) {
      withSelector.set(namespace, [...(withSelector.get(namespace) ?? []), sidecar]);
    } else if (!defaults.has(namespace)) defaults.set(namespace, sidecar);
  }
  const rootDefault = defaults.get(root) ?? null;
  return {
    sidecarFor(namespace, labels) {
      const selected = (withSelector.get(namespace) ?? []).find((s) =>
        selects(s.workloadSelector?.matchLabels ?? {}, labels),
      );
      return selected ?? defaults.get(namespace) ?? rootDefault;
    },
    namespaces: new Set([...withSelector.keys(), ...defaults.keys()]),
    rootDefaultIsRelative:
      rootDefault?.egress.some((e) => e.hosts.some((h) => h.value.startsWith('./'))) ?? false,
    rootDefault,
  };
}

/**
 * Does the Sidecar import `host:port` for a proxy of `namespace`? Hosts are `namespace/dnsName`;
 * the namespace part may be `*`, `.` (the proxy's namespace) or `~` (none); the dnsName `*`, a
 * `*.suffix` wildcard, or an exact name. An egress listener with a port only serves that port.
 * A Sidecar without egress imports everything visible.
 */
export function sidecarImports(
  sidecar: Sidecar | null,
  namespace: string,
  entry: HostEntry,
  port: number,
): boolean {
  if (sidecar === null || sidecar.egress.length === 0) return true;
  return sidecar.egress.some(
    (listener) =>
      (listener.port === null || listener.port === port) &&
      listener.hosts.some((host) => importsHost(host.value, namespace, entry)),
  );
}

function importsHost(pattern: string, namespace: string, entry: HostEntry): boolean {
  const slash = pattern.indexOf('/');
  const ns = slash < 0 ? '*' : pattern.slice(0, slash);
  const dns = slash < 0 ? pattern : pattern.slice(slash + 1);
  const namespaceMatches =
    ns === '*' ||
    (ns === '.' ? entry.namespace === namespace : ns !== '~' && ns === entry.namespace);
  if (!namespaceMatches) return false;
  if (dns === '*') return true;
  if (dns.startsWith('*.')) return entry.host.endsWith(dns.slice(1));
  return dns === entry.host;
}
