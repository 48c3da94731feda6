import type { MtlsMode, PeerAuthentication } from '../model/istio.js';
import type { Labels, ObjectBase } from '../model/kubernetes.js';
import type { Mesh } from '../model/mesh.js';
import { compareText } from '../model/source.js';
import { selects } from '../topology/index.js';

/**
 * PeerAuthentications indexed by namespace, as `initAuthenticationPolicies`
 * (`pilot/pkg/model/authentication.go`) and `ComposePeerAuthentication`
 * (`pilot/pkg/security/authn/policy_applier.go`) see them (§1.1–§1.3).
 */

/** The policy Istio uses at one level, and the ones it drops there. */
export interface LevelPick {
  readonly chosen: PeerAuthentication;
  /** Same level, newer (or later by name): Istio ignores them entirely. */
  readonly ignored: readonly PeerAuthentication[];
  /** The pick rests on name order: timestamps are missing or equal (§1.3). */
  readonly byName: boolean;
}

export type NamespaceMode = Exclude<MtlsMode, 'UNSET'> | 'UNKNOWN';

export interface PeerAuthenticationIndex {
  readonly rootNamespace: string;
  /** The mesh-wide policy: root namespace, no selector (or empty `matchLabels`). */
  readonly mesh: LevelPick | null;
  namespacePolicy(namespace: string): LevelPick | null;
  /** Workload-level policies matching these labels in this namespace, oldest first. */
  workloadPolicies(namespace: string, labels: Labels): readonly PeerAuthentication[];
  /** Every workload-level candidate of a namespace (for findings). */
  workloadCandidates(namespace: string): readonly PeerAuthentication[];
  /** Root-namespace policies with a selector: Istio ignores them (§1.1). */
  readonly ignoredRootSelectors: readonly PeerAuthentication[];
  /**
   * `GetNamespaceMutualTLSMode`: the namespace policy's mode (UNSET inherits the mesh's), else the
   * mesh policy's (UNSET counts as PERMISSIVE), else `UNKNOWN`. Auto mTLS gates on it (§2.3).
   */
  namespaceMode(namespace: string): NamespaceMode;
  /** Every namespace that holds a namespace-level pick, sorted. */
  readonly namespacesWithPolicy: readonly string[];
}

export function hasSelector(policy: PeerAuthentication): boolean {
  return policy.selector !== null && Object.keys(policy.selector.matchLabels).length > 0;
}

/**
 * `configCompareByCreationTime` (`pilot/pkg/model/config.go`): creation time, then name, then
 * namespace. A manifest without `creationTimestamp` counts as time zero, so among such policies the
 * name decides, as it does in istiod for policies created in the same second.
 */
export function compareAge(a: ObjectBase, b: ObjectBase): number {
  return (
    timeOf(a) - timeOf(b) ||
    compareText(a.ref.name, b.ref.name) ||
    compareText(a.ref.namespace, b.ref.namespace)
  );
}

function timeOf(object: ObjectBase): number {
  if (object.creationTimestamp === null) return 0;
  const time = Date.parse(object.creationTimestamp);
  return Number.isNaN(time) ? 0 : time;
}

export function sameAge(a: ObjectBase, b: ObjectBase): boolean {
  return timeOf(a) === timeOf(b);
}

function pick(policies: readonly PeerAuthentication[]): LevelPick | null {
  const [chosen, ...ignored] = [...policies].sort(compareAge);
  if (chosen === undefined) return null;
  const next = ignored[0];
  return { chosen, ignored, byName: next !== undefined && sameAge(chosen, next) };
}

export function indexPeerAuthentications(mesh: Mesh): PeerAuthenticationIndex {
  const rootNamespace = mesh.settings.rootNamespace.value;
  const levelPolicies = new Map<string, PeerAuthentication[]>();
  const workloadByNamespace = new Map<string, PeerAuthentication[]>();
  const ignoredRootSelectors: PeerAuthentication[] = [];
  for (const policy of mesh.peerAuthentications) {
    const namespace = policy.ref.namespace;
    if (!hasSelector(policy)) push(levelPolicies, namespace, policy);
    else if (namespace === rootNamespace) ignoredRootSelectors.push(policy);
    else push(workloadByNamespace, namespace, policy);
  }
  for (const list of workloadByNamespace.values()) list.sort(compareAge);
  const picks = new Map<string, LevelPick | null>();
  for (const [namespace, list] of levelPolicies) picks.set(namespace, pick(list));
  const meshPick = picks.get(rootNamespace) ?? null;
  const namespaceMode = (namespace: string): NamespaceMode => {
    const meshMode: NamespaceMode =
      meshPick === null
        ? 'UNKNOWN'
        : meshPick.chosen.mode === 'UNSET'
          ? 'PERMISSIVE'
          : meshPick.chosen.mode;
    const own = namespace === rootNamespace ? null : (picks.get(namespace) ?? null);
    if (own === null) return meshMode;
    if (own.chosen.mode !== 'UNSET') return own.chosen.mode;
    return meshMode === 'UNKNOWN' ? 'PERMISSIVE' : meshMode;
  };
  return {
    rootNamespace,
    mesh: meshPick,
    namespacePolicy: (namespace) =>
      namespace === rootNamespace ? null : (picks.get(namespace) ?? null),
    workloadPolicies: (namespace, labels) =>
      (workloadByNamespace.get(namespace) ?? []).filter((policy) =>
        selects(policy.selector?.matchLabels ?? {}, labels),
      ),
    workloadCandidates: (namespace) => workloadByNamespace.get(namespace) ?? [],
    ignoredRootSelectors: ignoredRootSelectors.sort(compareAge),
    namespaceMode,
    namespacesWithPolicy: [...picks.keys()].filter((n) => n !== rootNamespace).sort(compareText),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
