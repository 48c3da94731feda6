// mTLS engine benchmark: `npx tsx bench/mtls.ts` (or `node --expose-gc --import tsx bench/mtls.ts`
// for heap figures after a full collection). Reports, asserts nothing.
//
// The mesh generator below is this bench's own (deterministic, seeded); bench/generate-mesh.ts is
// being written on another branch and should replace it once merged.
//
// Per size it generates namespaces of 50 workloads (most injected, some legacy without sidecars,
// some ambient), a Service per workload (a quarter with a second, TCP port), PeerAuthentications
// (one mesh-wide, one per namespace, the rest workload policies, some with port-level DISABLE) and
// DestinationRules (most next to their Service, a fixed handful of namespace-wide wildcards, private
// and selector rules, and a few Sidecars). It then evaluates every workload port's mode and the
// transport of every (client class, workload port) pair, then the findings and a diff against a
// head with one policy changed.
import { loadMesh } from '../src/analysis/load/index.js';
import { diffMtls, evaluateMtls, mtlsFindings } from '../src/analysis/mtls/index.js';
import type { MtlsSide } from '../src/analysis/mtls/index.js';
import { buildTopology, pseudoCallers } from '../src/analysis/topology/index.js';
import type { Caller } from '../src/analysis/topology/index.js';

const SIZES = (process.env.BENCH_MTLS_SIZES ?? '1000,2000,5000,10000').split(',').map(Number);
const PER_NAMESPACE = 50;
/** Rules that make a client namespace distinguishable: a fixed number, whatever the mesh size. */
const SPECIAL_RULES = 8;
/**
 * BENCH_MTLS_ROOT_SIDECAR=1 adds a root-namespace Sidecar with `./*`: every namespace then sees a
 * different registry, every namespace is its own client class, and pairs grow as namespaces x ports.
 */
const ROOT_SIDECAR = process.env.BENCH_MTLS_ROOT_SIDECAR === '1';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Generated {
  readonly text: string;
  readonly counts: { peerAuthentications: number; destinationRules: number; namespaces: number };
}

function generate(workloads: number, seed = 42): Generated {
  const random = mulberry32(seed + workloads);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const namespaces = Math.ceil(workloads / PER_NAMESPACE);
  const ns = (i: number) => `ns-${i % namespaces}`;
  const docs: string[] = [
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: istio-system}',
    'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: default, namespace: istio-system}\nspec: {mtls: {mode: STRICT}}',
  ];
  for (let n = 0; n < namespaces; n++) {
    const kind =
      n % 20 === 7
        ? '{}'
        : n % 20 === 13
          ? '{istio.io/dataplane-mode: ambient}'
          : '{istio-injection: enabled}';
    docs.push(`apiVersion: v1\nkind: Namespace\nmetadata: {name: ns-${n}, labels: ${kind}}`);
  }
  for (let i = 0; i < workloads; i++) {
    const twoPorts = i % 4 === 0;
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-${i}, namespace: ${ns(i)}}\nspec:\n  selector: {matchLabels: {app: app-${i}}}\n  template:\n    metadata: {labels: {app: app-${i}, tier: t${i % 3}}}\n    spec:\n      serviceAccountName: app-${i}\n      containers:\n      - name: main\n        image: app\n        ports: [{containerPort: 8080}${twoPorts ? ', {containerPort: 9090}' : ''}]`,
      `apiVersion: v1\nkind: Service\nmetadata: {name: app-${i}, namespace: ${ns(i)}}\nspec:\n  selector: {app: app-${i}}\n  ports: [{name: http, port: 80, targetPort: 8080}${twoPorts ? ', {name: tcp, port: 9090}' : ''}]`,
    );
  }
  const peerAuthentications = Math.round(workloads / 5);
  let pas = 1;
  for (let n = 0; n < namespaces && pas < peerAuthentications; n++, pas++) {
    const mode = pick(['STRICT', 'STRICT', 'PERMISSIVE', 'UNSET']);
    docs.push(
      `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: default, namespace: ns-${n}}\nspec: ${mode === 'UNSET' ? '{}' : `{mtls: {mode: ${mode}}}`}`,
    );
  }
  for (let k = 0; pas < peerAuthentications; k++, pas++) {
    const target = Math.floor(random() * workloads);
    const portLevel = random() < 0.3 ? '\n  portLevelMtls: {9090: {mode: DISABLE}}' : '';
    docs.push(
      `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: pa-${k}, namespace: ${ns(target)}}\nspec:\n  selector: {matchLabels: {app: app-${target}}}\n  mtls: {mode: ${pick(['STRICT', 'PERMISSIVE', 'DISABLE'])}}${portLevel}`,
    );
  }
  const destinationRules = Math.round(workloads / 10);
  for (let d = 0; d < destinationRules; d++) {
    let spec: string;
    if (d < SPECIAL_RULES) {
      // Namespace-wide wildcards, private and selector rules: each makes its namespace a class.
      const variants = [
        `host: "*.svc.cluster.local"\n  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}`,
        `host: "app-${d}.ns-${(d + 1) % namespaces}.svc.cluster.local"\n  exportTo: ["."]\n  trafficPolicy: {tls: {mode: DISABLE}}`,
        `host: "*.ns-${(d + 2) % namespaces}.svc.cluster.local"\n  workloadSelector: {matchLabels: {tier: t1}}\n  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}`,
      ];
      spec = variants[d % variants.length] ?? '';
      docs.push(
        `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: special-${d}, namespace: ns-${d % namespaces}}\nspec:\n  ${spec}`,
      );
      continue;
    }
    const target = Math.floor(random() * workloads);
    const tls = pick([
      '\n  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}',
      '\n  trafficPolicy: {loadBalancer: {simple: ROUND_ROBIN}}',
      '\n  trafficPolicy: {portLevelSettings: [{port: {number: 9090}, tls: {mode: ISTIO_MUTUAL}}]}',
    ]);
    docs.push(
      `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: dr-${d}, namespace: ${ns(target)}}\nspec:\n  host: app-${target}${tls}`,
    );
  }
  if (ROOT_SIDECAR) {
    docs.push(
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: istio-system}\nspec:\n  egress: [{hosts: ["./*", "istio-system/*"]}]',
    );
  }
  for (let s = 0; s < 4; s++) {
    docs.push(
      `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: default, namespace: ns-${(s * 5 + 3) % namespaces}}\nspec:\n  egress: [{hosts: ["./*", "istio-system/*"]}]`,
    );
  }
  return {
    text: docs.join('\n---\n'),
    counts: { peerAuthentications, destinationRules, namespaces },
  };
}

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

interface Row {
  readonly workloads: number;
  readonly ports: number;
  readonly classes: number;
  readonly pairs: number;
  readonly loadMs: number;
  readonly evaluateMs: number;
  readonly findingsMs: number;
  readonly diffMs: number;
  readonly heapMb: number;
  readonly counts: Generated['counts'];
}

function evaluateAll(side: MtlsSide): { ports: number; classes: number; pairs: number } {
  let ports = 0;
  for (const server of side.topology.workloads)
    for (const { port } of server.ports) {
      side.mtls.serverMode(server, port);
      ports++;
    }
  const representatives = new Map<string, Caller>();
  const callers: Caller[] = [
    ...pseudoCallers(),
    ...side.topology.workloads.map((w): Caller => ({ kind: 'workload', id: w.id, workload: w })),
  ];
  for (const caller of callers) {
    const key = side.mtls.clientClass(caller);
    if (!representatives.has(key)) representatives.set(key, caller);
  }
  let pairs = 0;
  for (const caller of representatives.values())
    for (const server of side.topology.workloads)
      for (const { port } of server.ports) {
        side.mtls.transport(caller, server, port);
        pairs++;
      }
  return { ports, classes: representatives.size, pairs };
}

function sideOf(text: string): { side: MtlsSide; loadMs: number } {
  const loaded = time(() => loadMesh([{ path: 'mesh.yaml', text }]));
  const topology = buildTopology(loaded.value.mesh);
  return {
    side: { mesh: loaded.value.mesh, topology, mtls: evaluateMtls(loaded.value.mesh, topology) },
    loadMs: loaded.ms,
  };
}

function run(workloads: number): Row {
  const generated = generate(workloads);
  const before = heapMb();
  const { side, loadMs } = sideOf(generated.text);
  const evaluated = time(() => evaluateAll(side));
  const heap = heapMb() - before;
  const findings = time(() => mtlsFindings(side));
  // A pull request that relaxes one namespace: the diff re-evaluates both sides per class pair.
  const head = sideOf(
    generated.text.replace(
      'metadata: {name: default, namespace: ns-0}\nspec: {mtls: {mode: STRICT}}',
      'metadata: {name: default, namespace: ns-0}\nspec: {mtls: {mode: PERMISSIVE}}',
    ),
  ).side;
  const diff = time(() => diffMtls(side, head));
  void findings.value;
  void diff.value;
  return {
    workloads,
    ...evaluated.value,
    loadMs,
    evaluateMs: evaluated.ms,
    findingsMs: findings.ms,
    diffMs: diff.ms,
    heapMb: heap,
    counts: generated.counts,
  };
}

run(500); // warm up the JIT
const rows = SIZES.map(run);
console.log(
  `mTLS engine: modes of every workload port + transport of every (client class, workload port)${ROOT_SIDECAR ? ', root Sidecar `./*`' : ''}`,
);
console.log(
  'workloads  PAs    DRs   ports  classes  pairs      load ms  evaluate ms  findings ms  diff ms  heap MB',
);
for (const r of rows) {
  console.log(
    [
      String(r.workloads).padStart(9),
      String(r.counts.peerAuthentications).padStart(5),
      String(r.counts.destinationRules).padStart(5),
      String(r.ports).padStart(6),
      String(r.classes).padStart(8),
      String(r.pairs).padStart(9),
      r.loadMs.toFixed(0).padStart(10),
      r.evaluateMs.toFixed(0).padStart(12),
      r.findingsMs.toFixed(0).padStart(12),
      r.diffMs.toFixed(0).padStart(8),
      r.heapMb.toFixed(1).padStart(8),
    ].join(' '),
  );
}
console.log(
  'growth per doubling of workloads (time ratio ^ (1 / log2 size ratio)): ~2 is linear, ~4 quadratic',
);
for (let i = 1; i < rows.length; i++) {
  const a = rows[i - 1];
  const b = rows[i];
  if (a === undefined || b === undefined) continue;
  const doublings = Math.log2(b.workloads / a.workloads);
  const per = (x: number, y: number) => (y / x) ** (1 / doublings);
  console.log(
    `  ${a.workloads} → ${b.workloads}: evaluate ×${per(a.evaluateMs, b.evaluateMs).toFixed(2)}, ` +
      `findings ×${per(a.findingsMs, b.findingsMs).toFixed(2)}, diff ×${per(a.diffMs, b.diffMs).toFixed(2)}, ` +
      `pairs ×${per(a.pairs, b.pairs).toFixed(2)}, heap ×${per(Math.max(a.heapMb, 0.1), Math.max(b.heapMb, 0.1)).toFixed(2)}`,
  );
}
