import { describe, expect, it } from 'vitest';
import {
  baseMesh,
  destinationRule as dr,
  docs,
  meshConfig,
  ns,
  peerAuthentication as pa,
  service,
  serviceEntry,
  workload,
} from './fixtures.js';
import { edge, evaluate as evaluateFiles } from './support.js';

/**
 * Which DestinationRule a client uses (§2.4; `destinationRule` in push_context.go and
 * `SidecarScope.DestinationRule` in sidecar.go), what its TLS does per port (§2.2), and auto mTLS
 * (§2.3, §2.5). Callers: `shop/client` (sidecar) calling `shop/server` (Service port 80 →
 * container port 8080), and `other/caller` from a second injected namespace.
 */

const evaluate = (files: Record<string, string>) =>
  evaluateFiles(
    Object.fromEntries(
      Object.entries(files).map(([k, v]) => [/\.ya?ml$/.test(k) ? k : `${k}.yaml`, v]),
    ),
  );

const withOther = (extra: Record<string, string>) => ({
  ...baseMesh(),
  other: docs(
    ns('other', { 'istio-injection': 'enabled' }),
    workload({ ns: 'other', name: 'caller' }),
  ),
  strict: pa({ ns: 'shop', name: 'default', mode: 'STRICT' }),
  ...extra,
});

const FQDN = 'server.shop.svc.cluster.local';

/** The client-side mode and the DestinationRule (if any) it came from. */
function clientOf(files: Record<string, string>, from = 'shop/client') {
  const result = edge(evaluate(files), from, 'shop/server', 8080);
  const rule = result.client.evidence.find((e) => e.ref?.kind === 'DestinationRule');
  return `${result.client.mode}${rule ? ` ${rule.ref?.namespace}/${rule.ref?.name}` : ''} → ${result.transport}`;
}

describe('DestinationRule lookup order (§2.4)', () => {
  it.each([
    [
      'step 1: a rule in the client namespace wins over the service namespace',
      {
        a: dr({ ns: 'other', name: 'mine', host: FQDN, tls: 'DISABLE' }),
        b: dr({ ns: 'shop', name: 'svc', host: FQDN, tls: 'ISTIO_MUTUAL' }),
      },
      'other/caller',
      'DISABLE other/mine → broken',
    ],
    [
      'step 2: the service namespace when the client namespace has none',
      { b: dr({ ns: 'shop', name: 'svc', host: FQDN, tls: 'DISABLE' }) },
      'other/caller',
      'DISABLE shop/svc → broken',
    ],
    [
      'step 3: the root namespace last',
      { r: dr({ ns: 'istio-system', name: 'all', host: '*.local', tls: 'DISABLE' }) },
      'other/caller',
      'DISABLE istio-system/all → broken',
    ],
    [
      'namespace order beats host specificity: a client-namespace `*` shadows the exact service rule',
      {
        a: dr({ ns: 'other', name: 'wild', host: '*', tls: 'ISTIO_MUTUAL' }),
        b: dr({ ns: 'shop', name: 'svc', host: FQDN, tls: 'DISABLE' }),
      },
      'other/caller',
      'ISTIO_MUTUAL other/wild → mtls',
    ],
    [
      'within a namespace the exact host beats a wildcard',
      {
        a: dr({ ns: 'shop', name: 'wild', host: '*.shop.svc.cluster.local', tls: 'DISABLE' }),
        b: dr({ ns: 'shop', name: 'exact', host: FQDN, tls: 'ISTIO_MUTUAL' }),
      },
      'other/caller',
      'ISTIO_MUTUAL shop/exact → mtls',
    ],
    [
      'among wildcards the longer one wins',
      {
        a: dr({ ns: 'shop', name: 'short', host: '*.local', tls: 'ISTIO_MUTUAL' }),
        b: dr({ ns: 'shop', name: 'long', host: '*.svc.cluster.local', tls: 'DISABLE' }),
      },
      'other/caller',
      'DISABLE shop/long → broken',
    ],
    [
      'a short host takes the rule namespace: `server` in shop is the shop Service',
      { b: dr({ ns: 'shop', name: 'short', host: 'server', tls: 'DISABLE' }) },
      'other/caller',
      'DISABLE shop/short → broken',
    ],
    [
      'a short host in the client namespace names a Service there, not in shop',
      { a: dr({ ns: 'other', name: 'short', host: 'server', tls: 'DISABLE' }) },
      'other/caller',
      'AUTO_MTLS → mtls',
    ],
    [
      '`server.shop` has a dot and is not expanded: it matches nothing',
      { b: dr({ ns: 'shop', name: 'partial', host: 'server.shop', tls: 'DISABLE' }) },
      'other/caller',
      'AUTO_MTLS → mtls',
    ],
    [
      'exportTo `.` keeps a rule to its namespace',
      { b: dr({ ns: 'shop', name: 'private', host: FQDN, tls: 'DISABLE', exportTo: ['.'] }) },
      'other/caller',
      'AUTO_MTLS → mtls',
    ],
    [
      'exportTo `.` still applies inside its namespace',
      { b: dr({ ns: 'shop', name: 'private', host: FQDN, tls: 'DISABLE', exportTo: ['.'] }) },
      'shop/client',
      'DISABLE shop/private → broken',
    ],
    [
      'exportTo naming the client namespace',
      { b: dr({ ns: 'shop', name: 'to-other', host: FQDN, tls: 'DISABLE', exportTo: ['other'] }) },
      'other/caller',
      'DISABLE shop/to-other → broken',
    ],
    [
      'a rule whose most specific host is not exported falls to the root, not to a wider host',
      {
        b: dr({
          ns: 'shop',
          name: 'hidden',
          host: FQDN,
          tls: 'ISTIO_MUTUAL',
          exportTo: ['legacy'],
        }),
        c: dr({ ns: 'shop', name: 'wide', host: '*.shop.svc.cluster.local', tls: 'ISTIO_MUTUAL' }),
        r: dr({ ns: 'istio-system', name: 'root', host: '*', tls: 'DISABLE' }),
      },
      'other/caller',
      'DISABLE istio-system/root → broken',
    ],
    [
      'a workloadSelector rule applies to the workloads it selects',
      {
        a: dr({
          ns: 'other',
          name: 'sel',
          host: FQDN,
          tls: 'DISABLE',
          selector: { app: 'caller' },
        }),
      },
      'other/caller',
      'DISABLE other/sel → broken',
    ],
    [
      'a workloadSelector rule is never exported',
      {
        b: dr({ ns: 'shop', name: 'sel', host: FQDN, tls: 'DISABLE', selector: { app: 'client' } }),
      },
      'other/caller',
      'AUTO_MTLS → mtls',
    ],
    [
      '[code] a selector rule for other workloads leaves this client with no rule, shadowing the service namespace',
      {
        a: dr({
          ns: 'other',
          name: 'sel',
          host: FQDN,
          tls: 'ISTIO_MUTUAL',
          selector: { app: 'someone-else' },
        }),
        b: dr({ ns: 'shop', name: 'svc', host: FQDN, tls: 'DISABLE' }),
      },
      'other/caller',
      'AUTO_MTLS other/sel → mtls',
    ],
    [
      'a root-namespace `*` rule reaches every namespace',
      { r: dr({ ns: 'istio-system', name: 'all', host: '*', tls: 'ISTIO_MUTUAL' }) },
      'shop/client',
      'ISTIO_MUTUAL istio-system/all → mtls',
    ],
  ])('%s', (_, rules, from, expected) => {
    expect(clientOf(withOther(rules), from)).toBe(expected);
  });

  it('§2.4: meshConfig.defaultDestinationRuleExportTo `.` makes rules without exportTo private', () => {
    const files = withOther({
      b: dr({ ns: 'shop', name: 'svc', host: FQDN, tls: 'DISABLE' }),
      m: meshConfig({ defaultDestinationRuleExportTo: ['.'] }),
    });
    expect(clientOf(files, 'other/caller')).toBe('AUTO_MTLS → mtls');
    expect(clientOf(files, 'shop/client')).toBe('DISABLE shop/svc → broken');
  });

  it('§2.4: rules for one host in one namespace merge; the oldest top-level policy wins', () => {
    const older = dr({
      ns: 'shop',
      name: 'z-first',
      host: FQDN,
      tls: 'DISABLE',
      created: '2024-01-01T00:00:00Z',
    });
    const newer = dr({
      ns: 'shop',
      name: 'a-second',
      host: FQDN,
      tls: 'ISTIO_MUTUAL',
      created: '2024-06-01T00:00:00Z',
    });
    expect(clientOf(withOther({ older, newer }), 'other/caller')).toBe(
      'DISABLE shop/z-first → broken',
    );
  });
});

describe('port-level settings and TLS shapes (§2.1, §2.2)', () => {
  it.each([
    [
      'a port entry is keyed by the Service port (80), not the container port',
      [{ port: 80, tls: 'DISABLE' }],
      'ISTIO_MUTUAL',
      'DISABLE shop/svc → broken',
    ],
    [
      'a port entry for the container port (8080) does not match',
      [{ port: 8080, tls: 'DISABLE' }],
      'ISTIO_MUTUAL',
      'ISTIO_MUTUAL shop/svc → mtls',
    ],
    [
      'a port entry without tls means auto mTLS; the endpoint check falls back to top-level DISABLE',
      [{ port: 80 }],
      'DISABLE',
      'AUTO_MTLS shop/svc → broken',
    ],
    [
      'a port entry without tls; top-level ISTIO_MUTUAL keeps endpoints mTLS',
      [{ port: 80 }],
      'ISTIO_MUTUAL',
      'AUTO_MTLS shop/svc → mtls',
    ],
    [
      'a port entry without tls and no top-level tls: plain auto mTLS',
      [{ port: 80 }],
      null,
      'AUTO_MTLS shop/svc → mtls',
    ],
  ] as const)('%s', (_, portLevel, tls, expected) => {
    const rule = dr({ ns: 'shop', name: 'svc', host: FQDN, tls, portLevel });
    expect(clientOf(withOther({ rule }))).toBe(expected);
  });

  it('a DestinationRule without TLS leaves auto mTLS on', () => {
    expect(
      clientOf(
        withOther({
          rule: dr({ ns: 'shop', name: 'svc', host: FQDN, loadBalancer: 'ROUND_ROBIN' }),
        }),
      ),
    ).toBe('AUTO_MTLS shop/svc → mtls');
  });

  it('a subset with another TLS mode is reported inexact: it applies only when routed to', () => {
    const rule = dr({
      ns: 'shop',
      name: 'svc',
      host: FQDN,
      subsets: [{ name: 'v1', labels: { app: 'server' }, tls: 'DISABLE' }],
    });
    const result = edge(evaluate(withOther({ rule })), 'shop/client', 'shop/server', 8080);
    expect([result.transport, result.exact]).toEqual(['mtls', false]);
    expect(result.client.evidence.at(-1)?.note).toContain('subset `v1` sets another TLS mode');
  });
});

describe('auto mTLS (§2.3)', () => {
  it('the `security.istio.io/tlsMode: disabled` pod label switches auto mTLS off toward that pod', () => {
    const files = withOther({
      'shop.yaml': docs(
        workload({ ns: 'shop', name: 'client' }),
        workload({
          ns: 'shop',
          name: 'server',
          ports: [8080],
          labels: { 'security.istio.io/tlsMode': 'disabled' },
        }),
        service({ ns: 'shop', name: 'server', ports: [{ port: 80, targetPort: 8080 }] }),
      ),
    });
    expect(clientOf(files)).toBe('AUTO_MTLS → broken');
  });

  it('meshConfig.enableAutoMtls false: plaintext unless a rule says otherwise', () => {
    expect(clientOf(withOther({ m: meshConfig({ enableAutoMtls: false }) }))).toBe(
      'AUTO_MTLS → broken',
    );
  });

  it('a port-level DISABLE switches auto-mTLS clients to plaintext for that port only (#32079)', () => {
    const files = withOther({
      w: pa({
        ns: 'shop',
        name: 'server',
        selector: { app: 'server' },
        mode: 'STRICT',
        portLevel: { 8080: 'DISABLE' },
      }),
    });
    const result = edge(evaluate(files), 'shop/client', 'shop/server', 8080);
    expect([result.client.mode, result.client.effective, result.transport]).toEqual([
      'AUTO_MTLS',
      'DISABLE',
      'plaintext',
    ]);
  });

  describe('headless Services are all-or-nothing', () => {
    const headless = (legacyBehind: boolean) =>
      withOther({
        strict: '',
        'db.yaml': docs(
          workload({ ns: 'shop', name: 'db', ports: [5432], labels: { app: 'db' } }),
          ...(legacyBehind
            ? [
                workload({
                  ns: 'shop',
                  name: 'db-legacy',
                  ports: [5432],
                  labels: { app: 'db' },
                  annotations: { 'sidecar.istio.io/inject': 'false' },
                }),
              ]
            : []),
          service({
            ns: 'shop',
            name: 'db',
            headless: true,
            selector: { app: 'db' },
            ports: [{ port: 5432, name: 'tcp' }],
          }),
        ),
      });
    it('every endpoint has a sidecar: mTLS', () => {
      expect(edge(evaluate(headless(false)), 'shop/client', 'shop/db', 5432).transport).toBe(
        'mtls',
      );
    });
    it('one endpoint without a sidecar: plaintext to all of them', () => {
      const side = evaluate(headless(true));
      expect(edge(side, 'shop/client', 'shop/db', 5432)).toMatchObject({
        transport: 'plaintext',
        client: { mode: 'AUTO_MTLS', effective: 'DISABLE' },
      });
    });
  });

  describe('ServiceEntry (§2.5)', () => {
    const selecting = (location: 'MESH_INTERNAL' | 'MESH_EXTERNAL' | undefined) =>
      withOther({
        se: serviceEntry({
          ns: 'shop',
          name: 'vm-like',
          hosts: ['server.internal.example'],
          ...(location ? { location } : {}),
          selector: { app: 'server' },
          ports: [{ number: 7000, targetPort: 8080 }],
        }),
      });
    it('MESH_EXTERNAL (the default) never gets auto mTLS', () => {
      // The primary route to 8080 is the Service; the ServiceEntry host is an alternative.
      const result = evaluate(selecting(undefined)).mtls;
      const side = evaluate(selecting(undefined));
      const answer = result.transport(
        {
          kind: 'workload',
          id: 'shop/client',
          workload: side.topology.workloadById.get('shop/client')!,
        },
        side.topology.workloadById.get('shop/server')!,
        8080,
      );
      expect(
        answer.alternatives.map((a) => [a.via?.kind, a.servicePort, a.client.mode, a.transport]),
      ).toEqual([['ServiceEntry', 7000, 'AUTO_MTLS', 'broken']]);
    });
    it('MESH_INTERNAL gets auto mTLS per endpoint', () => {
      const side = evaluate(selecting('MESH_INTERNAL'));
      const answer = side.mtls.transport(
        {
          kind: 'workload',
          id: 'shop/client',
          workload: side.topology.workloadById.get('shop/client')!,
        },
        side.topology.workloadById.get('shop/server')!,
        8080,
      );
      expect(answer.alternatives.map((a) => a.transport)).toEqual(['mtls']);
    });
    it('a DestinationRule for the ServiceEntry host applies with the ServiceEntry namespace as the service namespace', () => {
      const side = evaluate({
        ...selecting('MESH_INTERNAL'),
        r: dr({ ns: 'shop', name: 'se', host: 'server.internal.example', tls: 'DISABLE' }),
      });
      const answer = side.mtls.transport(
        {
          kind: 'workload',
          id: 'other/caller',
          workload: side.topology.workloadById.get('other/caller')!,
        },
        side.topology.workloadById.get('shop/server')!,
        8080,
      );
      expect(answer.alternatives.map((a) => [a.client.mode, a.transport])).toEqual([
        ['DISABLE', 'broken'],
      ]);
    });
  });

  it('a Service not exported to the client namespace is passthrough', () => {
    const files = withOther({
      'shop.yaml': docs(
        workload({ ns: 'shop', name: 'client' }),
        workload({ ns: 'shop', name: 'server', ports: [8080] }),
        service({
          ns: 'shop',
          name: 'server',
          ports: [{ port: 80, targetPort: 8080 }],
          annotations: { 'networking.istio.io/exportTo': '.' },
        }),
      ),
    });
    expect(clientOf(files, 'other/caller')).toBe('PASSTHROUGH → broken');
    expect(clientOf(files, 'shop/client')).toBe('AUTO_MTLS → mtls');
  });

  it('a port no Service exposes is a direct pod-IP call through the passthrough cluster', () => {
    const files = withOther({
      'shop.yaml': docs(
        workload({ ns: 'shop', name: 'client' }),
        workload({ ns: 'shop', name: 'server', ports: [8080, 9002] }),
      ),
      strict: '',
    });
    const result = edge(evaluate(files), 'shop/client', 'shop/server', 9002);
    expect([result.client.mode, result.via, result.transport]).toEqual([
      'PASSTHROUGH',
      null,
      'plaintext',
    ]);
  });
});
