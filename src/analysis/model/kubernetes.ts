import type { Located, ResourceRef, Source } from './source.js';

export type Labels = Readonly<Record<string, string>>;

/** Fields every modelled Kubernetes object carries. */
export interface ObjectBase {
  readonly ref: ResourceRef;
  readonly apiVersion: string;
  /** Position of the object (its first line). */
  readonly source: Source;
  readonly labels: Labels;
  readonly annotations: Labels;
  /**
   * `metadata.creationTimestamp` when the manifest carries one (live dumps do). Istio breaks ties
   * between same-level PeerAuthentications by age, so it matters for conflict resolution.
   */
  readonly creationTimestamp: string | null;
}

export interface Namespace extends ObjectBase {
  readonly kind: 'Namespace';
  /** `metadata.labels` (the object when it has none): injection and ambient labels live there. */
  readonly labelsAt: Source;
}

export const WORKLOAD_KINDS = [
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
  'Rollout',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export interface ContainerPort {
  readonly name: string | null;
  readonly containerPort: number;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  readonly at: Source;
}

/** The controller that owns a Pod or ReplicaSet, from `metadata.ownerReferences`. */
export interface OwnerRef {
  readonly kind: string;
  readonly name: string;
}

/**
 * Anything that runs pods. Labels, annotations and ports are those of the pod template, since
 * Istio selects and injects pods, not their controllers.
 */
export interface Workload extends ObjectBase {
  readonly kind: WorkloadKind;
  readonly podLabels: Labels;
  readonly podAnnotations: Labels;
  /** Where the pod labels are written (the template's `metadata`, or the Pod's own). */
  readonly podLabelsAt: Source;
  /** `spec.serviceAccountName`, or `default` when unset (Kubernetes' default). */
  readonly serviceAccountName: Located<string>;
  readonly containerPorts: readonly ContainerPort[];
  readonly hostNetwork: boolean;
  readonly owner: OwnerRef | null;
}

export interface ServicePort {
  readonly name: string | null;
  readonly port: number;
  /** A number, or the name of a container port. Defaults to `port` when unset. */
  readonly targetPort: number | string;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  readonly appProtocol: string | null;
  readonly at: Source;
}

export interface Service extends ObjectBase {
  readonly kind: 'Service';
  /** `null` when the Service has no selector (its endpoints are managed elsewhere). */
  readonly selector: Labels | null;
  readonly selectorAt: Source | null;
  readonly ports: readonly ServicePort[];
  readonly type: string;
  /** `spec.clusterIP: None` makes the Service headless. */
  readonly headless: boolean;
}

export interface ServiceAccount extends ObjectBase {
  readonly kind: 'ServiceAccount';
}
