import { describe, expect, it } from 'vitest';
import {
  baseMesh,
  destinationRule as dr,
  docs,
  ns,
  peerAuthentication as pa,
  service,
  sidecar,
  workload,
} from './fixtures.js';
import { edge, evaluate as evaluateFiles } from './support.js';

/** Extra documents keyed by a short name: each becomes `<name>.yaml`. */
const evaluate = (files: Record<string, string>) =>
  evaluateFiles(
    Object.fromEntries(
      Object.entries(files).map(([k, v]) => [/\.ya?ml$/.test(k) ? k : `${k}.yaml`, v]),
    ),
  );

/**
 * The transport truth table: what the client originates (§2) against what the server port accepts
 * (§1.5, `filterchain_options.go` and `TestInbound` in `sidecar_simulation_test.go`), and the
 * broken combinations of §2.7. `shop/server:8080` is an HTTP port, `shop/tcp-server:9000` a TCP
 * port; `legacy/*` have no sidecar.
 */

const serverMode = (mode: 'STRICT' | 'PERMISSIVE' | 'DISABLE') =>
  docs(
    pa({ ns: 'shop', name: 'server', selector: { app: 'server' }, mode }),
    pa({ ns: 'shop', name: 'tcp-server', selector: { app: 'tcp-server' }, mode }),
  );
const toServers = (tls: Parameters<typeof dr>[0]['tls']) =>
  docs(
    dr({ ns: 'shop', name: 'server', host: 'server', tls }),
    dr({ ns: 'shop', name: 'tcp-server', host: 'tcp-server', tls }),
    dr({
      ns: 'legacy',
      name: 'legacy-server',
      host: 'legacy-server.legacy.svc.cluster.local',
      tls,
    }),
  );

type Row = [string, string, string, string, Record<string, string>];

const ROWS: Row[] = [
  // §1.5 row "plaintext": a client without a sidecar.
  [
    '§1.5 plaintext → STRICT is rejected',
    'legacy/legacy-client',
    'shop/server:8080',
    'broken',
    { p: serverMode('STRICT') },
  ],
  [
    '§1.5 plaintext → PERMISSIVE is accepted without identity',
    'legacy/legacy-client',
    'shop/server:8080',
    'plaintext',
    { p: serverMode('PERMISSIVE') },
  ],
  [
    '§1.5 plaintext → DISABLE is accepted',
    'legacy/legacy-client',
    'shop/server:8080',
    'plaintext',
    { p: serverMode('DISABLE') },
  ],
  [
    '§1.6 plaintext → no sidecar is accepted',
    'legacy/legacy-client',
    'legacy/legacy-server:8080',
    'plaintext',
    {},
  ],
  [
    '§1.5 (unauthenticated) → STRICT is rejected',
    '(unauthenticated)',
    'shop/server:8080',
    'broken',
    { p: serverMode('STRICT') },
  ],
  // §2.3 auto mTLS from a sidecar.
  [
    '§2.3 auto mTLS → STRICT is mTLS',
    'shop/client',
    'shop/server:8080',
    'mtls',
    { p: serverMode('STRICT') },
  ],
  [
    '§2.3 auto mTLS → PERMISSIVE is mTLS',
    'shop/client',
    'shop/server:8080',
    'mtls',
    { p: serverMode('PERMISSIVE') },
  ],
  [
    '§2.3 auto mTLS → workload DISABLE is plaintext (per-endpoint check)',
    'shop/client',
    'shop/server:8080',
    'plaintext',
    { p: serverMode('DISABLE') },
  ],
  [
    '§2.3 auto mTLS → no sidecar is plaintext',
    'shop/client',
    'legacy/legacy-server:8080',
    'plaintext',
    {},
  ],
  [
    '§2.3 auto mTLS → STRICT with the mesh STRICT is mTLS',
    'shop/client',
    'shop/tcp-server:9000',
    'mtls',
    { p: pa({ ns: 'istio-system', name: 'default', mode: 'STRICT' }) },
  ],
  // §2.1 explicit DestinationRule TLS.
  [
    '§2.7 ISTIO_MUTUAL → STRICT is mTLS',
    'shop/client',
    'shop/server:8080',
    'mtls',
    { p: serverMode('STRICT'), d: toServers('ISTIO_MUTUAL') },
  ],
  [
    '§2.7 ISTIO_MUTUAL → PERMISSIVE is mTLS',
    'shop/client',
    'shop/server:8080',
    'mtls',
    { p: serverMode('PERMISSIVE'), d: toServers('ISTIO_MUTUAL') },
  ],
  [
    '§1.5/§2.7 ISTIO_MUTUAL → DISABLE on an HTTP port is a protocol error',
    'shop/client',
    'shop/server:8080',
    'broken',
    { p: serverMode('DISABLE'), d: toServers('ISTIO_MUTUAL') },
  ],
  [
    '§1.5/§2.7 ISTIO_MUTUAL → DISABLE on a TCP port hands TLS bytes to the app',
    'shop/client',
    'shop/tcp-server:9000',
    'broken',
    { p: serverMode('DISABLE'), d: toServers('ISTIO_MUTUAL') },
  ],
  [
    '§2.7 ISTIO_MUTUAL → no sidecar fails',
    'shop/client',
    'legacy/legacy-server:8080',
    'broken',
    { d: toServers('ISTIO_MUTUAL') },
  ],
  [
    '§2.7 DISABLE → STRICT fails',
    'shop/client',
    'shop/server:8080',
    'broken',
    { p: serverMode('STRICT'), d: toServers('DISABLE') },
  ],
  [
    '§2.1 DISABLE → PERMISSIVE is plaintext',
    'shop/client',
    'shop/server:8080',
    'plaintext',
    { p: serverMode('PERMISSIVE'), d: toServers('DISABLE') },
  ],
  [
    '§2.1 `tls: {}` is DISABLE and kills auto mTLS: STRICT fails',
    'shop/client',
    'shop/server:8080',
    'broken',
    { p: serverMode('STRICT'), d: toServers({}) },
  ],
  [
    '§2.7 SIMPLE → STRICT fails',
    'shop/client',
    'shop/server:8080',
    'broken',
    { p: serverMode('STRICT'), d: toServers('SIMPLE') },
  ],
  [
    '§2.7 MUTUAL → STRICT fails',
    'shop/client',
    'shop/tcp-server:9000',
    'broken',
    { p: serverMode('STRICT'), d: toServers('MUTUAL') },
  ],
  [
    '§1.5 SIMPLE → PERMISSIVE HTTP port has no filter chain',
    'shop/client',
    'shop/server:8080',
    'broken',
    { p: serverMode('PERMISSIVE'), d: toServers('SIMPLE') },
  ],
  [
    '§1.5 SIMPLE → PERMISSIVE TCP port is passed through, no identity',
    'shop/client',
    'shop/tcp-server:9000',
    'plaintext',
    { p: serverMode('PERMISSIVE'), d: toServers('SIMPLE') },
  ],
  [
    '§1.5 SIMPLE → DISABLE TCP port is passed through',
    'shop/client',
    'shop/tcp-server:9000',
    'plaintext',
    { p: serverMode('DISABLE'), d: toServers('SIMPLE') },
  ],
  [
    '§1.5 SIMPLE → DISABLE HTTP port is a protocol error',
    'shop/client',
    'shop/server:8080',
    'broken',
    { p: serverMode('DISABLE'), d: toServers('SIMPLE') },
  ],
  [
    '§2.7 SIMPLE → no sidecar reaches the application',
    'shop/client',
    'legacy/legacy-server:8080',
    'plaintext',
    { d: toServers('SIMPLE') },
  ],
  [
    '§2.1 credentialName without workloadSelector: the sidecar sends plaintext, STRICT rejects',
    'shop/client',
    'shop/server:8080',
    'broken',
    { p: serverMode('STRICT'), d: toServers({ mode: 'SIMPLE', credentialName: 'server-cert' }) },
  ],
  [
    '§2.1 credentialName without workloadSelector: plaintext to PERMISSIVE',
    'shop/client',
    'shop/server:8080',
    'plaintext',
    {
      p: serverMode('PERMISSIVE'),
      d: toServers({ mode: 'SIMPLE', credentialName: 'server-cert' }),
    },
  ],
  // §2.6 passthrough and blackhole.
  [
    '§2.6 outside the Sidecar scope: passthrough plaintext, STRICT rejects',
    'shop/client',
    'shop/server:8080',
    'broken',
    { p: serverMode('STRICT'), s: sidecar({ ns: 'shop', name: 'default', hosts: ['legacy/*'] }) },
  ],
  [
    '§2.6 outside the Sidecar scope: passthrough plaintext to PERMISSIVE',
    'shop/client',
    'shop/server:8080',
    'plaintext',
    { s: sidecar({ ns: 'shop', name: 'default', hosts: ['legacy/*'] }) },
  ],
  [
    '§2.6 outside the scope with REGISTRY_ONLY: dropped',
    'shop/client',
    'shop/server:8080',
    'broken',
    { s: sidecar({ ns: 'shop', name: 'default', hosts: ['legacy/*'], outbound: 'REGISTRY_ONLY' }) },
  ],
  [
    '§2.6 inside the scope (`./*`): auto mTLS as usual',
    'shop/client',
    'shop/server:8080',
    'mtls',
    { p: serverMode('STRICT'), s: sidecar({ ns: 'shop', name: 'default', hosts: ['./*'] }) },
  ],
  // §2.3 service gate: workload STRICT under a namespace DISABLE (istio/istio#56084).
  [
    '§2.3 namespace DISABLE + workload STRICT, no DR: auto mTLS is gated off and STRICT rejects',
    'shop/client',
    'shop/server:8080',
    'broken',
    { n: pa({ ns: 'shop', name: 'default', mode: 'DISABLE' }), p: serverMode('STRICT') },
  ],
  [
    '§2.3 mesh DISABLE + workload STRICT: same gap',
    'shop/client',
    'shop/server:8080',
    'broken',
    { m: pa({ ns: 'istio-system', name: 'default', mode: 'DISABLE' }), p: serverMode('STRICT') },
  ],
  [
    '§2.3 the gap closes with an explicit ISTIO_MUTUAL',
    'shop/client',
    'shop/server:8080',
    'mtls',
    {
      n: pa({ ns: 'shop', name: 'default', mode: 'DISABLE' }),
      p: serverMode('STRICT'),
      d: toServers('ISTIO_MUTUAL'),
    },
  ],
];

describe('transport truth table', () => {
  it.each(ROWS)('%s', (_, from, to, expected, extra) => {
    const [id, port] = to.split(':');
    const side = evaluate({ ...baseMesh(), ...extra });
    const result = edge(side, from, id ?? '', Number(port));
    expect([result.transport, result.reason]).toEqual([expected, expect.any(String)]);
  });

  it('§5: the server learns the client identity only over mTLS', () => {
    const side = evaluate({ ...baseMesh(), p: serverMode('PERMISSIVE') });
    expect(edge(side, 'shop/client', 'shop/server', 8080).peer).toEqual({
      principal: 'cluster.local/ns/shop/sa/client',
      trustDomain: 'cluster.local',
      namespace: 'shop',
      serviceAccount: 'client',
    });
    expect(edge(side, 'legacy/legacy-client', 'shop/server', 8080).peer).toBeNull();
    expect(edge(side, '(any mesh identity)', 'shop/server', 8080)).toMatchObject({
      transport: 'mtls',
      peer: { principal: '(any mesh identity)' },
    });
  });

  it('says why, in one line', () => {
    const side = evaluate({ ...baseMesh(), p: serverMode('STRICT') });
    expect(edge(side, 'legacy/legacy-client', 'shop/server', 8080).reason).toBe(
      'the client has no sidecar and sends plaintext; the STRICT port (workload policy) rejects plaintext',
    );
    expect(edge(side, 'shop/client', 'shop/server', 8080).reason).toBe(
      "auto mTLS sends Istio mTLS; the STRICT port (workload policy) accepts it with the peer's identity",
    );
  });
});

describe('ambient (§6.3)', () => {
  const ambient = () => ({
    ...baseMesh(),
    'mesh.yaml': docs(
      ns('mesh', { 'istio.io/dataplane-mode': 'ambient' }),
      workload({ ns: 'mesh', name: 'amb-client' }),
      workload({ ns: 'mesh', name: 'amb-server', ports: [8080] }),
      service({ ns: 'mesh', name: 'amb-server', ports: [{ port: 80, targetPort: 8080 }] }),
    ),
  });

  it.each([
    ['ztunnel to ztunnel is HBONE mTLS', 'mesh/amb-client', 'mesh/amb-server', 'mtls', true, {}],
    [
      'plaintext to ambient STRICT is rejected',
      'legacy/legacy-client',
      'mesh/amb-server',
      'broken',
      true,
      { p: pa({ ns: 'mesh', name: 'default', mode: 'STRICT' }) },
    ],
    [
      'plaintext to ambient PERMISSIVE is accepted',
      'legacy/legacy-client',
      'mesh/amb-server',
      'plaintext',
      true,
      {},
    ],
    [
      'DISABLE is ignored in ambient: plaintext still accepted',
      'legacy/legacy-client',
      'mesh/amb-server',
      'plaintext',
      true,
      { p: pa({ ns: 'mesh', name: 'default', mode: 'DISABLE' }) },
    ],
    [
      'ambient to a pod without a proxy is plaintext',
      'mesh/amb-client',
      'legacy/legacy-server',
      'plaintext',
      true,
      {},
    ],
    [
      'a sidecar to ambient is HBONE (assumes the ambient profile)',
      'shop/client',
      'mesh/amb-server',
      'mtls',
      false,
      { p: pa({ ns: 'mesh', name: 'default', mode: 'STRICT' }) },
    ],
    [
      'ambient to a sidecar is HBONE (assumes the ambient profile)',
      'mesh/amb-client',
      'shop/server',
      'mtls',
      false,
      { p: serverMode('STRICT') },
    ],
  ])('%s', (_, from, to, expected, exact, extra) => {
    const side = evaluate({ ...ambient(), ...extra });
    const result = edge(side, from, to, 8080);
    expect([result.transport, result.exact]).toEqual([expected, exact]);
  });

  it('ambient DISABLE is reported as PERMISSIVE, with the reason', () => {
    const side = evaluate({
      ...ambient(),
      p: pa({ ns: 'mesh', name: 'default', mode: 'DISABLE' }),
    });
    const mode = side.mtls.serverMode(side.topology.workloadById.get('mesh/amb-server')!, 8080);
    expect(mode.mode).toBe('PERMISSIVE');
    expect(mode.evidence.map((e) => e.note)).toContain(
      'ambient ignores DISABLE: ztunnel accepts plaintext and mTLS',
    );
  });
});

describe('capture bypass and gateways', () => {
  it('§6.1: an excluded inbound port has no PeerAuthentication, but auto mTLS still sends mTLS to it', () => {
    const side = evaluate({
      ...baseMesh(),
      'shop.yaml': docs(
        workload({ ns: 'shop', name: 'client' }),
        workload({
          ns: 'shop',
          name: 'server',
          ports: [8080],
          annotations: { 'traffic.sidecar.istio.io/excludeInboundPorts': '8080' },
        }),
        service({ ns: 'shop', name: 'server', ports: [{ port: 80, targetPort: 8080 }] }),
      ),
      p: pa({ ns: 'istio-system', name: 'default', mode: 'STRICT' }),
    });
    expect(edge(side, 'legacy/legacy-client', 'shop/server', 8080).transport).toBe('plaintext');
    expect(edge(side, 'shop/client', 'shop/server', 8080).transport).toBe('broken');
  });

  it('gateways: PeerAuthentication does not apply; mesh clients reach them in plaintext (no tlsMode label)', () => {
    const side = evaluate({
      ...baseMesh(),
      'gw.yaml': docs(
        ns('istio-ingress', { 'istio-injection': 'enabled' }),
        workload({
          ns: 'istio-ingress',
          name: 'ingressgateway',
          ports: [8080],
          labels: { istio: 'ingressgateway' },
          annotations: { 'inject.istio.io/templates': 'gateway' },
        }),
        service({
          ns: 'istio-ingress',
          name: 'ingressgateway',
          selector: { istio: 'ingressgateway' },
          ports: [{ port: 80, targetPort: 8080 }],
        }),
      ),
      p: pa({ ns: 'istio-system', name: 'default', mode: 'STRICT' }),
    });
    expect(edge(side, '(unauthenticated)', 'istio-ingress/ingressgateway', 8080).transport).toBe(
      'plaintext',
    );
    expect(edge(side, 'shop/client', 'istio-ingress/ingressgateway', 8080).transport).toBe(
      'plaintext',
    );
    // The gateway itself originates auto mTLS like a sidecar.
    expect(edge(side, 'istio-ingress/ingressgateway', 'shop/server', 8080)).toMatchObject({
      transport: 'mtls',
      peer: { principal: 'cluster.local/ns/istio-ingress/sa/ingressgateway' },
    });
  });
});
