import type { Sidecar } from '../model/istio.js';
import type { WorkloadNode } from '../topology/index.js';
import type { InjectionDecision } from './types.js';
import type { Labels } from '../model/kubernetes.js';
import type { Mesh } from '../model/mesh.js';
import type { DestinationRuleIndex } from './destination-rule-index.js';
import type { HostEntry, HostRegistry } from './hosts.js';
import { hostVisibleTo } from './hosts.js';
import type { SidecarIndex } from './sidecar-scope.js';

/**
 * Client classes. Two callers share a class when everything the client side of a call depends on
 * is the same for them: the dataplane, the DestinationRules with a workloadSelector that select
 * them, the Sidecar in effect, and their namespace, but only where the namespace changes an
 * answer. Most namespaces do not: the clients of a namespace with no Sidecar, no private or
 * cross-namespace DestinationRule and no restricted exportTo see exactly what a client of a
 * namespace unknown to the manifests sees, and share its class.
 */

/** The namespace a client of an undistinguished namespace is evaluated in: it matches nothing. */
export const ANY_NAMESPACE = '(any namespace)';

export type ClientKind = 'plaintext' | 'ambient' | 'sidecar' | 'gateway';

/** Everything a client-side computation may read. */
export interface ClientContext {
  readonly key: string;
  readonly kind: ClientKind;
  /** The client's namespace, or `ANY_NAMESPACE` when it makes no difference. */
  readonly namespace: string;
  readonly labels: Labels;
  readonly sidecar: Sidecar | null;
  /** False when the client's own dataplane was assumed. */
  readonly exact: boolean;
}

export interface ClassifierDeps {
  readonly mesh: Mesh;
  readonly hosts: HostRegistry;
  readonly destinationRules: DestinationRuleIndex;
  readonly sidecars: SidecarIndex;
}

/** Decides, once per namespace, whether a client's namespace can change a client-side answer. */
export function namespaceDistinguisher(deps: ClassifierDeps): (namespace: string) => boolean {
  const { mesh, hosts, destinationRules, sidecars } = deps;
  const root = mesh.settings.rootNamespace.value;
  const byHost = new Map<string, HostEntry[]>();
  for (const entry of hosts.all) {
    const list = byHost.get(entry.host);
    if (list) list.push(entry);
    else byHost.set(entry.host, [entry]);
  }
  const restrictedOwners = new Set<string>();
  const namedByHosts = new Set<string>();
  for (const entry of hosts.all) {
    if (!hostVisibleTo(entry, ANY_NAMESPACE)) restrictedOwners.add(entry.namespace);
    for (const name of entry.exportTo ?? [])
      if (!['.', '*', '~'].includes(name)) namedByHosts.add(name);
  }
  const rulesByNamespace = new Map<string, Mesh['destinationRules'][number][]>();
  for (const rule of mesh.destinationRules) {
    const list = rulesByNamespace.get(rule.ref.namespace) ?? [];
    list.push(rule);
    rulesByNamespace.set(rule.ref.namespace, list);
  }
  /** Every host a rule's (resolved) host matches is owned by `namespace`. */
  const matchesOnlyOwnHosts = (ruleHost: string, namespace: string): boolean => {
    if (!ruleHost.startsWith('*'))
      return (byHost.get(ruleHost) ?? []).every((e) => e.namespace === namespace);
    const suffix = ruleHost.slice(1);
    // A Service name has no dot, so `*.<ns>.svc.cluster.local` can only meet ServiceEntry hosts elsewhere.
    const serviceSuffix = `.${namespace}.svc.cluster.local`;
    return hosts.all.every((entry) => {
      if (suffix === serviceSuffix && entry.service !== null) return true;
      const needle = entry.host.startsWith('*') ? entry.host.slice(1) : entry.host;
      const matches = entry.host === ruleHost || needle.endsWith(suffix);
      return !matches || entry.namespace === namespace;
    });
  };
  const transparentRules = (namespace: string): boolean =>
    (rulesByNamespace.get(namespace) ?? []).every(
      (rule) =>
        rule.workloadSelector === null &&
        destinationRules.exportedToAll(rule) &&
        matchesOnlyOwnHosts(destinationRules.resolvedHost(rule), namespace),
    );
  const cache = new Map<string, boolean>();
  return (namespace) => {
    let distinguished = cache.get(namespace);
    if (distinguished === undefined) {
      distinguished =
        namespace === root ||
        sidecars.rootDefaultIsRelative ||
        sidecars.namespaces.has(namespace) ||
        destinationRules.namedInExportTo.has(namespace) ||
        namedByHosts.has(namespace) ||
        restrictedOwners.has(namespace) ||
        !transparentRules(namespace);
      cache.set(namespace, distinguished);
    }
    return distinguished;
  };
}

/** Callers without a proxy: plaintext, no identity, nothing to resolve. */
export const PLAINTEXT: ClientContext = {
  key: 'plaintext',
  kind: 'plaintext',
  namespace: ANY_NAMESPACE,
  labels: {},
  sidecar: null,
  exact: true,
};

/**
 * A workload's class. Clients without a proxy form one class, ambient clients another (ztunnel
 * reads no DestinationRule or Sidecar); sidecars and gateways differ by namespace (only where it
 * changes an answer), by the selector DestinationRules that select them and by the Sidecar in
 * effect. A dataplane that was assumed, not read, keeps its own class so answers stay marked.
 */
export function workloadContext(
  workload: WorkloadNode,
  decision: InjectionDecision,
  labels: Labels,
  distinguished: (namespace: string) => boolean,
  destinationRules: DestinationRuleIndex,
  sidecars: SidecarIndex,
): ClientContext {
  const assumed = decision.exact ? '' : 'assumed';
  if (decision.dataplane === 'NO_SIDECAR') {
    return {
      ...PLAINTEXT,
      key: decision.exact ? 'plaintext' : 'plaintext|assumed',
      exact: decision.exact,
    };
  }
  if (decision.dataplane === 'AMBIENT') {
    return { ...PLAINTEXT, key: `ambient|${assumed}`, kind: 'ambient', exact: decision.exact };
  }
  const own = workload.namespace;
  const namespace = distinguished(own) ? own : ANY_NAMESPACE;
  const rules = destinationRules.selectingRules(own, labels).map((r) => r.ref.name);
  const kind = decision.gateway ? 'gateway' : 'sidecar';
  // Sidecar resources shape sidecars only, never gateways.
  const sidecar = decision.gateway ? null : sidecars.sidecarFor(own, labels);
  return {
    key: `${kind}|${namespace === ANY_NAMESPACE ? '*' : namespace}|${rules.join(',')}|${sidecarKey(sidecar)}|${assumed}`,
    kind,
    namespace,
    labels,
    sidecar,
    exact: decision.exact,
  };
}

export function sidecarKey(sidecar: ClientContext['sidecar']): string {
  return sidecar === null ? '' : `${sidecar.ref.namespace}/${sidecar.ref.name}`;
}
