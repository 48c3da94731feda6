import type { Labels, ObjectBase } from './kubernetes.js';
import type { Located, Source } from './source.js';

/** `selector.matchLabels` of PeerAuthentication, AuthorizationPolicy, RequestAuthentication... */
export interface WorkloadSelector {
  readonly matchLabels: Labels;
  readonly at: Source;
}

// --- PeerAuthentication (security.istio.io) ---------------------------------------------------

export const MTLS_MODES = ['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT'] as const;
export type MtlsMode = (typeof MTLS_MODES)[number];

export interface PortLevelMtls {
  /** A workload (container) port, not a Service port. */
  readonly port: number;
  readonly mode: MtlsMode;
  /** The `mode:` line, or the port key when the mode is missing. */
  readonly at: Source;
  /** The port key: what to change when the port is wrong. */
  readonly portAt: Source;
}

export interface PeerAuthentication extends ObjectBase {
  readonly kind: 'PeerAuthentication';
  readonly selector: WorkloadSelector | null;
  /** `UNSET` when `mtls` or `mtls.mode` is missing: the policy inherits. */
  readonly mode: MtlsMode;
  /** Position of `mode:`, or of the object when the mode is not written. */
  readonly modeAt: Source;
  readonly portLevelMtls: readonly PortLevelMtls[];
}

// --- AuthorizationPolicy (security.istio.io) --------------------------------------------------

export const AUTHZ_ACTIONS = ['ALLOW', 'DENY', 'AUDIT', 'CUSTOM'] as const;
export type AuthorizationAction = (typeof AUTHZ_ACTIONS)[number];

/** One field of a rule (`principals`, `notPaths`...): its values, each with its own position. */
export interface MatchField {
  readonly values: readonly Located<string>[];
  readonly at: Source;
}

/** `rules[].from[].source`. Absent fields are `undefined`. */
export interface SourceMatch {
  readonly at: Source;
  readonly principals?: MatchField;
  readonly notPrincipals?: MatchField;
  readonly requestPrincipals?: MatchField;
  readonly notRequestPrincipals?: MatchField;
  readonly namespaces?: MatchField;
  readonly notNamespaces?: MatchField;
  readonly serviceAccounts?: MatchField;
  readonly notServiceAccounts?: MatchField;
  readonly trustDomains?: MatchField;
  readonly notTrustDomains?: MatchField;
  readonly ipBlocks?: MatchField;
  readonly notIpBlocks?: MatchField;
  readonly remoteIpBlocks?: MatchField;
  readonly notRemoteIpBlocks?: MatchField;
}
export type SourceField = Exclude<keyof SourceMatch, 'at'>;
export const SOURCE_FIELDS = [
  'principals',
  'notPrincipals',
  'requestPrincipals',
  'notRequestPrincipals',
  'namespaces',
  'notNamespaces',
  'serviceAccounts',
  'notServiceAccounts',
  'trustDomains',
  'notTrustDomains',
  'ipBlocks',
  'notIpBlocks',
  'remoteIpBlocks',
  'notRemoteIpBlocks',
] as const satisfies readonly SourceField[];

/** `rules[].to[].operation`. */
export interface OperationMatch {
  readonly at: Source;
  readonly hosts?: MatchField;
  readonly notHosts?: MatchField;
  readonly ports?: MatchField;
  readonly notPorts?: MatchField;
  readonly methods?: MatchField;
  readonly notMethods?: MatchField;
  readonly paths?: MatchField;
  readonly notPaths?: MatchField;
}
export type OperationField = Exclude<keyof OperationMatch, 'at'>;
export const OPERATION_FIELDS = [
  'hosts',
  'notHosts',
  'ports',
  'notPorts',
  'methods',
  'notMethods',
  'paths',
  'notPaths',
] as const satisfies readonly OperationField[];

/** `rules[].when[]`. */
export interface Condition {
  readonly at: Source;
  readonly key: Located<string>;
  readonly values: readonly Located<string>[] | null;
  readonly notValues: readonly Located<string>[] | null;
}

export interface AuthorizationRule {
  readonly at: Source;
  /** `null` when `from` is absent (no constraint); the loader reports `from: []` as invalid. */
  readonly from: readonly SourceMatch[] | null;
  readonly to: readonly OperationMatch[] | null;
  readonly when: readonly Condition[] | null;
}

export interface PolicyTargetRef {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  readonly at: Source;
}

export interface AuthorizationPolicy extends ObjectBase {
  readonly kind: 'AuthorizationPolicy';
  readonly selector: WorkloadSelector | null;
  /** `targetRef` and `targetRefs` merged. Sidecars ignore policies that have any. */
  readonly targetRefs: readonly PolicyTargetRef[];
  /** `ALLOW` when omitted. */
  readonly action: AuthorizationAction;
  readonly actionAt: Source;
  /** `provider.name` of a CUSTOM policy. */
  readonly provider: Located<string> | null;
  /**
   * `null` when `rules` is absent (an ALLOW then matches nothing: "allow-nothing"); an empty list
   * when written as `rules: []`, which Istio treats the same.
   */
  readonly rules: readonly AuthorizationRule[] | null;
  /** Annotation `istio.io/dry-run: "true"`: the policy is not enforced. */
  readonly dryRun: boolean;
  /** Where that annotation is written, when it is. */
  readonly dryRunAt: Source | null;
}

// --- RequestAuthentication (security.istio.io) ------------------------------------------------

export interface RequestAuthentication extends ObjectBase {
  readonly kind: 'RequestAuthentication';
  readonly selector: WorkloadSelector | null;
  readonly targetRefs: readonly PolicyTargetRef[];
  readonly issuers: readonly Located<string>[];
}

// --- DestinationRule (networking.istio.io) ----------------------------------------------------

export const CLIENT_TLS_MODES = ['DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL'] as const;
export type ClientTlsMode = (typeof CLIENT_TLS_MODES)[number];

export interface ClientTlsSettings {
  readonly at: Source;
  /** `DISABLE` when `mode` is missing: any `tls` block counts as user-supplied TLS settings. */
  readonly mode: ClientTlsMode;
  readonly modeWritten: boolean;
  readonly credentialName: string | null;
  readonly hasCaCertificates: boolean;
}

export interface PortTrafficPolicy {
  readonly at: Source;
  /** A Service port (unlike PeerAuthentication's port-level keys). */
  readonly port: number;
  readonly tls: ClientTlsSettings | null;
}

export interface TrafficPolicy {
  readonly at: Source;
  readonly tls: ClientTlsSettings | null;
  readonly portLevelSettings: readonly PortTrafficPolicy[];
  /** `loadBalancer.simple`, e.g. `PASSTHROUGH`. */
  readonly loadBalancerSimple: string | null;
}

export interface DestinationSubset {
  readonly at: Source;
  readonly name: string;
  readonly labels: Labels;
  readonly trafficPolicy: TrafficPolicy | null;
}

export interface DestinationRule extends ObjectBase {
  readonly kind: 'DestinationRule';
  readonly host: Located<string>;
  /** `null` when `exportTo` is not written (the mesh default applies). */
  readonly exportTo: readonly string[] | null;
  readonly workloadSelector: WorkloadSelector | null;
  readonly trafficPolicy: TrafficPolicy | null;
  readonly subsets: readonly DestinationSubset[];
}

// --- ServiceEntry (networking.istio.io) -------------------------------------------------------

export interface ServiceEntryPort {
  readonly number: number;
  readonly name: string | null;
  readonly protocol: string | null;
  readonly targetPort: number | null;
  readonly at: Source;
}

export interface ServiceEntryEndpoint {
  readonly address: string | null;
  readonly labels: Labels;
  readonly serviceAccount: string | null;
  readonly ports: Readonly<Record<string, number>>;
  readonly at: Source;
}

export interface ServiceEntry extends ObjectBase {
  readonly kind: 'ServiceEntry';
  readonly hosts: readonly Located<string>[];
  readonly addresses: readonly string[];
  readonly ports: readonly ServiceEntryPort[];
  /** `MESH_EXTERNAL` when omitted (enum value 0). */
  readonly location: 'MESH_EXTERNAL' | 'MESH_INTERNAL';
  readonly resolution: 'NONE' | 'STATIC' | 'DNS' | 'DNS_ROUND_ROBIN';
  readonly workloadSelector: WorkloadSelector | null;
  readonly endpoints: readonly ServiceEntryEndpoint[];
  readonly exportTo: readonly string[] | null;
}

// --- Sidecar (networking.istio.io) ------------------------------------------------------------

export interface SidecarEgress {
  readonly at: Source;
  readonly port: number | null;
  /** `namespace/dnsName` entries; the namespace part may be `.`, `*` or `~`. */
  readonly hosts: readonly Located<string>[];
}

export interface SidecarIngress {
  readonly at: Source;
  readonly port: number;
  readonly protocol: string | null;
  readonly portName: string | null;
}

export interface Sidecar extends ObjectBase {
  readonly kind: 'Sidecar';
  readonly workloadSelector: WorkloadSelector | null;
  readonly egress: readonly SidecarEgress[];
  readonly ingress: readonly SidecarIngress[];
  /** `outboundTrafficPolicy.mode`, when written. */
  readonly outboundTrafficPolicy: 'ALLOW_ANY' | 'REGISTRY_ONLY' | null;
}

export type IstioObject =
  | PeerAuthentication
  | AuthorizationPolicy
  | RequestAuthentication
  | DestinationRule
  | ServiceEntry
  | Sidecar;
