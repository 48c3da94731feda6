import type { Labels, Namespace, Workload } from '../model/kubernetes.js';
import { labelText, noteEvidence, objectEvidence } from './evidence.js';
import type { Evidence, InjectionDecision } from './types.js';
import { quote } from '../findings/quote.js';

/**
 * Who gets a proxy (§6.1 and §6.3 of istio-semantics.md): the injection webhook's selectors
 * (`manifests/charts/istio-control/istio-discovery/templates/mutatingwebhook.yaml`), then
 * `injectRequired` (`pkg/kube/inject/inject.go`), then ambient enrollment, where a sidecar wins.
 */

const INJECTION = 'istio-injection';
const REVISION = 'istio.io/rev';
const INJECT = 'sidecar.istio.io/inject';
const STATUS = 'sidecar.istio.io/status';
const TLS_MODE = 'security.istio.io/tlsMode';
const DATAPLANE_MODE = 'istio.io/dataplane-mode';
const REDIRECTION = 'ambient.istio.io/redirection';
const TEMPLATES = 'inject.istio.io/templates';
const GATEWAY_NAME = 'gateway.networking.k8s.io/gateway-name';

/** `IgnoredNamespaces` in `pkg/kube/inject/initializer.go`: never injected. */
const IGNORED_NAMESPACES = new Set([
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'local-path-storage',
]);

interface Injected {
  readonly injected: boolean;
  readonly exact: boolean;
  readonly evidence: readonly Evidence[];
}

export function decideInjection(
  workload: Workload,
  namespace: Namespace | undefined,
): InjectionDecision {
  const injection = sidecarInjection(workload, namespace);
  const podLabel = workload.podLabels[TLS_MODE];
  if (injection.injected) {
    const gateway = isGateway(workload);
    const evidence = gateway
      ? [
          ...injection.evidence,
          objectEvidence(
            workload,
            'gateway proxy (injection template `gateway`): Gateway listeners, not PeerAuthentication, decide what it accepts',
            workload.podLabelsAt,
          ),
        ]
      : injection.evidence;
    // The sidecar template sets tlsMode=istio unless the pod already has a value; the gateway
    // template sets nothing (injection-template.yaml, gateway-injection-template.yaml).
    const endpointTlsMode = podLabel ?? (gateway ? 'disabled' : 'istio');
    return {
      dataplane: 'SIDECAR',
      gateway,
      endpointTlsMode,
      exact: injection.exact,
      evidence: withTlsModeNote(workload, evidence, podLabel),
    };
  }
  const ambient = ambientEnrollment(workload, namespace);
  const endpointTlsMode = podLabel ?? 'disabled';
  if (ambient !== null) {
    return {
      dataplane: 'AMBIENT',
      gateway: false,
      endpointTlsMode,
      exact: injection.exact,
      evidence: [...injection.evidence, ambient],
    };
  }
  return {
    dataplane: 'NO_SIDECAR',
    gateway: false,
    endpointTlsMode,
    exact: injection.exact,
    evidence: withTlsModeNote(workload, injection.evidence, podLabel),
  };
}

function withTlsModeNote(
  workload: Workload,
  evidence: readonly Evidence[],
  podLabel: string | undefined,
): readonly Evidence[] {
  if (podLabel === undefined) return evidence;
  return [
    ...evidence,
    objectEvidence(
      workload,
      `pod label ${labelText(TLS_MODE, podLabel)} is kept by the injector and read by auto mTLS`,
      workload.podLabelsAt,
    ),
  ];
}

function sidecarInjection(workload: Workload, namespace: Namespace | undefined): Injected {
  const pod = (note: string) => objectEvidence(workload, note, workload.podLabelsAt);
  if (workload.hostNetwork) {
    return no(true, [pod('hostNetwork pods are never injected (`injectRequired`)')]);
  }
  if (workload.podAnnotations[STATUS] !== undefined) {
    return yes(true, [pod(`pod annotation ${STATUS} says the sidecar is already injected`)]);
  }
  const name = workload.ref.namespace;
  if (IGNORED_NAMESPACES.has(name)) {
    return no(true, [noteEvidence(`namespace ${quote(name)} is never injected`)]);
  }
  const podInject = workload.podLabels[INJECT];
  if (namespace === undefined) return assumedNamespace(workload, name, podInject);
  const webhook = webhookInvoked(namespace.labels, workload.podLabels);
  // Point at the pod labels when they decided, at the Namespace otherwise.
  const nsNote = webhook.byPod
    ? objectEvidence(workload, webhook.note, workload.podLabelsAt)
    : objectEvidence(namespace, webhook.note, namespace.labelsAt);
  if (!webhook.invoked) return no(true, [nsNote]);
  return injectRequired(workload, [nsNote]);
}

/**
 * Without the Namespace object its labels are unknown. meshguard assumes the namespace is labelled
 * for injection: a workload whose policies are enforced never looks more open than it is.
 */
function assumedNamespace(
  workload: Workload,
  name: string,
  podInject: string | undefined,
): Injected {
  if (workload.podLabels[DATAPLANE_MODE] === 'ambient' && podInject !== 'true') {
    // A pod that asks for ambient says how its namespace is labelled better than a guess would.
    return no(false, [
      noteEvidence(
        `namespace ${quote(name)} is not in the manifests: assumed not labelled for injection, as the pod opts into ambient`,
      ),
    ]);
  }
  if (podInject === 'false') {
    return no(true, [
      objectEvidence(
        workload,
        `pod label ${INJECT}=false: no injection webhook selects the pod`,
        workload.podLabelsAt,
      ),
    ]);
  }
  const assumed = noteEvidence(
    `namespace ${quote(name)} is not in the manifests: assumed labelled ${INJECTION}=enabled`,
  );
  const decided = injectRequired(workload, [assumed]);
  return { ...decided, exact: false };
}

/** The webhook's namespace and object selectors for the default install (revision "default"). */
function webhookInvoked(
  namespaceLabels: Labels,
  podLabels: Labels,
): { invoked: boolean; note: string; byPod: boolean } {
  const injection = namespaceLabels[INJECTION];
  const revision = namespaceLabels[REVISION];
  const optOut = podLabels[INJECT] === 'false';
  if (injection !== undefined) {
    // `istio-injection` beats `istio.io/rev`: revision webhooks require it to be absent.
    const invoked = injection === 'enabled' && !optOut;
    return {
      invoked,
      byPod: injection === 'enabled' && optOut,
      note: invoked
        ? `namespace label ${labelText(INJECTION, injection)}`
        : injection === 'enabled'
          ? `namespace label ${INJECTION}=enabled, but pod label ${INJECT}=false`
          : `namespace label ${labelText(INJECTION, injection)}: no injection webhook matches`,
    };
  }
  if (revision !== undefined) {
    return {
      invoked: !optOut,
      byPod: optOut,
      note: optOut
        ? `namespace label ${REVISION}=${revision}, but pod label ${INJECT}=false`
        : `namespace label ${REVISION}=${revision} (revision webhook)`,
    };
  }
  const podRevision = podLabels[REVISION];
  if (podRevision !== undefined && !optOut) {
    return {
      invoked: true,
      byPod: true,
      note: `pod label ${REVISION}=${podRevision} (revision webhook)`,
    };
  }
  if (podLabels[INJECT] === 'true' && podRevision === undefined) {
    return { invoked: true, byPod: true, note: `pod label ${INJECT}=true` };
  }
  return {
    invoked: false,
    byPod: false,
    note: `namespace has neither ${INJECTION} nor ${REVISION}, and the pod does not opt in with a label`,
  };
}

/** `injectRequired`: the pod label beats the annotation; undecided pods follow the policy (enabled). */
function injectRequired(workload: Workload, evidence: readonly Evidence[]): Injected {
  const label = workload.podLabels[INJECT];
  const annotation = workload.podAnnotations[INJECT];
  const decider = label ?? annotation;
  const where = label !== undefined ? 'label' : 'annotation';
  const pod = (note: string) => objectEvidence(workload, note, workload.podLabelsAt);
  // The pod's opt-out decided, not the namespace label that invoked the webhook: it comes first,
  // as the line a change is blamed on.
  if (decider === 'false') return no(true, [pod(`pod ${where} ${INJECT}=false`), ...evidence]);
  if (decider === 'true') return yes(true, [...evidence, pod(`pod ${where} ${INJECT}=true`)]);
  return yes(true, evidence);
}

/** §6.3: the pod label wins over the namespace label, `none` opts out; only pods without a sidecar. */
function ambientEnrollment(workload: Workload, namespace: Namespace | undefined): Evidence | null {
  if (workload.hostNetwork) return null;
  if (workload.podAnnotations[REDIRECTION] === 'enabled') {
    return objectEvidence(
      workload,
      `pod annotation ${REDIRECTION}=enabled: captured by ztunnel`,
      workload.podLabelsAt,
    );
  }
  const podMode = workload.podLabels[DATAPLANE_MODE];
  if (podMode !== undefined) {
    return podMode === 'ambient'
      ? objectEvidence(workload, `pod label ${DATAPLANE_MODE}=ambient`, workload.podLabelsAt)
      : null;
  }
  if (namespace?.labels[DATAPLANE_MODE] === 'ambient') {
    return objectEvidence(
      namespace,
      `namespace label ${DATAPLANE_MODE}=ambient`,
      namespace.labelsAt,
    );
  }
  return null;
}

function isGateway(workload: Workload): boolean {
  const templates = workload.podAnnotations[TEMPLATES] ?? '';
  return (
    templates.split(',').some((t) => t.trim() === 'gateway') ||
    workload.podLabels[GATEWAY_NAME] !== undefined
  );
}

function yes(exact: boolean, evidence: readonly Evidence[]): Injected {
  return { injected: true, exact, evidence };
}

function no(exact: boolean, evidence: readonly Evidence[]): Injected {
  return { injected: false, exact, evidence };
}

const CANONICAL_NAME = 'service.istio.io/canonical-name';
const CANONICAL_REVISION = 'service.istio.io/canonical-revision';

/**
 * The labels Istio selects the pod by once injected: the templates add `security.istio.io/tlsMode`
 * (sidecars only) and the canonical service labels, which selectors may use (§6.1).
 */
export function proxyLabels(workload: Workload, decision: InjectionDecision): Labels {
  if (decision.dataplane !== 'SIDECAR') return workload.podLabels;
  const labels = workload.podLabels;
  return {
    ...labels,
    [CANONICAL_NAME]:
      labels[CANONICAL_NAME] ??
      labels['app.kubernetes.io/name'] ??
      labels['app'] ??
      workload.ref.name,
    [CANONICAL_REVISION]:
      labels[CANONICAL_REVISION] ??
      labels['app.kubernetes.io/version'] ??
      labels['version'] ??
      'latest',
    ...(decision.gateway ? {} : { [TLS_MODE]: decision.endpointTlsMode }),
  };
}
