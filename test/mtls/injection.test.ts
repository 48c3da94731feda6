import { describe, expect, it } from 'vitest';
import { docs, ns, workload } from './fixtures.js';
import { evaluate, node } from './support.js';

/**
 * Who gets a proxy (§6.1: the webhook selectors in mutatingwebhook.yaml, then `injectRequired` in
 * pkg/kube/inject/inject.go; §6.3: ambient enrollment, where a sidecar wins).
 */

type Labels = Record<string, string>;

function dataplaneOf(
  namespaceLabels: Labels | null,
  pod: { labels?: Labels; annotations?: Labels; hostNetwork?: boolean } = {},
  namespace = 'app',
) {
  const side = evaluate({
    'm.yaml': docs(
      ...(namespaceLabels === null ? [] : [ns(namespace, namespaceLabels)]),
      workload({ ns: namespace, name: 'w', ...pod }),
    ),
  });
  const decision = side.mtls.dataplane(node(side, `${namespace}/w`));
  return `${decision.dataplane}${decision.exact ? '' : ' (assumed)'}`;
}

const INJECTION = 'istio-injection';
const REV = 'istio.io/rev';
const INJECT = 'sidecar.istio.io/inject';

describe('sidecar injection (§6.1)', () => {
  it.each([
    ['namespace istio-injection=enabled', { [INJECTION]: 'enabled' }, {}, 'SIDECAR'],
    [
      'namespace istio-injection=disabled beats a pod label true',
      { [INJECTION]: 'disabled' },
      { labels: { [INJECT]: 'true' } },
      'NO_SIDECAR',
    ],
    [
      'any istio-injection value but enabled selects no webhook',
      { [INJECTION]: 'true' },
      {},
      'NO_SIDECAR',
    ],
    [
      'namespace enabled, pod label false',
      { [INJECTION]: 'enabled' },
      { labels: { [INJECT]: 'false' } },
      'NO_SIDECAR',
    ],
    [
      'namespace enabled, pod annotation false opts out in injectRequired',
      { [INJECTION]: 'enabled' },
      { annotations: { [INJECT]: 'false' } },
      'NO_SIDECAR',
    ],
    [
      'the pod label beats the annotation',
      { [INJECTION]: 'enabled' },
      { labels: { [INJECT]: 'true' }, annotations: { [INJECT]: 'false' } },
      'SIDECAR',
    ],
    ['namespace istio.io/rev selects a revision webhook', { [REV]: 'canary' }, {}, 'SIDECAR'],
    [
      'istio-injection beats istio.io/rev',
      { [INJECTION]: 'disabled', [REV]: 'canary' },
      {},
      'NO_SIDECAR',
    ],
    [
      'namespace istio.io/rev, pod label false',
      { [REV]: 'default' },
      { labels: { [INJECT]: 'false' } },
      'NO_SIDECAR',
    ],
    ['unlabelled namespace, pod label true', {}, { labels: { [INJECT]: 'true' } }, 'SIDECAR'],
    [
      'unlabelled namespace, pod annotation true cannot opt in (webhooks see labels only)',
      {},
      { annotations: { [INJECT]: 'true' } },
      'NO_SIDECAR',
    ],
    [
      'unlabelled namespace, pod label istio.io/rev',
      {},
      { labels: { [REV]: 'canary' } },
      'SIDECAR',
    ],
    [
      'unlabelled namespace, pod label true next to istio.io/rev uses the revision webhook',
      {},
      { labels: { [INJECT]: 'true', [REV]: 'canary' } },
      'SIDECAR',
    ],
    ['unlabelled namespace, nothing on the pod', {}, {}, 'NO_SIDECAR'],
    [
      'hostNetwork pods are never injected',
      { [INJECTION]: 'enabled' },
      { hostNetwork: true },
      'NO_SIDECAR',
    ],
    [
      'an already injected pod (sidecar.istio.io/status) has a sidecar',
      {},
      { annotations: { 'sidecar.istio.io/status': '{}' } },
      'SIDECAR',
    ],
  ] as const)('%s', (_, namespaceLabels, pod, expected) => {
    expect(dataplaneOf(namespaceLabels, pod)).toBe(expected);
  });

  it('kube-system is never injected', () => {
    expect(dataplaneOf({ [INJECTION]: 'enabled' }, {}, 'kube-system')).toBe('NO_SIDECAR');
  });

  it('a namespace missing from the manifests is assumed injected, and says so', () => {
    expect(dataplaneOf(null)).toBe('SIDECAR (assumed)');
    expect(dataplaneOf(null, { labels: { [INJECT]: 'false' } })).toBe('NO_SIDECAR');
    const side = evaluate({ 'm.yaml': workload({ ns: 'nowhere', name: 'w' }) });
    expect(side.mtls.dataplane(node(side, 'nowhere/w')).evidence[0]?.note).toBe(
      'namespace `nowhere` is not in the manifests: assumed labelled istio-injection=enabled',
    );
  });
});

describe('ambient enrollment (§6.3)', () => {
  const MODE = 'istio.io/dataplane-mode';
  it.each([
    ['namespace dataplane-mode=ambient', { [MODE]: 'ambient' }, {}, 'AMBIENT'],
    [
      'pod dataplane-mode=none opts out',
      { [MODE]: 'ambient' },
      { labels: { [MODE]: 'none' } },
      'NO_SIDECAR',
    ],
    [
      'pod dataplane-mode=ambient in a plain namespace',
      {},
      { labels: { [MODE]: 'ambient' } },
      'AMBIENT',
    ],
    ['a sidecar wins over ambient', { [MODE]: 'ambient', [INJECTION]: 'enabled' }, {}, 'SIDECAR'],
    [
      'hostNetwork pods are not captured',
      { [MODE]: 'ambient' },
      { hostNetwork: true },
      'NO_SIDECAR',
    ],
  ] as const)('%s', (_, namespaceLabels, pod, expected) => {
    expect(dataplaneOf(namespaceLabels, pod)).toBe(expected);
  });
});

describe('endpoint tlsMode (§2.3)', () => {
  it('injected pods are `istio` unless the pod already sets a value; others `disabled`', () => {
    const side = evaluate({
      'm.yaml': docs(
        ns('app', { [INJECTION]: 'enabled' }),
        workload({ ns: 'app', name: 'plain' }),
        workload({
          ns: 'app',
          name: 'preset',
          labels: { 'security.istio.io/tlsMode': 'disabled' },
        }),
        workload({ ns: 'app', name: 'out', labels: { [INJECT]: 'false' } }),
      ),
    });
    const tls = (id: string) => side.mtls.dataplane(node(side, id)).endpointTlsMode;
    expect([tls('app/plain'), tls('app/preset'), tls('app/out')]).toEqual([
      'istio',
      'disabled',
      'disabled',
    ]);
  });
});
