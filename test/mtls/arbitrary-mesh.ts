import fc from 'fast-check';
import {
  destinationRule,
  docs,
  ns,
  peerAuthentication,
  service,
  sidecar,
  workload,
} from './fixtures.js';
import type { Mode, TlsSpec } from './fixtures.js';

/**
 * Random small meshes for the property tests: three namespaces with injection, no injection or
 * ambient; workloads with one or two ports behind Services (sometimes headless); and random
 * PeerAuthentications, DestinationRules and Sidecars, all valid for Istio.
 */

export const NAMESPACES = ['a', 'b', 'c'] as const;
const ROOT = 'istio-system';
const MODES: Mode[] = ['STRICT', 'PERMISSIVE', 'DISABLE', 'UNSET'];
const TIMES = [undefined, '2024-01-01T00:00:00Z', '2024-06-01T00:00:00Z'];

export interface MeshSpec {
  readonly namespaces: readonly {
    readonly name: string;
    readonly dataplane: 'sidecar' | 'none' | 'ambient';
  }[];
  readonly workloads: readonly {
    readonly ns: string;
    readonly name: string;
    readonly tier: string;
    readonly optOut: boolean;
    readonly twoPorts: boolean;
    readonly headless: boolean;
  }[];
  readonly peerAuthentications: readonly string[];
  readonly destinationRules: readonly string[];
  readonly sidecars: readonly string[];
}

const workloadArb = fc.record({
  ns: fc.constantFrom(...NAMESPACES),
  name: fc.constantFrom('w0', 'w1', 'w2'),
  tier: fc.constantFrom('x', 'y'),
  optOut: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  twoPorts: fc.boolean(),
  headless: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
});

const hostArb = fc.oneof(
  fc
    .tuple(fc.constantFrom('w0', 'w1', 'w2'), fc.constantFrom(...NAMESPACES))
    .map(([w, n]) => `${w}.${n}.svc.cluster.local`),
  fc.constantFrom('w0', 'w1', '*', '*.local', '*.svc.cluster.local'),
  fc.constantFrom(...NAMESPACES).map((n) => `*.${n}.svc.cluster.local`),
);

const tlsArb: fc.Arbitrary<TlsSpec> = fc.constantFrom<TlsSpec>(
  null,
  'DISABLE',
  'ISTIO_MUTUAL',
  'SIMPLE',
  {},
  {
    mode: 'SIMPLE',
    credentialName: 'cert',
  },
);

const peerAuthenticationArb = (index: number) =>
  fc
    .record({
      level: fc.constantFrom('mesh', 'namespace', 'workload', 'root-selector'),
      ns: fc.constantFrom(...NAMESPACES),
      target: fc.constantFrom('w0', 'w1', 'w2'),
      tier: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
      mode: fc.constantFrom(...MODES),
      portLevel: fc.option(
        fc.record({ port: fc.constantFrom(8080, 9090, 80), mode: fc.constantFrom(...MODES) }),
        { nil: undefined },
      ),
      created: fc.constantFrom(...TIMES),
    })
    .map((p) => {
      const name = `pa-${index}`;
      const created = p.created === undefined ? {} : { created: p.created };
      if (p.level === 'mesh')
        return peerAuthentication({ ns: ROOT, name, mode: p.mode, ...created });
      if (p.level === 'namespace')
        return peerAuthentication({ ns: p.ns, name, mode: p.mode, ...created });
      const selector = { app: p.target, ...(p.tier ? { tier: p.tier } : {}) };
      return peerAuthentication({
        ns: p.level === 'root-selector' ? ROOT : p.ns,
        name,
        selector,
        mode: p.mode,
        ...(p.portLevel ? { portLevel: { [p.portLevel.port]: p.portLevel.mode } } : {}),
        ...created,
      });
    });

const destinationRuleArb = (index: number) =>
  fc
    .record({
      ns: fc.constantFrom(...NAMESPACES, ROOT),
      host: hostArb,
      tls: tlsArb,
      exportTo: fc.constantFrom<readonly string[] | undefined>(
        undefined,
        ['.'],
        ['*'],
        ['a'],
        ['b', 'c'],
      ),
      selector: fc.option(fc.constantFrom('w0', 'w1'), { nil: undefined, freq: 4 }),
      portLevel: fc.option(fc.record({ port: fc.constantFrom(80, 9090), tls: tlsArb }), {
        nil: undefined,
      }),
      loadBalancer: fc.constantFrom(undefined, 'PASSTHROUGH'),
      created: fc.constantFrom(...TIMES),
    })
    .map((d) =>
      destinationRule({
        ns: d.ns,
        name: `dr-${index}`,
        host: d.host,
        tls: d.tls,
        ...(d.exportTo ? { exportTo: d.exportTo } : {}),
        ...(d.selector ? { selector: { app: d.selector } } : {}),
        ...(d.portLevel ? { portLevel: [d.portLevel] } : {}),
        ...(d.loadBalancer ? { loadBalancer: d.loadBalancer } : {}),
        ...(d.created ? { created: d.created } : {}),
      }),
    );

const sidecarArb = (index: number) =>
  fc
    .record({
      ns: fc.constantFrom(...NAMESPACES, ROOT),
      hosts: fc.constantFrom(
        ['./*'],
        ['*/*'],
        ['a/*'],
        ['./*', 'b/w0.b.svc.cluster.local'],
        ['~/*'],
      ),
      selector: fc.option(fc.constantFrom('w0', 'w1'), { nil: undefined, freq: 3 }),
      outbound: fc.constantFrom(undefined, 'REGISTRY_ONLY' as const),
    })
    .map((s) =>
      sidecar({
        ns: s.ns,
        name: `sc-${index}`,
        hosts: s.hosts,
        ...(s.selector ? { selector: { app: s.selector } } : {}),
        ...(s.outbound ? { outbound: s.outbound } : {}),
      }),
    );

const listOf = <T>(make: (i: number) => fc.Arbitrary<T>, max: number) =>
  fc
    .integer({ min: 0, max })
    .chain((n) =>
      n === 0 ? fc.constant([] as T[]) : fc.tuple(...Array.from({ length: n }, (_, i) => make(i))),
    );

export const meshSpecArb: fc.Arbitrary<MeshSpec> = fc.record({
  namespaces: fc.tuple(
    ...NAMESPACES.map((name) =>
      fc
        .constantFrom<'sidecar' | 'none' | 'ambient'>('sidecar', 'sidecar', 'none', 'ambient')
        .map((dataplane) => ({ name, dataplane })),
    ),
  ),
  workloads: fc.uniqueArray(workloadArb, {
    minLength: 2,
    maxLength: 6,
    selector: (w) => `${w.ns}/${w.name}`,
  }),
  peerAuthentications: listOf(peerAuthenticationArb, 4),
  destinationRules: listOf(destinationRuleArb, 4),
  sidecars: listOf(sidecarArb, 2),
});

export function meshFiles(
  spec: MeshSpec,
  extra: Record<string, string> = {},
): Record<string, string> {
  const namespaceDocs = spec.namespaces.map((n) =>
    ns(
      n.name,
      n.dataplane === 'sidecar'
        ? { 'istio-injection': 'enabled' }
        : n.dataplane === 'ambient'
          ? { 'istio.io/dataplane-mode': 'ambient' }
          : {},
    ),
  );
  const workloadDocs = spec.workloads.flatMap((w) => [
    workload({
      ns: w.ns,
      name: w.name,
      labels: { tier: w.tier, ...(w.optOut ? { 'sidecar.istio.io/inject': 'false' } : {}) },
      ports: w.twoPorts ? [8080, 9090] : [8080],
    }),
    service({
      ns: w.ns,
      name: w.name,
      headless: w.headless,
      ports: [{ port: 80, targetPort: 8080 }, ...(w.twoPorts ? [{ port: 9090, name: 'tcp' }] : [])],
    }),
  ]);
  return {
    'namespaces.yaml': docs(ns(ROOT), ...namespaceDocs),
    'workloads.yaml': docs(...workloadDocs),
    ...(spec.peerAuthentications.length > 0
      ? { 'pa.yaml': docs(...spec.peerAuthentications) }
      : {}),
    ...(spec.destinationRules.length > 0 ? { 'dr.yaml': docs(...spec.destinationRules) } : {}),
    ...(spec.sidecars.length > 0 ? { 'sidecar.yaml': docs(...spec.sidecars) } : {}),
    ...extra,
  };
}
