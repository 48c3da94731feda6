import { describe, expect, it } from 'vitest';
import { corpusFile, edge, evaluate, namespace } from './support.js';

/**
 * test/corpus/istio-samples: Bookinfo in an injected `default` namespace, with and without
 * networking/destination-rule-all-mtls.yaml. The README's question: does a DestinationRule with
 * ISTIO_MUTUAL change the transport compared with auto mTLS? Not when both ends have sidecars; it
 * breaks calls to a server without one (§2.7).
 */

const BOOKINFO = corpusFile('istio-samples/samples/bookinfo/platform/kube/bookinfo.yaml');
const ALL_MTLS = corpusFile(
  'istio-samples/samples/bookinfo/networking/destination-rule-all-mtls.yaml',
);
const ALL = corpusFile('istio-samples/samples/bookinfo/networking/destination-rule-all.yaml');

/** productpage → details, productpage → reviews, reviews-v2/v3 → ratings, all on 9080. */
const CALLS = [
  ['default/productpage-v1', 'default/details-v1'],
  ['default/productpage-v1', 'default/reviews-v1'],
  ['default/productpage-v1', 'default/reviews-v2'],
  ['default/productpage-v1', 'default/reviews-v3'],
  ['default/reviews-v2', 'default/ratings-v1'],
  ['default/reviews-v3', 'default/ratings-v1'],
] as const;

function transports(files: Record<string, string>): string[] {
  const side = evaluate({
    'ns.yaml': namespace('default', { 'istio-injection': 'enabled' }),
    ...files,
  });
  return CALLS.map(([from, to]) => {
    const result = edge(side, from, to, 9080);
    return `${from.split('/')[1]} → ${to.split('/')[1]}: ${result.client.mode} ${result.transport}${result.exact ? '' : ' (inexact)'}`;
  });
}

/** ratings runs without a sidecar (pod label sidecar.istio.io/inject=false). */
const nakedRatings = BOOKINFO.replace(
  /(name: ratings-v1[\s\S]*?template:\n\s+metadata:\n\s+labels:\n)/,
  '$1        sidecar.istio.io/inject: "false"\n',
);

describe('Bookinfo with and without destination-rule-all-mtls.yaml', () => {
  it('the fixture really puts ratings without a sidecar', () => {
    expect(nakedRatings).not.toBe(BOOKINFO);
  });

  it('auto mTLS: every call is mTLS', () => {
    expect(transports({ 'bookinfo.yaml': BOOKINFO })).toEqual(
      CALLS.map(([f, t]) => `${f.split('/')[1]} → ${t.split('/')[1]}: AUTO_MTLS mtls`),
    );
  });

  it('ISTIO_MUTUAL on every host: the same transport when both ends have sidecars', () => {
    expect(transports({ 'bookinfo.yaml': BOOKINFO, 'dr.yaml': ALL_MTLS })).toEqual(
      CALLS.map(([f, t]) => `${f.split('/')[1]} → ${t.split('/')[1]}: ISTIO_MUTUAL mtls`),
    );
  });

  it('subsets without TLS (destination-rule-all.yaml) keep auto mTLS and stay exact', () => {
    expect(transports({ 'bookinfo.yaml': BOOKINFO, 'dr.yaml': ALL })).toEqual(
      CALLS.map(([f, t]) => `${f.split('/')[1]} → ${t.split('/')[1]}: AUTO_MTLS mtls`),
    );
  });

  it('ratings without a sidecar: auto mTLS falls back to plaintext, ISTIO_MUTUAL breaks the call', () => {
    expect(transports({ 'bookinfo.yaml': nakedRatings }).slice(4)).toEqual([
      'reviews-v2 → ratings-v1: AUTO_MTLS plaintext',
      'reviews-v3 → ratings-v1: AUTO_MTLS plaintext',
    ]);
    expect(transports({ 'bookinfo.yaml': nakedRatings, 'dr.yaml': ALL_MTLS }).slice(4)).toEqual([
      'reviews-v2 → ratings-v1: ISTIO_MUTUAL broken',
      'reviews-v3 → ratings-v1: ISTIO_MUTUAL broken',
    ]);
  });

  it('the short host `reviews` resolves in the rule namespace, and the evidence points at its tls line', () => {
    const side = evaluate({
      'ns.yaml': namespace('default', { 'istio-injection': 'enabled' }),
      'bookinfo.yaml': BOOKINFO,
      'dr.yaml': ALL_MTLS,
    });
    const result = edge(side, 'default/productpage-v1', 'default/reviews-v2', 9080);
    expect(result.client.evidence[0]).toMatchObject({
      ref: { kind: 'DestinationRule', namespace: 'default', name: 'reviews' },
      at: { file: 'dr.yaml', line: 23 },
      note: 'tls mode ISTIO_MUTUAL (service namespace)',
    });
  });
});
