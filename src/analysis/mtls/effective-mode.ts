import type { MtlsMode, PeerAuthentication } from '../model/istio.js';
import type { Labels, Workload } from '../model/kubernetes.js';
import type { Source } from '../model/source.js';
import { noteEvidence, objectEvidence } from './evidence.js';
import type { PeerAuthenticationIndex } from './peer-authentication-index.js';
import type { Evidence, InjectionDecision, ModeLevel, PortMode } from './types.js';

type Mode = Exclude<MtlsMode, 'UNSET'>;

/**
 * The PeerAuthentication composition of one workload (`ComposePeerAuthentication`,
 * §1.2): PERMISSIVE, overridden by the mesh, namespace and workload policies whose mode is set,
 * then by the chosen workload policy's `portLevelMtls`, keyed by container port (§1.4).
 */
export interface Composition {
  readonly mode: Mode;
  readonly level: 'default' | 'mesh' | 'namespace' | 'workload';
  readonly evidence: readonly Evidence[];
  /** The workload-level policy Istio uses (the oldest that selects the workload). */
  readonly workloadPolicy: PeerAuthentication | null;
  /** Workload-level policies that also select the workload and are ignored. */
  readonly ignoredWorkloadPolicies: readonly PeerAuthentication[];
  readonly perPort: ReadonlyMap<number, PortEntry>;
}

export interface PortEntry {
  readonly mode: Mode;
  /** UNSET in the manifest: the entry takes the workload's mode. */
  readonly inherited: boolean;
  readonly at: Source;
}

export function composeWorkloadMode(
  index: PeerAuthenticationIndex,
  namespace: string,
  labels: Labels,
): Composition {
  let mode: Mode = 'PERMISSIVE';
  let level: Composition['level'] = 'default';
  const evidence: Evidence[] = [];
  const meshPolicy = index.mesh?.chosen ?? null;
  if (meshPolicy !== null) {
    if (meshPolicy.mode === 'UNSET') {
      evidence.push(describe(meshPolicy, 'mesh-wide policy without a mode: PERMISSIVE'));
    } else {
      mode = meshPolicy.mode;
      level = 'mesh';
      evidence.push(describe(meshPolicy, `mesh-wide ${mode}`));
    }
  }
  const namespacePolicy = index.namespacePolicy(namespace)?.chosen ?? null;
  if (namespacePolicy !== null) {
    if (namespacePolicy.mode === 'UNSET') {
      evidence.push(
        describe(namespacePolicy, `namespace-wide policy without a mode: inherits ${mode}`),
      );
    } else {
      mode = namespacePolicy.mode;
      level = 'namespace';
      evidence.push(describe(namespacePolicy, `namespace-wide ${mode}`));
    }
  }
  const [workloadPolicy = null, ...ignoredWorkloadPolicies] =
    namespace === index.rootNamespace ? [] : index.workloadPolicies(namespace, labels);
  if (workloadPolicy !== null) {
    if (workloadPolicy.mode === 'UNSET') {
      evidence.push(describe(workloadPolicy, `workload policy without a mode: inherits ${mode}`));
    } else {
      mode = workloadPolicy.mode;
      level = 'workload';
      evidence.push(describe(workloadPolicy, `workload policy ${mode}`));
    }
  }
  if (evidence.length === 0) {
    evidence.push(noteEvidence('no PeerAuthentication applies: Istio defaults to PERMISSIVE'));
  }
  const perPort = new Map<number, PortEntry>();
  for (const entry of workloadPolicy?.portLevelMtls ?? []) {
    const inherited = entry.mode === 'UNSET';
    perPort.set(entry.port, { mode: inherited ? mode : entry.mode, inherited, at: entry.at });
  }
  return { mode, level, evidence, workloadPolicy, ignoredWorkloadPolicies, perPort };
}

function describe(policy: PeerAuthentication, note: string): Evidence {
  return objectEvidence(policy, note, policy.modeAt);
}

/** The PeerAuthentication mode at a port, before the dataplane is taken into account. */
export function modeAtPort(composition: Composition, port: number): Mode {
  return composition.perPort.get(port)?.mode ?? composition.mode;
}

const EXCLUDE_PORTS = 'traffic.sidecar.istio.io/excludeInboundPorts';
const INCLUDE_PORTS = 'traffic.sidecar.istio.io/includeInboundPorts';

/** The mode the workload's proxy (or the lack of one) enforces on a port (§1.5, §1.6, §6.3). */
export function serverPortMode(
  workload: Workload,
  decision: InjectionDecision,
  composition: Composition,
  port: number,
): PortMode {
  const exact = decision.exact;
  if (decision.dataplane === 'NO_SIDECAR') {
    return { mode: 'NO_SIDECAR', level: 'no-sidecar', exact, evidence: decision.evidence };
  }
  if (decision.gateway) {
    return { mode: 'DISABLE', level: 'gateway', exact, evidence: decision.evidence };
  }
  if (decision.dataplane === 'SIDECAR') {
    const bypass = captureBypass(workload, port);
    if (bypass !== null) {
      return { mode: 'NO_SIDECAR', level: 'no-sidecar', exact, evidence: [bypass] };
    }
  }
  const entry = composition.perPort.get(port);
  let mode: Mode = entry?.mode ?? composition.mode;
  const level: ModeLevel = entry === undefined || entry.inherited ? composition.level : 'port';
  const evidence = [...composition.evidence];
  if (entry !== undefined && composition.workloadPolicy !== null) {
    evidence.push(
      objectEvidence(
        composition.workloadPolicy,
        entry.inherited
          ? `port ${port} without a mode: inherits ${mode}`
          : `port-level ${mode} on container port ${port}`,
        entry.at,
      ),
    );
  }
  if (decision.dataplane === 'AMBIENT') {
    evidence.push(...decision.evidence);
    if (mode === 'DISABLE') {
      // ztunnel always speaks mTLS to mesh peers and accepts plaintext unless STRICT (§6.3).
      mode = 'PERMISSIVE';
      evidence.push(noteEvidence('ambient ignores DISABLE: ztunnel accepts plaintext and mTLS'));
    }
  }
  return { mode, level, exact, evidence };
}

/**
 * Ports the sidecar does not capture get no PeerAuthentication at all (§6.1, "bypass caveats"):
 * `excludeInboundPorts`, or a port missing from an explicit `includeInboundPorts` list.
 */
function captureBypass(workload: Workload, port: number): ReturnType<typeof objectEvidence> | null {
  const excluded = portList(workload.podAnnotations[EXCLUDE_PORTS]);
  if (excluded?.has(String(port))) {
    return objectEvidence(
      workload,
      `port ${port} is excluded from capture (${EXCLUDE_PORTS}): the sidecar never sees it`,
      workload.podLabelsAt,
    );
  }
  const included = portList(workload.podAnnotations[INCLUDE_PORTS]);
  if (included !== null && !included.has('*') && !included.has(String(port))) {
    return objectEvidence(
      workload,
      `port ${port} is not in ${INCLUDE_PORTS}: the sidecar never sees it`,
      workload.podLabelsAt,
    );
  }
  return null;
}

function portList(value: string | undefined): Set<string> | null {
  if (value === undefined) return null;
  return new Set(
    value
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== ''),
  );
}
