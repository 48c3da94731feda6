import type { WorkloadSelector } from '../model/istio.js';
import type { Mesh, MeshObject } from '../model/mesh.js';
import { refKey } from '../model/source.js';
import type { EvaluatedSide } from '../graph/side.js';
import { selects, serviceHost, ANY_MESH_IDENTITY, UNAUTHENTICATED } from '../topology/index.js';
import type { ChangeScope, WorkloadNode } from '../topology/index.js';
import { contentKey } from './content-key.js';

/**
 * What a change can affect. Destinations: workloads whose ports must be evaluated for every
 * caller, because something a server-side answer depends on changed (policies applying to it,
 * its labels, mode, Services, DestinationRules toward its hosts). Callers: callers whose own
 * inputs changed (identity, injection, Sidecar scope), evaluated against every destination.
 * Everything else is equal on both sides by construction, which is what makes a one-policy
 * change in a 10,000-workload mesh cheap. The brute-force reference in the tests checks that
 * this is a superset of what really changed.
 */
export type DirtyScope = ChangeScope;

type Lists = Omit<Mesh, 'settings'>;
const LISTS: readonly (keyof Lists)[] = [
  'namespaces',
  'workloads',
  'services',
  'peerAuthentications',
  'authorizationPolicies',
  'requestAuthentications',
  'destinationRules',
  'serviceEntries',
  'sidecars',
];

export function dirtyScope(base: EvaluatedSide, head: EvaluatedSide): DirtyScope {
  if (contentKey(base.mesh.settings) !== contentKey(head.mesh.settings)) return everything();
  const destinations = new Set<string>();
  const callers = new Set<string>();
  const mark = (set: Set<string>, nodes: Iterable<WorkloadNode>) => {
    for (const node of nodes) set.add(node.id);
  };
  const nodesOf = (side: EvaluatedSide) =>
    new Map<MeshObject, WorkloadNode>(side.topology.workloads.map((w) => [w.workload, w]));
  const nodes = new Map([
    [base, nodesOf(base)],
    [head, nodesOf(head)],
  ]);
  for (const list of LISTS) {
    for (const [object, side] of changedObjects(base.mesh[list], head.mesh[list], base, head)) {
      const effect = effectOf(object, side, nodes.get(side) ?? new Map());
      if (effect === 'all') return everything();
      mark(destinations, effect.destinations);
      mark(callers, effect.callers);
      if (effect.pseudoCallers) {
        callers.add(UNAUTHENTICATED);
        callers.add(ANY_MESH_IDENTITY);
      }
    }
  }
  for (const id of changedEndpoints(base, head)) destinations.add(id);
  return { all: false, destinations, callers };
}

function everything(): DirtyScope {
  return { all: true, destinations: new Set(), callers: new Set() };
}

/**
 * Objects added, removed or changed in meaning, each paired with the side it comes from. The
 * loader hands both sides the same object for an unchanged document, so identity settles most
 * comparisons before any content key is built.
 */
function changedObjects(
  base: readonly MeshObject[],
  head: readonly MeshObject[],
  baseSide: EvaluatedSide,
  headSide: EvaluatedSide,
): [MeshObject, EvaluatedSide][] {
  const headByRef = new Map(head.map((o) => [refKey(o.ref), o]));
  const unchanged = new Set<MeshObject>();
  const changed: [MeshObject, EvaluatedSide][] = [];
  for (const object of base) {
    const other = headByRef.get(refKey(object.ref));
    if (other !== undefined && (other === object || contentKey(other) === contentKey(object))) {
      unchanged.add(other);
      continue;
    }
    changed.push([object, baseSide]);
  }
  for (const object of head) if (!unchanged.has(object)) changed.push([object, headSide]);
  return changed;
}

interface Effect {
  readonly destinations: readonly WorkloadNode[];
  readonly callers: readonly WorkloadNode[];
  readonly pseudoCallers: boolean;
}

function effectOf(
  object: MeshObject,
  side: EvaluatedSide,
  nodeOf: ReadonlyMap<MeshObject, WorkloadNode>,
): Effect | 'all' {
  const root = side.mesh.settings.rootNamespace.value;
  const inNamespace = (ns: string) => side.topology.workloadsIn(ns);
  const none: Effect = { destinations: [], callers: [], pseudoCallers: false };
  switch (object.kind) {
    case 'Namespace':
      return {
        destinations: inNamespace(object.ref.name),
        callers: inNamespace(object.ref.name),
        pseudoCallers: false,
      };
    case 'Service':
      return {
        ...none,
        destinations: side.topology
          .workloadsIn(object.ref.namespace)
          .filter(
            (w) => object.selector !== null && selects(object.selector, w.workload.podLabels),
          ),
      };
    case 'ServiceAccount':
      return none;
    case 'AuthorizationPolicy':
    case 'RequestAuthentication':
    case 'PeerAuthentication': {
      const selector = object.selector;
      const targeted = 'targetRefs' in object && object.targetRefs.length > 0;
      return {
        ...none,
        destinations: targeted
          ? inNamespace(object.ref.namespace)
          : policyScope(side, object.ref.namespace, selector, root),
      };
    }
    case 'Sidecar': {
      if (object.ref.namespace === root && object.workloadSelector === null) return 'all';
      return {
        ...none,
        callers: policyScope(side, object.ref.namespace, object.workloadSelector, root),
        pseudoCallers: object.ref.namespace === root,
      };
    }
    case 'DestinationRule':
    case 'ServiceEntry':
      return hostEffect(object, side);
    default: {
      // A workload: its labels, service account, ports or injection settings changed, so it is
      // both a destination and a caller to re-evaluate.
      const node = nodeOf.get(object);
      const nodes = node === undefined ? [] : [node];
      return { destinations: nodes, callers: nodes, pseudoCallers: false };
    }
  }
}

/**
 * Workloads a selector-based object can reach: in the root namespace, every workload (or every
 * matching one, in any namespace); elsewhere, its namespace's (matching) workloads. This is a
 * superset of PeerAuthentication's rule (root selectors ignored), which is fine for a dirty set.
 */
function policyScope(
  side: EvaluatedSide,
  namespace: string,
  selector: WorkloadSelector | null,
  root: string,
): WorkloadNode[] {
  const labels =
    selector === null || Object.keys(selector.matchLabels).length === 0
      ? null
      : selector.matchLabels;
  const candidates =
    namespace === root ? side.topology.workloads : side.topology.workloadsIn(namespace);
  // Selectors see the injected labels too (`security.istio.io/tlsMode`, canonical names).
  return candidates.filter((w) => labels === null || selects(labels, side.mtls.selectorLabels(w)));
}

/** DestinationRules and ServiceEntries act on hosts: every workload behind a matching host. */
function hostEffect(
  object: Extract<MeshObject, { kind: 'DestinationRule' | 'ServiceEntry' }>,
  side: EvaluatedSide,
): Effect | 'all' {
  const patterns =
    object.kind === 'DestinationRule'
      ? [expandShortName(object.host.value, object.ref.namespace)]
      : object.hosts.map((h) => expandShortName(h.value, object.ref.namespace));
  if (patterns.some((p) => p === '*')) return 'all';
  const destinations = new Set<WorkloadNode>();
  for (const service of side.mesh.services) {
    const host = serviceHost(service);
    if (patterns.some((p) => hostMatches(p, host)))
      for (const w of side.topology.selectedWorkloads(service)) destinations.add(w);
  }
  // A ServiceEntry's workloadSelector makes workloads endpoints of its hosts: a DestinationRule
  // for one of those hosts reaches them as a Service's would.
  const entries =
    object.kind === 'ServiceEntry'
      ? [object]
      : side.mesh.serviceEntries.filter((entry) =>
          entry.hosts.some((h) => {
            const host = expandShortName(h.value, entry.ref.namespace);
            return patterns.some((p) => hostMatches(p, host) || hostMatches(host, p));
          }),
        );
  for (const entry of entries)
    if (entry.workloadSelector !== null)
      for (const w of policyScope(side, entry.ref.namespace, entry.workloadSelector, ''))
        destinations.add(w);
  const callers =
    object.kind === 'DestinationRule' && object.workloadSelector !== null
      ? policyScope(side, object.ref.namespace, object.workloadSelector, '')
      : [];
  return { destinations: [...destinations], callers, pseudoCallers: false };
}

function expandShortName(host: string, namespace: string): string {
  return host.includes('.') || host.includes('*')
    ? host.toLowerCase()
    : `${host}.${namespace}.svc.cluster.local`.toLowerCase();
}

function hostMatches(pattern: string, host: string): boolean {
  return pattern.startsWith('*') ? host.endsWith(pattern.slice(1)) : pattern === host;
}

/**
 * A Service whose endpoints changed (a workload added, removed or relabelled, or one whose
 * sidecar or `tlsMode` changed) changes auto mTLS for headless Services (all-or-nothing over
 * endpoints, `BestEffortInferServiceMTLSMode`) and which ports each workload exposes.
 */
function changedEndpoints(base: EvaluatedSide, head: EvaluatedSide): Set<string> {
  const members = (side: EvaluatedSide) =>
    new Map(
      side.mesh.services.map((s) => [
        refKey(s.ref),
        side.topology
          .selectedWorkloads(s)
          .map((w) => `${w.id}\u0000${side.mtls.dataplane(w).endpointTlsMode}`)
          .sort()
          .join(','),
      ]),
    );
  const before = members(base);
  const after = members(head);
  const changed = new Set<string>();
  for (const [key, ids] of before) {
    const now = after.get(key);
    if (now !== undefined && now !== ids)
      for (const member of [...ids.split(','), ...now.split(',')])
        if (member !== '') changed.add(member.split('\u0000')[0] ?? member);
  }
  return changed;
}
