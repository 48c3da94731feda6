import type {
  AuthorizationPolicy,
  PolicyTargetRef,
  RequestAuthentication,
} from '../model/istio.js';
import type { Labels } from '../model/kubernetes.js';
import type { Mesh } from '../model/mesh.js';
import { selects } from '../topology/index.js';
import type { WorkloadNode } from '../topology/index.js';

/**
 * Which AuthorizationPolicies a workload's proxy enforces (`pilot/pkg/model/authorization.go`
 * `ListAuthorizationPolicies`, `policyattachment.go` `ShouldAttachPolicy`; `istio-semantics.md`
 * §3.1): candidates are the policies of the root namespace and of the workload's namespace.
 * A sidecar ignores any policy with `targetRef(s)`; otherwise the policy applies when it has no
 * selector or its `matchLabels` are a subset of the pod labels. So a root-namespace policy
 * without a selector is mesh-wide, and one with a selector applies to matching workloads in
 * every namespace (unlike PeerAuthentication).
 *
 * Gateway API gateway pods (label `gateway.networking.k8s.io/gateway-name`) also take policies
 * whose `targetRefs` name their Gateway; selector policies still apply to them while
 * `ENABLE_SELECTOR_BASED_K8S_GATEWAY_POLICY` is on (the default).
 */

export const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';
const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
/** Waypoints are labelled by the Istio gateway controller that manages them. */
const MANAGED_LABEL = 'gateway.istio.io/managed';
const WAYPOINT_CONTROLLER = 'istio.io-mesh-controller';

export type IgnoredReason =
  /** Sidecars ignore policies with `targetRef(s)`: they are for waypoints and gateways. */
  'target-refs';

export interface PolicyScope {
  /** Enforced, in namespace then name order. */
  readonly enforced: readonly AuthorizationPolicy[];
  /** Selected but annotated `istio.io/dry-run: "true"`: evaluated in shadow mode only. */
  readonly dryRun: readonly AuthorizationPolicy[];
  /** Candidates (root or own namespace) the proxy does not take, with why. */
  readonly ignored: readonly {
    readonly policy: AuthorizationPolicy;
    readonly reason: IgnoredReason;
  }[];
}

export interface PolicyIndex {
  readonly rootNamespace: string;
  readonly byNamespace: ReadonlyMap<string, readonly AuthorizationPolicy[]>;
  readonly requestAuthentications: ReadonlyMap<string, readonly RequestAuthentication[]>;
}

export function indexPolicies(mesh: Mesh): PolicyIndex {
  return {
    rootNamespace: mesh.settings.rootNamespace.value,
    byNamespace: groupByNamespace(mesh.authorizationPolicies),
    requestAuthentications: groupByNamespace(mesh.requestAuthentications),
  };
}

function groupByNamespace<T extends { readonly ref: { readonly namespace: string } }>(
  objects: readonly T[],
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const object of objects) {
    const list = out.get(object.ref.namespace) ?? [];
    list.push(object);
    out.set(object.ref.namespace, list);
  }
  return out;
}

/** A waypoint proxy enforces L7 policy for ambient workloads; this engine does not model it. */
export function isWaypoint(labels: Labels): boolean {
  return labels[MANAGED_LABEL] === WAYPOINT_CONTROLLER;
}

export function policiesFor(
  workload: WorkloadNode,
  index: PolicyIndex,
  labels: Labels = workload.workload.podLabels,
): PolicyScope {
  const enforced: AuthorizationPolicy[] = [];
  const dryRun: AuthorizationPolicy[] = [];
  const ignored: { policy: AuthorizationPolicy; reason: IgnoredReason }[] = [];
  for (const policy of candidates(workload.namespace, index.rootNamespace, index.byNamespace)) {
    const attached = attaches(policy, workload, labels);
    if (attached === 'ignored') ignored.push({ policy, reason: 'target-refs' });
    else if (attached === 'yes') (policy.dryRun ? dryRun : enforced).push(policy);
  }
  return { enforced, dryRun, ignored };
}

/** RequestAuthentications follow the same attachment rules. */
export function requestAuthenticationsFor(
  workload: WorkloadNode,
  index: PolicyIndex,
  labels: Labels = workload.workload.podLabels,
): RequestAuthentication[] {
  return candidates(workload.namespace, index.rootNamespace, index.requestAuthentications).filter(
    (policy) => attaches(policy, workload, labels) === 'yes',
  );
}

function candidates<T>(
  namespace: string,
  root: string,
  byNamespace: ReadonlyMap<string, readonly T[]>,
): T[] {
  const own = byNamespace.get(namespace) ?? [];
  return namespace === root ? [...own] : [...(byNamespace.get(root) ?? []), ...own];
}

type Attachment = 'yes' | 'no' | 'ignored';

function attaches(
  policy: {
    readonly selector: { readonly matchLabels: Labels } | null;
    readonly targetRefs: readonly PolicyTargetRef[];
    readonly ref: { readonly namespace: string };
  },
  workload: WorkloadNode,
  labels: Labels,
): Attachment {
  const gateway = labels[GATEWAY_NAME_LABEL];
  const selected = policy.selector === null || selects(policy.selector.matchLabels, labels);
  if (gateway === undefined || isWaypoint(labels)) {
    if (policy.targetRefs.length > 0) return 'ignored';
    return selected ? 'yes' : 'no';
  }
  if (policy.targetRefs.length === 0) return selected ? 'yes' : 'no';
  const targetsGateway = policy.targetRefs.some(
    (ref) =>
      ref.kind === 'Gateway' &&
      ref.group === GATEWAY_API_GROUP &&
      ref.name === gateway &&
      policy.ref.namespace === workload.namespace,
  );
  return targetsGateway ? 'yes' : 'ignored';
}
