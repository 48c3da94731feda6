import { describe, expect, it } from 'vitest';
import {
  baseMesh,
  docs,
  meshConfig,
  peerAuthentication as pa,
  service,
  workload,
} from './fixtures.js';
import { evaluate, node } from './support.js';

/**
 * PeerAuthentication precedence on the server side (§1.1–§1.4 of istio-semantics.md;
 * `ComposePeerAuthentication` in pilot/pkg/security/authn/policy_applier.go). `shop/server` has
 * container port 8080 behind Service port 80; asked ports are container ports.
 */

function modeOf(policies: Record<string, string>, port = 8080, extra: Record<string, string> = {}) {
  const side = evaluate({
    ...baseMesh(),
    ...extra,
    'policies.yaml': docs(...Object.values(policies)),
  });
  const answer = side.mtls.serverMode(node(side, 'shop/server'), port);
  return `${answer.mode}/${answer.level}`;
}

const mesh = (mode: 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET', name = 'default') =>
  pa({ ns: 'istio-system', name, mode });
const namespaceWide = (mode: 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET', name = 'default') =>
  pa({ ns: 'shop', name, mode });
const workloadWide = (
  mode: 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET',
  portLevel?: Record<number, 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET'>,
  name = 'server',
) =>
  pa({ ns: 'shop', name, selector: { app: 'server' }, mode, ...(portLevel ? { portLevel } : {}) });

describe('PeerAuthentication precedence', () => {
  it.each([
    ['§1.2 step 1: no policy at all is PERMISSIVE', {}, 'PERMISSIVE/default'],
    ['§1.2 step 2: a mesh policy sets the mode', { m: mesh('STRICT') }, 'STRICT/mesh'],
    [
      '§1.2 / §10.4: a mesh policy without a mode counts as PERMISSIVE',
      { m: mesh('UNSET') },
      'PERMISSIVE/default',
    ],
    [
      '§1.2 step 3: namespace beats mesh',
      { m: mesh('STRICT'), n: namespaceWide('PERMISSIVE') },
      'PERMISSIVE/namespace',
    ],
    [
      '§1.2: namespace UNSET inherits the mesh mode',
      { m: mesh('STRICT'), n: namespaceWide('UNSET') },
      'STRICT/mesh',
    ],
    [
      '§1.2 step 4: workload beats namespace',
      { n: namespaceWide('STRICT'), w: workloadWide('DISABLE') },
      'DISABLE/workload',
    ],
    [
      '§1.2: workload UNSET inherits the namespace mode',
      { n: namespaceWide('STRICT'), w: workloadWide('UNSET') },
      'STRICT/namespace',
    ],
    [
      '§1.2 step 5: port-level beats workload',
      { w: workloadWide('STRICT', { 8080: 'DISABLE' }) },
      'DISABLE/port',
    ],
    [
      '§1.2 step 5: port-level UNSET takes the workload mode',
      { m: mesh('DISABLE'), w: workloadWide('STRICT', { 8080: 'UNSET' }) },
      'STRICT/workload',
    ],
    [
      '§1.4: port-level keys are container ports; the Service port 80 key does nothing',
      { w: workloadWide('STRICT', { 80: 'DISABLE' }) },
      'STRICT/workload',
    ],
    [
      '§1.1: a root-namespace policy with a selector is ignored',
      { r: pa({ ns: 'istio-system', name: 'sel', selector: { app: 'server' }, mode: 'STRICT' }) },
      'PERMISSIVE/default',
    ],
    [
      '§1.1: a selector must be a subset of the pod labels',
      { w: pa({ ns: 'shop', name: 'w', selector: { app: 'server', tier: 'x' }, mode: 'STRICT' }) },
      'PERMISSIVE/default',
    ],
    [
      '§1.1: a workload policy in another namespace selects nothing here',
      { w: pa({ ns: 'legacy', name: 'w', selector: { app: 'server' }, mode: 'STRICT' }) },
      'PERMISSIVE/default',
    ],
    [
      '§1.1: an empty matchLabels is namespace-wide',
      { w: pa({ ns: 'shop', name: 'w', selector: {}, mode: 'STRICT' }) },
      'STRICT/namespace',
    ],
    [
      '§6.1: selectors see the labels injection adds (tlsMode=istio)',
      {
        w: pa({
          ns: 'shop',
          name: 'w',
          selector: { 'security.istio.io/tlsMode': 'istio' },
          mode: 'STRICT',
        }),
      },
      'STRICT/workload',
    ],
  ])('%s', (_, policies, expected) => {
    expect(modeOf(policies)).toBe(expected);
  });

  it('§1.3: among mesh policies the oldest wins, and the newer one is dropped entirely', () => {
    const older = pa({
      ns: 'istio-system',
      name: 'z-older',
      mode: 'DISABLE',
      created: '2024-01-01T00:00:00Z',
    });
    const newer = pa({
      ns: 'istio-system',
      name: 'a-newer',
      mode: 'STRICT',
      created: '2024-06-01T00:00:00Z',
    });
    expect(modeOf({ older, newer })).toBe('DISABLE/mesh');
  });

  it('§1.3: equal or missing timestamps: the smaller name wins (configCompareByCreationTime)', () => {
    expect(
      modeOf({ a: namespaceWide('DISABLE', 'alpha'), b: namespaceWide('STRICT', 'beta') }),
    ).toBe('DISABLE/namespace');
    const same = '2024-01-01T00:00:00Z';
    const alpha = pa({ ns: 'shop', name: 'alpha', mode: 'STRICT', created: same });
    const beta = pa({ ns: 'shop', name: 'beta', mode: 'DISABLE', created: same });
    expect(modeOf({ beta, alpha })).toBe('STRICT/namespace');
  });

  it('§1.3: a newer namespace policy without a mode is still dropped, not merged', () => {
    const older = pa({ ns: 'shop', name: 'z', mode: 'UNSET', created: '2024-01-01T00:00:00Z' });
    const newer = pa({ ns: 'shop', name: 'a', mode: 'STRICT', created: '2025-01-01T00:00:00Z' });
    expect(modeOf({ m: mesh('DISABLE'), older, newer })).toBe('DISABLE/mesh');
  });

  it('§1.2/§1.3: only the oldest workload policy counts, port-level entries included', () => {
    const older = pa({
      ns: 'shop',
      name: 'z-old',
      selector: { app: 'server' },
      mode: 'STRICT',
      created: '2024-01-01T00:00:00Z',
    });
    const newer = pa({
      ns: 'shop',
      name: 'a-new',
      selector: { app: 'server' },
      mode: 'DISABLE',
      portLevel: { 8080: 'PERMISSIVE' },
      created: '2024-02-01T00:00:00Z',
    });
    expect(modeOf({ older, newer })).toBe('STRICT/workload');
  });

  it('§1.4: port-level settings also apply to ports no Service exposes (passthrough chain)', () => {
    const extra = {
      'shop.yaml': docs(
        workload({ ns: 'shop', name: 'server', ports: [8080, 9999] }),
        service({ ns: 'shop', name: 'server', ports: [{ port: 80, targetPort: 8080 }] }),
      ),
    };
    const policies = { w: workloadWide('STRICT', { 9999: 'PERMISSIVE' }) };
    expect(modeOf(policies, 9999, extra)).toBe('PERMISSIVE/port');
    expect(modeOf(policies, 8080, extra)).toBe('STRICT/workload');
  });

  it('§1.1: the root namespace comes from MeshConfig', () => {
    const policies = {
      m: pa({ ns: 'istio-config', name: 'default', mode: 'STRICT' }),
      r: mesh('DISABLE'),
    };
    const config = { 'mesh-config.yaml': meshConfig({ rootNamespace: 'istio-config' }) };
    expect(modeOf(policies, 8080, config)).toBe('STRICT/mesh');
  });

  it('§1.6: a workload without a sidecar enforces nothing, whatever the policies say', () => {
    const side = evaluate({ ...baseMesh(), 'p.yaml': mesh('STRICT') });
    expect(side.mtls.serverMode(node(side, 'legacy/legacy-server'), 8080)).toMatchObject({
      mode: 'NO_SIDECAR',
      level: 'no-sidecar',
    });
  });

  it('each answer carries the policies that decided it, with their lines', () => {
    const side = evaluate({
      ...baseMesh(),
      'mesh.yaml': mesh('STRICT'),
      'server.yaml': workloadWide('STRICT', { 8080: 'DISABLE' }),
    });
    const answer = side.mtls.serverMode(node(side, 'shop/server'), 8080);
    expect(answer.evidence.map((e) => [e.ref?.name, e.at?.file, e.at?.line, e.note])).toEqual([
      ['default', 'mesh.yaml', 7, 'mesh-wide STRICT'],
      ['server', 'server.yaml', 8, 'workload policy STRICT'],
      ['server', 'server.yaml', 10, 'port-level DISABLE on container port 8080'],
    ]);
  });

  it('a Service port name resolved to the container port keys the port-level setting', () => {
    const side = evaluate({
      ...baseMesh(),
      'shop.yaml': docs(
        workload({ ns: 'shop', name: 'client' }),
        [
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata: {name: named, namespace: shop}',
          'spec:',
          '  template:',
          '    metadata: {labels: {app: named}}',
          '    spec:',
          '      containers:',
          '      - name: app',
          '        ports: [{name: web, containerPort: 8081}]',
          '',
        ].join('\n'),
        service({ ns: 'shop', name: 'named', ports: [{ port: 80, targetPort: 'web' }] }),
      ),
      'p.yaml': pa({
        ns: 'shop',
        name: 'named-policy',
        selector: { app: 'named' },
        mode: 'STRICT',
        portLevel: { 8081: 'DISABLE' },
      }),
    });
    expect(side.mtls.serverMode(node(side, 'shop/named'), 8081).mode).toBe('DISABLE');
    expect(
      side.mtls.transport(
        { kind: 'unauthenticated', id: '(unauthenticated)' },
        node(side, 'shop/named'),
        8081,
      ),
    ).toMatchObject({
      transport: 'plaintext',
      servicePort: 80,
    });
  });
});
