import { describe, expect, it } from 'vitest';
import { diffMtls } from '../../src/analysis/mtls/index.js';
import {
  baseMesh,
  destinationRule as dr,
  docs,
  peerAuthentication as pa,
  service,
  workload,
} from './fixtures.js';
import { evaluate } from './support.js';

/**
 * diffMtls: mode changes per workload port (one delta with `port: null` when every port changed the
 * same way), weakened modes (MG101), connections newly broken (MG102) or newly without mTLS
 * (MG103); each finding points at the head line that caused it, or at the base line of a deletion.
 */

/** `shop/multi` listens on 8080 and 9090 behind one Service. */
const withMulti = (extra: Record<string, string>) => ({
  ...baseMesh(),
  'multi.yaml': docs(
    workload({ ns: 'shop', name: 'multi', ports: [8080, 9090] }),
    service({
      ns: 'shop',
      name: 'multi',
      ports: [
        { port: 80, targetPort: 8080 },
        { port: 9090, name: 'tcp' },
      ],
    }),
  ),
  ...extra,
});

function diff(base: Record<string, string>, head: Record<string, string>) {
  const result = diffMtls(evaluate(withMulti(base)), evaluate(withMulti(head)));
  return {
    deltas: result.deltas.map(
      (d) =>
        `${d.workload}:${d.port ?? '*'} ${d.base}→${d.head} @${d.at ? `${d.at.file}:${d.at.line}` : '-'}`,
    ),
    findings: result.findings.map(
      (f) => `${f.code} ${f.side} ${f.at.file}:${f.at.line} ${f.message}`,
    ),
  };
}

const STRICT_SHOP = { 'shop-pa.yaml': pa({ ns: 'shop', name: 'default', mode: 'STRICT' }) };
const PERMISSIVE_SHOP = { 'shop-pa.yaml': pa({ ns: 'shop', name: 'default', mode: 'PERMISSIVE' }) };

describe('diffMtls', () => {
  it('no change, nothing to say', () => {
    expect(diff(STRICT_SHOP, STRICT_SHOP)).toEqual({ deltas: [], findings: [] });
  });

  it('STRICT → PERMISSIVE namespace-wide: one delta per workload, `*` when every port changed alike, MG101 at the head mode line', () => {
    expect(diff(STRICT_SHOP, PERMISSIVE_SHOP)).toEqual({
      deltas: [
        'shop/multi:* STRICT→PERMISSIVE @shop-pa.yaml:7',
        'shop/server:8080 STRICT→PERMISSIVE @shop-pa.yaml:7',
        'shop/tcp-server:9000 STRICT→PERMISSIVE @shop-pa.yaml:7',
      ],
      findings: [
        'MG101 head shop-pa.yaml:7 `shop/multi` (every port) is now PERMISSIVE (namespace policy), was STRICT: it accepts plaintext, with no peer identity',
        'MG101 head shop-pa.yaml:7 `shop/server` port 8080 is now PERMISSIVE (namespace policy), was STRICT: it accepts plaintext, with no peer identity',
        'MG101 head shop-pa.yaml:7 `shop/tcp-server` port 9000 is now PERMISSIVE (namespace policy), was STRICT: it accepts plaintext, with no peer identity',
      ],
    });
  });

  it('a deleted STRICT policy points at the base line', () => {
    const result = diff(STRICT_SHOP, {});
    expect(result.findings[0]).toBe(
      "MG101 base shop-pa.yaml:7 `shop/multi` (every port) is now PERMISSIVE (Istio's default), was STRICT: it accepts plaintext, with no peer identity",
    );
  });

  it('a port-level exception weakens one port only', () => {
    const head = {
      ...STRICT_SHOP,
      'multi-pa.yaml': pa({
        ns: 'shop',
        name: 'multi',
        selector: { app: 'multi' },
        mode: 'STRICT',
        portLevel: { 9090: 'DISABLE' },
      }),
    };
    expect(diff(STRICT_SHOP, head)).toEqual({
      deltas: ['shop/multi:9090 STRICT→DISABLE @multi-pa.yaml:10'],
      findings: [
        'MG101 head multi-pa.yaml:10 `shop/multi` port 9090 is now DISABLE (port-level exception), was STRICT: it accepts only plaintext',
        // The consequence for in-mesh callers: auto mTLS switches to plaintext for that port (§2.3).
        'MG103 head multi-pa.yaml:10 calls from `shop/client`, `shop/server`, `shop/tcp-server` and `(any mesh identity)` to `shop/multi` port 9090 are no longer mutually authenticated: auto mTLS sends plaintext (`shop/multi` is DISABLE on port 9090); the DISABLE port (port-level policy) accepts plaintext, with no peer identity',
      ],
    });
  });

  it('PERMISSIVE → STRICT cuts off the sidecar-less client (MG102); strengthening itself is no finding', () => {
    const result = diff(PERMISSIVE_SHOP, STRICT_SHOP);
    expect(result.deltas).toHaveLength(3);
    expect(result.findings).toEqual([
      'MG102 head shop-pa.yaml:7 `legacy/legacy-client` and `legacy/legacy-server` can no longer connect to `shop/multi` port 8080: the client has no sidecar and sends plaintext; the STRICT port (namespace-wide policy) rejects plaintext',
      'MG102 head shop-pa.yaml:7 `legacy/legacy-client` and `legacy/legacy-server` can no longer connect to `shop/multi` port 9090: the client has no sidecar and sends plaintext; the STRICT port (namespace-wide policy) rejects plaintext',
      'MG102 head shop-pa.yaml:7 `legacy/legacy-client` and `legacy/legacy-server` can no longer connect to `shop/server` port 8080: the client has no sidecar and sends plaintext; the STRICT port (namespace-wide policy) rejects plaintext',
      'MG102 head shop-pa.yaml:7 `legacy/legacy-client` and `legacy/legacy-server` can no longer connect to `shop/tcp-server` port 9000: the client has no sidecar and sends plaintext; the STRICT port (namespace-wide policy) rejects plaintext',
    ]);
  });

  it('a DestinationRule DISABLE takes mTLS away (MG103), pointing at its tls line', () => {
    const rule = { 'dr.yaml': dr({ ns: 'shop', name: 'server', host: 'server', tls: 'DISABLE' }) };
    expect(diff({}, rule).findings).toEqual([
      "MG103 head dr.yaml:9 calls from `shop/client`, `shop/multi`, `shop/tcp-server` and `(any mesh identity)` to `shop/server` port 8080 are no longer mutually authenticated: DestinationRule shop/server disables TLS; the PERMISSIVE port (Istio's default) accepts plaintext, with no peer identity",
    ]);
  });

  it('names only callers whose requests got through in the base, workloads before pseudo-callers, never the server itself', () => {
    // MG102 says a working call fails; a caller an ALLOW already denied had no working call.
    const rule = { 'dr.yaml': dr({ ns: 'shop', name: 'server', host: 'server', tls: 'DISABLE' }) };
    const reached = (id: string) => id === 'shop/client' || id === '(any mesh identity)';
    const result = diffMtls(evaluate(withMulti({})), evaluate(withMulti(rule)), {
      reachedInBase: reached,
    });
    expect(result.findings.map((f) => f.message)).toEqual([
      "calls from `shop/client` and `(any mesh identity)` to `shop/server` port 8080 are no longer mutually authenticated: DestinationRule shop/server disables TLS; the PERMISSIVE port (Istio's default) accepts plaintext, with no peer identity",
    ]);
    expect(result.findings[0]?.edge?.from).toBe('shop/client');
    const none = diffMtls(evaluate(withMulti({})), evaluate(withMulti(rule)), {
      reachedInBase: () => false,
    });
    expect(none.findings).toEqual([]);
  });

  it('deleting an ISTIO_MUTUAL rule toward a sidecar-less server repairs it: no finding', () => {
    const rule = {
      'dr.yaml': dr({ ns: 'legacy', name: 'ls', host: 'legacy-server', tls: 'ISTIO_MUTUAL' }),
    };
    expect(diff(rule, {}).findings).toEqual([]);
    expect(diff({}, rule).findings).toEqual([
      'MG102 head dr.yaml:9 `shop/client`, `shop/multi`, `shop/server` and 2 other caller(s) can no longer connect to `legacy/legacy-server` port 8080: DestinationRule legacy/ls sets ISTIO_MUTUAL; the server port has no sidecar, so nothing terminates the Istio mTLS',
    ]);
  });
});

describe('diffMtls when the sidecar goes away', () => {
  it('reports the port as open to anything, pointing at the injection opt-out', () => {
    const head = {
      ...STRICT_SHOP,
      'multi.yaml': docs(
        workload({
          ns: 'shop',
          name: 'multi',
          ports: [8080, 9090],
          labels: { 'sidecar.istio.io/inject': 'false' },
        }),
        service({
          ns: 'shop',
          name: 'multi',
          ports: [
            { port: 80, targetPort: 8080 },
            { port: 9090, name: 'tcp' },
          ],
        }),
      ),
    };
    const result = diff(STRICT_SHOP, head);
    expect(result.deltas).toEqual(['shop/multi:* STRICT→NO_SIDECAR @multi.yaml:7']);
    expect(result.findings.filter((f) => f.startsWith('MG101'))).toEqual([
      'MG101 head multi.yaml:7 `shop/multi` (every port) has no sidecar any more, was STRICT: nothing enforces mTLS or authorization there',
    ]);
    // As a client it now sends plaintext, which the STRICT ports of shop reject.
    expect(result.findings.filter((f) => f.startsWith('MG102'))).toEqual([
      'MG102 head multi.yaml:7 `shop/multi` can no longer connect to `shop/server` port 8080: the client has no sidecar and sends plaintext; the STRICT port (namespace-wide policy) rejects plaintext',
      'MG102 head multi.yaml:7 `shop/multi` can no longer connect to `shop/tcp-server` port 9000: the client has no sidecar and sends plaintext; the STRICT port (namespace-wide policy) rejects plaintext',
    ]);
  });

  it('an opt-out by pod annotation points at the pod, not at the namespace label that would inject it', () => {
    // `injectRequired` reads the annotation once the webhook is invoked by the namespace label:
    // the annotation is what decided (§6.1), the namespace line did not change.
    const head = {
      ...STRICT_SHOP,
      'multi.yaml': docs(
        workload({
          ns: 'shop',
          name: 'multi',
          ports: [8080, 9090],
          annotations: { 'sidecar.istio.io/inject': 'false' },
        }),
        service({
          ns: 'shop',
          name: 'multi',
          ports: [
            { port: 80, targetPort: 8080 },
            { port: 9090, name: 'tcp' },
          ],
        }),
      ),
    };
    const result = diff(STRICT_SHOP, head);
    expect(result.deltas).toEqual(['shop/multi:* STRICT→NO_SIDECAR @multi.yaml:7']);
    const positions = result.findings.map((f) => f.split(' ').slice(1, 3).join(' '));
    expect(result.findings.some((f) => f.startsWith('MG101'))).toBe(true);
    expect(new Set(positions)).toEqual(new Set(['head multi.yaml:7']));
  });
});
