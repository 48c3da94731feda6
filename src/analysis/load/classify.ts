import { WORKLOAD_KINDS } from '../model/kubernetes.js';
import type { WorkloadKind } from '../model/kubernetes.js';

/** What a document's `apiVersion` + `kind` make of it. */
export type Classification =
  | { readonly type: 'workload'; readonly kind: WorkloadKind }
  | { readonly type: 'namespace' | 'service' | 'service-account' | 'config-map' | 'istio-operator' }
  | {
      readonly type: 'istio';
      readonly kind:
        | 'PeerAuthentication'
        | 'AuthorizationPolicy'
        | 'RequestAuthentication'
        | 'DestinationRule'
        | 'ServiceEntry'
        | 'Sidecar';
    }
  | { readonly type: 'list' }
  | { readonly type: 'obsolete'; readonly replacement: string }
  | { readonly type: 'unknown-version'; readonly known: string }
  | { readonly type: 'not-modelled' };

const SECURITY_VERSIONS = ['v1', 'v1beta1'];
const NETWORKING_VERSIONS = ['v1', 'v1beta1', 'v1alpha3'];
const SECURITY_KINDS = new Set([
  'PeerAuthentication',
  'AuthorizationPolicy',
  'RequestAuthentication',
]);
const NETWORKING_KINDS = new Set(['DestinationRule', 'ServiceEntry', 'Sidecar']);
const WORKLOAD_GROUPS: Record<WorkloadKind, readonly string[]> = {
  Pod: [''],
  ReplicationController: [''],
  Deployment: ['apps', 'extensions'],
  StatefulSet: ['apps'],
  DaemonSet: ['apps', 'extensions'],
  ReplicaSet: ['apps', 'extensions'],
  Job: ['batch'],
  CronJob: ['batch'],
  Rollout: ['argoproj.io'],
};
const CORE_KINDS = {
  Namespace: 'namespace',
  Service: 'service',
  ServiceAccount: 'service-account',
  ConfigMap: 'config-map',
} as const;
const OBSOLETE_GROUPS: Record<string, string> = {
  'authentication.istio.io': 'PeerAuthentication or RequestAuthentication (security.istio.io/v1)',
  'rbac.istio.io': 'AuthorizationPolicy (security.istio.io/v1)',
};

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/**
 * Decides what an object is from its group and kind. The group matters: a Knative `Service` is
 * not a Kubernetes Service, and a Gateway API `Gateway` is not an Istio one.
 */
export function classify(apiVersion: string, kind: string): Classification {
  const { group, version } = splitApiVersion(apiVersion);
  if (group in OBSOLETE_GROUPS)
    return { type: 'obsolete', replacement: OBSOLETE_GROUPS[group] ?? '' };
  if (group === 'security.istio.io' && SECURITY_KINDS.has(kind)) {
    return SECURITY_VERSIONS.includes(version)
      ? { type: 'istio', kind: kind as 'PeerAuthentication' }
      : {
          type: 'unknown-version',
          known: SECURITY_VERSIONS.map((v) => `${group}/${v}`).join(' or '),
        };
  }
  if (group === 'networking.istio.io' && NETWORKING_KINDS.has(kind)) {
    return NETWORKING_VERSIONS.includes(version)
      ? { type: 'istio', kind: kind as 'DestinationRule' }
      : {
          type: 'unknown-version',
          known: NETWORKING_VERSIONS.map((v) => `${group}/${v}`).join(', '),
        };
  }
  if (group === 'install.istio.io' && kind === 'IstioOperator') return { type: 'istio-operator' };
  if (group === '' && kind in CORE_KINDS)
    return { type: CORE_KINDS[kind as keyof typeof CORE_KINDS] };
  if (
    (WORKLOAD_KINDS as readonly string[]).includes(kind) &&
    WORKLOAD_GROUPS[kind as WorkloadKind].includes(group)
  ) {
    return { type: 'workload', kind: kind as WorkloadKind };
  }
  if (kind === 'List' || (kind.endsWith('List') && group === '')) return { type: 'list' };
  return { type: 'not-modelled' };
}
